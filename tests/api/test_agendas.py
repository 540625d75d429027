"""Agendas in the API: what visitors and members see, and that a visitor's kept answer
follows the agenda."""

from __future__ import annotations

import pytest

from agendas.services import agenda_adopt, agenda_allocation_add, agenda_issue_revision
from tests.factories.agendas import SYSTEM, agenda_for, document_for, items

pytestmark = pytest.mark.django_db


@pytest.fixture
def issued(people, meeting):
    agenda = agenda_for(meeting)
    _opening, report = items(agenda, "Opening of the meeting", "Report of the chair")
    items(agenda, "Draft elements", parent=report)
    secret = document_for(meeting, "Draft elements of the report", access="restricted")
    agenda_allocation_add(actor=SYSTEM, agenda=agenda, item_id=report.pk, document=secret)
    agenda_issue_revision(agenda=agenda, user=people["secretariat"])
    return agenda


def test_visitors_see_the_issued_revisions_not_the_draft(api_as, issued):
    shown = api_as("anonymous").get(f"/api/v1/agendas/{issued.pk}/").json()
    assert shown["draft"] is None
    assert [r["label"] for r in shown["revisions"]] == ["First issue"]
    revision = api_as("anonymous").get(shown["revisions"][0]["url"]).json()
    report = revision["items"][1]
    assert (report["number"], report["title"]) == ("2", "Report of the chair")
    assert [(c["number"], c["title"]) for c in report["children"]] == [("2.1", "Draft elements")]
    # The restricted document is named, its title kept for members, as on the page.
    assert report["documents"] == [
        {"symbol": "CWG-Internet-21/2", "title": None, "restricted": True}
    ]
    member = api_as("delegate").get(shown["revisions"][0]["url"]).json()
    assert member["items"][1]["documents"][0]["title"] == "Draft elements of the report"


def test_a_visitor_sees_a_new_revision_and_the_adoption_once_checked(
    api_as, people, issued, monkeypatch
):
    # Kept answers are checked on every use here (in production after a few seconds).
    monkeypatch.setattr("agendas.api.VISITOR_FRESH_SECONDS", 0)
    client = api_as("anonymous")
    url = f"/api/v1/agendas/{issued.pk}/"
    assert client.get(url).json()["state"] == "draft"
    items(issued, "Any other business")
    agenda_issue_revision(agenda=issued, user=people["secretariat"])
    agenda_adopt(agenda=issued, user=people["chair"])
    shown = client.get(url).json()
    assert [r["label"] for r in shown["revisions"]] == ["First issue", "Rev.1"]
    assert shown["state"] == "adopted"


def test_a_visitor_sees_a_new_revision_at_once_after_issue(api_as, people, issued):
    # Kept answers are normally trusted for a few seconds; an issue drops them at once.
    client = api_as("anonymous")
    url = f"/api/v1/agendas/{issued.pk}/"
    assert [r["label"] for r in client.get(url).json()["revisions"]] == ["First issue"]
    items(issued, "Any other business")
    agenda_issue_revision(agenda=issued, user=people["secretariat"])
    assert [r["label"] for r in client.get(url).json()["revisions"]] == ["First issue", "Rev.1"]


def test_an_agenda_that_does_not_exist_says_so(api_as):
    answer = api_as("anonymous").get("/api/v1/agendas/999/")
    assert answer.status_code == 404
    assert answer.json()["detail"] == "This meeting has no agenda yet."


def test_a_visitor_answer_checked_a_moment_ago_costs_no_query(
    api_as, issued, django_assert_num_queries
):
    client = api_as("anonymous")
    url = f"/api/v1/agendas/{issued.pk}/"
    first = client.get(url)
    with django_assert_num_queries(0):
        again = client.get(url)
    assert again.json() == first.json()
    assert again["ETag"] == first["ETag"]
    assert again["Content-Type"] == "application/json"


def test_the_api_defers_to_the_next_meeting_not_yet_scheduled(api_as, people, meeting):
    from agendas.enums import ProposalState
    from tests.factories.proposals import proposal_in_state

    proposal = proposal_in_state(ProposalState.UNDER_CONSIDERATION, people=people, meeting=meeting)
    decided = api_as("chair").post(
        f"/api/v1/proposals/{proposal.pk}/decide/",
        {"decision": "defer", "rationale": "Wait for the report.", "deferred_to_next": True},
        content_type="application/json",
    )
    assert decided.status_code == 200, decided.json()
    assert decided.json()["state"] == "deferred"
    assert decided.json()["deferred_to"] is None
    assert decided.json()["deferred_to_next"] is True
