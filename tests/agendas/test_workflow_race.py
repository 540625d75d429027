"""Two people take a step on the same proposal at the same moment: exactly one step is
recorded, with one event and at most one agenda item; the other person is refused.

Runs on PostgreSQL (row lock: SELECT ... FOR UPDATE) and on SQLite (the write lock that
``transaction_mode=IMMEDIATE`` takes when the transaction begins) alike. The winner is slowed
down inside its transaction so the loser really arrives while the lock is held; the loser's
refusal names the winner's decision, which proves it read the state only after the lock.
"""

from __future__ import annotations

import threading
import time

import pytest
from django.db import connection

from agendas import services
from agendas.enums import ProposalState
from agendas.exceptions import ProposalError
from agendas.models import AgendaItem, Proposal, ProposalEvent
from agendas.workflow import proposal_transition
from tests.factories.proposals import proposal_in_state

S = ProposalState
HOLD = 0.6  # seconds the first transaction keeps the lock

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _race(steps, people, proposal_pk):
    """Run each (action, role) in its own thread, released together; returns
    {role: outcome} where outcome is the new state or the refusal."""
    barrier = threading.Barrier(len(steps))
    outcome: dict[str, object] = {}

    def run(action, role):
        try:
            # Each person loaded the page before anyone clicked.
            proposal = Proposal.objects.select_related("meeting__body").get(pk=proposal_pk)
            barrier.wait()
            try:
                done = proposal_transition(
                    proposal=proposal,
                    action=action,
                    actor=people[role],
                    note=f"{role} says {action}.",
                )
                outcome[role] = done.state
            except ProposalError as exc:
                outcome[role] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=step) for step in steps]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(t.is_alive() for t in threads)
    return outcome


@pytest.fixture
def slow_writes(monkeypatch):
    """Hold every winning transaction open a while after it locked the proposal."""
    real_add = services.agenda_item_add
    real_create = ProposalEvent.objects.create

    def slow_add(**kwargs):
        time.sleep(HOLD)
        return real_add(**kwargs)

    def slow_event(**kwargs):
        if kwargs.get("to_state") != S.INCLUDED:
            time.sleep(HOLD)
        return real_create(**kwargs)

    monkeypatch.setattr(services, "agenda_item_add", slow_add)
    monkeypatch.setattr(ProposalEvent.objects, "create", slow_event)


@pytest.mark.parametrize(
    "steps",
    [
        [("include", "chair"), ("include", "vice_chair")],
        [("include", "chair"), ("reject", "vice_chair")],
        [("include", "chair"), ("withdraw", "delegate")],
    ],
    ids=["two-includes", "include-vs-reject", "include-vs-withdraw"],
)
def test_two_steps_at_once_leave_exactly_one(steps, people, meeting, slow_writes):
    proposal = proposal_in_state(S.UNDER_CONSIDERATION, people=people, meeting=meeting)
    events_before = ProposalEvent.objects.filter(proposal=proposal).count()

    outcome = _race(steps, people, proposal.pk)

    winners = {role: state for role, state in outcome.items() if isinstance(state, str)}
    losers = {role: exc for role, exc in outcome.items() if not isinstance(exc, str)}
    assert len(winners) == 1, outcome
    assert len(losers) == 1, outcome
    [(winner, final_state)] = winners.items()
    [(loser, refusal)] = losers.items()
    # The loser was held by the winner's lock, then read the new state under it: its refusal
    # names the winner's decision.
    loser_action = {role: action for action, role in steps}[loser]
    assert str(refusal) == REFUSAL[(final_state, loser_action)]

    proposal = Proposal.objects.get(pk=proposal.pk)
    assert proposal.state == final_state
    events = list(ProposalEvent.objects.filter(proposal=proposal))
    assert len(events) == events_before + 1
    assert (events[-1].to_state, events[-1].actor) == (final_state, people[winner])
    items = AgendaItem.objects.filter(proposal=proposal).count()
    assert items == (1 if final_state == S.INCLUDED else 0)
    assert AgendaItem.objects.count() == items


DECIDED_INCLUDED = "A decision has already been recorded on this proposal: included in the agenda."
REFUSAL = {
    (S.INCLUDED, "include"): DECIDED_INCLUDED,
    (S.INCLUDED, "reject"): DECIDED_INCLUDED,
    (S.REJECTED, "include"): "A decision has already been recorded on this proposal: rejected.",
    (S.INCLUDED, "withdraw"): "A decision has already been recorded on this proposal "
    "(included in the agenda): it can no longer be withdrawn.",
    (S.WITHDRAWN, "include"): "This proposal was withdrawn by its proposer: it can no longer "
    "be included.",
}
