import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.models import Meeting
from tests.factories import BodyFactory, MeetingFactory, SessionFactory


def test_home_lists_bodies_with_upcoming_meetings_first(client, body):
    today = timezone.localdate()
    MeetingFactory(body=body, number=19, start_date=today - dt.timedelta(days=400))
    MeetingFactory(body=body, number=20, start_date=today - dt.timedelta(days=100))
    MeetingFactory(body=body, number=22, start_date=today + dt.timedelta(days=200))
    MeetingFactory(body=body, number=21, start_date=today + dt.timedelta(days=20))
    page = client.get("/").content.decode()
    positions = [
        page.index(f"{n} meeting of CWG-Internet") for n in ("21st", "22nd", "20th", "19th")
    ]
    assert positions == sorted(positions)
    assert "Council Working Group on international Internet-related public policy issues" in page


def test_home_empty_state(client, db):
    assert "No bodies yet" in client.get("/").content.decode()


def test_body_without_meetings_says_so(client, body):
    page = client.get(reverse("meetings:body_detail", kwargs={"body": body.slug})).content.decode()
    assert "No meetings of CWG-Internet have been scheduled yet." in page


def test_meeting_page_shows_dates_sessions_and_deadline(client, body):
    meeting = MeetingFactory(
        body=body,
        number=42,
        start_date=dt.date(2025, 2, 10),
        end_date=dt.date(2025, 2, 11),
        contribution_deadline=timezone.make_aware(dt.datetime(2025, 1, 31, 12)),
    )
    SessionFactory(meeting=meeting, date=dt.date(2025, 2, 11), room="Room K")
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "10-11 February 2025" in page
    assert "Room K" in page
    assert "Passed: contributions now arrive late" in page


def test_meeting_page_without_sessions_has_an_empty_state(client, meeting):
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "No sessions have been scheduled for this meeting yet." in page


def test_unknown_meeting_is_a_readable_404(client, body):
    response = client.get("/b/cwg-internet/99/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_secretariat_creates_a_meeting_with_the_form(client_for, body):
    response = client_for("secretariat").post(
        reverse("meetings:meeting_create", kwargs={"body": body.slug}),
        {
            "number": 22,
            "start_date": "2026-09-14",
            "end_date": "2026-09-15",
            "mode": "in_person",
            "venue": "Geneva",
            "contribution_deadline": "2026-08-31T23:59",
        },
        follow=True,
    )
    assert "The 22nd meeting of CWG-Internet was created." in response.content.decode()
    assert Meeting.objects.get(body=body, number=22).venue == "Geneva"


def test_duplicate_meeting_number_is_a_form_error(client_for, meeting):
    response = client_for("secretariat").post(
        reverse("meetings:meeting_create", kwargs={"body": meeting.body.slug}),
        {"number": 21, "start_date": "2026-09-14", "end_date": "2026-09-15", "mode": "hybrid"},
    )
    assert response.status_code == 200
    assert "CWG-Internet already has a meeting numbered 21." in response.content.decode()


def test_meeting_ending_before_it_starts_is_refused(client_for, body):
    response = client_for("secretariat").post(
        reverse("meetings:meeting_create", kwargs={"body": body.slug}),
        {"number": 23, "start_date": "2026-09-15", "end_date": "2026-09-14", "mode": "hybrid"},
    )
    assert "The meeting cannot end before it starts." in response.content.decode()
    assert not Meeting.objects.filter(number=23).exists()


def test_session_outside_meeting_dates_is_refused(client_for, meeting):
    response = client_for("secretariat").post(
        reverse("meetings:session_create", kwargs={"body": "cwg-internet", "number": 21}),
        {
            "date": (meeting.end_date + dt.timedelta(days=3)).isoformat(),
            "start_time": "09:30",
            "end_time": "12:30",
        },
    )
    assert "The session must be held during the meeting" in response.content.decode()
    assert meeting.sessions.count() == 0


def test_session_in_a_taken_room_is_refused(client_for, meeting):
    SessionFactory(meeting=meeting, room="Popov Room")
    response = client_for("secretariat").post(
        reverse("meetings:session_create", kwargs={"body": "cwg-internet", "number": 21}),
        {
            "date": meeting.start_date.isoformat(),
            "start_time": "11:00",
            "end_time": "13:00",
            "room": "popov room",
        },
    )
    assert "Room popov room is already taken at that time" in response.content.decode()
    assert meeting.sessions.count() == 1


def test_moving_meeting_away_from_its_sessions_is_refused(client_for, meeting):
    SessionFactory(meeting=meeting)
    later = meeting.start_date + dt.timedelta(days=30)
    response = client_for("secretariat").post(
        reverse("meetings:meeting_edit", kwargs={"body": "cwg-internet", "number": 21}),
        {
            "number": 21,
            "start_date": later.isoformat(),
            "end_date": later.isoformat(),
            "mode": "hybrid",
        },
    )
    assert "Some sessions fall outside the new dates" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.start_date != later


def test_my_roles_page_lists_roles(client_for, people):
    page = client_for("delegate").get(reverse("my_roles")).content.decode()
    assert "Delegate" in page
    assert "Russian Federation" in page
    assert "CWG-Internet" in page


def test_my_roles_page_empty_state(client_for, people):
    page = client_for("outsider").get(reverse("my_roles")).content.decode()
    assert "You have no role in any body yet." in page


def test_header_shows_user_and_roles(client_for, people):
    page = client_for("chair").get("/").content.decode()
    assert "Chair, CWG-Internet" in page


def test_login_with_wrong_password_says_so(client, people):
    response = client.post(reverse("login"), {"username": "chair", "password": "nope"})
    page = response.content.decode()
    assert 'data-testid="error-summary"' in page
    assert "Please enter a correct username and password" in page


@pytest.mark.parametrize("rows", [1, 20])
def test_home_query_count_does_not_grow_with_meetings(
    client, db, django_assert_max_num_queries, rows
):
    bodies = []
    for _ in range(rows):
        body = BodyFactory()
        MeetingFactory(body=body)
        SessionFactory(meeting__body=body)
        bodies.append(body)
    with django_assert_max_num_queries(4):
        response = client.get("/")
    assert response.status_code == 200
    page = response.content.decode()
    assert all(body.name in page for body in bodies)


@pytest.mark.parametrize("rows", [1, 20])
def test_meeting_page_query_count_does_not_grow_with_sessions(
    client_for, meeting, django_assert_max_num_queries, rows
):
    for i in range(rows):
        SessionFactory(meeting=meeting, start_time=dt.time(8), end_time=dt.time(9), room=f"R{i}")
    c = client_for("secretariat")
    with django_assert_max_num_queries(10):
        page = c.get(meeting.get_absolute_url()).content.decode()
    assert page.count("Edit<span") == rows
