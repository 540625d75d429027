"""The mail half of "the row is the request": a ProposalEvent whose mail has not gone out
(``notified_at`` unset) is the request for it. Run by beat through
``agendas.sweep_notifications``; a step mailed twice is impossible, because the send claims
the event with one conditional UPDATE."""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.utils import timezone

from agendas.models import ProposalEvent
from agendas.proposals.notifications import notifies

logger = logging.getLogger(__name__)
# Older steps are history: a deployment that starts with mail switched off must not mail
# every step it ever recorded.
LOOK_BACK = dt.timedelta(days=2)


def notifications_sweep(*, enqueue, now: dt.datetime | None = None) -> int:
    """Enqueue the mail of every recent step not mailed yet and older than the grace
    period; returns how many. Stops at the first broker error (the next sweep retries)."""
    now = now or timezone.now()
    grace = dt.timedelta(seconds=settings.PUBLISH_QUEUE_GRACE)
    waiting = ProposalEvent.objects.filter(
        notified_at__isnull=True, at__lt=now - grace, at__gt=now - LOOK_BACK
    ).order_by("at")[: settings.PUBLISH_SWEEP_BATCH]
    handed = 0
    for event in waiting:
        if not notifies(event):
            continue
        try:
            enqueue.apply_async(
                kwargs={"proposal_id": event.proposal_id, "event_id": event.pk}, retry=False
            )
        except Exception as exc:  # the broker is still away
            logger.warning("Mail sweep stopped: the broker did not take it (%s)", exc)
            break
        handed += 1
    if handed:
        logger.info("Mail sweep: %s step(s) handed over", handed)
    return handed
