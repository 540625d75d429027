"""Calendars (.ics) of a meeting's sessions and of a body's upcoming meetings.

Each event's UID is made of the row's pk and the site's host, so a calendar that subscribes
to the file updates the same event instead of adding a copy; SEQUENCE, LAST-MODIFIED and
DTSTAMP come from the rows' ``sequence`` and ``updated_at``, which every change bumps (the
file is then the same bytes until something changes). Times are the local times of the
meeting in ``settings.TIME_ZONE``, with its VTIMEZONE in the file.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_GET

from config.permissions import require_perm
from meetings import selectors
from meetings.models import Body, Meeting, Session

if TYPE_CHECKING:
    from icalendar import Calendar, Event

PRODID = "-//Agendum//Meetings of intergovernmental bodies//EN"


def _site(request) -> str:
    return request.get_host().split(":")[0]


def _has_agenda(meeting_ids: list[int]) -> set[int]:
    # The agenda lives in the agendas app, which meetings does not import: the reverse
    # relation's name is enough to ask whether one exists.
    return set(
        Meeting.objects.filter(pk__in=meeting_ids, agendas__kind="agenda").values_list(
            "pk", flat=True
        )
    )


def _agenda_url(request, meeting: Meeting) -> str:
    return request.build_absolute_uri(
        reverse("agendas:agenda", kwargs={"body": meeting.body.slug, "number": meeting.number})
    )


def _calendar(name: str) -> Calendar:
    # icalendar (80 modules, 1.5 MB) is imported by the first calendar a web worker serves,
    # not by every worker at start (issue 15: a web worker's memory).
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    return calendar


def _stamp(event: Event, *, sequence: int, changed: dt.datetime) -> None:
    changed = changed.astimezone(dt.UTC).replace(microsecond=0)
    event.add("sequence", sequence)
    event.add("last-modified", changed)
    event.add("dtstamp", changed)


def _description(request, meeting: Meeting, with_agenda: bool) -> str:
    lines = [meeting.body.name, request.build_absolute_uri(meeting.get_absolute_url())]
    if with_agenda:
        lines.append(_("Agenda: %(url)s") % {"url": _agenda_url(request, meeting)})
    return "\n".join(lines)


def session_event(request, session: Session, *, with_agenda: bool) -> Event:
    from icalendar import Event

    meeting = session.meeting
    zone = ZoneInfo(settings.TIME_ZONE)
    event = Event()
    event.add("uid", f"session-{session.pk}@{_site(request)}")
    title = meeting.display_name
    if session.title:
        # Translators: a session's event in a calendar app: "21st meeting of CWG-Internet:
        # Morning session".
        title = pgettext("calendar event", "%(meeting)s: %(session)s") % {
            "meeting": meeting.display_name,
            "session": session.title,
        }
    event.add("summary", title)
    event.add("dtstart", dt.datetime.combine(session.date, session.start_time, tzinfo=zone))
    event.add("dtend", dt.datetime.combine(session.date, session.end_time, tzinfo=zone))
    where = ", ".join(part for part in (session.room, meeting.venue) if part)
    if where:
        event.add("location", where)
    event.add("description", _description(request, meeting, with_agenda))
    link = _agenda_url(request, meeting) if with_agenda else meeting.get_absolute_url()
    event.add("url", request.build_absolute_uri(link))
    # The meeting's venue is part of each session's event: a change of either updates it.
    _stamp(
        event,
        sequence=session.sequence + meeting.sequence,
        changed=max(session.updated_at, meeting.updated_at),
    )
    return event


def meeting_event(request, meeting: Meeting, *, with_agenda: bool) -> Event:
    from icalendar import Event

    event = Event()
    event.add("uid", f"meeting-{meeting.pk}@{_site(request)}")
    event.add("summary", meeting.display_name)
    # All-day events: DTEND is the day after the last day (RFC 5545, 3.6.1).
    event.add("dtstart", meeting.start_date)
    event.add("dtend", meeting.end_date + dt.timedelta(days=1))
    if meeting.venue:
        event.add("location", meeting.venue)
    event.add("description", _description(request, meeting, with_agenda))
    event.add("url", request.build_absolute_uri(meeting.get_absolute_url()))
    _stamp(event, sequence=meeting.sequence, changed=meeting.updated_at)
    return event


def meeting_calendar(request, meeting: Meeting) -> bytes:
    sessions = list(selectors.meeting_sessions(meeting=meeting))
    for session in sessions:
        session.meeting = meeting
    with_agenda = bool(_has_agenda([meeting.pk]))
    calendar = _calendar(meeting.display_name)
    for session in sessions:
        calendar.add_component(session_event(request, session, with_agenda=with_agenda))
    if sessions:
        # The zone's rules for the years around the sessions, not since 1970.
        margin = dt.timedelta(days=366)
        calendar.add_missing_timezones(
            first_date=sessions[0].date - margin, last_date=sessions[-1].date + margin
        )
    return calendar.to_ical()


def body_calendar(request, body: Body) -> bytes:
    meetings = list(selectors.upcoming_meetings_of(body_id=body.pk))
    with_agenda = _has_agenda([m.pk for m in meetings])
    calendar = _calendar(_("Meetings of %(body)s") % {"body": body.acronym})
    for meeting in meetings:
        calendar.add_component(
            meeting_event(request, meeting, with_agenda=meeting.pk in with_agenda)
        )
    # All-day events carry dates, not times: they need no VTIMEZONE.
    return calendar.to_ical()


def _ics(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.ics"'
    return response


# ------------------------------------------------------------------------------ views
# Meetings are public (``meetings.view_meeting``); the check is here so that the calendar
# follows the page the day meetings can be restricted.


@require_GET
def meeting_ics(request, body: str, number: int):
    meeting = selectors.meeting_get(body_slug=body, number=number)
    require_perm(request, "meetings.view_meeting", meeting, hide=True)
    return _ics(meeting_calendar(request, meeting), slugify(meeting.symbol_stem))


@require_GET
def body_ics(request, body: str):
    body_obj = selectors.body_get(slug=body)
    require_perm(request, "meetings.view_meeting", body_obj, hide=True)
    return _ics(body_calendar(request, body_obj), f"{body_obj.slug}-meetings")
