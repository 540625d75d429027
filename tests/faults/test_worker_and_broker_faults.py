"""Workers killed mid-render and a broker stopped during the click: every publication ends
published exactly once, or failed with a sentence, within the bound each test states, and
nothing queued is lost. Each test starts its own redis-server and Celery processes
(about 10-40 s each; five tests)."""

from __future__ import annotations

import time

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse

from documents.enums import PublicationState
from documents.models import Publication
from documents.publication_rows import interrupted_reason
from tests.documents.publishing_support import TITLE, make_document, pdf_text, wait_for_state

pytestmark = [pytest.mark.faults, pytest.mark.worker]

DONE = {PublicationState.PUBLISHED, PublicationState.FAILED}
# Long enough that the render takes seconds, so a kill lands in the middle of it.
LONG_TEXT = "".join(
    f"<p>Paragraph {i}: the Council Working Group is invited to consider the present "
    "proposal and to decide on the inclusion of the item in its draft agenda.</p>"
    for i in range(1000)
)
# Takes well over a second to lay out (about 200 pages): for the 1 s time limits.
SLOW_TEXT = LONG_TEXT * 5


def publish_from_the_page(client_for, document):
    return client_for("secretariat").post(
        reverse("documents:publication_publish", kwargs={"document_id": document.pk}),
        follow=True,
    )


def wait_until_rendering(publication: Publication, *, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        publication.refresh_from_db()
        if publication.state == PublicationState.RENDERING:
            return
        assert publication.state == PublicationState.QUEUED, publication.error
        time.sleep(0.02)
    pytest.fail(f"No worker took the publication within {timeout} s")


def assert_published_once(publication: Publication, document) -> None:
    assert publication.state == PublicationState.PUBLISHED, publication.error
    assert Publication.objects.filter(document=document).count() == 1
    assert default_storage.listdir(f"publications/{document.pk}")[1] == [
        publication.file.name.rsplit("/", 1)[-1]
    ]
    with default_storage.open(publication.file.name, "rb") as handle:
        assert TITLE in pdf_text(handle.read())


def test_worker_killed_mid_render_is_taken_over_once_its_lease_ends(client_for, meeting, processes):
    """kill -9 of the whole worker while it renders: the row stays 'rendering' only until
    its lease ends (hard limit 20 s + 1 s); beat's sweeper puts it back in the queue and a
    new worker publishes it. Bound: 60 s after the kill."""
    document = make_document(meeting, text=LONG_TEXT)
    processes.beat()
    first = processes.worker()
    publish_from_the_page(client_for, document)
    publication = Publication.objects.get(document=document)
    wait_until_rendering(publication)
    processes.kill(first)
    publication.refresh_from_db()
    assert publication.state == PublicationState.RENDERING  # the kill landed mid-render

    processes.worker()
    publication = wait_for_state(publication, DONE, timeout=60)
    assert publication.attempts == 2, processes.logs()
    assert_published_once(publication, document)


def test_worker_child_killed_mid_render_is_redelivered_at_once(client_for, meeting, processes):
    """The pool child dies (the OOM killer's kill -9) and the worker survives: the message
    is given back (task_reject_on_worker_lost) and the next child publishes it, without
    waiting for the lease. Bound: 60 s."""
    document = make_document(meeting, text=LONG_TEXT)
    worker = processes.worker()
    publish_from_the_page(client_for, document)
    publication = Publication.objects.get(document=document)
    wait_until_rendering(publication)
    children = processes.children(worker)
    assert children, processes.logs()
    for pid in children:
        processes.kill_pid(pid)

    publication = wait_for_state(publication, DONE, timeout=60)
    assert publication.attempts == 2, processes.logs()
    assert_published_once(publication, document)


def test_render_past_the_soft_time_limit_fails_with_a_sentence_once(client_for, meeting, processes):
    """A render longer than the soft limit (1 s here) fails with the reason and is not
    tried again. Bound: 60 s."""
    processes.limits.update(PUBLISH_SOFT_TIME_LIMIT="1", PUBLISH_TIME_LIMIT="30")
    document = make_document(meeting, text=SLOW_TEXT)
    processes.worker()
    publish_from_the_page(client_for, document)
    publication = wait_for_state(Publication.objects.get(document=document), DONE, timeout=60)
    assert publication.state == PublicationState.FAILED
    assert publication.error.startswith("Laying out the PDF took longer than 1 second,")
    time.sleep(2)  # nothing comes back for it
    publication.refresh_from_db()
    assert (publication.state, publication.attempts) == (PublicationState.FAILED, 1)


def test_render_whose_worker_dies_every_time_fails_after_the_last_attempt(
    client_for, meeting, processes
):
    """The pool child dies in every render of this document (as at the hard time limit or
    by the OOM killer): the message comes back each time, and after PUBLISH_MAX_ATTEMPTS (3)
    the publication fails with a sentence instead of jamming the next worker for ever.
    Bound: 90 s."""
    document = make_document(meeting, text=SLOW_TEXT)
    worker = processes.worker()
    publish_from_the_page(client_for, document)
    publication = Publication.objects.get(document=document)
    kills = 0
    deadline = time.monotonic() + 90
    while publication.state != PublicationState.FAILED:
        assert time.monotonic() < deadline, processes.logs()
        assert publication.state != PublicationState.PUBLISHED
        if publication.state == PublicationState.RENDERING and publication.attempts > kills:
            for pid in processes.children(worker):
                processes.kill_pid(pid)
            kills += 1
        time.sleep(0.05)
        publication.refresh_from_db()
    assert kills == 3
    assert publication.attempts == 3
    assert publication.error == interrupted_reason(3)
    assert not default_storage.exists(f"publications/{document.pk}")


def test_publish_with_the_broker_down_is_queued_and_published_when_it_is_back(
    client_for, meeting, processes, redis_broker
):
    """The broker is stopped at the click: the page says the PDF is queued (no error, the
    row is the request); once the broker is back, beat's sweeper hands the row over and a
    worker publishes it once. Bound: 60 s after the broker is back."""
    document = make_document(meeting)
    redis_broker.stop()
    response = publish_from_the_page(client_for, document)
    page = response.content.decode()
    assert response.status_code == 200
    assert "is queued: the publishing worker will take it." in page
    assert "Nothing you entered was saved" not in page
    publication = Publication.objects.get(document=document)
    assert publication.state == PublicationState.QUEUED

    # Clicking again while it is down says the same, and still one row.
    page = publish_from_the_page(client_for, document).content.decode()
    assert "is queued: the publishing worker will take it." in page

    redis_broker.start()  # empty: the message of the click never reached it
    processes.beat()
    processes.worker()
    publication = wait_for_state(publication, DONE, timeout=60)
    assert publication.attempts == 1, processes.logs()
    assert_published_once(publication, document)
