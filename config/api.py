"""The JSON API under /api/v1/: what every endpoint shares.

Authentication (the browser's session with CSRF, or a personal token sent as
``Authorization: Bearer <key>``), cursor pagination, rate limits per token, ETag and
If-None-Match on every GET, and errors as RFC 9457 problem details
(``application/problem+json``) carrying the same sentences as the pages. The resources
themselves live in each app's ``api.py``; this module only routes them.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext
from django.views.decorators.http import conditional_page
from rest_framework import exceptions, pagination, throttling
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.response import Response

from agendas.exceptions import AlreadyDone, InvalidTransition, TransitionNotAllowed
from meetings.exceptions import MeetingsError

# ------------------------------------------------------------------------------ tokens


class BearerTokenAuthentication(BaseAuthentication):
    """``Authorization: Bearer <key>`` with a personal token made on "My account"."""

    keyword = "Bearer"

    def authenticate(self, request):
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() != self.keyword.lower().encode():
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(
                gettext("Send the token as “Authorization: Bearer <token>”.")
            )
        from meetings import services
        from meetings.models import ApiToken

        try:
            key = parts[1].decode()
        except UnicodeError:
            key = ""
        token = (
            ApiToken.objects.select_related("user")
            .filter(key_hash=services.api_token_hash(key), revoked_at__isnull=True)
            .first()
        )
        if token is None or not token.user.is_active:
            raise exceptions.AuthenticationFailed(
                gettext("This token is unknown or was revoked: make a new one on “My account”.")
            )
        services.api_token_touch(token=token)
        return token.user, token

    def authenticate_header(self, request) -> str:
        # Makes an unauthenticated request a 401 (with this challenge), not a 403.
        return self.keyword


# ------------------------------------------------------------------------------ ids

# The largest id a database column holds (signed 64 bits): a larger number in an address or a
# filter is no id at all, rather than an overflow in the database driver.
MAX_ID = 2**63 - 1


def as_id(value) -> int | None:
    """``value`` (from a path or a query string) as a row id, or None."""
    text = str(value or "")
    if not text.isascii() or not text.isdigit():
        return None
    number = int(text)
    return number if 0 < number <= MAX_ID else None


# ------------------------------------------------------------------------------ paging, limits


class CursorPagination(pagination.CursorPagination):
    """Opaque cursors: as fast on the thousandth page as on the first, and stable while
    rows are added (a registry grows during a meeting)."""

    page_size = 25
    max_page_size = 100
    page_size_query_param = "page_size"
    ordering = "-pk"


class _WindowThrottle(throttling.SimpleRateThrottle):
    """At most N requests per window (second, minute, hour, day), counted with one atomic
    increment in the cache. The REST framework's own throttles keep the time of every request
    of the window in a list that is read and written whole each time: at thousands of
    requests an hour that list, not the request, becomes the cost."""

    def allow_request(self, request, view) -> bool:
        if self.rate is None:
            return True
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        now = int(self.timer())
        window = now // self.duration
        self.wait_seconds = self.duration - now % self.duration
        key = f"{self.key}:{window}"
        self.cache.add(key, 0, self.duration + 1)
        try:
            count = self.cache.incr(key)
        except ValueError:  # expired between add and incr: this request opens the window
            self.cache.set(key, 1, self.duration + 1)
            count = 1
        return count <= self.num_requests

    def wait(self) -> float:
        return float(self.wait_seconds)


class TokenRateThrottle(_WindowThrottle):
    """A limit per token (per user for a browser session), so one runaway script does not
    use up its owner's other tokens."""

    scope = "token"

    def get_cache_key(self, request, view):
        if not request.user or not request.user.is_authenticated:
            return None
        token = request.auth
        ident = f"t{token.pk}" if getattr(token, "pk", None) else f"u{request.user.pk}"
        return self.cache_format % {"scope": self.scope, "ident": ident}


class AnonRateThrottle(_WindowThrottle):
    scope = "anon"

    def get_cache_key(self, request, view):
        if request.user and request.user.is_authenticated:
            return None
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


# ------------------------------------------------------------------------------ errors

PROBLEM_JSON = "application/problem+json"


def _status_for(exc) -> int | None:
    if isinstance(exc, TransitionNotAllowed):
        return 403
    if isinstance(exc, AlreadyDone | InvalidTransition):
        return 409
    from agendas.exceptions import AgendasError
    from documents.exceptions import DocumentsError

    if isinstance(exc, AgendasError | DocumentsError | MeetingsError):
        return 400
    return None


def problem(status: int, detail: str, *, errors: dict | None = None) -> Response:
    """An RFC 9457 problem: ``title`` names the kind, ``detail`` is the sentence the page
    would show, ``errors`` the sentences per field of an invalid request."""
    from http import HTTPStatus

    body = {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
    }
    if errors:
        body["errors"] = errors
    return Response(body, status=status, content_type=PROBLEM_JSON)


def _first_sentence(data) -> str:
    if isinstance(data, dict):
        for value in data.values():
            return _first_sentence(value)
    if isinstance(data, list) and data:
        return _first_sentence(data[0])
    return str(data)


def problem_details_handler(exc, context):
    status = _status_for(exc)
    if status is not None:
        return problem(status, str(exc))
    if isinstance(exc, Http404):
        # The page's sentence ("No document C25/9 is registered."), the same for what does
        # not exist and for what the person may not see.
        return problem(404, str(exc) or gettext("Not found."))
    if isinstance(exc, PermissionDenied):
        return problem(403, str(exc) or gettext("Your roles do not allow this."))
    # Imported here: rest_framework.views reads the settings, which name this module.
    from rest_framework.views import exception_handler

    response = exception_handler(exc, context)
    if response is None:
        return None
    data = response.data
    if isinstance(data, dict) and set(data) == {"detail"}:
        detail, errors = str(data["detail"]), None
    else:
        detail, errors = _first_sentence(data), data if isinstance(data, dict) else None
    answer = problem(response.status_code, detail, errors=errors)
    for name, value in response.items():
        if name.lower() in ("www-authenticate", "retry-after"):
            answer[name] = value
    return answer


# ------------------------------------------------------------------------------ ETag


class ConditionalGetMixin:
    """ETag on every GET (a hash of the body) and 304 Not Modified for a matching
    If-None-Match, through Django's ConditionalGetMiddleware. Answers depend on who asks,
    so they vary by Authorization and Cookie and stay out of shared caches."""

    @classmethod
    def as_view(cls, *args, **kwargs):
        return conditional_page(super().as_view(*args, **kwargs))

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        patch_vary_headers(response, ["Authorization", "Cookie"])
        patch_cache_control(response, private=True)
        return response
