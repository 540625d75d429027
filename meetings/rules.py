"""Permissions as predicates over (user, object), per body.

Any object that belongs to a body answers ``body_id`` (Body itself answers its pk), so the
same predicates serve meetings, sessions, documents, agendas and proposals. The user's roles
are read once per request and kept on the user object: checking many rows costs no query
(and, with a shared cache, kept between requests: config.readers).
"""

from __future__ import annotations

import rules

from meetings.enums import PRESIDING, Role

_CACHE_ATTR = "_agendum_roles"


def roles_by_body(user) -> dict[int, frozenset[str]]:
    if user is None or not user.is_authenticated:
        return {}
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is None:
        from config.readers import cached_roles

        cached = cached_roles(user.pk, lambda: _load_roles(user))
        setattr(user, _CACHE_ATTR, cached)
    return cached


def _load_roles(user) -> dict[int, frozenset[str]]:
    from meetings.models import Membership

    found: dict[int, set[str]] = {}
    for body_id, role in Membership.objects.filter(user=user).values_list("body_id", "role"):
        found.setdefault(body_id, set()).add(role)
    return {body_id: frozenset(roles) for body_id, roles in found.items()}


def forget_roles(user) -> None:
    """Drop the cached roles, after a membership of this user changed (on the user object and
    in the shared cache: config.readers)."""
    from config.readers import forget_user_roles

    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)
    forget_user_roles(user.pk)


def body_id_of(obj) -> int | None:
    if obj is None:
        return None
    from meetings.models import Body

    if isinstance(obj, Body):
        return obj.pk
    return getattr(obj, "body_id", None)


def _has_role(user, obj, wanted: frozenset[str]) -> bool:
    body_id = body_id_of(obj)
    if body_id is None:
        return False
    return bool(roles_by_body(user).get(body_id, frozenset()) & wanted)


@rules.predicate
def is_secretariat_of_body(user, obj) -> bool:
    return _has_role(user, obj, frozenset({Role.SECRETARIAT}))


@rules.predicate
def is_chair_of_body(user, obj) -> bool:
    return _has_role(user, obj, frozenset({Role.CHAIR}))


@rules.predicate
def is_presiding_officer_of_body(user, obj) -> bool:
    """Chair or vice-chair: the people who decide on proposals."""
    return _has_role(user, obj, PRESIDING)


@rules.predicate
def is_delegate_of_body(user, obj) -> bool:
    return _has_role(user, obj, frozenset({Role.DELEGATE}))


@rules.predicate
def is_member_of_body(user, obj) -> bool:
    """Any role in the body: may read the body's restricted documents."""
    return _has_role(user, obj, frozenset(Role.values))


def _holds_in_any_body(user, wanted: frozenset[str]) -> bool:
    return any(roles & wanted for roles in roles_by_body(user).values())


@rules.predicate
def is_staff_of_any_body(user) -> bool:
    return _holds_in_any_body(user, frozenset({Role.SECRETARIAT}))


@rules.predicate
def is_delegate_in_any_body(user) -> bool:
    return _holds_in_any_body(user, frozenset({Role.DELEGATE}))


is_superuser = rules.is_superuser
can_manage_body = is_secretariat_of_body | is_superuser

rules.add_perm("meetings.view_meeting", rules.always_allow)
rules.add_perm("meetings.add_meeting", can_manage_body)
rules.add_perm("meetings.change_meeting", can_manage_body)
rules.add_perm("meetings.add_session", can_manage_body)
rules.add_perm("meetings.change_session", can_manage_body)
rules.add_perm("meetings.delete_session", can_manage_body)
# Setting up bodies, Member States and roles is the administrator's (the admin pages).
rules.add_perm("meetings.add_body", is_superuser)
rules.add_perm("meetings.add_memberstate", is_superuser)
rules.add_perm("meetings.add_membership", is_superuser)
