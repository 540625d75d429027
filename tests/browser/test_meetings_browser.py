"""The secretariat schedules a session through a real browser (headless Chromium)."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import login
from tests.factories.meetings import PASSWORD
from tests.shots import SHOTS

pytestmark = pytest.mark.browser


def test_secretariat_creates_a_session_in_the_browser(page, live_server, meeting, people):
    login(page, live_server, "secretariat")
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="21st meeting of CWG-Internet").click()
    expect(
        page.get_by_text("No sessions have been scheduled for this meeting yet.")
    ).to_be_visible()
    page.screenshot(path=SHOTS / "meeting_detail_empty.png", full_page=True)

    page.get_by_role("link", name="Add session").click()
    page.get_by_label("Title").fill("Opening session")
    page.get_by_label("Date").fill(meeting.start_date.isoformat())
    page.get_by_label("Start time").fill("09:30")
    page.get_by_label("End time").fill("12:30")
    page.get_by_label("Room").fill("Popov Room")
    page.screenshot(path=SHOTS / "session_form.png", full_page=True)
    page.get_by_role("button", name="Add session").click()

    expect(page).to_have_url(re.compile(r"/b/cwg-internet/21/$"))
    expect(page.get_by_role("alert")).to_contain_text("was added")
    table = page.get_by_test_id("sessions")
    expect(table).to_contain_text("Opening session")
    expect(table).to_contain_text("09:30–12:30")
    expect(table).to_contain_text("Popov Room")
    page.screenshot(path=SHOTS / "meeting_detail.png", full_page=True)
    assert meeting.sessions.get().start_time == dt.time(9, 30)


def test_session_form_error_keeps_what_was_typed(page, live_server, meeting, people):
    login(page, live_server, "secretariat")
    page.goto(f"{live_server.url}{meeting.get_absolute_url()}sessions/new/")
    page.get_by_label("Title").fill("Evening session")
    page.get_by_label("Date").fill(meeting.start_date.isoformat())
    page.get_by_label("Start time").fill("18:00")
    page.get_by_label("End time").fill("17:00")
    page.get_by_role("button", name="Add session").click()
    expect(page.get_by_text("The session must end after it starts.", exact=True)).to_be_visible()
    # The error summary at the top repeats it, with a link to the field.
    expect(page.get_by_test_id("error-summary")).to_contain_text(
        "End time: The session must end after it starts."
    )
    expect(page.get_by_label("Title")).to_have_value("Evening session")
    assert meeting.sessions.count() == 0


def test_pages_fit_a_phone_screen(page, live_server, meeting, people):
    """At 390 px the navigation collapses and nothing scrolls sideways."""
    page.set_viewport_size({"width": 390, "height": 844})
    login_page = f"{live_server.url}/accounts/login/"
    page.goto(login_page)
    page.get_by_label("Username").fill("chair")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(f"{live_server.url}{meeting.get_absolute_url()}")
    expect(page.get_by_role("button", name="Toggle navigation")).to_be_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    page.screenshot(path=SHOTS / "meeting_detail_mobile.png", full_page=True)
