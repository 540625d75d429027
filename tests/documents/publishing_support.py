"""Helpers shared by the publication tests: sample documents in several scripts, reading a
PDF back, a local HTTP server that records whether anything reached it, waiting for a
worker."""

from __future__ import annotations

import datetime as dt
import io
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.files.storage import FileSystemStorage
from pypdf import PdfReader

from documents.models import Publication
from documents.services import document_register
from tests.factories.meetings import registrar

ENGLISH = "The Council Working Group is invited to consider the present proposal."
ARABIC = "يدعى الفريق إلى النظر في هذا الاقتراح واتخاذ قرار بشأنه"
CHINESE = "请工作组审议本提案并作出决定。"
RUSSIAN = "Рабочей группе предлагается рассмотреть настоящее предложение."
SAMPLE_TEXT = (
    f"<h2>I Introduction</h2><p>{ENGLISH}</p><p>{ARABIC}.</p><p>{CHINESE}</p><p>{RUSSIAN}</p>"
)
TITLE = "Proposal for a new agenda item on the WSIS+20 report"


def make_document(meeting, **fields):
    defaults = {
        "title": TITLE,
        "source": "Russian Federation",
        "doc_type": "contribution",
        "purpose": "decision",
        "date": dt.date(2025, 1, 14),
        "text": SAMPLE_TEXT,
    }
    return document_register(actor=registrar(), meeting=meeting, **{**defaults, **fields})


def pdf_text(content: bytes) -> str:
    """The words of every page, in reading order, with line breaks as single spaces (so an
    assertion does not depend on where a line wraps)."""
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def pdf_fonts(content: bytes) -> dict[str, bool]:
    """Every font the PDF uses, by name, and whether its glyphs are embedded."""
    reader = PdfReader(io.BytesIO(content))
    fonts: dict[str, bool] = {}
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            fonts[str(font["/BaseFont"]).split("+", 1)[-1]] = embedded
    return fonts


def line_positions(content: bytes) -> dict[str, float]:
    """The x position where each line of page 1 starts (PDF points from the left)."""
    reader = PdfReader(io.BytesIO(content))
    starts: dict[str, float] = {}

    def visit(text, cm, tm, font_dict, font_size):
        text = text.strip()
        if text:
            starts.setdefault(text, cm[4] + tm[4] * cm[0])

    reader.pages[0].extract_text(visitor_text=visit)
    return starts


class RecordingServer:
    """An HTTP server on a free local port that answers anything and remembers every
    request, to prove that the renderer never contacted it."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        recorder = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                recorder.requests.append(self.path)
                body = b"body { color: red } p::after { content: 'FETCHED FROM SERVER' }"
                self.send_response(200)
                self.send_header("Content-Type", "text/css")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


def wait_for_state(publication: Publication, states, *, timeout: float = 60.0) -> Publication:
    """Poll the database until the publication reaches one of ``states``."""
    deadline = time.monotonic() + timeout
    while True:
        publication.refresh_from_db()
        if publication.state in states:
            return publication
        if time.monotonic() > deadline:
            pytest.fail(
                f"Publication stayed {publication.state} for {timeout} s: {publication.error}"
            )
        time.sleep(0.1)


@pytest.fixture
def pdf_media(settings, tmp_path):
    """PDFs of this test only, in a fresh media folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


class FlakyFileSystemStorage(FileSystemStorage):
    """The media folder, except that the next ``failures_left`` saves fail as a full disk
    does. Stands in for a storage service that is briefly unavailable."""

    failures_left = 0

    def _save(self, name, content):
        if FlakyFileSystemStorage.failures_left > 0:
            FlakyFileSystemStorage.failures_left -= 1
            raise OSError(28, "No space left on device")
        return super()._save(name, content)


@pytest.fixture
def flaky_storage(settings, pdf_media):
    FlakyFileSystemStorage.failures_left = 0
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "tests.documents.publishing_support.FlakyFileSystemStorage",
            "OPTIONS": {"location": str(pdf_media)},
        },
    }
    yield FlakyFileSystemStorage
    FlakyFileSystemStorage.failures_left = 0


@pytest.fixture
def remote_stylesheet_template(settings, tmp_path):
    """The PDF template, edited by mistake to load a stylesheet from the network: renders
    must fail with the reason, and nothing may reach the server. ``restore_template()``
    puts the real template back."""
    folder = tmp_path / "templates" / "documents" / "pdf"
    folder.mkdir(parents=True)
    with RecordingServer() as server:
        (folder / "document.html").write_text(
            f'<html><head><link rel="stylesheet" href="{server.url}/brand.css"></head>'
            "<body><p>{{ document.title }}</p></body></html>"
        )
        engine = settings.TEMPLATES[0]
        settings.TEMPLATES = [{**engine, "DIRS": [tmp_path / "templates", *engine["DIRS"]]}]

        def restore_template():
            settings.TEMPLATES = [engine]

        server.restore_template = restore_template
        yield server
