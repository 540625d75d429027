"""Publication of documents as PDF: the writes (request, retry, the worker's run) and the
reads the publications panel needs.

The web request never renders. ``publication_request`` records a Publication (queued) for
the document's current version and hands its id to Celery after commit; the worker calls
``publication_run``, which claims the row with one conditional UPDATE, renders through
``documents.rendering``, stores the PDF through Django's default storage and marks the row
published with its SHA-256, size and page count. Every change of state is a conditional
UPDATE on the state it expects (``documents.publication_rows``), so a retry or a second
worker never publishes the same version twice and never overwrites a PDF another one
recorded.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
from dataclasses import dataclass

from celery.exceptions import SoftTimeLimitExceeded
from django.db import OperationalError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from documents.enums import (
    DocumentEventKind,
    DocumentStatus,
    Language,
    PublicationState,
    VersionStatus,
)
from documents.exceptions import PublicationError
from documents.mastheads import LANGUAGE_LETTERS
from documents.models import Document, Publication
from documents.publication_rows import (
    claim,
    fail,
    lease,
    release,
    reload,
    store,
    time_limit_reason,
    transient_reason,
)
from documents.rendering import RenderedPdf, RenderFailed, RenderRefused, render_document
from documents.services import document_event_record

logger = logging.getLogger(__name__)

# Errors worth trying again later: the database or the storage was unavailable.
TRANSIENT_ERRORS: tuple[type[BaseException], ...] = (OperationalError, OSError)

LIVE_STATES = (PublicationState.QUEUED, PublicationState.RENDERING, PublicationState.PUBLISHED)


def storage_name(*, document: Document, version: int, language: str = "") -> str:
    """Where the PDF of one version lives in storage. Deterministic, so a retried render
    replaces its own half-written file instead of leaving a second one; the document's id
    keeps two symbols that slug alike apart."""
    slug = re.sub(r"[^a-z0-9]+", "-", document.symbol.lower()).strip("-")
    tail = f"-{language}" if language else ""
    return f"publications/{document.pk}/{slug}-v{version}{tail}.pdf"


def download_filename(publication: Publication) -> str:
    """'CWG-Internet-21-3(Rev.1)-v2.pdf': the symbol, readable, without slashes."""
    symbol = re.sub(r"[^A-Za-z0-9&().\-]+", "-", publication.document.symbol).strip("-")
    if publication.language:
        # A language version is named as the Union names its files: C24-7-F.pdf.
        return f"{symbol}-{LANGUAGE_LETTERS[publication.language]}.pdf"
    return f"{symbol}-v{publication.version}.pdf"


def hand_over(publication_id: int) -> bool:
    """Send the task for one queued row to the broker, now. The row is the request: when
    the broker is down this logs one line and returns False, and the sweeper hands the row
    over once the broker is back, so the person who clicked never sees an error."""
    from documents.tasks import publish_document

    try:
        # retry=False: a click must not wait for a broker that is away.
        publish_document.apply_async(kwargs={"publication_id": publication_id}, retry=False)
    except Exception as exc:  # any transport's connection error; the row stays queued
        logger.warning(
            "Publication %s stays queued: the broker did not take it (%s: %s)",
            publication_id,
            type(exc).__name__,
            exc,
        )
        return False
    return True


def _publishable_language(document: Document, language: str) -> str:
    """``""`` for the original; the code of an available version; otherwise a refusal."""
    if not language or language == document.original_language:
        return ""
    if not document.versions.filter(language=language, status=VersionStatus.AVAILABLE).exists():
        raise PublicationError(
            _("The %(language)s version of %(symbol)s is not available yet.")
            % {"language": Language(language).label, "symbol": document.symbol}
        )
    return language


def _enqueue(publication_id: int) -> None:
    transaction.on_commit(lambda: hand_over(publication_id))


@transaction.atomic
def publication_request(*, document: Document, user, language: str = "") -> Publication:
    """Ask for the PDF of the document's current version.

    Records a Publication (queued) and enqueues ``documents.publish_document`` after commit.
    When that version already has one that is queued, rendering or published, returns it
    unchanged and enqueues nothing (double clicks, publishing twice); a failed one is
    returned as it is too: ``publication_retry`` is how it is tried again.
    """
    # The lock makes concurrent requests for one document queue here; the unique
    # (document, version) constraint would refuse a duplicate anyway.
    document = Document.objects.select_for_update().get(pk=document.pk)
    if document.status == DocumentStatus.WITHDRAWN:
        raise PublicationError(
            _("%(symbol)s is withdrawn; it cannot be published.") % {"symbol": document.symbol}
        )
    language = _publishable_language(document, language)
    existing = Publication.objects.filter(
        document=document, version=document.version, language=language
    ).first()
    if existing is not None:
        return existing
    publication = Publication.objects.create(
        document=document,
        version=document.version,
        language=language,
        state=PublicationState.QUEUED,
        requested_by=user if user is not None and user.is_authenticated else None,
    )
    logger.info("Publication %s of %s v%s queued", publication.pk, document, document.version)
    document_event_record(kind=DocumentEventKind.PDF_QUEUED, document=document, actor=user)
    _enqueue(publication.pk)
    return publication


def is_stuck(publication: Publication, *, now: dt.datetime | None = None) -> bool:
    """Queued or rendering for longer than any render takes: its worker or its message
    was lost, and the secretariat may try again."""
    now = now or timezone.now()
    since = publication.started_at or publication.requested_at
    return (
        publication.state
        in (
            PublicationState.QUEUED,
            PublicationState.RENDERING,
        )
        and since is not None
        and now - since > lease()
    )


def can_retry(publication: Publication, document: Document) -> bool:
    return publication.version == document.version and (
        publication.state == PublicationState.FAILED or is_stuck(publication)
    )


@transaction.atomic
def publication_retry(*, publication: Publication, user) -> Publication:
    """Try a failed publication again: back to queued, enqueued after commit.

    Only failed ones (or ones held longer than the lease), and only for the document's
    current version: an older version's text is no longer there to render. Starts the
    count of attempts again.
    """
    publication = (
        Publication.objects.select_for_update().select_related("document").get(pk=publication.pk)
    )
    document = publication.document
    if publication.version != document.version:
        raise PublicationError(
            _(
                "Version %(version)s of %(symbol)s has been replaced by version %(current)s; "
                "publish the current version instead."
            )
            % {
                "version": publication.version,
                "symbol": document.symbol,
                "current": document.version,
            }
        )
    if not can_retry(publication, document):
        raise PublicationError(
            _(
                "The PDF of %(symbol)s (version %(version)s) is %(state)s; only a failed "
                "publication can be tried again."
            )
            % {
                "symbol": document.symbol,
                "version": publication.version,
                "state": publication.get_state_display().lower(),
            }
        )
    Publication.objects.filter(pk=publication.pk).update(
        state=PublicationState.QUEUED,
        error="",
        claim_token="",
        requested_by=user if user is not None and user.is_authenticated else None,
        requested_at=timezone.now(),
        started_at=None,
        finished_at=None,
        attempts=0,
    )
    logger.info("Publication %s of %s retried", publication.pk, document)
    document_event_record(kind=DocumentEventKind.PDF_QUEUED, document=document, actor=user)
    _enqueue(publication.pk)
    publication.refresh_from_db()
    return publication


@dataclass(frozen=True)
class RunOutcome:
    publication: Publication | None
    rendered: bool


def publication_run(*, publication_id: int, token: str = "") -> RunOutcome:
    """Render and store one publication; called by the worker (``token`` is the Celery task
    id). Returns without doing anything when the row is published, failed, or held by
    another worker.

    Logs each outcome. A refused resource or a layout error marks the row failed with the
    reason (permanent). A database or storage error (TRANSIENT_ERRORS) hands the row back
    to the queue and is raised again, for the task to retry with backoff.
    Raises Publication.DoesNotExist when the row is gone.
    """
    if not claim(publication_id=publication_id, token=token):
        publication = Publication.objects.get(pk=publication_id)
        logger.info(
            "Publication %s is %s and not ours to render; nothing to do",
            publication_id,
            publication.state,
        )
        return RunOutcome(publication=publication, rendered=False)
    document_event_record(kind=DocumentEventKind.PDF_RENDERING, publication_id=publication_id)
    laid_out = _render(publication_id=publication_id, token=token)
    if laid_out is None:
        return RunOutcome(publication=reload(publication_id), rendered=False)
    publication, rendered = laid_out
    document = publication.document
    name = storage_name(
        document=document, version=publication.version, language=publication.language
    )
    checksum = hashlib.sha256(rendered.content).hexdigest()
    try:
        stored = store(
            publication_id=publication_id,
            token=token,
            name=name,
            content=rendered.content,
            checksum=checksum,
            pages=rendered.pages,
        )
    except TRANSIENT_ERRORS as exc:
        release(publication_id=publication_id, token=token, reason=transient_reason(exc))
        raise
    publication = reload(publication_id)
    if stored:
        logger.info(
            "Publication %s of %s v%s published: %s (%s bytes, %s pages)",
            publication_id,
            document,
            publication.version,
            publication.file.name,
            len(rendered.content),
            rendered.pages,
        )
    return RunOutcome(publication=publication, rendered=stored)


def _render(*, publication_id: int, token: str) -> tuple[Publication, RenderedPdf] | None:
    """Lay out the claimed row's document. Returns None once the row is marked failed (a
    replaced version, a refused resource, a layout error, the time limit, a bug); hands
    the row back to the queue and raises again on a transient error."""
    try:
        publication = Publication.objects.select_related(
            "document__body", "document__meeting__body", "document__parent"
        ).get(pk=publication_id)
        document = publication.document
        if publication.version != document.version:
            fail(
                publication_id=publication_id,
                token=token,
                reason=_(
                    "Version %(version)s was replaced by version %(current)s before it was "
                    "rendered; publish the current version instead."
                )
                % {"version": publication.version, "current": document.version},
            )
            return None
        return publication, render_document(document, language=publication.language)
    except SoftTimeLimitExceeded:
        fail(publication_id=publication_id, token=token, reason=time_limit_reason())
    except (RenderRefused, RenderFailed) as exc:
        fail(publication_id=publication_id, token=token, reason=str(exc))
    except TRANSIENT_ERRORS as exc:
        release(publication_id=publication_id, token=token, reason=transient_reason(exc))
        raise
    except Exception as exc:
        # A bug, not the document's fault: the row must not stay "rendering" for ever.
        logger.exception("Publication %s: unexpected error while rendering", publication_id)
        fail(
            publication_id=publication_id,
            token=token,
            reason=_(
                "The PDF could not be rendered because of an unexpected error (%(error)s); "
                "the details are in the worker's log."
            )
            % {"error": type(exc).__name__},
        )
    return None


def publication_give_up(*, publication_id: int, token: str, exc: BaseException) -> bool:
    """After the last retry of a transient error: mark the row failed with the reason, so
    the page shows it and offers Retry."""
    if isinstance(exc, OperationalError):
        reason = _("The database was unavailable while rendering; try again in a few minutes.")
    else:
        reason = _(
            "The PDF could not be stored (%(error)s); try again once storage is available."
        ) % {"error": exc}
    # The release after the last error put the row back in the queue under our token.
    with transaction.atomic():
        Publication.objects.filter(
            pk=publication_id, state=PublicationState.QUEUED, claim_token=token
        ).update(state=PublicationState.RENDERING)
        return fail(publication_id=publication_id, token=token, reason=reason)


# --- reads --------------------------------------------------------------------------------


def publications_of(*, document: Document) -> list[Publication]:
    """Every PDF of the document, newest version first, with what the panel shows."""
    return list(
        Publication.objects.filter(document=document)
        .select_related("requested_by")
        .order_by("-version", "-pk")
    )


def _publishable_versions(document: Document, publications) -> list[tuple[str, str]]:
    """(code, name) of the available language versions without a PDF of the current text."""
    if len(document.language_codes) < 2:
        return []  # issued in one language: no version to ask the database about
    done = {p.language for p in publications if p.is_current and p.language}
    return [
        (code, str(Language(code).label))
        for code in document.versions.filter(status=VersionStatus.AVAILABLE)
        .order_by("language")
        .values_list("language", flat=True)
        if code not in done
    ]


def publications_panel_context(
    *, user, document: Document, publications=None, can_publish: bool | None = None
) -> dict:
    """What the publications panel shows: ``document``, ``publications`` (newest first,
    each with ``is_current``, ``can_retry``, ``is_stuck``), ``can_publish``,
    ``show_publish_button``, ``polling`` (whether the panel asks again) and ``poll_seconds``
    (every second while a render is under way, every ten while one is stuck).

    ``publications`` and ``can_publish`` may come from the page that includes the panel;
    they are read here when it did not provide them."""
    if publications is None:
        publications = publications_of(document=document)
    else:
        publications = sorted(publications, key=lambda p: (p.version, p.pk), reverse=True)
    if can_publish is None:
        can_publish = user is not None and user.has_perm("documents.publish_document", document)
    now = timezone.now()
    current = None
    for publication in publications:
        publication.document = document  # the panel never queries it again
        publication.is_current = publication.version == document.version
        publication.can_retry = can_publish and can_retry(publication, document)
        publication.is_stuck = is_stuck(publication, now=now)
        if publication.is_current and not publication.language:
            current = publication
    return {
        "document": document,
        "publications": publications,
        "can_publish": can_publish,
        "current_publication": current,
        "show_publish_button": can_publish
        and current is None
        and document.status != DocumentStatus.WITHDRAWN,
        "publishable_versions": _publishable_versions(document, publications)
        if can_publish and document.status != DocumentStatus.WITHDRAWN
        else [],
        # The sweeper hands a stuck row over again by itself, so the panel keeps asking,
        # only less often.
        "polling": any(
            p.state in (PublicationState.QUEUED, PublicationState.RENDERING) for p in publications
        ),
        "poll_seconds": 1
        if any(
            p.state in (PublicationState.QUEUED, PublicationState.RENDERING) and not p.is_stuck
            for p in publications
        )
        else 10,
    }
