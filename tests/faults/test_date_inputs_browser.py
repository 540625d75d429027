"""Issue 11, item 11: date inputs carried "14/01/2025", which Chromium shows as an empty
field. The edit forms must show the stored date (and time)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.helpers import login
from tests.factories.documents import DocumentFactory
from tests.factories.meetings import SessionFactory

pytestmark = [pytest.mark.browser, pytest.mark.faults]


def test_document_edit_form_shows_the_stored_date(page, live_server, meeting, people):
    document = DocumentFactory(meeting=meeting, date=dt.date(2025, 1, 14))
    login(page, live_server, "secretariat")
    page.goto(live_server.url + reverse("documents:edit", kwargs={"symbol": document.symbol}))
    date = page.locator("input[name=date]")
    expect(date).to_have_value("2025-01-14")
    assert page.evaluate("document.querySelector('input[name=date]').valueAsNumber") > 0


def test_meeting_and_session_edit_forms_show_the_stored_dates_and_times(
    page, live_server, meeting, people
):
    session = SessionFactory(
        meeting=meeting,
        date=meeting.start_date,
        start_time=dt.time(9, 30),
        end_time=dt.time(12, 30),
    )
    kwargs = {"body": meeting.body.slug, "number": meeting.number}
    login(page, live_server, "secretariat")
    page.goto(live_server.url + reverse("meetings:meeting_edit", kwargs=kwargs))
    expect(page.locator("input[name=start_date]")).to_have_value(meeting.start_date.isoformat())
    expect(page.locator("input[name=end_date]")).to_have_value(meeting.end_date.isoformat())

    page.goto(
        live_server.url + reverse("meetings:session_edit", kwargs={**kwargs, "pk": session.pk})
    )
    expect(page.locator("input[name=date]")).to_have_value(meeting.start_date.isoformat())
    expect(page.locator("input[name=start_time]")).to_have_value("09:30")
    expect(page.locator("input[name=end_time]")).to_have_value("12:30")
