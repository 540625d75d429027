"""What an operator sees: every log line of a request carries its id (the proxy's
X-Request-ID or a new one, sent back in the response), JSON lines with LOG_FORMAT=json,
and errors sent to Sentry only when SENTRY_DSN is set. Each case starts a fresh process
with the production settings, as a deployment would."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REQUEST = """
import django
django.setup()
from django.test import Client
for offered in ("proxy-req-0001", "bad id"):
    response = Client().get("/no-such-page/", HTTP_X_REQUEST_ID=offered)
    print("ANSWER", response.status_code, response["X-Request-ID"])
"""


def _run(code: str, tmp_path, **env) -> subprocess.CompletedProcess:
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "AGENDUM_VAR_DIR": str(tmp_path),
        "ALLOWED_HOSTS": "testserver",
        "STATICFILES_STORAGE": "django.contrib.staticfiles.storage.StaticFilesStorage",
        **env,
    }
    for name in ("DJANGO_ALLOW_ASYNC_UNSAFE", "SENTRY_DSN", "LOG_FORMAT"):
        if name not in env:
            environment.pop(name, None)
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=environment,
        cwd=ROOT,
        timeout=120,
        check=False,
    )


def _answers(stdout: str) -> list[tuple[str, str]]:
    return [tuple(line.split()[1:3]) for line in stdout.splitlines() if line.startswith("ANSWER")]


def test_json_log_lines_carry_the_request_id_sent_back_to_the_client(tmp_path):
    result = _run(REQUEST, tmp_path, LOG_FORMAT="json")
    assert result.returncode == 0, result.stderr
    (status, kept), (_, fresh) = _answers(result.stdout)
    assert (status, kept) == ("404", "proxy-req-0001")
    # "bad id" (a space) could forge a log line: a new id replaces it.
    assert len(fresh) == 32
    assert " " not in fresh
    lines = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
    not_found = [line for line in lines if line["message"] == "Not Found: /no-such-page/"]
    assert [line["request_id"] for line in not_found] == ["proxy-req-0001", fresh]
    assert {line["level"] for line in not_found} == {"WARNING"}
    assert not_found[0]["logger"] == "django.request"


def test_plain_log_lines_show_the_request_id_in_brackets(tmp_path):
    result = _run(REQUEST, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "WARNING django.request [proxy-req-0001] Not Found: /no-such-page/" in result.stderr


def test_an_unknown_log_format_stops_the_start_with_a_sentence(tmp_path):
    result = _run(REQUEST, tmp_path, LOG_FORMAT="xml")
    assert result.returncode != 0
    assert "LOG_FORMAT must be plain or json, not 'xml'." in result.stderr


class _Collector:
    """A local stand-in for Sentry's ingestion: keeps the body of every envelope posted."""

    def __init__(self) -> None:
        self.bodies: list[str] = []
        collector = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                raw = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                encoding = self.headers.get("Content-Encoding")
                if encoding == "gzip":
                    raw = gzip.decompress(raw)
                elif encoding == "br":  # sentry-sdk's choice when brotli is installed
                    import brotli

                    raw = brotli.decompress(raw)
                collector.bodies.append(raw.decode("utf-8", "replace"))
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def sentry_collector():
    collector = _Collector()
    yield collector
    collector.close()


SENTRY_CASE = """
import logging
import django
django.setup()
import sentry_sdk
print("SENTRY", sentry_sdk.is_initialized())
if sentry_sdk.is_initialized():
    logging.getLogger("documents.publishing").error("The PDF store did not answer")
    sentry_sdk.flush(timeout=10)
"""


def test_errors_go_to_sentry_when_a_dsn_is_set(tmp_path, sentry_collector):
    dsn = f"http://publickey@127.0.0.1:{sentry_collector.port}/42"
    result = _run(SENTRY_CASE, tmp_path, SENTRY_DSN=dsn, SENTRY_ENVIRONMENT="staging")
    assert result.returncode == 0, result.stderr
    assert "SENTRY True" in result.stdout
    events = [body for body in sentry_collector.bodies if "The PDF store did not answer" in body]
    assert len(events) == 1
    assert '"environment":"staging"' in events[0].replace(" ", "")


def test_sentry_stays_off_without_a_dsn(tmp_path, sentry_collector):
    result = _run(SENTRY_CASE, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "SENTRY False" in result.stdout
    assert sentry_collector.bodies == []
