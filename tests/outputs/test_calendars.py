"""The .ics calendars: read back with icalendar and with vobject (the parser of the Radicale
calendar server and of several clients), times in the meeting's zone, stable UIDs, and
SEQUENCE / LAST-MODIFIED that move when a session or its meeting changes."""

from __future__ import annotations

import datetime as dt
import warnings
from zoneinfo import ZoneInfo

import pytest
import vobject
from django.conf import settings
from django.urls import reverse
from icalendar import Calendar

from meetings import services as meeting_services
from tests.factories import MeetingFactory, SessionFactory
from tests.factories.agendas import agenda_for
from tests.factories.meetings import registrar

ZONE = ZoneInfo(settings.TIME_ZONE)


def _get(client, url) -> Calendar:
    response = client.get(url)
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def _meeting_url(meeting) -> str:
    return reverse(
        "meetings:meeting_ics", kwargs={"body": meeting.body.slug, "number": meeting.number}
    )


@pytest.fixture
def sessions(meeting):
    first = SessionFactory(meeting=meeting, title="Morning session", room="Popov Room")
    second = SessionFactory(
        meeting=meeting,
        title="Afternoon session",
        start_time=dt.time(14, 30),
        end_time=dt.time(17, 30),
        room="Room C",
    )
    return first, second


def test_meeting_calendar_lists_each_session_in_local_time_with_room_and_agenda(
    client, meeting, sessions
):
    agenda_for(meeting)
    calendar = _get(client, _meeting_url(meeting))
    events = calendar.walk("VEVENT")
    assert [str(e["summary"]) for e in events] == [
        "21st meeting of CWG-Internet: Morning session",
        "21st meeting of CWG-Internet: Afternoon session",
    ]
    morning = events[0]
    start = morning.decoded("dtstart")
    assert start == dt.datetime.combine(meeting.start_date, dt.time(9, 30), tzinfo=ZONE)
    assert morning["dtstart"].params["TZID"] == settings.TIME_ZONE
    assert str(morning["location"]) == "Popov Room, ITU Headquarters, Geneva"
    agenda_url = "http://testserver/b/cwg-internet/21/agenda/"
    assert str(morning["url"]) == agenda_url
    assert f"Agenda: {agenda_url}" in str(morning["description"])
    assert str(morning["uid"]) == f"session-{sessions[0].pk}@testserver"
    # The zone the times are given in travels with the file.
    zones = [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")]
    assert zones == [settings.TIME_ZONE]


def test_before_the_agenda_exists_the_event_links_the_meeting_page(client, meeting, sessions):
    event = _get(client, _meeting_url(meeting)).walk("VEVENT")[0]
    assert str(event["url"]) == "http://testserver/b/cwg-internet/21/"
    assert "Agenda:" not in str(event["description"])


def test_a_second_parser_reads_the_calendar_without_warnings(client, meeting, sessions):
    content = client.get(_meeting_url(meeting)).content.decode()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        parsed = vobject.readOne(content, validate=True)
    events = parsed.vevent_list
    assert [e.location.value for e in events] == [
        "Popov Room, ITU Headquarters, Geneva",
        "Room C, ITU Headquarters, Geneva",
    ]
    assert events[1].dtstart.value == dt.datetime.combine(
        meeting.start_date, dt.time(14, 30), tzinfo=ZONE
    ).astimezone(events[1].dtstart.value.tzinfo)
    assert (
        events[1].dtstart.value.utcoffset()
        == dt.datetime.combine(meeting.start_date, dt.time(14, 30), tzinfo=ZONE).utcoffset()
    )


def test_changing_a_session_keeps_its_uid_and_bumps_sequence_and_last_modified(
    client, meeting, sessions
):
    before = _get(client, _meeting_url(meeting)).walk("VEVENT")[0]
    assert client.get(_meeting_url(meeting)).content == client.get(_meeting_url(meeting)).content
    meeting_services.session_update(actor=registrar(), session=sessions[0], room="Room K")
    after = _get(client, _meeting_url(meeting)).walk("VEVENT")[0]
    assert str(after["uid"]) == str(before["uid"])
    assert str(after["location"]).startswith("Room K")
    assert after.decoded("sequence") == before.decoded("sequence") + 1
    assert after.decoded("last-modified") >= before.decoded("last-modified")
    assert after.decoded("dtstamp") == after.decoded("last-modified")

    # Moving the meeting's venue changes where every session is held: each event moves on.
    meeting_services.meeting_update(actor=registrar(), meeting=meeting, venue="CICG, Geneva")
    moved = _get(client, _meeting_url(meeting)).walk("VEVENT")
    assert [str(e["location"]) for e in moved] == ["Room K, CICG, Geneva", "Room C, CICG, Geneva"]
    assert moved[0].decoded("sequence") == after.decoded("sequence") + 1


def test_body_calendar_lists_upcoming_meetings_only_as_all_day_events(client, body, meeting):
    past = MeetingFactory(
        body=body,
        number=20,
        start_date=dt.date(2024, 9, 10),
        end_date=dt.date(2024, 9, 11),
        contribution_deadline=None,
    )
    calendar = _get(client, reverse("meetings:body_ics", kwargs={"body": body.slug}))
    events = calendar.walk("VEVENT")
    assert [str(e["summary"]) for e in events] == ["21st meeting of CWG-Internet"]
    assert str(events[0]["uid"]) == f"meeting-{meeting.pk}@testserver"
    assert events[0].decoded("dtstart") == meeting.start_date
    assert events[0].decoded("dtend") == meeting.end_date + dt.timedelta(days=1)
    assert str(events[0]["location"]) == "ITU Headquarters, Geneva"
    assert past.display_name not in calendar.to_ical().decode()


def test_meeting_page_offers_the_calendar_and_the_body_page_too(client, meeting, sessions):
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Add to calendar" in page
    assert 'type="text/calendar"' in page
    assert _meeting_url(meeting) in page
    body_page = client.get(meeting.body.get_absolute_url()).content.decode()
    assert "Add upcoming meetings to calendar" in body_page
    assert reverse("meetings:body_ics", kwargs={"body": meeting.body.slug}) in body_page


def test_unknown_meeting_has_no_calendar(client, body):
    response = client.get(reverse("meetings:meeting_ics", kwargs={"body": body.slug, "number": 99}))
    assert response.status_code == 404
    assert b"VCALENDAR" not in response.content


def test_calendars_cost_the_same_queries_for_1_and_20_rows(
    client, body, meeting, django_assert_max_num_queries
):
    agenda_for(meeting)
    SessionFactory(meeting=meeting)
    MeetingFactory(body=body, number=30)
    with django_assert_max_num_queries(3):
        assert len(_get(client, _meeting_url(meeting)).walk("VEVENT")) == 1
    with django_assert_max_num_queries(3):
        client.get(reverse("meetings:body_ics", kwargs={"body": body.slug}))
    for n in range(19):
        SessionFactory(
            meeting=meeting,
            date=meeting.end_date if n >= 10 else meeting.start_date,
            start_time=dt.time(7 + n % 10, 0),
            end_time=dt.time(7 + n % 10, 30),
            room=f"Room {n}",
        )
        MeetingFactory(body=body, number=31 + n)
    with django_assert_max_num_queries(3):
        assert len(_get(client, _meeting_url(meeting)).walk("VEVENT")) == 20
    with django_assert_max_num_queries(3):
        body_calendar = _get(client, reverse("meetings:body_ics", kwargs={"body": body.slug}))
    assert len(body_calendar.walk("VEVENT")) == 21
