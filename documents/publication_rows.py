"""The states of one Publication row, changed by conditional UPDATEs: the worker's claim
(or the takeover of an expired one), failure, release after a transient error, and the
write of the PDF. Each UPDATE matches only the state it expects, so two workers, or a
worker and the sweeper, never both win. ``documents.publishing`` drives them."""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import OperationalError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from documents.enums import DocumentEventKind, PublicationState
from documents.models import Publication
from documents.services import document_event_record

logger = logging.getLogger("documents.publishing")


def lease() -> dt.timedelta:
    """How long a claim holds the row. The render task is killed at its hard time limit,
    so a claim older than that limit (plus the time to store the PDF) belongs to a worker
    that is gone: the sweeper or another worker may take the row over."""
    return dt.timedelta(seconds=settings.PUBLISH_TIME_LIMIT + settings.PUBLISH_LEASE_MARGIN)


def _too_many_attempts(attempts: int) -> bool:
    return attempts >= settings.PUBLISH_MAX_ATTEMPTS


def interrupted_reason(attempts: int) -> str:
    sentence = (
        "The renderer stopped %(attempts)s times while laying this document out (it ran out "
        "of time or memory, or its worker was stopped), so it was not tried again. Shorten "
        "very large tables or deeply nested lists in the text, then use Retry."
    )
    # Never fewer than two attempts; the plural form is for the languages that have several.
    return ngettext(sentence, sentence, attempts) % {"attempts": attempts}


def claim(*, publication_id: int, token: str) -> bool:
    """Take the row for rendering: one UPDATE that only matches a row nobody else holds.
    Matches a queued row, a row this same task held before its retry, or a row whose
    worker died (claimed longer ago than the lease). Taking over an interrupted render
    counts: after PUBLISH_MAX_ATTEMPTS the row fails instead of jamming one more worker."""
    now = timezone.now()
    holder = Q(state=PublicationState.RENDERING) & (
        Q(claim_token=token) | Q(started_at__lt=now - lease())
    )
    if not token:
        holder = Q(state=PublicationState.RENDERING, started_at__lt=now - lease())
    _fail_interrupted(publication_id=publication_id, holder=holder)
    return bool(
        Publication.objects.filter(
            Q(state=PublicationState.QUEUED) | holder, pk=publication_id
        ).update(
            state=PublicationState.RENDERING,
            claim_token=token,
            started_at=now,
            attempts=F("attempts") + 1,
            error="",
        )
    )


def _fail_interrupted(*, publication_id: int, holder: Q) -> None:
    """A redelivered message (its worker was killed) or a takeover of an expired claim,
    after as many attempts as allowed: fail with the sentence, render nothing."""
    row = Publication.objects.filter(holder, pk=publication_id).values_list("attempts").first()
    if row is None or not _too_many_attempts(row[0]):
        return
    if (
        Publication.objects.filter(holder, pk=publication_id)
        .filter(attempts=row[0])
        .update(
            state=PublicationState.FAILED,
            error=interrupted_reason(row[0]),
            finished_at=timezone.now(),
        )
    ):
        logger.warning("Publication %s failed: interrupted %s times", publication_id, row[0])


def _held(publication_id: int, token: str):
    return Publication.objects.filter(
        pk=publication_id, state=PublicationState.RENDERING, claim_token=token
    )


def fail(*, publication_id: int, token: str, reason: str) -> bool:
    done = _held(publication_id, token).update(
        state=PublicationState.FAILED, error=reason, finished_at=timezone.now()
    )
    if done:
        logger.warning("Publication %s failed: %s", publication_id, reason)
        document_event_record(kind=DocumentEventKind.PDF_FAILED, publication_id=publication_id)
    return bool(done)


def release(*, publication_id: int, token: str, reason: str) -> None:
    """Hand the row back to the queue after a transient error, for the task's retry. If the
    database itself is down this fails too; the retry can still take the row back because
    it carries the same token."""
    try:
        _held(publication_id, token).update(state=PublicationState.QUEUED, error=reason)
    except OperationalError:
        logger.warning("Publication %s: could not release the claim", publication_id)


@transaction.atomic
def store(
    *, publication_id: int, token: str, name: str, content: bytes, checksum: str, pages: int
) -> bool:
    """Mark the row published and write its file, in one transaction.

    The UPDATE comes first: it only matches while this worker still holds the row, and the
    row lock it takes (the write lock on SQLite) holds off any other worker until commit.
    Only the winner writes the file; if the write fails the UPDATE rolls back with it.
    """
    won = _held(publication_id, token).update(
        state=PublicationState.PUBLISHED,
        file=name,
        checksum=checksum,
        size=len(content),
        pages=pages,
        error="",
        finished_at=timezone.now(),
    )
    if not won:
        return False
    document_event_record(kind=DocumentEventKind.PDF_PUBLISHED, publication_id=publication_id)
    # Left behind by an attempt of this same row that died after writing.
    if default_storage.exists(name):
        default_storage.delete(name)
    saved = default_storage.save(name, ContentFile(content))
    if saved != name:
        Publication.objects.filter(pk=publication_id).update(file=saved)
    return True


def reload(publication_id: int) -> Publication:
    return Publication.objects.select_related("document").get(pk=publication_id)


def time_limit_reason() -> str:
    seconds = settings.PUBLISH_SOFT_TIME_LIMIT
    return ngettext(
        "Laying out the PDF took longer than %(seconds)s second, so it was stopped. Shorten "
        "very large tables or deeply nested lists in the text, then use Retry.",
        "Laying out the PDF took longer than %(seconds)s seconds, so it was stopped. Shorten "
        "very large tables or deeply nested lists in the text, then use Retry.",
        seconds,
    ) % {"seconds": seconds}


def transient_reason(exc: BaseException) -> str:
    if isinstance(exc, OperationalError):
        return _("The database was unavailable (%(error)s); trying again.") % {"error": exc}
    return _("The PDF could not be stored (%(error)s); trying again.") % {"error": exc}
