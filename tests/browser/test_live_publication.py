"""Issue 14, items 7 and 8, in a real browser at desktop and phone width: a page that shows a
publication follows it without a reload and offers the download once the PDF exists (the
agenda's revision page after "Issue"); a submitted contribution gets its PDF by itself.
The render is run here, in the test, while the page is open: what the worker would do."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from agendas.enums import ProposalState
from agendas.services import agenda_issue_revision
from documents.enums import PublicationState
from documents.models import Publication
from documents.publishing import publication_run
from tests.browser.helpers import login
from tests.factories.agendas import agenda_for, items
from tests.factories.proposals import proposal_in_state
from tests.shots import SHOTS

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("pdf_media")]
WIDTHS = {"desktop": 1280, "phone": 390}


@pytest.fixture(params=list(WIDTHS))
def width(request):
    return request.param


def login_at(page, live_server, username: str, width: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    login(page, live_server, username)
    page.set_viewport_size({"width": WIDTHS[width], "height": 844})


def _render(document) -> Publication:
    publication = Publication.objects.get(document=document)
    assert publication.state == PublicationState.QUEUED
    publication_run(publication_id=publication.pk, token="test-worker")
    publication.refresh_from_db()
    assert publication.state == PublicationState.PUBLISHED
    return publication


def test_revision_page_follows_the_pdf_until_it_can_be_downloaded(
    page, live_server, meeting, people, width
):
    agenda = agenda_for(meeting)
    items(agenda, "Opening of the meeting", "Adoption of the agenda")
    revision = agenda_issue_revision(agenda=agenda, user=people["secretariat"])
    login_at(page, live_server, "secretariat", width)
    page.goto(f"{live_server.url}{revision.get_absolute_url()}")
    status = page.get_by_test_id("pdf-status")
    expect(status).to_contain_text("Queued")
    expect(status.get_by_role("link", name="Download PDF")).to_have_count(0)
    page.screenshot(path=SHOTS / f"live_revision_queued_{width}.png", full_page=True)
    page.evaluate("window.__notReloaded = true")

    publication = _render(revision.document)
    link = status.get_by_role("link", name=f"Download PDF (version {publication.version})")
    expect(link).to_be_visible()
    expect(status).to_contain_text("Published")
    assert page.evaluate("window.__notReloaded === true")
    # Final state: the line stops asking.
    expect(page.get_by_test_id("pdf-status")).not_to_have_attribute("hx-trigger", "every 1s")
    page.screenshot(path=SHOTS / f"live_revision_published_{width}.png", full_page=True)
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename.endswith(".pdf")


def test_a_submitted_contribution_is_published_as_pdf_by_itself(
    page, live_server, meeting, people, width
):
    proposal = proposal_in_state(ProposalState.SUBMITTED, people=people, meeting=meeting)
    login_at(page, live_server, "delegate", width)
    page.goto(f"{live_server.url}{proposal.document.get_absolute_url()}")
    panel = page.get_by_test_id("publications")
    expect(panel.get_by_test_id("publication-state")).to_have_text("Queued")
    expect(panel).not_to_contain_text("not been published as PDF yet")
    page.screenshot(path=SHOTS / f"contribution_pdf_queued_{width}.png", full_page=True)

    publication = _render(proposal.document)
    expect(panel.get_by_test_id("publication-state")).to_have_text("Published")
    link = panel.get_by_role("link", name=f"Download PDF of version {publication.version}")
    expect(link).to_be_visible()
    page.screenshot(path=SHOTS / f"contribution_pdf_published_{width}.png", full_page=True)
