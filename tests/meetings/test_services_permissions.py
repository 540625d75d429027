"""Every write of meetings/services.py checks its actor's permission itself: one test per
service over every role of the ``people`` fixture. A refusal changes nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from meetings import services
from meetings.enums import Role
from meetings.models import Body, Meeting, Membership, MemberState, Session
from tests.conftest import ROLE_NAMES
from tests.factories import SessionFactory, UserFactory

STAFF = {"secretariat", "superuser"}
ADMIN = {"superuser"}


def _attempt(allowed: bool, write, count) -> None:
    before = count()
    if allowed:
        write()
        assert count() == before + 1
    else:
        with pytest.raises(PermissionDenied, match=r"Only (the secretariat|an administrator)"):
            write()
        assert count() == before


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_meeting_create_as_each_role(role, people, body):
    _attempt(
        role in STAFF,
        lambda: services.meeting_create(
            actor=people[role],
            body=body,
            number=22,
            start_date=dt.date(2031, 3, 3),
            end_date=dt.date(2031, 3, 4),
        ),
        lambda: Meeting.objects.filter(body=body, number=22).count(),
    )


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_meeting_update_as_each_role(role, people, meeting):
    venue = f"Room of {role}"
    refused = role not in STAFF
    if refused:
        with pytest.raises(PermissionDenied):
            services.meeting_update(actor=people[role], meeting=meeting, venue=venue)
    else:
        services.meeting_update(actor=people[role], meeting=meeting, venue=venue)
    meeting.refresh_from_db()
    assert (meeting.venue == venue) is not refused


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_session_create_as_each_role(role, people, meeting):
    _attempt(
        role in STAFF,
        lambda: services.session_create(
            actor=people[role],
            meeting=meeting,
            date=meeting.start_date,
            start_time=dt.time(7, 0),
            end_time=dt.time(8, 0),
            title="Early session",
        ),
        lambda: Session.objects.filter(meeting=meeting, title="Early session").count(),
    )


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_session_update_as_each_role(role, people, meeting):
    session = SessionFactory(meeting=meeting, title="Morning")
    refused = role not in STAFF
    if refused:
        with pytest.raises(PermissionDenied):
            services.session_update(actor=people[role], session=session, title="Renamed")
    else:
        services.session_update(actor=people[role], session=session, title="Renamed")
    session.refresh_from_db()
    assert (session.title == "Renamed") is not refused


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_session_delete_as_each_role(role, people, meeting):
    session = SessionFactory(meeting=meeting)
    if role in STAFF:
        services.session_delete(actor=people[role], session=session)
    else:
        with pytest.raises(PermissionDenied):
            services.session_delete(actor=people[role], session=session)
    assert Session.objects.filter(pk=session.pk).exists() is (role not in STAFF)


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_body_create_as_each_role(role, people):
    _attempt(
        role in ADMIN,
        lambda: services.body_create(
            actor=people[role],
            acronym="CWG-FHR",
            name="Council Working Group on Financial and Human Resources",
            slug="cwg-fhr",
            symbol_prefix="CWG-FHR",
        ),
        lambda: Body.objects.filter(acronym="CWG-FHR").count(),
    )


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_member_state_create_as_each_role(role, people):
    _attempt(
        role in ADMIN,
        lambda: services.member_state_create(actor=people[role], name="Brazil", iso_code="BRA"),
        lambda: MemberState.objects.filter(iso_code="BRA").count(),
    )


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_membership_grant_as_each_role(role, people, body):
    newcomer = UserFactory(username="newcomer")
    _attempt(
        role in ADMIN,
        lambda: services.membership_grant(
            actor=people[role], user=newcomer, body=body, role=Role.SECRETARIAT
        ),
        lambda: Membership.objects.filter(user=newcomer).count(),
    )
