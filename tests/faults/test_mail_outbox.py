"""Issue 11, item 2 for mail: with the broker down a step still succeeds; its mail waits in
the event row (not yet mailed) and the sweeper hands it over once the broker is back."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from agendas.enums import ProposalState
from agendas.proposals.notification_sweep import notifications_sweep
from agendas.proposals.services import proposal_submit
from agendas.tasks import send_proposal_notification
from tests.factories.proposals import proposal_in_state

pytestmark = pytest.mark.faults


class RunsHere:
    """Stands in for the broker and a worker: runs the task at once, in this process."""

    sent: list[dict] = []

    @classmethod
    def apply_async(cls, *, kwargs, retry):
        cls.sent.append(kwargs)
        send_proposal_notification.apply(kwargs=kwargs)


def test_step_with_the_broker_down_is_mailed_once_by_the_sweeper(
    people, meeting, mailoutbox, transactional_db, redis_broker
):
    draft = proposal_in_state(ProposalState.DRAFT, people=people, meeting=meeting)
    redis_broker.stop()
    proposal = proposal_submit(proposal=draft, actor=people["delegate"])  # does not raise
    event = proposal.events.get()
    assert event.notified_at is None
    assert mailoutbox == []

    later = timezone.now() + dt.timedelta(minutes=1)
    RunsHere.sent = []
    assert notifications_sweep(enqueue=RunsHere, now=later) == 1
    assert [m.to[0] for m in mailoutbox] == ["secretariat@example.org"]
    assert notifications_sweep(enqueue=RunsHere, now=later) == 0  # mailed: not again
    assert len(mailoutbox) == 1
