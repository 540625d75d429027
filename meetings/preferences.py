"""A person's saved language: read when they sign in and when they are sent an e-mail."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils.translation import get_supported_language_variant

from meetings.models import Preference

# Where a signed-in person's saved language is kept for the requests of their session
# (config.languages.LanguageMiddleware reads it first).
SESSION_KEY = "agendum_language"


def supported(code: str | None) -> str | None:
    """``code`` as one of settings.LANGUAGES, or None when it is not one of them."""
    if not code:
        return None
    try:
        return get_supported_language_variant(code)
    except LookupError:
        return None


def language_of(user) -> str:
    """The language in which ``user`` reads Agendum: their saved choice, else English."""
    if user is None or not getattr(user, "pk", None):
        return settings.LANGUAGE_CODE
    try:
        saved = user.preference.language
    except Preference.DoesNotExist:
        return settings.LANGUAGE_CODE
    return supported(saved) or settings.LANGUAGE_CODE


def languages_of(users) -> dict[int, str]:
    """The language of each of ``users`` by primary key, in one query."""
    saved = dict(
        Preference.objects.filter(user__in=[u.pk for u in users]).values_list("user", "language")
    )
    return {u.pk: supported(saved.get(u.pk)) or settings.LANGUAGE_CODE for u in users}


def save_language(user, code: str) -> str:
    """Keep ``code`` as ``user``'s language; returns it as settings.LANGUAGES spells it."""
    language = supported(code)
    if language is None:
        raise ValueError(f"{code!r} is not one of the interface's languages")
    Preference.objects.update_or_create(user=user, defaults={"language": language})
    return language


@receiver(user_logged_in, dispatch_uid="agendum-language-on-login")
def _language_on_login(sender, request, user, **kwargs):
    """Signing in brings back the language a person saved (connected in MeetingsConfig)."""
    if request is None or not hasattr(request, "session"):
        return
    saved = Preference.objects.filter(user=user).values_list("language", flat=True).first()
    if supported(saved):
        request.session[SESSION_KEY] = supported(saved)
