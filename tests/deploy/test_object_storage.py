"""Uploads and PDFs in an S3-compatible store (STORAGE_URL), against moto's S3 server
started by the test on 127.0.0.1: the PDF lands in the bucket, and a download is a
redirect to a short-lived presigned address, given only after the permission check."""

from __future__ import annotations

import hashlib
import socket
import urllib.request
from urllib.parse import quote

import boto3
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from moto.server import ThreadedMotoServer

from config.env import ImproperlyConfiguredEnv
from config.storage import parse_storage_url
from documents.enums import Access
from documents.publishing import publication_request, publication_run
from tests.documents.publishing_support import TITLE, make_document, pdf_text

BUCKET = "agendum-test"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def s3_endpoint():
    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="test",
        aws_secret_access_key="test",
    ).create_bucket(Bucket=BUCKET)
    yield endpoint
    server.stop()


@pytest.fixture
def s3_storage(settings, s3_endpoint):
    url = f"s3://test:test@{BUCKET}/agendum?endpoint={quote(s3_endpoint, safe='')}&region=us-east-1"
    settings.STORAGES = {**settings.STORAGES, "default": parse_storage_url(url)}
    return boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name="us-east-1",
        aws_access_key_id="test",
        aws_secret_access_key="test",
    )


def _keys(s3) -> list[str]:
    return [item["Key"] for item in s3.list_objects_v2(Bucket=BUCKET).get("Contents", [])]


def _fetch(url: str) -> tuple[bytes, dict]:
    with urllib.request.urlopen(url, timeout=10) as answer:
        return answer.read(), dict(answer.headers)


def test_a_published_pdf_is_stored_in_the_bucket_and_downloaded_by_presigned_link(
    s3_storage, client_for, meeting, people
):
    document = make_document(meeting)
    publication = publication_request(document=document, user=people["secretariat"])
    publication_run(publication_id=publication.pk, token="s3")
    publication.refresh_from_db()
    assert f"agendum/{publication.file.name}" in _keys(s3_storage)

    url = reverse("documents:publication_download", kwargs={"pk": publication.pk})
    response = client_for("delegate").get(url)
    assert response.status_code == 302
    link = response["Location"]
    assert link.startswith(f"http://127.0.0.1:{s3_storage.meta.endpoint_url.rsplit(':', 1)[1]}")
    assert "X-Amz-Expires=60" in link
    content, headers = _fetch(link)
    assert hashlib.sha256(content).hexdigest() == publication.checksum
    assert TITLE in pdf_text(content)
    assert headers["Content-Disposition"] == 'attachment; filename="CWG-Internet-21-1-v1.pdf"'


def test_a_restricted_file_gives_no_link_to_an_outsider(s3_storage, client_for, meeting):
    upload = SimpleUploadedFile("note.pdf", b"%PDF-1.4 restricted note", "application/pdf")
    document = make_document(meeting, access=Access.RESTRICTED, text="", file=upload)
    assert any(key.endswith(".pdf") for key in _keys(s3_storage))
    url = reverse("documents:file", kwargs={"symbol": document.symbol})

    refused = client_for("outsider").get(url)
    assert refused.status_code == 404
    assert "Page not found" in refused.content.decode()

    allowed = client_for("delegate").get(url)
    assert allowed.status_code == 302
    assert allowed["Cache-Control"] == "private, no-store"
    content, _ = _fetch(allowed["Location"])
    assert content == b"%PDF-1.4 restricted note"


def test_a_file_missing_from_the_bucket_is_not_found(s3_storage, client_for, meeting, people):
    document = make_document(meeting)
    publication = publication_request(document=document, user=people["secretariat"])
    publication_run(publication_id=publication.pk, token="gone")
    publication.refresh_from_db()
    s3_storage.delete_object(Bucket=BUCKET, Key=f"agendum/{publication.file.name}")

    url = reverse("documents:publication_download", kwargs={"pk": publication.pk})
    response = client_for("delegate").get(url)
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_storage_url_is_read_into_s3_options():
    entry = parse_storage_url(
        "s3://AK:s%2Fcret@Minutes-Bucket/pdfs?endpoint=https%3A%2F%2Fs3.example.org&expire=120"
    )
    assert entry["BACKEND"] == "storages.backends.s3.S3Storage"
    options = entry["OPTIONS"]
    assert (options["bucket_name"], options["location"]) == ("Minutes-Bucket", "pdfs")
    assert (options["access_key"], options["secret_key"]) == ("AK", "s/cret")
    assert options["endpoint_url"] == "https://s3.example.org"
    assert options["addressing_style"] == "path"
    assert options["querystring_expire"] == 120
    assert parse_storage_url("")["BACKEND"].endswith("FileSystemStorage")


def test_a_storage_url_of_another_kind_is_refused_with_a_sentence():
    with pytest.raises(ImproperlyConfiguredEnv, match="must start with s3://"):
        parse_storage_url("ftp://files.example.org/agendum")
