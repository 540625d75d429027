"""Publication services: request, run, retry; idempotency; transient and permanent errors."""

from __future__ import annotations

import hashlib
import threading

import pytest
from django.core.files.storage import default_storage
from django.db import connection

from documents.enums import PublicationState
from documents.exceptions import PublicationError
from documents.models import Publication
from documents.publishing import (
    publication_request,
    publication_retry,
    publication_run,
    storage_name,
)
from documents.services import document_update
from documents.tasks import publish_document
from tests.documents.publishing_support import (
    TITLE,
    FlakyFileSystemStorage,
    make_document,
    pdf_text,
)
from tests.factories.meetings import registrar

pytestmark = pytest.mark.usefixtures("pdf_media")


def _pdf_files(document) -> list[str]:
    folder = f"publications/{document.pk}"
    if not default_storage.exists(folder):
        return []
    return sorted(default_storage.listdir(folder)[1])


def test_request_queues_the_current_version_and_enqueues_after_commit(
    meeting, people, django_capture_on_commit_callbacks
):
    document = make_document(meeting)
    with django_capture_on_commit_callbacks() as callbacks:
        publication = publication_request(document=document, user=people["secretariat"])
    assert publication.state == PublicationState.QUEUED
    assert publication.version == document.version == 1
    assert publication.requested_by == people["secretariat"]
    assert len(callbacks) == 1


def test_double_click_records_one_publication_and_enqueues_once(
    meeting, people, django_capture_on_commit_callbacks
):
    document = make_document(meeting)
    with django_capture_on_commit_callbacks() as callbacks:
        first = publication_request(document=document, user=people["secretariat"])
        second = publication_request(document=document, user=people["secretariat"])
    assert first.pk == second.pk
    assert Publication.objects.filter(document=document).count() == 1
    assert len(callbacks) == 1


def test_run_stores_the_pdf_with_checksum_size_and_pages(meeting, people):
    document = make_document(meeting)
    publication = publication_request(document=document, user=people["secretariat"])
    outcome = publication_run(publication_id=publication.pk, token="task-1")

    publication.refresh_from_db()
    assert outcome.rendered
    assert publication.state == PublicationState.PUBLISHED
    assert publication.file.name == storage_name(document=document, version=1)
    assert publication.file.name == f"publications/{document.pk}/cwg-internet-21-1-v1.pdf"
    with default_storage.open(publication.file.name, "rb") as handle:
        content = handle.read()
    assert publication.checksum == hashlib.sha256(content).hexdigest()
    assert publication.size == len(content)
    assert publication.pages == 1
    assert publication.attempts == 1
    assert publication.started_at <= publication.finished_at
    assert TITLE in pdf_text(content)
    assert "CWG-Internet-21/1 page 1 of 1" in pdf_text(content)


def test_running_twice_publishes_once(meeting, people):
    document = make_document(meeting)
    publication = publication_request(document=document, user=people["secretariat"])
    first = publication_run(publication_id=publication.pk, token="task-1")
    checksum = Publication.objects.get(pk=publication.pk).checksum
    # The broker delivers the message again, or another task for the same row runs.
    second = publication_run(publication_id=publication.pk, token="task-1")
    third = publication_run(publication_id=publication.pk, token="task-2")

    assert (first.rendered, second.rendered, third.rendered) == (True, False, False)
    publication.refresh_from_db()
    assert publication.state == PublicationState.PUBLISHED
    assert publication.checksum == checksum
    assert publication.attempts == 1
    assert _pdf_files(document) == ["cwg-internet-21-1-v1.pdf"]
    with default_storage.open(publication.file.name, "rb") as handle:
        assert hashlib.sha256(handle.read()).hexdigest() == checksum


@pytest.mark.usefixtures("transactional_db")
def test_two_workers_at_once_publish_one_pdf(meeting, people):
    document = make_document(meeting)
    publication = publication_request(document=document, user=people["secretariat"])
    barrier = threading.Barrier(2)
    outcomes: dict[str, object] = {}

    def worker(token: str) -> None:
        try:
            barrier.wait()
            for _attempt in range(20):
                try:
                    outcomes[token] = publication_run(publication_id=publication.pk, token=token)
                    return
                except PublicationError:
                    raise
                except Exception as exc:  # the task's retry, for a locked database
                    outcomes[token] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(t,)) for t in ("worker-a", "worker-b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    rendered = [o for o in outcomes.values() if getattr(o, "rendered", False)]
    assert len(rendered) == 1, outcomes
    publication.refresh_from_db()
    assert publication.state == PublicationState.PUBLISHED
    assert Publication.objects.filter(document=document).count() == 1
    assert _pdf_files(document) == ["cwg-internet-21-1-v1.pdf"]
    with default_storage.open(publication.file.name, "rb") as handle:
        assert hashlib.sha256(handle.read()).hexdigest() == publication.checksum


def test_new_version_gets_its_own_pdf_and_the_old_one_stays(meeting, people):
    document = make_document(meeting)
    v1 = publication_request(document=document, user=people["secretariat"])
    publication_run(publication_id=v1.pk, token="t1")
    document = document_update(
        actor=registrar(), document=document, title="Revised proposal for a new item"
    )
    v2 = publication_request(document=document, user=people["secretariat"])
    publication_run(publication_id=v2.pk, token="t2")

    v1.refresh_from_db()
    v2.refresh_from_db()
    assert (v1.version, v2.version) == (1, 2)
    assert v1.state == v2.state == PublicationState.PUBLISHED
    assert _pdf_files(document) == ["cwg-internet-21-1-v1.pdf", "cwg-internet-21-1-v2.pdf"]
    with default_storage.open(v1.file.name, "rb") as handle:
        assert TITLE in pdf_text(handle.read())
    with default_storage.open(v2.file.name, "rb") as handle:
        assert "Revised proposal for a new item" in pdf_text(handle.read())


def test_version_replaced_before_rendering_fails_with_a_reason(meeting, people):
    document = make_document(meeting)
    publication = publication_request(document=document, user=people["secretariat"])
    document_update(actor=registrar(), document=document, title="Changed while queued")
    publication_run(publication_id=publication.pk, token="t1")
    publication.refresh_from_db()
    assert publication.state == PublicationState.FAILED
    assert publication.error == (
        "Version 1 was replaced by version 2 before it was rendered; publish the current "
        "version instead."
    )
    with pytest.raises(PublicationError, match="has been replaced by version 2"):
        publication_retry(publication=publication, user=people["secretariat"])


def test_only_a_failed_publication_can_be_retried(meeting, people):
    document = make_document(meeting)
    publication = publication_request(document=document, user=people["secretariat"])
    with pytest.raises(PublicationError, match="is queued; only a failed publication"):
        publication_retry(publication=publication, user=people["secretariat"])
    publication_run(publication_id=publication.pk, token="t1")
    with pytest.raises(PublicationError, match="is published; only a failed publication"):
        publication_retry(publication=publication, user=people["secretariat"])


def test_withdrawn_document_cannot_be_published(meeting, people):
    document = make_document(meeting)
    document = document_update(actor=registrar(), document=document, status="withdrawn")
    with pytest.raises(PublicationError, match="is withdrawn; it cannot be published"):
        publication_request(document=document, user=people["secretariat"])
    assert not Publication.objects.exists()


# --- errors: permanent ones fail at once, transient ones are retried ---------------------


def test_refused_resource_fails_at_once_with_the_reason_and_retry_publishes(
    meeting, people, remote_stylesheet_template
):
    server = remote_stylesheet_template
    document = make_document(meeting)
    publication = publication_request(document=document, user=people["secretariat"])
    publish_document.apply(kwargs={"publication_id": publication.pk})

    publication.refresh_from_db()
    assert publication.state == PublicationState.FAILED
    assert publication.error == (
        f"The text refers to {server.url}/brand.css, which publications may not load."
    )
    assert publication.attempts == 1  # permanent: not retried
    assert server.requests == []
    assert _pdf_files(document) == []

    server.restore_template()  # the template is put right; Retry publishes
    publication_retry(publication=publication, user=people["secretariat"])
    assert Publication.objects.get(pk=publication.pk).state == PublicationState.QUEUED
    publish_document.apply(kwargs={"publication_id": publication.pk})
    publication.refresh_from_db()
    assert publication.state == PublicationState.PUBLISHED
    assert publication.error == ""
    assert publication.attempts == 1  # counted again from the Retry


@pytest.mark.usefixtures("flaky_storage")
def test_storage_error_is_retried_until_the_pdf_is_stored(meeting, people):
    FlakyFileSystemStorage.failures_left = 2
    document = make_document(meeting)
    publication = publication_request(document=document, user=people["secretariat"])
    # apply() runs the task here, retries included (without their countdown).
    publish_document.apply(kwargs={"publication_id": publication.pk})

    publication.refresh_from_db()
    assert publication.state == PublicationState.PUBLISHED
    assert publication.attempts == 3
    assert _pdf_files(document) == ["cwg-internet-21-1-v1.pdf"]


@pytest.mark.usefixtures("flaky_storage")
def test_storage_down_for_good_fails_after_the_last_retry_and_retry_publishes(meeting, people):
    FlakyFileSystemStorage.failures_left = 100
    document = make_document(meeting)
    publication = publication_request(document=document, user=people["secretariat"])
    publish_document.apply(kwargs={"publication_id": publication.pk})

    publication.refresh_from_db()
    assert publication.state == PublicationState.FAILED
    assert publication.attempts == 6  # the first run and five retries
    assert publication.error == (
        "The PDF could not be stored ([Errno 28] No space left on device); "
        "try again once storage is available."
    )
    assert _pdf_files(document) == []

    FlakyFileSystemStorage.failures_left = 0
    publication_retry(publication=publication, user=people["secretariat"])
    publish_document.apply(kwargs={"publication_id": publication.pk})
    publication.refresh_from_db()
    assert publication.state == PublicationState.PUBLISHED


def test_task_for_a_deleted_publication_does_nothing(meeting, people):
    document = make_document(meeting)
    publication = publication_request(document=document, user=people["secretariat"])
    publication.delete()
    result = publish_document.apply(kwargs={"publication_id": publication.pk})
    assert result.successful()
    assert _pdf_files(document) == []
