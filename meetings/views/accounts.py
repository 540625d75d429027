from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods

from meetings import selectors, services
from meetings.exceptions import InvalidToken
from meetings.models import ApiToken


@login_required
@require_http_methods(["GET", "POST"])
def my_roles(request):
    new_key = ""
    if request.method == "POST":
        new_key = _token_action(request)
        if not new_key:
            return redirect("my_roles")
    memberships = list(selectors.memberships_of(user=request.user))
    tokens = list(ApiToken.objects.filter(user=request.user, revoked_at__isnull=True))
    return render(
        request,
        "registration/my_roles.html",
        {"memberships": memberships, "tokens": tokens, "new_key": new_key},
    )


def _token_action(request) -> str:
    """Make or revoke a personal API token. Returns a new key, shown on this answer only
    (it is not stored, so it cannot be shown again)."""
    if "revoke" in request.POST:
        token = get_object_or_404(ApiToken, pk=request.POST.get("revoke"), user=request.user)
        services.api_token_revoke(token=token, actor=request.user)
        messages.success(
            request, gettext("The token “%(name)s” was revoked.") % {"name": token.name}
        )
        return ""
    try:
        _token, key = services.api_token_create(user=request.user, name=request.POST.get("name"))
    except InvalidToken as exc:
        messages.error(request, str(exc))
        return ""
    return key
