"""Issue 10, item 5: "Defer to the next meeting" when the next meeting is not scheduled yet.

The proposal waits (deferred, no meeting named) and appears in the queue and the summary of
decisions of the body's first meeting after its own once the secretariat creates it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from agendas.decisions.selectors import summary_records
from agendas.decisions.text import draft_text
from agendas.enums import ProposalState
from agendas.exceptions import InvalidProposal
from agendas.proposals.services import proposal_decide
from meetings.services import meeting_create
from tests.factories.meetings import MeetingFactory
from tests.factories.proposals import proposal_in_state

S = ProposalState


def _defer_to_next(proposal, people):
    return proposal_decide(
        proposal=proposal,
        actor=people["chair"],
        decision="defer",
        rationale="Needs the report of the Expert Group first.",
        deferred_to_next=True,
    )


def _create_next(meeting, people, *, number=22, days=120):
    start = meeting.start_date + dt.timedelta(days=days)
    return meeting_create(
        actor=people["secretariat"],
        body=meeting.body,
        number=number,
        start_date=start,
        end_date=start + dt.timedelta(days=1),
    )


def test_deferral_to_the_next_meeting_waits_without_a_meeting(client_for, people, meeting):
    proposal = proposal_in_state(S.UNDER_CONSIDERATION, people=people, meeting=meeting)
    done = _defer_to_next(proposal, people)
    proposal.refresh_from_db()
    assert (proposal.state, proposal.deferred_to, proposal.deferred_to_next) == (
        S.DEFERRED,
        None,
        True,
    )
    assert proposal.events.last().to_state == S.DEFERRED
    page = client_for("delegate").get(done.get_absolute_url()).content.decode()
    assert "The next meeting of the body" in page
    assert "Deferred to the next meeting of CWG-Internet" in page


def test_defer_to_both_a_meeting_and_the_next_is_refused(people, meeting):
    proposal = proposal_in_state(S.UNDER_CONSIDERATION, people=people, meeting=meeting)
    later = MeetingFactory(
        body=meeting.body, number=22, start_date=meeting.start_date + dt.timedelta(days=90)
    )
    with pytest.raises(InvalidProposal, match="not to both"):
        proposal_decide(
            proposal=proposal,
            actor=people["chair"],
            decision="defer",
            rationale="x",
            deferred_to=later,
            deferred_to_next=True,
        )
    proposal.refresh_from_db()
    assert proposal.state == S.UNDER_CONSIDERATION


def test_decision_form_defers_to_the_next_meeting(client_for, people, meeting):
    proposal = proposal_in_state(S.UNDER_CONSIDERATION, people=people, meeting=meeting)
    prefix = f"decide-{proposal.pk}"
    chair = client_for("chair")
    form = chair.get(reverse("agendas:proposal_decide", args=[proposal.pk])).content.decode()
    assert "Defer to the next meeting, not yet scheduled" in form
    response = chair.post(
        reverse("agendas:proposal_decide", args=[proposal.pk]),
        {
            f"{prefix}-decision": "defer",
            f"{prefix}-rationale": "Wait for the report.",
            f"{prefix}-deferred_to_next": "on",
        },
        follow=True,
    )
    page = response.content.decode()
    assert "Deferred to the next meeting of CWG-Internet" in page
    proposal.refresh_from_db()
    assert proposal.state == S.DEFERRED
    assert proposal.deferred_to_next


def test_decision_form_asks_for_a_meeting_or_the_next(client_for, people, meeting):
    proposal = proposal_in_state(S.UNDER_CONSIDERATION, people=people, meeting=meeting)
    prefix = f"decide-{proposal.pk}"
    response = client_for("chair").post(
        reverse("agendas:proposal_decide", args=[proposal.pk]),
        {f"{prefix}-decision": "defer", f"{prefix}-rationale": "Wait."},
    )
    assert "Choose the later meeting to which it is deferred." in (response.content.decode())
    proposal.refresh_from_db()
    assert proposal.state == S.UNDER_CONSIDERATION


def test_the_waiting_proposal_appears_in_the_queue_of_the_meeting_created_next(
    client_for, people, meeting
):
    proposal = proposal_in_state(S.UNDER_CONSIDERATION, people=people, meeting=meeting)
    _defer_to_next(proposal, people)
    secretariat = client_for("secretariat")
    queue = reverse("agendas:proposal_queue")

    nxt = _create_next(meeting, people)
    after = _create_next(meeting, people, number=23, days=300)
    page = secretariat.get(queue, {"meeting": nxt.pk}).content.decode()
    assert proposal.title in page
    assert "deferred to the next meeting" in page
    # The meeting filter offers the new meeting although it has no proposal of its own.
    assert f'<option value="{nxt.pk}"' in page
    # Only the first meeting after the one that deferred it: not the one after that.
    assert proposal.title not in secretariat.get(queue, {"meeting": after.pk}).content.decode()
    # Nor the meeting that deferred it, in its waiting list.
    assert proposal.title not in secretariat.get(queue, {"meeting": meeting.pk}).content.decode()


def test_a_meeting_scheduled_in_between_later_takes_the_proposal(client_for, people, meeting):
    """ "The next meeting" is the body's next one by date, also when it is created after a
    later one."""
    proposal = proposal_in_state(S.UNDER_CONSIDERATION, people=people, meeting=meeting)
    _defer_to_next(proposal, people)
    far = _create_next(meeting, people, number=23, days=300)
    secretariat = client_for("secretariat")
    queue = reverse("agendas:proposal_queue")
    assert proposal.title in secretariat.get(queue, {"meeting": far.pk}).content.decode()
    near = _create_next(meeting, people, number=22, days=100)
    assert proposal.title in secretariat.get(queue, {"meeting": near.pk}).content.decode()
    assert proposal.title not in secretariat.get(queue, {"meeting": far.pk}).content.decode()


def test_the_summaries_of_decisions_say_deferred_to_the_next_meeting(people, meeting):
    proposal = proposal_in_state(S.UNDER_CONSIDERATION, people=people, meeting=meeting)
    _defer_to_next(proposal, people)
    text = draft_text(summary_records(meeting=meeting))
    assert f"{proposal.title}" in text
    assert "Deferred to the next meeting of CWG-Internet on" in text

    nxt = _create_next(meeting, people)
    records = summary_records(meeting=nxt)
    assert [p.title for p in records.deferred_here] == [proposal.title]
    assert f"deferred from the {meeting.display_name}" in draft_text(records)
