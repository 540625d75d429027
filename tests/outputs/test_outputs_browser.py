"""In a real browser: the meeting page offers its calendar, and the secretariat drafts,
edits and registers the summary of decisions."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from agendas.enums import ProposalState
from tests.browser.helpers import login
from tests.factories import SessionFactory
from tests.factories.agendas import agenda_for
from tests.factories.proposals import proposal_in_state
from tests.shots import SHOTS

pytestmark = pytest.mark.browser

TITLE = "WSIS+20 report on ITU's contribution to the implementation of WSIS outcomes"


def test_secretariat_downloads_the_calendar_and_registers_the_summary(
    page, live_server, meeting, people
):
    SessionFactory(meeting=meeting, title="Morning session", room="Popov Room")
    agenda_for(meeting)
    proposal_in_state(ProposalState.INCLUDED, people=people, meeting=meeting, title=TITLE)
    login(page, live_server, "secretariat")
    page.goto(f"{live_server.url}/b/cwg-internet/21/")
    page.screenshot(path=SHOTS / "outputs_meeting_page.png", full_page=True)

    with page.expect_download() as download:
        page.get_by_test_id("add-to-calendar").click()
    assert download.value.suggested_filename == "cwg-internet-21.ics"
    calendar = Calendar.from_ical(Path(download.value.path()).read_bytes())
    assert [str(e["summary"]) for e in calendar.walk("VEVENT")] == [
        "21st meeting of CWG-Internet: Morning session"
    ]

    page.get_by_role("link", name="Summary of decisions").click()
    text = page.get_by_label("Text")
    expect(text).to_have_value(re.compile(r"Rationale: Rationale for include\."))
    expect(page.get_by_test_id("summary-items")).to_contain_text(TITLE)
    page.screenshot(path=SHOTS / "outputs_summary_of_decisions.png", full_page=True)
    text.fill(text.input_value() + "\nThe meeting closed at 17:30.\n")
    page.get_by_role("button", name="Register and publish as PDF").click()

    expect(page.get_by_role("alert")).to_contain_text("was registered; its PDF is being published")
    expect(page.locator("main")).to_contain_text("The meeting closed at 17:30.")
    expect(page.locator("main")).to_contain_text("Rationale: Rationale for include.")
    page.screenshot(path=SHOTS / "outputs_summary_registered.png", full_page=True)
