"""The secretariat publishes a document as PDF from its page in a real browser, with a real
Celery worker: the state changes on the page by itself (htmx polling, no reload), the PDF
downloads and reads back; a failed render shows its reason and Retry publishes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from documents.enums import PublicationState
from documents.models import Publication
from tests.browser.helpers import login
from tests.documents.publishing_support import (
    ARABIC,
    CHINESE,
    RUSSIAN,
    TITLE,
    make_document,
    pdf_text,
)
from tests.shots import SHOTS

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("pdf_media")]


def _mark_page(page) -> None:
    """A value that only survives while the page is not reloaded."""
    page.evaluate("window.__notReloaded = true")


def _not_reloaded(page) -> bool:
    return page.evaluate("window.__notReloaded === true")


def test_publish_shows_queued_while_no_worker_runs(page, live_server, meeting, people):
    document = make_document(meeting)
    login(page, live_server, "secretariat")
    page.goto(f"{live_server.url}{document.get_absolute_url()}")
    panel = page.get_by_test_id("publications")
    expect(panel).to_contain_text("This document has not been published as PDF yet.")
    panel.scroll_into_view_if_needed()
    page.screenshot(path=SHOTS / "publish_before.png", full_page=True)

    _mark_page(page)
    panel.get_by_role("button", name="Publish as PDF").click()
    expect(panel.get_by_test_id("publication-state")).to_have_text("Queued")
    expect(panel).to_contain_text("this page updates by itself")
    expect(panel.get_by_role("button", name="Publish as PDF")).to_have_count(0)
    # The panel keeps asking while queued.
    expect(panel).to_have_attribute("hx-trigger", "every 1s")
    page.screenshot(path=SHOTS / "publish_queued.png", full_page=True)
    assert _not_reloaded(page)
    assert Publication.objects.get(document=document).state == PublicationState.QUEUED


@pytest.mark.worker
@pytest.mark.usefixtures("celery_worker_thread")
def test_secretariat_registers_publishes_and_downloads_the_pdf(page, live_server, meeting, people):
    """The whole journey: register in the browser, publish, watch the state change without
    a reload, download the PDF and read it back."""
    login(page, live_server, "secretariat")
    page.goto(f"{live_server.url}/documents/new/")
    page.get_by_label("Meeting").select_option(
        label="CWG-Internet-21 — 21st meeting of CWG-Internet"
    )
    page.locator("#id_doc_type").select_option("contribution")
    page.get_by_label("Purpose").select_option("decision")
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Source").fill("Russian Federation")
    page.get_by_label("Date").fill("2025-01-14")
    page.get_by_label("Text", exact=True).fill(
        "\n\n".join(["The Group is invited to decide.", ARABIC + ".", CHINESE, RUSSIAN])
    )
    page.get_by_role("button", name="Register document").click()
    expect(page).to_have_url(re.compile(r"/documents/d/CWG-Internet-21/1$"))

    panel = page.get_by_test_id("publications")
    _mark_page(page)
    panel.get_by_role("button", name="Publish as PDF").click()
    state = panel.get_by_test_id("publication-state")
    expect(state).to_have_text(re.compile("Queued|Rendering|Published"))
    expect(state).to_have_text("Published", timeout=60_000)
    assert _not_reloaded(page), "the page reloaded instead of updating the panel"
    expect(panel).not_to_have_attribute("hx-trigger", re.compile(".*"))  # polling stopped
    expect(panel).to_contain_text("1 page")
    publication = Publication.objects.get(document__symbol="CWG-Internet-21/1")
    expect(panel).to_contain_text(publication.checksum)
    panel.scroll_into_view_if_needed()
    page.screenshot(path=SHOTS / "publish_published.png", full_page=True)

    with page.expect_download() as download_info:
        panel.get_by_role("link", name="Download PDF").click()
    download = download_info.value
    assert download.suggested_filename == "CWG-Internet-21-1-v1.pdf"
    content = Path(download.path()).read_bytes()
    text = pdf_text(content)
    for expected in (
        "Document CWG-Internet-21/1",
        "14 January 2025",
        "Original: English",
        "Contribution from the Russian Federation",
        TITLE,
        "Purpose For decision",
        "The Group is invited to decide.",
        ARABIC,
        CHINESE,
        RUSSIAN,
        "CWG-Internet-21/1 page 1 of 1",
    ):
        assert expected in text
    (SHOTS / "publish_download.pdf").write_bytes(content)

    page.set_viewport_size({"width": 390, "height": 844})
    panel.scroll_into_view_if_needed()
    page.screenshot(path=SHOTS / "publish_published_phone.png", full_page=True)


@pytest.mark.worker
@pytest.mark.usefixtures("celery_worker_thread")
def test_failed_render_shows_the_reason_and_retry_publishes(
    page, live_server, meeting, people, remote_stylesheet_template
):
    server = remote_stylesheet_template
    document = make_document(meeting)
    login(page, live_server, "secretariat")
    page.goto(f"{live_server.url}{document.get_absolute_url()}")
    panel = page.get_by_test_id("publications")
    _mark_page(page)

    panel.get_by_role("button", name="Publish as PDF").click()
    state = panel.get_by_test_id("publication-state")
    expect(state).to_have_text("Failed", timeout=60_000)
    expect(panel.get_by_test_id("publication-error")).to_have_text(
        f"The text refers to {server.url}/brand.css, which publications may not load."
    )
    panel.scroll_into_view_if_needed()
    page.screenshot(path=SHOTS / "publish_failed.png", full_page=True)
    assert server.requests == []

    server.restore_template()
    panel.get_by_role("button", name=re.compile("^Retry")).click()
    expect(state).to_have_text("Published", timeout=60_000)
    expect(panel.get_by_test_id("publication-error")).to_have_count(0)
    assert _not_reloaded(page)
    page.screenshot(path=SHOTS / "publish_retried.png", full_page=True)
