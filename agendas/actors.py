"""Who acts on an agenda: the person's ``rules`` permission, checked inside every agenda
write service, or the application itself (``system_actor``) for steps whose permission
was checked where they began."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

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
