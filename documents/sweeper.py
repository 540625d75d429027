"""The publication sweeper: the periodic half of "the row is the request".

A Publication row in state queued *is* the request for a PDF; the message on the broker is
only a nudge. ``publications_sweep`` runs every PUBLISH_SWEEP_SECONDS (Celery beat) and

- hands over again every row queued for longer than PUBLISH_QUEUE_GRACE: its message was
  never sent (the broker was down at the click) or was lost with the broker's data;
- takes back every "rendering" claim older than the lease (the hard time limit plus a
  margin): its worker was killed, since a live one is stopped at the hard limit. Such a row
  goes back to the queue, or fails with a sentence after PUBLISH_MAX_ATTEMPTS.

A row handed over twice is harmless: the claim is one conditional UPDATE, so the second
message finds the row taken and does nothing.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from documents.enums import PublicationState
from documents.models import Publication
from documents.publication_rows import interrupted_reason, lease
from documents.publishing import hand_over

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SweepResult:
    handed_over: int
    taken_back: int
    failed: int


@transaction.atomic
def _take_back_expired(*, now: dt.datetime) -> tuple[int, int]:
    """Claims whose lease ran out: back to the queue, or failed after the last attempt."""
    expired = Publication.objects.select_for_update(skip_locked=True).filter(
        state=PublicationState.RENDERING, started_at__lt=now - lease()
    )
    taken_back = failed = 0
    for publication in expired.only("pk", "attempts", "started_at"):
        # Conditional on the claim seen here: a worker finishing at this moment wins.
        row = Publication.objects.filter(
            pk=publication.pk,
            state=PublicationState.RENDERING,
            started_at=publication.started_at,
        )
        if publication.attempts >= settings.PUBLISH_MAX_ATTEMPTS:
            failed += row.update(
                state=PublicationState.FAILED,
                error=interrupted_reason(publication.attempts),
                finished_at=now,
            )
        else:
            taken_back += row.update(
                state=PublicationState.QUEUED,
                claim_token="",
                error="",
            )
    return taken_back, failed


def publications_sweep(*, now: dt.datetime | None = None) -> SweepResult:
    """Take back expired claims, then hand every queued row not taken to the broker.

    Logs one line when it did anything. Sends at most PUBLISH_SWEEP_BATCH messages, oldest
    requests first; a broker that is still down makes it stop early (the next sweep tries
    again)."""
    now = now or timezone.now()
    taken_back, failed = _take_back_expired(now=now)
    waiting = Publication.objects.filter(
        state=PublicationState.QUEUED,
        requested_at__lt=now - dt.timedelta(seconds=settings.PUBLISH_QUEUE_GRACE),
    ).order_by("requested_at", "pk")
    handed = 0
    for publication_id in waiting.values_list("pk", flat=True)[: settings.PUBLISH_SWEEP_BATCH]:
        if not hand_over(publication_id):
            break
        handed += 1
    if handed or taken_back or failed:
        logger.info(
            "Sweep: %s queued publication(s) handed over, %s expired claim(s) taken back, "
            "%s failed after the last attempt",
            handed,
            taken_back,
            failed,
        )
    return SweepResult(handed_over=handed, taken_back=taken_back, failed=failed)
