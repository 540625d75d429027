import datetime as dt

import pytest
from django.db import IntegrityError

from meetings.demo import load
from meetings.models import Body, Meeting, Membership, MemberState, Session, ordinal
from tests.factories import MeetingFactory, SessionFactory


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (21, "21st"),
        (22, "22nd"),
        (42, "42nd"),
        (101, "101st"),
        (111, "111th"),
        (113, "113th"),
    ],
)
def test_ordinal(n, text):
    assert ordinal(n) == text


def test_meeting_display_name_is_derived(meeting):
    assert meeting.display_name == "21st meeting of CWG-Internet"
    assert str(meeting) == "21st meeting of CWG-Internet"


def test_meeting_symbol_stem_follows_body_style(db):
    council = Body.objects.create(
        acronym="Council", name="ITU Council", slug="council", symbol_prefix="C", symbol_joiner=""
    )
    assert MeetingFactory(body=council, number=25).symbol_stem == "C25"
    assert MeetingFactory(body=council, number=9).symbol_stem == "C09"
    wsis = Body.objects.create(
        acronym="CWG-WSIS&SDG", name="x", slug="wsis", symbol_prefix="CWG-WSIS&SDG"
    )
    assert MeetingFactory(body=wsis, number=42).symbol_stem == "CWG-WSIS&SDG-42"


def test_meeting_number_is_unique_per_body(meeting):
    with pytest.raises(IntegrityError):
        MeetingFactory(body=meeting.body, number=meeting.number)


def test_meeting_cannot_end_before_start(body):
    with pytest.raises(IntegrityError):
        MeetingFactory(body=body, start_date=dt.date(2025, 2, 11), end_date=dt.date(2025, 2, 10))


def test_session_cannot_end_before_start(meeting):
    with pytest.raises(IntegrityError):
        SessionFactory(meeting=meeting, start_time=dt.time(12), end_time=dt.time(9))


def test_delegate_membership_needs_a_member_state(people, body):
    user = people["outsider"]
    with pytest.raises(IntegrityError):
        Membership.objects.create(user=user, body=body, role="delegate", member_state=None)


def test_session_label_reads_like_a_programme(meeting):
    s = SessionFactory(
        meeting=meeting,
        date=dt.date(2025, 2, 10),
        start_time=dt.time(9, 30),
        end_time=dt.time(12, 30),
        title="Morning session",
    )
    assert s.label == "Morning session (10 February 2025, 09:30–12:30)"


def test_demo_loads_the_scenario_meetings_and_is_idempotent(db):
    today = dt.date(2026, 11, 29)
    first = load(today=today)
    counts = [m.objects.count() for m in (Body, Meeting, Session, MemberState, Membership)]
    load(today=today)
    assert [m.objects.count() for m in (Body, Meeting, Session, MemberState, Membership)] == counts

    internet21 = first["meetings"]["internet21"]
    assert internet21.display_name == "21st meeting of CWG-Internet"
    assert internet21.body.name == (
        "Council Working Group on international Internet-related public policy issues"
    )
    # A few weeks ahead, with the deadline still open on the day of loading.
    assert dt.timedelta(days=21) <= internet21.start_date - today <= dt.timedelta(days=60)
    assert internet21.contribution_deadline.date() > today
    wsis42 = first["meetings"]["wsis42"]
    assert wsis42.display_name == "42nd meeting of CWG-WSIS&SDG"
    assert (wsis42.start_date, wsis42.end_date) == (dt.date(2025, 2, 10), dt.date(2025, 2, 11))
    assert wsis42.sessions.count() == 4
