"""Who is reading, without asking the database again: the signed-in user and their roles kept
in a cache that every web process shares.

With ``CACHE_URL`` naming a shared cache (Redis), a signed-in reader's warm request asks the
database nothing: the session comes from Django's ``cached_db`` engine (config/settings.py),
the user from ``ReaderBackend.get_user`` and the roles by body from ``roles_by_body``
(meetings/rules.py) through ``cached_roles``. Each entry is dropped the moment what it holds
changes, in every process at once because the cache is shared: a user saved or deleted
(deactivated, password changed, renamed: ``post_save``/``post_delete``), a membership granted,
changed or removed (the same signals on Membership, and ``meetings.rules.forget_roles``).
Entries also expire after ``READER_SECONDS``, which bounds what a change made without signals
(a ``QuerySet.update`` of users, a restore of the database) can leave behind.

With the default per-process memory cache nothing is kept here: a logout or a removed role seen
by one process could not reach the others' memory, so each request reads the session, the user
and the roles (three small queries) as Django does.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache

READER_SECONDS = 5 * 60
_NOT_SHARED = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


def cache_is_shared() -> bool:
    """True when the default cache is one store for every process (Redis, files, ...)."""
    return settings.CACHES["default"]["BACKEND"] not in _NOT_SHARED


def _user_key(user_id) -> str:
    return f"reader-user:{user_id}"


def _roles_key(user_id) -> str:
    return f"reader-roles:{user_id}"


class ReaderBackend(ModelBackend):
    """Django's ModelBackend whose ``get_user`` (asked on every request for the session's user)
    reads the shared cache first. Django still checks the session's hash against the user's
    password afterwards (django.contrib.auth.get_user), and ``user_can_authenticate`` (an
    inactive user is nobody) is checked on the user as cached, which a save refreshes."""

    def get_user(self, user_id):
        if not cache_is_shared():
            return super().get_user(user_id)
        user = cache.get(_user_key(user_id))
        if user is None:
            user = super().get_user(user_id)
            if user is not None:
                cache.set(_user_key(user_id), user, READER_SECONDS)
            return user
        return user if self.user_can_authenticate(user) else None


def cached_roles(user_id, load):
    """The user's roles by body from the shared cache, or ``load()`` (and kept)."""
    if not cache_is_shared():
        return load()
    roles = cache.get(_roles_key(user_id))
    if roles is None:
        roles = load()
        cache.set(_roles_key(user_id), roles, READER_SECONDS)
    return roles


def forget_user(user_id) -> None:
    if cache_is_shared():
        cache.delete_many([_user_key(user_id), _roles_key(user_id)])


def forget_user_roles(user_id) -> None:
    if cache_is_shared():
        cache.delete(_roles_key(user_id))


def _user_changed(sender, instance, **kwargs) -> None:
    forget_user(instance.pk)


def _membership_changed(sender, instance, **kwargs) -> None:
    forget_user_roles(instance.user_id)


def connect_signals() -> None:
    """Called once, from MeetingsConfig.ready."""
    from django.contrib.auth import get_user_model
    from django.db.models.signals import post_delete, post_save

    from meetings.models import Membership

    for signal in (post_save, post_delete):
        signal.connect(_user_changed, sender=get_user_model())
        signal.connect(_membership_changed, sender=Membership)
