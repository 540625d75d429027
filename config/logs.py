"""Structured logs: every line a request writes carries that request's id, and with
LOG_FORMAT=json each line is one JSON object (for a collector such as Loki or
CloudWatch). Errors go to Sentry too when SENTRY_DSN is set (``sentry_init``).

The id is the request's X-Request-ID when a proxy in front sent a sane one (so a line of
nginx's log and one of ours can be matched), else a new one; the response carries it back
in X-Request-ID.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import json
import logging
import re
import sys
import uuid

from django.core.signals import request_finished

_request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")
# What a proxy may hand us: short, and nothing that could forge a log line.
_SANE_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
HEADER = "X-Request-ID"


def current_request_id() -> str:
    return _request_id.get()


class RequestIdMiddleware:
    """Give the request an id for its log lines, and send it back in X-Request-ID."""

    def __init__(self, get_response):
        self.get_response = get_response
        request_finished.connect(_forget, dispatch_uid="config.logs.forget_request_id")

    def __call__(self, request):
        offered = request.headers.get(HEADER, "")
        request_id = offered if _SANE_ID.match(offered) else uuid.uuid4().hex
        request.request_id = request_id
        # Kept until the response is closed, not only while the middleware runs: Django
        # logs "Not Found" and "Internal Server Error" after the middleware has returned.
        _request_id.set(request_id)
        _sentry_tag(request_id)
        response = self.get_response(request)
        response[HEADER] = request_id
        return response


def _forget(**kwargs) -> None:
    _request_id.set("-")


def _sentry_tag(request_id: str) -> None:
    # Imported by sentry_init() when SENTRY_DSN is set; otherwise not worth importing into
    # every web worker on its first request (76 modules, 2.2 MB; issue 15).
    sentry_sdk = sys.modules.get("sentry_sdk")
    if sentry_sdk is not None and sentry_sdk.is_initialized():
        sentry_sdk.get_isolation_scope().set_tag("request_id", request_id)


class RequestIdFilter(logging.Filter):
    """Adds ``request_id`` to every record ("-" outside a request: workers, commands)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = _request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time (UTC, ISO 8601), level, logger, message, request_id,
    and the traceback as one string when there is one."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": self.formatTime(record),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", _request_id.get()),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)

    def formatTime(self, record, datefmt=None) -> str:  # logging.Formatter's own name
        return dt.datetime.fromtimestamp(record.created, tz=dt.UTC).isoformat(
            timespec="milliseconds"
        )


def logging_config(logging_dict: dict, *, log_format: str) -> None:
    """Add the request id (and the JSON format when asked) to the settings' LOGGING."""
    if log_format not in {"plain", "json"}:
        from config.env import ImproperlyConfiguredEnv

        raise ImproperlyConfiguredEnv(f"LOG_FORMAT must be plain or json, not {log_format!r}.")
    logging_dict.setdefault("filters", {})["request_id"] = {"()": "config.logs.RequestIdFilter"}
    logging_dict.setdefault("formatters", {}).update(
        {
            "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
            "json": {"()": "config.logs.JsonFormatter"},
        }
    )
    console = logging_dict["handlers"]["console"]
    console["filters"] = [*console.get("filters", []), "request_id"]
    console["formatter"] = log_format


def sentry_init(*, dsn: str, environment: str, release: str, traces_sample_rate: float) -> None:
    """Send unhandled errors (web and workers) to Sentry. No personal data: the user is
    sent by id only, never their address or the request's cookies."""
    import sentry_sdk
    from sentry_sdk.integrations.celery import CeleryIntegration
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=environment or None,
        release=release or None,
        integrations=[DjangoIntegration(), CeleryIntegration()],
        send_default_pii=False,
        traces_sample_rate=traces_sample_rate,
    )
