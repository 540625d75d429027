"""Who acts on an agenda: the person's ``rules`` permission, checked inside every agenda
write service, or the application itself (``system_actor``) for steps whose permission
was checked where they began."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _


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


# What each agenda write needs (agendas/rules.py says who has it), with the sentence a
# refused person reads.
CREATE = (
    "agendas.change_agenda",
    _("Only the secretariat of the body can create the agenda of its meeting."),
)
EDIT = ("agendas.change_agenda", _("Only the secretariat of the body can change its draft agenda."))
ISSUE = ("agendas.issue_agenda", _("Only the secretariat of the body can issue its agenda."))
ADOPT = (
    "agendas.adopt_agenda",
    _("Only the chair or a vice-chair of the body can record the adoption of its agenda."),
)


def require(actor, need: tuple, obj) -> None:
    """Raise PermissionDenied with the sentence of ``need`` unless ``actor`` has it."""
    perm, sentence = need
    if actor is None or not actor.has_perm(perm, obj):
        raise PermissionDenied(str(sentence))
