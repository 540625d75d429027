"""List endpoints read a fixed number of rows' worth of queries: 1 row or 20, the same."""

from __future__ import annotations

import pytest

from agendas.models import Proposal
from agendas.services import agenda_allocation_add
from tests.factories.agendas import SYSTEM, agenda_for, document_for, items
from tests.factories.meetings import MeetingFactory, SessionFactory
from tests.factories.proposals import proposal_in_state

pytestmark = pytest.mark.django_db


def _grow_documents(meeting, n):
    for i in range(n):
        document_for(meeting, f"Contribution {i}", access="restricted" if i % 2 else "public")


def _grow_meetings(meeting, n):
    for i in range(n):
        other = MeetingFactory(body=meeting.body, number=100 + i)
        SessionFactory(meeting=other)
        SessionFactory(meeting=other, start_time="14:00", end_time="17:00")


def _grow_proposals(meeting, n, people):
    for state in ["submitted", "under_consideration", "included", "draft"] * (n // 4 + 1):
        if Proposal.objects.count() >= n:
            break
        proposal_in_state(state, people=people, meeting=meeting)


@pytest.mark.parametrize("rows", [1, 20])
def test_document_list_queries_do_not_grow(rows, api_as, meeting, django_assert_max_num_queries):
    _grow_documents(meeting, rows)
    client = api_as("delegate")
    with django_assert_max_num_queries(6):
        found = client.get("/api/v1/documents/").json()["results"]
    assert len(found) == rows


@pytest.mark.parametrize("rows", [1, 20])
def test_meeting_list_queries_do_not_grow(rows, api_as, meeting, django_assert_max_num_queries):
    _grow_meetings(meeting, rows - 1)
    client = api_as("anonymous")
    with django_assert_max_num_queries(3):
        found = client.get("/api/v1/meetings/").json()["results"]
    assert len(found) == rows
    assert sum(len(m["sessions"]) for m in found) == 2 * (rows - 1)


@pytest.mark.parametrize("rows", [1, 20])
def test_proposal_list_queries_do_not_grow(
    rows, api_as, people, meeting, django_assert_max_num_queries
):
    _grow_proposals(meeting, rows, people)
    client = api_as("chair")
    with django_assert_max_num_queries(8):
        found = client.get("/api/v1/proposals/").json()["results"]
    # The chair sees every proposal of the body but the drafts.
    assert len(found) == Proposal.objects.exclude(state="draft").count()
    assert all(p["state"] != "draft" for p in found)


@pytest.mark.parametrize("rows", [1, 20])
def test_agenda_queries_do_not_grow_with_its_items(
    rows, api_as, people, meeting, django_assert_max_num_queries
):
    agenda = agenda_for(meeting)
    added = items(agenda, *[f"Item {i}" for i in range(rows)])
    document = document_for(meeting, "Contribution")
    for item in added:
        agenda_allocation_add(actor=SYSTEM, agenda=agenda, item_id=item.pk, document=document)
    client = api_as("delegate")
    with django_assert_max_num_queries(8):
        shown = client.get(f"/api/v1/agendas/{agenda.pk}/").json()
    assert [i["title"] for i in shown["draft"]] == [f"Item {i}" for i in range(rows)]
    assert all(i["documents"][0]["title"] == "Contribution" for i in shown["draft"])
    with django_assert_max_num_queries(4):
        listed = client.get("/api/v1/agendas/").json()["results"]
    assert [a["symbol"] for a in listed] == ["CWG-Internet-21/1"]
