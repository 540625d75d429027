"""The import in the admin: upload a CSV, read the dry-run report, confirm."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from documents.models import Document, ExternalDocument

pytestmark = pytest.mark.django_db

CSV = Path(__file__).parent / "data" / "real_rows.csv"


def test_secretariat_uploads_reads_the_dry_run_and_confirms(client_for):
    client = client_for("superuser")
    url = reverse("admin:documents_document_import")
    upload = SimpleUploadedFile("rows.csv", CSV.read_bytes(), content_type="text/csv")
    report = client.post(url, {"csv_file": upload, "create_meetings": "on"}).content.decode()
    assert "Dry run, nothing changed yet: 12 created, 0 updated, 0 unchanged, 6 refused." in report
    assert "DT/4 names no meeting: register it from its meeting." in report
    assert not Document.objects.exists()
    done = client.post(url, {"confirm": "1"}).content.decode()
    assert "12 created, 0 updated, 0 unchanged, 6 refused." in done
    assert Document.objects.filter(symbol="C24/7(Rev.1)").exists()
    assert ExternalDocument.objects.filter(symbol="TSB Circular 210").exists()


def test_a_row_naming_a_server_file_is_refused_in_the_admin(client_for):
    client = client_for("superuser")
    text = "symbol,title,file\nCWG-Internet-21/5,Contribution,/etc/passwd.pdf\n"
    upload = SimpleUploadedFile("rows.csv", text.encode(), content_type="text/csv")
    report = client.post(
        reverse("admin:documents_document_import"), {"csv_file": upload, "create_meetings": "on"}
    ).content.decode()
    assert "Files are attached with manage.py import_documents, not here." in report


def test_a_delegate_cannot_open_the_import(client_for):
    page = client_for("delegate").get(reverse("admin:documents_document_import"), follow=True)
    assert "Import documents" not in page.content.decode()
