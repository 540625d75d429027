"""Every view of the meetings app that changes data, tried by every kind of person."""

import datetime as dt

import pytest
from django.urls import reverse

from meetings.models import Meeting, Session
from tests.conftest import ROLE_NAMES
from tests.factories import SessionFactory

ALLOWED = {"secretariat", "superuser"}


def _refused(response, role):
    if role == "anonymous":
        assert response.status_code == 302
        assert reverse("login") in response["Location"]
    else:
        assert response.status_code == 403
        assert "You cannot do this" in response.content.decode()


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_create_meeting(role, client_for, body):
    url = reverse("meetings:meeting_create", kwargs={"body": body.slug})
    response = client_for(role).post(
        url,
        {"number": 22, "start_date": "2026-09-14", "end_date": "2026-09-15", "mode": "hybrid"},
    )
    created = Meeting.objects.filter(body=body, number=22).exists()
    if role in ALLOWED:
        assert response.status_code == 302
        assert created
    else:
        _refused(response, role)
        assert not created


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_edit_meeting(role, client_for, meeting):
    url = reverse("meetings:meeting_edit", kwargs={"body": meeting.body.slug, "number": 21})
    data = {
        "number": 21,
        "start_date": meeting.start_date.isoformat(),
        "end_date": meeting.end_date.isoformat(),
        "mode": "virtual",
        "venue": "Online",
    }
    response = client_for(role).post(url, data)
    meeting.refresh_from_db()
    if role in ALLOWED:
        assert response.status_code == 302
        assert meeting.venue == "Online"
    else:
        _refused(response, role)
        assert meeting.venue != "Online"


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_add_session(role, client_for, meeting):
    url = reverse("meetings:session_create", kwargs={"body": meeting.body.slug, "number": 21})
    data = {
        "date": meeting.start_date.isoformat(),
        "start_time": "09:30",
        "end_time": "12:30",
        "room": "Popov Room",
    }
    response = client_for(role).post(url, data)
    if role in ALLOWED:
        assert response.status_code == 302
        assert meeting.sessions.count() == 1
    else:
        _refused(response, role)
        assert meeting.sessions.count() == 0


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_edit_session(role, client_for, meeting):
    session = SessionFactory(meeting=meeting)
    url = reverse(
        "meetings:session_edit",
        kwargs={"body": meeting.body.slug, "number": 21, "pk": session.pk},
    )
    data = {
        "date": session.date.isoformat(),
        "start_time": "10:00",
        "end_time": "12:30",
        "room": "Room K",
    }
    response = client_for(role).post(url, data)
    session.refresh_from_db()
    if role in ALLOWED:
        assert response.status_code == 302
        assert (session.room, session.start_time) == ("Room K", dt.time(10))
    else:
        _refused(response, role)
        assert session.room == "Popov Room"


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_delete_session(role, client_for, meeting):
    session = SessionFactory(meeting=meeting)
    url = reverse(
        "meetings:session_delete",
        kwargs={"body": meeting.body.slug, "number": 21, "pk": session.pk},
    )
    response = client_for(role).post(url)
    exists = Session.objects.filter(pk=session.pk).exists()
    if role in ALLOWED:
        assert response.status_code == 302
        assert not exists
    else:
        _refused(response, role)
        assert exists


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_meeting_pages_are_public(role, client_for, meeting):
    c = client_for(role)
    assert "21st meeting of CWG-Internet" in c.get("/").content.decode()
    page = c.get(meeting.get_absolute_url()).content.decode()
    assert "21st meeting of CWG-Internet" in page
    assert ("Add session" in page) is (role in ALLOWED)


def test_secretariat_of_another_body_cannot_manage_this_one(client_for, meeting):
    """Roles are per body: secretariat of CWG-WSIS&SDG is a stranger to CWG-Internet."""
    url = reverse("meetings:meeting_edit", kwargs={"body": "cwg-internet", "number": 21})
    response = client_for("other_body_secretariat").get(url)
    assert response.status_code == 403
    assert "Only the secretariat of CWG-Internet can change the 21st meeting" in (
        response.content.decode()
    )
