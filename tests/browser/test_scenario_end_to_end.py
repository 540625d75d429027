"""The scenario to the end, in a real browser with a real Celery worker and a real
WeasyPrint render: the draft agenda of the 21st CWG-Internet meeting has been issued; the
chair includes the Russian Federation's proposal; the secretariat issues Rev.1; the PDF of
Rev.1, downloaded and read back, lists the new item with CWG-WSIS&SDG-42/13."""

from __future__ import annotations

import datetime as dt
import re
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from agendas.enums import FixedItem, ProposalState
from agendas.models import AgendaRevision
from agendas.proposals.demo import SCENARIO, SCENARIO_TITLE
from agendas.services import agenda_get_or_create, agenda_issue_revision, agenda_item_add
from documents.enums import PublicationState
from documents.models import Publication, SymbolCounter
from documents.services import document_register
from meetings.models import Body
from tests.browser.helpers import login
from tests.documents.publishing_support import pdf_text
from tests.factories.agendas import SYSTEM
from tests.factories.meetings import MeetingFactory, registrar
from tests.factories.proposals import proposal_in_state
from tests.shots import SHOTS

S = ProposalState

pytestmark = [
    pytest.mark.browser,
    pytest.mark.worker,
    pytest.mark.usefixtures("pdf_media", "celery_worker_thread"),
]


def _published(document, timeout: float = 90) -> Publication:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        publication = Publication.objects.filter(document=document).first()
        if publication and publication.state == PublicationState.PUBLISHED:
            return publication
        if publication and publication.state == PublicationState.FAILED:
            pytest.fail(f"The PDF of {document.symbol} failed: {publication.error}")
        time.sleep(0.2)
    pytest.fail(f"The PDF of {document.symbol} was not published within {timeout} s.")


def test_the_included_proposal_is_in_the_pdf_of_rev_1(page, live_server, people, meeting):
    secretariat = people["secretariat"]
    agenda = agenda_get_or_create(meeting=meeting, user=secretariat)
    for title, fixed in [
        ("Opening of the meeting", FixedItem.OPENING),
        ("Adoption of the agenda", FixedItem.ADOPTION),
        ("Any other business", FixedItem.AOB),
    ]:
        agenda_item_add(agenda=agenda, actor=SYSTEM, title=title, fixed=fixed)
    first = agenda_issue_revision(agenda=agenda, user=secretariat)
    assert first.document.symbol == "CWG-Internet-21/1"
    _published(first.document)

    wsis42 = MeetingFactory(
        body=Body.objects.get(acronym="CWG-WSIS&SDG"),
        number=42,
        start_date=dt.date(2025, 2, 10),
        end_date=dt.date(2025, 2, 11),
    )
    SymbolCounter.objects.create(meeting=wsis42, series="", last_number=12)
    document_register(
        actor=registrar(),
        meeting=wsis42,
        title="Draft outline WSIS+20 Report on ITU's contribution",
        source="Secretary-General",
    )
    proposal = proposal_in_state(S.UNDER_CONSIDERATION, people=people, meeting=meeting, **SCENARIO)

    # The chair includes it.
    login(page, live_server, "chair")
    page.goto(f"{live_server.url}/proposals/decisions/")
    card = page.get_by_test_id("decision-card").filter(has_text=proposal.document.symbol)
    card.get_by_label("Include in the agenda").check()
    card.get_by_label("Rationale").fill("Within the mandate of the group.")
    card.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_role("alert")).to_contain_text(f"{proposal.document.symbol} is included")

    # The secretariat issues Rev.1 from the agenda page.
    login(page, live_server, "secretariat")
    page.goto(f"{live_server.url}/b/cwg-internet/21/agenda/")
    expect(page.get_by_text(SCENARIO_TITLE).first).to_be_visible()
    page.get_by_role("button", name="Issue Rev.1").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "Rev.1 was issued as CWG-Internet-21/1(Rev.1)"
    )
    revision = AgendaRevision.objects.get(agenda=agenda, number=1)
    _published(revision.document)
    page.reload()
    expect(page.get_by_test_id("pdf-state")).to_contain_text("Published")
    page.screenshot(path=SHOTS / "scenario_rev1.png", full_page=True)

    # Download it from the document page and read it back.
    page.goto(f"{live_server.url}{revision.document.get_absolute_url()}")
    with page.expect_download() as download_info:
        page.get_by_test_id("publications").get_by_role("link", name="Download PDF").click()
    content = Path(download_info.value.path()).read_bytes()
    (SHOTS / "scenario_rev1.pdf").write_bytes(content)
    text = pdf_text(content)
    assert "CWG-Internet-21/1(Rev.1)" in text
    assert "WSIS+20 report on ITU's contribution to the implementation of and follow-up to" in (
        text
    )
    assert "CWG-WSIS&SDG-42/13" in text
    # Item 3, after the opening items and before "Any other business".
    assert re.search(r"3\s+WSIS\+20 report on ITU", text), text
    assert text.index("WSIS+20 report") < text.index("Any other business")
