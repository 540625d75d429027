"""Who acts: a person, or the application itself.

Every write service takes the ``actor`` it is done for and checks that actor's ``rules``
permission. A few steps are taken by the application after the permission that matters was
checked where the step began (the chair's decision adds the agenda item; the demo loader
builds its meetings): they pass ``system_actor(on_behalf_of=person)``. Services record
``person_of(actor)`` wherever a person is recorded (created_by, issued_by, adopted_by).
"""

from __future__ import annotations


class SystemActor:
    """The application itself acting, after the permission that matters was checked where
    the step began: the proposal include step (the chair's ``decide_proposal``) adds the
    item; the demo loader builds its meetings. ``on_behalf_of`` is the person recorded as
    creator, when there is one. It has every permission; pass it only from such code."""

    is_authenticated = True
    is_superuser = False
    pk = None

    def __init__(self, on_behalf_of=None):
        self.on_behalf_of = on_behalf_of

    def has_perm(self, perm: str, obj=None) -> bool:
        return True

    def __str__(self) -> str:
        return "system"


def system_actor(*, on_behalf_of=None) -> SystemActor:
    return SystemActor(on_behalf_of)


def person_of(actor):
    """Who is recorded (created_by, issued_by, adopted_by): the person, not the system."""
    return actor.on_behalf_of if isinstance(actor, SystemActor) else actor
