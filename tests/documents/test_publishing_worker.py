"""A real Celery worker (the configured broker: filesystem here, Redis in CI) and a real
WeasyPrint render: publish from the page, the row becomes published, the PDF reads back."""

from __future__ import annotations

import hashlib

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse

from documents.enums import PublicationState
from documents.models import Publication
from tests.documents.publishing_support import (
    ARABIC,
    CHINESE,
    ENGLISH,
    RUSSIAN,
    TITLE,
    make_document,
    pdf_fonts,
    pdf_text,
    wait_for_state,
)

pytestmark = [
    pytest.mark.worker,
    pytest.mark.usefixtures("transactional_db", "pdf_media", "celery_worker_thread"),
]


def test_worker_publishes_the_pdf_requested_on_the_page(client_for, meeting):
    document = make_document(meeting)
    client = client_for("secretariat")
    # No surrounding transaction: the view's on_commit really runs and sends the task.
    client.post(
        reverse("documents:publication_publish", kwargs={"document_id": document.pk}),
        HTTP_HX_REQUEST="true",
    )
    publication = wait_for_state(
        Publication.objects.get(document=document),
        {PublicationState.PUBLISHED, PublicationState.FAILED},
    )
    assert publication.state == PublicationState.PUBLISHED, publication.error

    with default_storage.open(publication.file.name, "rb") as handle:
        content = handle.read()
    assert hashlib.sha256(content).hexdigest() == publication.checksum
    text = pdf_text(content)
    for expected in (
        "Document CWG-Internet-21/1",
        "Original: English",
        "English only",
        "Contribution from the Russian Federation",
        TITLE,
        ENGLISH,
        ARABIC,
        CHINESE,
        RUSSIAN,
        "CWG-Internet-21/1 page 1 of 1",
    ):
        assert expected in text
    fonts = pdf_fonts(content)
    assert fonts.get("WenQuanYi-Micro-Hei") is True, fonts

    download = client_for("anonymous").get(
        reverse("documents:publication_download", kwargs={"pk": publication.pk})
    )
    assert b"".join(download.streaming_content) == content

    panel = client.get(
        reverse("documents:publications_panel", kwargs={"document_id": document.pk})
    ).content.decode()
    assert "Published" in panel
    assert "hx-trigger" not in panel


def test_worker_publishes_each_request_once(client_for, meeting):
    """Publish pressed three times quickly: one row, one render, one file."""
    document = make_document(meeting)
    client = client_for("secretariat")
    url = reverse("documents:publication_publish", kwargs={"document_id": document.pk})
    for _ in range(3):
        client.post(url, HTTP_HX_REQUEST="true")
    publication = wait_for_state(
        Publication.objects.get(document=document), {PublicationState.PUBLISHED}
    )
    assert Publication.objects.filter(document=document).count() == 1
    assert publication.attempts == 1
    assert default_storage.listdir(f"publications/{document.pk}")[1] == ["cwg-internet-21-1-v1.pdf"]
