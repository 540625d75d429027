"""Hostile requests (issue 11, items 7, 8 and 10): NUL characters, bodies over the request
size, and the log of a refused request."""

from __future__ import annotations

import io
import logging
import logging.config

import pytest
from django.conf import settings as django_settings
from django.urls import reverse

from documents.models import Document
from tests.factories.documents import DocumentFactory

pytestmark = pytest.mark.faults

NUL_SENTENCE = "contains a NUL character"


def edit_data(document, **changes):
    return {
        "doc_type": "report",
        "purpose": "information",
        "status": "issued",
        "title": "New title",
        "source": "Secretary-General",
        "date": "2025-01-21",
        "original_language": "en",
        "languages": ["en"],
        "access": "public",
        "text": "New text.",
        "version": document.version,
        **changes,
    }


def test_nul_in_a_search_is_refused_with_a_sentence(client_for, meeting):
    """It answered 500 (psycopg.DataError) on PostgreSQL."""
    response = client_for("secretariat").get(reverse("documents:list"), {"q": "WSIS\x00"})
    assert response.status_code == 400
    assert NUL_SENTENCE in response.content.decode()


def test_nul_in_a_form_field_is_refused_and_nothing_is_saved(client_for, meeting):
    document = DocumentFactory(meeting=meeting, title="Old title", text="Old text.")
    url = reverse("documents:edit", kwargs={"symbol": document.symbol})
    response = client_for("secretariat").post(url, edit_data(document, text="New\x00 text."))
    assert response.status_code == 400
    page = response.content.decode()
    assert NUL_SENTENCE in page
    assert "your text is still in the form" in page
    assert Document.objects.get(pk=document.pk).title == "Old title"


def test_text_over_the_request_size_says_the_limit(client_for, meeting, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 2000
    document = DocumentFactory(meeting=meeting, title="Old title")
    url = reverse("documents:edit", kwargs={"symbol": document.symbol})
    response = client_for("secretariat").post(url, edit_data(document, text="x" * 5000))
    assert response.status_code == 413
    page = response.content.decode()
    assert "A form can send at most 2.0\xa0KB of text" in page
    assert "Bad Request (400)" not in page
    assert Document.objects.get(pk=document.pk).title == "Old title"


def test_a_refused_request_logs_one_line(client_for, meeting):
    """Every 403 logged a full traceback."""
    document = DocumentFactory(meeting=meeting)
    stream = io.StringIO()
    logging.config.dictConfig(django_settings.LOGGING)
    handler = logging.getLogger().handlers[0]
    handler.setStream(stream)
    try:
        response = client_for("delegate").get(
            reverse("documents:edit", kwargs={"symbol": document.symbol})
        )
    finally:
        handler.setStream(__import__("sys").stderr)
    assert response.status_code == 403
    output = stream.getvalue()
    assert "Traceback" not in output
    # One line: time, level, logger and request id (config/logs.py), then the message.
    (line,) = [line for line in output.splitlines() if "Forbidden" in line]
    assert line.endswith(
        f"WARNING django.request [{response['X-Request-ID']}] "
        f"Forbidden (Permission denied): /documents/edit/{document.symbol}"
    )
