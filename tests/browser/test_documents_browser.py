"""The secretariat registers a document in a real browser (headless Chromium): the symbol
shown before saving follows the meeting and series chosen (htmx), and the saved document's
page shows its symbol, text and citations."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from documents import services
from documents.enums import Access
from documents.models import Document
from tests.browser.test_meetings_browser import login
from tests.factories.documents import DocumentFactory, InstrumentFactory, derive
from tests.factories.meetings import BodyFactory, MeetingFactory, registrar
from tests.shots import SHOTS

pytestmark = pytest.mark.browser


@pytest.fixture
def registry(meeting, people):
    """A small registry: a meeting of another body with the outline, a contribution citing
    it, a revision, a restricted document and a resolution."""
    wsis = BodyFactory(acronym="CWG-WSIS&SDG")
    meeting42 = MeetingFactory(
        body=wsis, number=42, start_date=dt.date(2025, 2, 10), end_date=dt.date(2025, 2, 11)
    )
    InstrumentFactory()
    DocumentFactory(
        meeting=meeting,
        title="Draft agenda of the 21st meeting of CWG-Internet",
        source="Chair",
        doc_type="agenda",
        date=dt.date(2025, 2, 20),
    )
    for number in range(1, 13):
        DocumentFactory(
            meeting=meeting42,
            title=f"Contribution {number} to the WSIS+20 review",
            source="Brazil" if number % 2 else "Kenya",
            date=dt.date(2025, 1, number + 10),
        )
    outline = DocumentFactory(
        meeting=meeting42,
        title="Draft outline WSIS+20 Report on ITU's contribution to the implementation of "
        "and follow-up to the WSIS outcomes and its role in achieving the SDGs",
        source="Secretary-General",
        doc_type="report",
        purpose="discussion",
        languages=["ar", "zh", "en", "fr", "ru", "es"],
        date=dt.date(2025, 1, 27),
        text="Resolution 140 (Rev. Bucharest, 2022) instructs the Secretary-General to "
        "prepare and submit a WSIS+20 report.\n\nThe Group is invited to comment on the "
        "outline in Documents CWG-WSIS&SDG-42/2 and /3.",
    )
    derive(outline, "Rev", text="The revised outline.", date=dt.date(2025, 2, 5))
    services.document_list_for_meeting(actor=registrar(), document=outline, meeting=meeting)
    DocumentFactory(
        meeting=meeting42,
        title="List of participants",
        series="INF",
        access=Access.RESTRICTED,
        date=dt.date(2025, 2, 11),
    )
    return outline


def test_secretariat_registers_a_document_in_the_browser(page, live_server, meeting, registry):
    login(page, live_server, "secretariat")
    page.goto(f"{live_server.url}/documents/")
    expect(page.get_by_role("heading", name="Documents", exact=True)).to_be_visible()
    expect(page.get_by_test_id("documents")).to_contain_text("CWG-WSIS&SDG-42/13")
    page.screenshot(path=SHOTS / "documents_list.png", full_page=True)

    page.get_by_role("link", name="Register a document").first.click()
    page.get_by_label("Meeting").select_option(
        label="CWG-Internet-21 — 21st meeting of CWG-Internet"
    )
    preview = page.get_by_test_id("next-symbol")
    expect(preview).to_contain_text("Will be registered as CWG-Internet-21/2")
    page.get_by_label("Series").select_option("INF")
    expect(preview).to_contain_text("Will be registered as CWG-Internet-21/INF/1")
    page.get_by_label("Series").select_option("")
    expect(preview).to_contain_text("Will be registered as CWG-Internet-21/2")

    page.locator("#id_doc_type").select_option("contribution")
    page.get_by_label("Purpose").select_option("decision")
    page.get_by_label("Title").fill(
        "Proposal for a new agenda item on the WSIS+20 report on ITU's contribution"
    )
    page.get_by_label("Source").fill("Russian Federation")
    page.get_by_label("Date").fill("2025-03-03")
    page.get_by_label("Original language").select_option("ru")
    page.get_by_label("Russian", exact=True).check()
    page.get_by_label("Text", exact=True).fill(
        "References: Document CWG-Internet-21/1, Document CWG-WSIS&SDG-42/13, "
        "PP Resolutions 102 and 140 (Rev. Bucharest, 2022)\n\n"
        "To include a new item on the WSIS+20 report in the agenda of the 21st meeting."
    )
    page.screenshot(path=SHOTS / "documents_register_form.png", full_page=True)
    page.get_by_role("button", name="Register document").click()

    expect(page).to_have_url(re.compile(r"/documents/d/CWG-Internet-21/2$"))
    expect(page.get_by_role("alert")).to_contain_text("CWG-Internet-21/2 was registered.")
    expect(page.get_by_test_id("symbol")).to_have_text("CWG-Internet-21/2")
    metadata = page.get_by_test_id("metadata")
    expect(metadata).to_contain_text("Original: Russian")
    expect(metadata).to_contain_text("Issued in: English, Russian")
    text = page.get_by_test_id("document-text")
    expect(text.get_by_role("link", name="CWG-WSIS&SDG-42/13")).to_have_attribute(
        "href", "/documents/d/CWG-WSIS&SDG-42/13"
    )
    expect(page.get_by_test_id("cites")).to_contain_text(
        "PP Resolution 102 (Rev. Bucharest, 2022): ITU's role with regard to international"
    )
    page.screenshot(path=SHOTS / "documents_detail_new.png", full_page=True)
    expect(page.get_by_test_id("cites")).to_contain_text(
        "CWG-Internet-21/1 Draft agenda of the 21st meeting of CWG-Internet"
    )
    assert Document.objects.get(symbol="CWG-Internet-21/2").source == "Russian Federation"

    # The cited document's page now names it under "Cited by", and it is also listed for
    # the 21st meeting.
    text.get_by_role("link", name="CWG-WSIS&SDG-42/13").click()
    expect(page.get_by_test_id("cited-by")).to_contain_text("CWG-Internet-21/2")
    expect(page.get_by_test_id("listings")).to_contain_text(
        "Also an official document of the 21st meeting of CWG-Internet"
    )
    expect(page.get_by_test_id("superseded")).to_contain_text("CWG-WSIS&SDG-42/13(Rev.1)")
    page.screenshot(path=SHOTS / "documents_detail.png", full_page=True)

    page.goto(f"{live_server.url}{meeting.get_absolute_url()}")
    panel = page.get_by_test_id("meeting-documents")
    expect(panel).to_contain_text("Listed from CWG-WSIS&SDG-42")
    expect(panel).to_contain_text("CWG-Internet-21/2")
    page.screenshot(path=SHOTS / "documents_meeting_panel.png", full_page=True)


def test_registry_search_and_filters_in_the_browser(page, live_server, registry):
    page.goto(f"{live_server.url}/documents/")
    # Restricted: not for the public.
    expect(page.get_by_test_id("documents")).not_to_contain_text("List of participants")
    page.get_by_label("Search the documents").fill("outline")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_test_id("result-count")).to_contain_text("match “outline”")
    expect(page.get_by_test_id("documents")).to_contain_text("CWG-WSIS&SDG-42/13")
    page.screenshot(path=SHOTS / "documents_search.png", full_page=True)

    page.get_by_label("Search the documents").fill("CWG-Internet-21/")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_test_id("search-notice")).to_contain_text(
        "“CWG-Internet-21/” is not a document symbol"
    )

    page.get_by_label("Go to symbol").fill("cwg-wsis&sdg-42/13 rev.1")
    page.get_by_role("button", name="Go", exact=True).click()
    expect(page).to_have_url(re.compile(r"/documents/d/CWG-WSIS&SDG-42/13\(Rev\.1\)$"))
    expect(page.get_by_test_id("derived-from")).to_contain_text("Revises CWG-WSIS&SDG-42/13")


def test_registry_fits_a_phone_screen(page, live_server, registry):
    page.set_viewport_size({"width": 390, "height": 844})
    for name, path in [
        ("documents_list_mobile", "/documents/"),
        ("documents_detail_mobile", registry.get_absolute_url()),
    ]:
        page.goto(f"{live_server.url}{path}")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        page.screenshot(path=SHOTS / f"{name}.png", full_page=True)
