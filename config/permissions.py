"""How views check permissions: one call, one sentence for the person refused."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _


class LoginRequired(Exception):
    """Raised by a view for an anonymous visitor; config.middleware sends them to log in."""


def require_perm(request, perm: str, obj=None, *, hide: bool = False, message: str = "") -> None:
    """Raise unless ``request.user`` has ``perm`` on ``obj``.

    Anonymous users are sent to log in. With ``hide=True`` a refusal is a 404, for objects
    whose very existence is restricted ("not found" and "not allowed" look the same).
    """
    if request.user.has_perm(perm, obj):
        return
    if hide:
        raise Http404(_("Not found."))
    if not request.user.is_authenticated:
        raise LoginRequired()
    raise PermissionDenied(message or _("Your roles do not allow this."))
