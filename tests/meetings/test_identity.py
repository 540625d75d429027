"""Meetings as the Union names them: by ordinal number, by year, by a label; postponed or
cancelled with the date of the decision, documents kept."""

from __future__ import annotations

import datetime as dt

import pytest

from documents import services as document_services
from meetings import services
from meetings.enums import MeetingIdentity, MeetingStatus
from meetings.exceptions import InvalidMeeting
from tests.factories.meetings import BodyFactory, registrar

pytestmark = pytest.mark.django_db

DAY = dt.date(2025, 6, 10)


@pytest.fixture
def council():
    return BodyFactory(acronym="Council", name="ITU Council", symbol_prefix="C", symbol_joiner="")


def test_council_2025_is_named_by_its_year_and_its_documents_are_c25(council):
    meeting = services.meeting_create(
        actor=registrar(),
        body=council,
        number=2025,
        identity_kind=MeetingIdentity.YEAR,
        start_date=DAY,
        end_date=DAY,
    )
    document = document_services.document_register(
        actor=registrar(), meeting=meeting, title="Report", source="Secretary-General"
    )
    assert meeting.display_name == "Council 2025"
    assert document.symbol == "C25/2"  # /1 is kept for the agenda
    assert meeting.get_absolute_url().endswith("/2025/")


def test_a_labelled_meeting_is_shown_by_its_label(council):
    meeting = services.meeting_create(
        actor=registrar(),
        body=council,
        number=9001,
        identity_kind=MeetingIdentity.LABEL,
        label="Additional session 2024",
        start_date=DAY,
        end_date=DAY,
    )
    assert meeting.display_name == "Council: Additional session 2024"


def test_a_labelled_meeting_without_its_label_is_refused(council):
    with pytest.raises(InvalidMeeting, match="needs its label"):
        services.meeting_create(
            actor=registrar(),
            body=council,
            number=9001,
            identity_kind=MeetingIdentity.LABEL,
            start_date=DAY,
            end_date=DAY,
        )


def test_cancelled_meeting_shows_the_decision_date_and_keeps_its_documents(client, meeting):
    document = document_services.document_register(
        actor=registrar(), meeting=meeting, title="Kept contribution", source="Chair"
    )
    services.meeting_update(
        actor=registrar(),
        meeting=meeting,
        status=MeetingStatus.CANCELLED,
        status_decided_on=dt.date(2025, 3, 4),
    )
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Cancelled (decided on 4 March 2025)" in page
    body_page = client.get(meeting.body.get_absolute_url()).content.decode()
    assert "Cancelled (decided on 4 March 2025)" in body_page
    assert client.get(document.get_absolute_url()).status_code == 200
    assert "Kept contribution" in client.get(document.get_absolute_url()).content.decode()


def test_postponing_without_the_decision_date_is_refused(meeting):
    with pytest.raises(InvalidMeeting, match="date of the decision"):
        services.meeting_update(actor=registrar(), meeting=meeting, status=MeetingStatus.POSTPONED)


def test_secretariat_creates_council_2026_and_postpones_it_with_the_form(client, council):
    from django.urls import reverse

    client.force_login(registrar())
    created = client.post(
        reverse("meetings:meeting_create", kwargs={"body": council.slug}),
        {
            "identity_kind": "year",
            "number": "2026",
            "start_date": "2026-06-09",
            "end_date": "2026-06-19",
            "mode": "in_person",
            "status": "scheduled",
        },
        follow=True,
    ).content.decode()
    assert "The Council 2026 was created." in created
    edit = reverse("meetings:meeting_edit", kwargs={"body": council.slug, "number": 2026})
    postponed = client.post(
        edit,
        {
            "identity_kind": "year",
            "number": "2026",
            "start_date": "2026-06-09",
            "end_date": "2026-06-19",
            "mode": "in_person",
            "status": "postponed",
            "status_decided_on": "2026-03-02",
        },
        follow=True,
    ).content.decode()
    assert "Postponed (decided on 2 March 2026)" in postponed
