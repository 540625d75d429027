"""Guards against hostile requests that are not any one view's business (issue 11).

- ``NulByteMiddleware``: a NUL character in any submitted text (query string or form field)
  is refused with a sentence. PostgreSQL cannot store it, so before this guard the editor's
  search answered 500 (psycopg.DataError) wherever such text reached a query.
- ``RequestTooLargeMiddleware``: a form body over DATA_UPLOAD_MAX_MEMORY_SIZE gets a page
  that states the limit, instead of Django's bare "Bad Request (400)".
- ``OneLineForbidden``: a logging filter; a refused request (403) is routine, so it logs one
  line without the traceback Django attaches.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat

NUL = "\x00"


def _has_nul(data) -> bool:
    return any(NUL in key or any(NUL in v for v in values) for key, values in data.lists())


class NulByteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            hostile = _has_nul(request.GET) or (request.method == "POST" and _has_nul(request.POST))
        except RequestDataTooBig:
            return too_large(request)
        if hostile:
            return render(request, "400_nul.html", status=400)
        return self.get_response(request)


def form_limits(request) -> dict:
    """Context processor: the request size, for static/js/form-limits.js to check forms
    against before they are sent."""
    return {"max_form_bytes": settings.DATA_UPLOAD_MAX_MEMORY_SIZE}


def too_large(request):
    return render(
        request,
        "400_too_large.html",
        {"limit": filesizeformat(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)},
        status=413,
    )


def locked_out(request, original_response=None, credentials=None):
    """django-axes' answer once a user name is locked out from an address: what happened,
    for how long and until when (in the site's time zone), and who can lift it."""
    from axes.helpers import get_cool_off, get_failure_limit
    from django.utils import timezone

    cool_off = get_cool_off(request)
    minutes = int(cool_off.total_seconds() // 60) if cool_off else 0
    return render(
        request,
        "registration/locked_out.html",
        {
            "failure_limit": get_failure_limit(request, credentials),
            "minutes": minutes,
            "until": timezone.localtime() + cool_off if cool_off else None,
        },
        status=429,
    )


class OneLineForbidden(logging.Filter):
    """Drops the traceback of 403 records of ``django.request``; the line stays."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", None) == 403:
            record.exc_info = None
            record.exc_text = None
        return True
