"""The publications panel of the document page, publishing and retrying from it, and the
PDF download; permissions for every role; query counts that do not grow with the rows."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from django.urls import reverse
from django.utils import timezone

from documents.enums import Access, PublicationState
from documents.models import Publication
from documents.publishing import publication_request, publication_run
from documents.services import document_update
from documents.tasks import publish_document
from tests.conftest import ROLE_NAMES
from tests.documents.publishing_support import TITLE, make_document, pdf_text
from tests.factories.meetings import registrar
from tests.factories.publications import PublicationFactory

pytestmark = pytest.mark.usefixtures("pdf_media")

HTMX = {"HTTP_HX_REQUEST": "true"}
PUBLISHERS = {"secretariat", "superuser"}
MEMBERS = {"delegate", "secretariat", "chair", "vice_chair", "superuser"}


def panel_url(document) -> str:
    return reverse("documents:publications_panel", kwargs={"document_id": document.pk})


def publish_url(document) -> str:
    return reverse("documents:publication_publish", kwargs={"document_id": document.pk})


def retry_url(publication) -> str:
    return reverse("documents:publication_retry", kwargs={"pk": publication.pk})


def download_url(publication) -> str:
    return reverse("documents:publication_download", kwargs={"pk": publication.pk})


def _refused(response, role):
    if role == "anonymous":
        assert response.status_code == 302
        assert reverse("login") in response["Location"]
    else:
        assert response.status_code == 403
        assert "You cannot do this" in response.content.decode()


def test_document_page_offers_publishing_to_the_secretariat(client_for, meeting):
    document = make_document(meeting)
    page = client_for("secretariat").get(document.get_absolute_url()).content.decode()
    assert "Official PDF" in page
    assert "This document has not been published as PDF yet." in page
    assert "Publish as PDF" in page


def test_document_page_shows_no_publish_button_to_a_delegate(client_for, meeting):
    document = make_document(meeting)
    page = client_for("delegate").get(document.get_absolute_url()).content.decode()
    assert "This document has not been published as PDF yet." in page
    assert "The secretariat publishes it when it is final." in page
    assert "Publish as PDF" not in page


def test_publish_with_htmx_answers_the_panel_queued_and_polling(
    client_for, meeting, django_capture_on_commit_callbacks
):
    document = make_document(meeting)
    with django_capture_on_commit_callbacks() as callbacks:
        response = client_for("secretariat").post(publish_url(document), **HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Queued" in html
    assert "Queued: the publishing worker will take it; this page updates by itself." in html
    assert f'hx-get="{panel_url(document)}"' in html
    assert 'hx-trigger="every 1s"' in html
    assert "Publish as PDF" not in html  # no second click
    assert len(callbacks) == 1
    assert Publication.objects.get(document=document).state == PublicationState.QUEUED


def test_publish_without_javascript_goes_back_to_the_page_with_a_message(
    client_for, meeting, django_capture_on_commit_callbacks
):
    document = make_document(meeting)
    with django_capture_on_commit_callbacks():
        response = client_for("secretariat").post(publish_url(document), follow=True)
    assert response.redirect_chain[-1][0] == document.get_absolute_url()
    assert (
        "The PDF of CWG-Internet-21/1 (version 1) is queued: the publishing worker will take it."
        in response.content.decode()
    )


def test_double_click_on_publish_records_one_publication(
    client_for, meeting, django_capture_on_commit_callbacks
):
    document = make_document(meeting)
    client = client_for("secretariat")
    with django_capture_on_commit_callbacks() as callbacks:
        client.post(publish_url(document), **HTMX)
        second = client.post(publish_url(document), **HTMX)
    assert Publication.objects.filter(document=document).count() == 1
    assert len(callbacks) == 1
    assert "Queued" in second.content.decode()


def test_panel_stops_polling_once_published_and_offers_the_download(client_for, meeting, people):
    document = make_document(meeting)
    publication = publication_request(document=document, user=people["secretariat"])
    rendering = client_for("delegate").get(panel_url(document)).content.decode()
    assert 'hx-trigger="every 1s"' in rendering

    publication_run(publication_id=publication.pk, token="t1")
    publication.refresh_from_db()
    html = client_for("delegate").get(panel_url(document)).content.decode()
    assert "Published" in html
    assert "hx-trigger" not in html
    assert download_url(publication) in html
    assert f"{publication.pages} page," in html
    assert publication.checksum in html
    assert "KB" in html


def test_failed_render_shows_the_reason_and_retry_publishes(
    client_for, meeting, people, remote_stylesheet_template, django_capture_on_commit_callbacks
):
    server = remote_stylesheet_template
    document = make_document(meeting)
    publication = publication_request(document=document, user=people["secretariat"])
    publish_document.apply(kwargs={"publication_id": publication.pk})

    page = client_for("secretariat").get(document.get_absolute_url()).content.decode()
    assert "Failed" in page
    assert f"The text refers to {server.url}/brand.css, which publications may not load." in page
    assert "Retry" in page
    assert "hx-trigger" not in page  # a failed render is final: no more polling
    delegate_page = client_for("delegate").get(document.get_absolute_url()).content.decode()
    assert "Failed" in delegate_page
    assert retry_url(publication) not in delegate_page

    server.restore_template()
    with django_capture_on_commit_callbacks() as callbacks:
        response = client_for("secretariat").post(retry_url(publication), **HTMX)
    assert "Queued" in response.content.decode()
    assert len(callbacks) == 1
    publish_document.apply(kwargs={"publication_id": publication.pk})

    page = client_for("secretariat").get(document.get_absolute_url()).content.decode()
    assert "Published" in page
    assert "which publications may not load" not in page
    assert server.requests == []


def test_download_serves_the_stored_pdf_named_after_the_symbol(client_for, meeting, people):
    document = make_document(meeting)
    publication = publication_request(document=document, user=people["secretariat"])
    publication_run(publication_id=publication.pk, token="t1")
    publication.refresh_from_db()

    response = client_for("anonymous").get(download_url(publication))
    content = b"".join(response.streaming_content)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="CWG-Internet-21-1-v1.pdf"'
    assert hashlib.sha256(content).hexdigest() == publication.checksum
    assert TITLE in pdf_text(content)


def test_older_versions_stay_listed_and_downloadable(client_for, meeting, people):
    document = make_document(meeting)
    first = publication_request(document=document, user=people["secretariat"])
    publication_run(publication_id=first.pk, token="t1")
    document = document_update(
        actor=registrar(), document=document, title="Revised title of the proposal"
    )
    html = client_for("secretariat").get(panel_url(document)).content.decode()
    # The text changed: the new version can be published, the old PDF is still there.
    assert "Publish as PDF" in html
    assert "The text has changed since version 1 was published" in html

    second = publication_request(document=document, user=people["secretariat"])
    publication_run(publication_id=second.pk, token="t2")
    html = client_for("secretariat").get(panel_url(document)).content.decode()
    assert html.index("Version 2") < html.index("Version 1")
    assert download_url(first) in html
    assert download_url(second) in html
    old = client_for("delegate").get(download_url(first))
    assert TITLE in pdf_text(b"".join(old.streaming_content))
    assert old["Content-Disposition"] == 'attachment; filename="CWG-Internet-21-1-v1.pdf"'


def test_queued_publication_cannot_be_downloaded(client_for, meeting, people):
    document = make_document(meeting)
    publication = publication_request(document=document, user=people["secretariat"])
    response = client_for("secretariat").get(download_url(publication))
    assert response.status_code == 404


def test_publication_stuck_in_the_queue_can_be_retried(
    client_for, meeting, people, django_capture_on_commit_callbacks
):
    """The worker was down and the message lost: once the lease is over the panel says so,
    asks less often (the sweeper hands the row over by itself) and offers Retry."""
    document = make_document(meeting)
    publication = publication_request(document=document, user=people["secretariat"])
    Publication.objects.filter(pk=publication.pk).update(
        requested_at=timezone.now() - dt.timedelta(minutes=20)
    )
    html = client_for("secretariat").get(panel_url(document)).content.decode()
    assert "Queued" in html
    assert "no worker has finished it yet. It is handed over again by itself" in html
    assert retry_url(publication) in html
    assert 'hx-trigger="every 10s"' in html

    with django_capture_on_commit_callbacks() as callbacks:
        html = client_for("secretariat").post(retry_url(publication), **HTMX).content.decode()
    assert len(callbacks) == 1
    assert "no worker has finished it yet" not in html
    assert 'hx-trigger="every 1s"' in html
    publish_document.apply(kwargs={"publication_id": publication.pk})
    assert Publication.objects.get(pk=publication.pk).state == PublicationState.PUBLISHED


# --- permissions, for every role ---------------------------------------------------------


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_publish_permission(role, client_for, meeting, django_capture_on_commit_callbacks):
    document = make_document(meeting)
    with django_capture_on_commit_callbacks() as callbacks:
        response = client_for(role).post(publish_url(document))
    created = Publication.objects.filter(document=document).exists()
    if role in PUBLISHERS:
        assert response.status_code == 302
        assert created
        assert len(callbacks) == 1
    else:
        _refused(response, role)
        assert not created
        assert callbacks == []


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_retry_permission(role, client_for, meeting, django_capture_on_commit_callbacks):
    document = make_document(meeting)
    publication = PublicationFactory(document=document, state=PublicationState.FAILED)
    with django_capture_on_commit_callbacks() as callbacks:
        response = client_for(role).post(retry_url(publication))
    publication.refresh_from_db()
    if role in PUBLISHERS:
        assert response.status_code == 302
        assert publication.state == PublicationState.QUEUED
        assert len(callbacks) == 1
    else:
        _refused(response, role)
        assert publication.state == PublicationState.FAILED
        assert callbacks == []


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_restricted_document_pdf_is_not_found_for_non_members(role, client_for, meeting, people):
    document = make_document(meeting, access=Access.RESTRICTED)
    publication = publication_request(document=document, user=people["secretariat"])
    publication_run(publication_id=publication.pk, token="t1")
    response = client_for(role).get(download_url(publication))
    panel = client_for(role).get(panel_url(document))
    if role in MEMBERS:
        assert response.status_code == 200
        assert TITLE in pdf_text(b"".join(response.streaming_content))
        assert response["Cache-Control"] == "private, no-store"
        assert "Published" in panel.content.decode()
    else:
        assert response.status_code == 404
        assert "Page not found" in response.content.decode()
        assert TITLE not in response.content.decode()
        assert panel.status_code == 404


@pytest.mark.parametrize("role", ["outsider", "other_body_secretariat"])
def test_publishing_a_restricted_document_is_not_found_for_non_members(role, client_for, meeting):
    document = make_document(meeting, access=Access.RESTRICTED)
    response = client_for(role).post(publish_url(document))
    assert response.status_code == 404
    assert not Publication.objects.exists()


# --- query counts --------------------------------------------------------------------------


def _with_publications(meeting, count: int):
    document = make_document(meeting)
    for version in range(1, count + 1):
        if version > 1:
            document = document_update(
                actor=registrar(), document=document, title=f"{TITLE} ({version})"
            )
        state = PublicationState.FAILED if version % 5 == 0 else PublicationState.PUBLISHED
        PublicationFactory(document=document, version=version, state=state)
    return document


@pytest.mark.parametrize("count", [1, 20])
def test_panel_queries_do_not_grow_with_publications(
    count, client_for, meeting, django_assert_max_num_queries
):
    document = _with_publications(meeting, count)
    client = client_for("secretariat")
    # session, user, document with body and meeting, the user's roles, the publications
    with django_assert_max_num_queries(5):
        html = client.get(panel_url(document)).content.decode()
    assert html.count("Download PDF") == count - count // 5


@pytest.mark.parametrize("count", [1, 20])
def test_document_page_queries_do_not_grow_with_publications(
    count, client_for, meeting, django_assert_max_num_queries
):
    document = _with_publications(meeting, count)
    client = client_for("secretariat")
    client.get(document.get_absolute_url())  # warm the session
    # 11: the history list (DocumentEvent) is one more query, however many lines it has.
    with django_assert_max_num_queries(11):
        html = client.get(document.get_absolute_url()).content.decode()
    assert html.count("Download PDF") == count - count // 5
