"""Celery tasks of the documents app: thin, named, keyword-only ids; the work is in
``documents.publishing`` and ``documents.sweeper``."""

from __future__ import annotations

import logging

from celery import shared_task
from django.conf import settings

from documents.models import Publication
from documents.publishing import TRANSIENT_ERRORS, publication_give_up, publication_run
from documents.sweeper import publications_sweep

logger = logging.getLogger(__name__)


@shared_task(
    name="documents.publish_document",
    bind=True,
    # The message is acknowledged only when the task ends, and given back when the worker
    # child dies (killed at the hard time limit, out of memory, kill -9): the row's claim
    # counts those attempts and fails the publication after the last one.
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=settings.PUBLISH_SOFT_TIME_LIMIT,
    time_limit=settings.PUBLISH_TIME_LIMIT,
    autoretry_for=TRANSIENT_ERRORS,
    retry_backoff=True,
    retry_backoff_max=120,
    retry_jitter=True,
    max_retries=5,
)
def publish_document(self, *, publication_id: int) -> None:
    """Render, store and mark published one Publication. Idempotent: a publication that is
    published, failed or held by another worker is left alone. Database and storage errors
    are retried with exponential backoff; after the last retry the publication is marked
    failed with the reason. A render past the soft time limit fails with a sentence."""
    token = self.request.id or ""
    try:
        publication_run(publication_id=publication_id, token=token)
    except Publication.DoesNotExist:
        logger.warning("Publication %s is gone (its document was deleted?)", publication_id)
    except TRANSIENT_ERRORS as exc:
        if self.request.retries >= self.max_retries:
            logger.error("Publication %s: giving up after %s retries", publication_id, exc)
            publication_give_up(publication_id=publication_id, token=token, exc=exc)
            return
        raise


@shared_task(name="documents.sweep_publications", ignore_result=True)
def sweep_publications() -> None:
    """Run by Celery beat every PUBLISH_SWEEP_SECONDS: hand over queued publications that no
    worker took and take back the claims of workers that are gone. Writes the workers'
    heartbeat that /healthz reads."""
    from config.health import worker_heartbeat_write

    publications_sweep()
    worker_heartbeat_write()
