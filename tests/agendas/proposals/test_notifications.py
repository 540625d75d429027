"""Mails about proposals: enqueued after commit, sent once, to the right people."""

from __future__ import annotations

import pytest
from django.core import mail

from agendas.enums import ProposalState
from agendas.exceptions import AlreadyDone
from agendas.models import ProposalEvent
from agendas.proposals.notifications import proposal_notification_send
from agendas.proposals.services import (
    proposal_consider,
    proposal_decide,
    proposal_submit,
    proposal_update,
    proposal_withdraw,
)
from agendas.tasks import send_proposal_notification
from meetings.enums import Role
from tests.factories.meetings import MembershipFactory, MemberStateFactory, UserFactory
from tests.factories.proposals import proposal_in_state

S = ProposalState


def _send_enqueued(callbacks, monkeypatch) -> list[dict]:
    """Run the on-commit callbacks with ``delay`` replaced by a direct call of the task, and
    return the keyword arguments each enqueued task received."""
    sent = []

    def delay(**kwargs):
        sent.append(kwargs)
        send_proposal_notification(**kwargs)

    monkeypatch.setattr(send_proposal_notification, "delay", delay)
    for callback in callbacks:
        callback()
    return sent


@pytest.fixture
def brazil_delegates(meeting):
    brazil = MemberStateFactory(name="Brazil", iso_code="BRA")
    users = [
        MembershipFactory(
            user=UserFactory(username=f"brazil{i}"),
            body=meeting.body,
            role=Role.DELEGATE,
            member_state=brazil,
        ).user
        for i in range(2)
    ]
    return brazil, users


def test_submission_mails_the_secretariat_of_the_body(
    people, meeting, mailoutbox, django_capture_on_commit_callbacks, monkeypatch, settings
):
    settings.SITE_URL = "http://127.0.0.1:8000"
    second = MembershipFactory(
        user=UserFactory(username="secretariat2"),
        body=meeting.body,
        role=Role.SECRETARIAT,
        member_state=None,
    ).user
    draft = proposal_in_state(S.DRAFT, people=people, meeting=meeting)
    with django_capture_on_commit_callbacks() as callbacks:
        proposal = proposal_submit(proposal=draft, actor=people["delegate"])
    assert mailoutbox == []  # nothing leaves before commit
    enqueued = _send_enqueued(callbacks, monkeypatch)
    event = proposal.events.get()
    assert enqueued == [{"proposal_id": proposal.pk, "event_id": event.pk, "request_site": ""}]
    assert sorted(m.to[0] for m in mailoutbox) == [
        "secretariat2@example.org",
        "secretariat@example.org",
    ]
    assert "other_secretariat@example.org" not in {m.to[0] for m in mailoutbox}
    message = mailoutbox[0]
    assert message.subject == (
        f"[CWG-Internet] New proposal {proposal.document.symbol}: {proposal.title}"
    )
    assert "Russian Federation submitted a proposal for a new agenda item." in message.body
    assert f"http://127.0.0.1:8000/proposals/{proposal.pk}/" in message.body
    assert second.email in {m.to[0] for m in mailoutbox}


def test_consideration_and_decision_mail_the_proposer_and_co_sponsors(
    people,
    meeting,
    brazil_delegates,
    mailoutbox,
    django_capture_on_commit_callbacks,
    monkeypatch,
    settings,
):
    settings.SITE_URL = "http://127.0.0.1:8000"
    brazil, brazilians = brazil_delegates
    assert {u.email for u in brazilians} == {"brazil0@example.org", "brazil1@example.org"}
    proposal = proposal_in_state(S.SUBMITTED, people=people, meeting=meeting, co_sponsors=[brazil])
    with django_capture_on_commit_callbacks() as callbacks:
        proposal_consider(proposal=proposal, actor=people["secretariat"], note="In time.")
    _send_enqueued(callbacks, monkeypatch)
    assert sorted(m.to[0] for m in mailoutbox) == [
        "brazil0@example.org",
        "brazil1@example.org",
        "delegate@example.org",
    ]
    assert "is under consideration" in mailoutbox[0].subject
    mailoutbox.clear()

    with django_capture_on_commit_callbacks() as callbacks:
        proposal_decide(
            proposal=proposal,
            actor=people["chair"],
            decision="include",
            rationale="Squarely within the mandate of the group.",
        )
    _send_enqueued(callbacks, monkeypatch)
    assert sorted(m.to[0] for m in mailoutbox) == [
        "brazil0@example.org",
        "brazil1@example.org",
        "delegate@example.org",
    ]
    message = mailoutbox[0]
    assert message.subject == (
        f"[CWG-Internet] Decision on your proposal {proposal.document.symbol}: "
        "included in the agenda"
    )
    assert "Rationale:\nSquarely within the mandate of the group." in message.body
    assert "the proposal is included in the agenda" in message.body
    assert f"http://127.0.0.1:8000{proposal.get_absolute_url()}" in message.body
    assert "secretariat@example.org" not in {m.to[0] for m in mailoutbox}


def test_a_rejection_mail_carries_the_rationale(
    people, meeting, mailoutbox, django_capture_on_commit_callbacks, monkeypatch
):
    proposal = proposal_in_state(S.UNDER_CONSIDERATION, people=people, meeting=meeting)
    with django_capture_on_commit_callbacks() as callbacks:
        proposal_decide(
            proposal=proposal, actor=people["vice_chair"], decision="reject", rationale="No."
        )
    _send_enqueued(callbacks, monkeypatch)
    assert [m.to for m in mailoutbox] == [["delegate@example.org"]]
    assert mailoutbox[0].subject.endswith(": rejected")
    assert "Rationale:\nNo." in mailoutbox[0].body


def test_withdrawal_after_submission_tells_the_secretariat(
    people, meeting, mailoutbox, django_capture_on_commit_callbacks, monkeypatch
):
    proposal = proposal_in_state(S.SUBMITTED, people=people, meeting=meeting)
    with django_capture_on_commit_callbacks() as callbacks:
        proposal_withdraw(proposal=proposal, actor=people["delegate"], note="Merged with 21/5.")
    _send_enqueued(callbacks, monkeypatch)
    assert [m.to for m in mailoutbox] == [["secretariat@example.org"]]
    assert "was withdrawn" in mailoutbox[0].subject
    assert "Note:\nMerged with 21/5." in mailoutbox[0].body


def test_drafts_and_edits_mail_nobody(
    people, meeting, mailoutbox, django_capture_on_commit_callbacks
):
    draft = proposal_in_state(S.DRAFT, people=people, meeting=meeting)
    with django_capture_on_commit_callbacks() as callbacks:
        proposal_withdraw(proposal=draft, actor=people["delegate"])
    assert callbacks == []
    submitted = proposal_in_state(S.SUBMITTED, people=people, meeting=meeting)
    with django_capture_on_commit_callbacks() as callbacks:
        proposal_update(proposal=submitted, actor=people["delegate"], purpose="Sharper purpose.")
    assert callbacks == []
    assert mailoutbox == []


def test_a_refused_step_enqueues_nothing(people, meeting, django_capture_on_commit_callbacks):
    proposal = proposal_in_state(S.SUBMITTED, people=people, meeting=meeting)
    with django_capture_on_commit_callbacks() as callbacks, pytest.raises(AlreadyDone):
        proposal_submit(proposal=proposal, actor=people["delegate"])
    assert callbacks == []


def test_the_task_sends_once_however_often_it_runs(people, meeting, mailoutbox):
    proposal = proposal_in_state(S.SUBMITTED, people=people, meeting=meeting)
    event = proposal.events.get()
    assert send_proposal_notification(proposal_id=proposal.pk, event_id=event.pk) == 1
    assert send_proposal_notification(proposal_id=proposal.pk, event_id=event.pk) == 0
    assert len(mailoutbox) == 1
    assert ProposalEvent.objects.get(pk=event.pk).notified_at is not None


def test_a_failed_send_is_retried_and_then_sent(people, meeting, mailoutbox, monkeypatch):
    proposal = proposal_in_state(S.SUBMITTED, people=people, meeting=meeting)
    event = proposal.events.get()

    import django.core.mail.backends.locmem as locmem

    real = locmem.EmailBackend.send_messages

    def refuse(self, messages):
        raise ConnectionRefusedError("mail server away")

    monkeypatch.setattr(locmem.EmailBackend, "send_messages", refuse)
    with pytest.raises(ConnectionRefusedError):
        proposal_notification_send(proposal_id=proposal.pk, event_id=event.pk)
    assert ProposalEvent.objects.get(pk=event.pk).notified_at is None
    monkeypatch.setattr(locmem.EmailBackend, "send_messages", real)
    assert proposal_notification_send(proposal_id=proposal.pk, event_id=event.pk) == 1
    assert len(mailoutbox) == 1


def test_the_task_of_a_vanished_event_does_nothing(people, meeting, mailoutbox):
    assert send_proposal_notification(proposal_id=999, event_id=999) == 0
    assert mailoutbox == []


def test_the_task_retries_transient_errors():
    assert send_proposal_notification.name == "agendas.send_proposal_notification"
    assert ConnectionError in send_proposal_notification.autoretry_for


@pytest.mark.worker
def test_a_real_worker_sends_the_decision_mail(people, meeting, celery_worker_thread, settings):
    """After commit, ``delay`` hands the ids to the broker; the worker mails the proposer."""
    import time

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox = []
    proposal = proposal_in_state(S.UNDER_CONSIDERATION, people=people, meeting=meeting)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and len(mail.outbox) < 2:
        time.sleep(0.1)  # the submission and consideration mails arrive first
    mail.outbox = []
    proposal_decide(
        proposal=proposal, actor=people["chair"], decision="reject", rationale="Out of scope."
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and not mail.outbox:
        time.sleep(0.1)
    assert [m.to for m in mail.outbox] == [["delegate@example.org"]]
    assert "Rationale:\nOut of scope." in mail.outbox[0].body
