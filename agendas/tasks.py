"""Celery tasks of the agendas app: thin, keyword-only ids, enqueued after commit."""

from __future__ import annotations

import smtplib

from celery import shared_task

from agendas.proposals.notifications import proposal_notification_send

# Failures worth another try: the mail server was away or busy.
TRANSIENT = (smtplib.SMTPException, ConnectionError, TimeoutError, OSError)


@shared_task(
    name="agendas.send_proposal_notification",
    autoretry_for=TRANSIENT,
    retry_backoff=5,
    retry_backoff_max=600,
    retry_jitter=True,
    max_retries=8,
)
def send_proposal_notification(*, proposal_id: int, event_id: int, request_site: str = "") -> int:
    """Mail the people concerned by one step of a proposal (once, however often it runs)."""
    return proposal_notification_send(
        proposal_id=proposal_id, event_id=event_id, request_site=request_site
    )


@shared_task(name="agendas.sweep_notifications", ignore_result=True)
def sweep_notifications() -> int:
    """Run by Celery beat: hand over again the mails of recent steps whose message never
    reached the broker (the step's row, not yet marked mailed, is the request)."""
    from agendas.proposals.notification_sweep import notifications_sweep

    return notifications_sweep(enqueue=send_proposal_notification)
