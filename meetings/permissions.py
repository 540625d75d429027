"""How views check permissions: one call, one sentence for the person refused."""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404


class LoginRequired(Exception):
    pass


def require_perm(request, perm: str, obj=None, *, hide: bool = False, message: str = "") -> None:
    """Raise unless ``request.user`` has ``perm`` on ``obj``.

    Anonymous users are sent to log in. With ``hide=True`` a refusal is a 404, for objects
    whose very existence is restricted ("not found" and "not allowed" look the same).
    """
    if request.user.has_perm(perm, obj):
        return
    if hide:
        raise Http404("Not found.")
    if not request.user.is_authenticated:
        raise LoginRequired()
    raise PermissionDenied(message or "Your roles do not allow this.")


class LoginRequiredMiddleware:
    """Turns ``LoginRequired`` raised by a view into a redirect to the login page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, LoginRequired):
            return redirect_to_login(request.get_full_path())
        return None
