"""Celery tasks of the documents app: thin, named, keyword-only ids; the work is in
``documents.publishing``."""

from __future__ import annotations

import logging

from celery import shared_task

from documents.models import Publication
from documents.publishing import TRANSIENT_ERRORS, publication_give_up, publication_run

logger = logging.getLogger(__name__)


@shared_task(
    name="documents.publish_document",
    bind=True,
    acks_late=True,
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
    failed with the reason."""
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
