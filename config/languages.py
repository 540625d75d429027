"""The language a reader sees: their saved choice, then the switcher's cookie, then the
languages their browser asks for (Accept-Language), then English. URLs stay the same.

The saved choice (meetings.Preference) is copied into the session when a person signs in, so a
request reads it without a query; choosing a language in the header's switcher saves it for a
signed-in person, and sets the cookie in every case so it outlives signing out.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpResponseRedirect
from django.middleware.locale import LocaleMiddleware
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from meetings.preferences import SESSION_KEY, save_language, supported


def language_from_request(request) -> str:
    session = getattr(request, "session", None)
    chosen = supported(session.get(SESSION_KEY)) if session is not None else None
    return chosen or translation.get_language_from_request(request)


class LanguageMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, asked first for the signed-in person's saved language."""

    def process_request(self, request):
        translation.activate(language_from_request(request))
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        response = super().process_response(request, response)
        # The switcher's cookie decides the language as much as Accept-Language does.
        patch_vary_headers(response, ("Cookie",))
        return response


@require_POST
def choose_language(request):
    """The header's switcher: read the page again in the language chosen."""
    target = request.POST.get("next") or request.headers.get("referer") or "/"
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = reverse("meetings:body_list")
    response = HttpResponseRedirect(target)
    language = supported(request.POST.get("language"))
    if language is None:
        return response
    if request.user.is_authenticated:
        save_language(request.user, language)
        request.session[SESSION_KEY] = language
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE or 365 * 24 * 60 * 60,
        path=settings.LANGUAGE_COOKIE_PATH,
        secure=settings.LANGUAGE_COOKIE_SECURE or request.is_secure(),
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response
