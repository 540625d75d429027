"""How the items of one agenda keep compact positions under concurrent edits: the agenda
row lock that serialises every change, the sibling reads and the 1..n renumbering, and the
depth checks. Used by ``agendas.services`` only.

Concurrency: every change of the items locks the agenda row first (SELECT ... FOR UPDATE on
PostgreSQL; SQLite takes its write lock when the transaction starts), then reads the items it
moves and renumbers the affected siblings 1..n. Two secretariat members editing at once are
thus serialised: positions stay compact and unique, the last title written wins, and a change
to an item deleted meanwhile is refused with ``ItemGone``.
"""

from __future__ import annotations

from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agendas.caching import forget_member_pages
from agendas.enums import FixedItem
from agendas.exceptions import AgendaError, ItemGone
from agendas.models import Agenda, AgendaItem
from agendas.selectors import MAX_DEPTH

GONE = gettext_lazy(
    "This item was deleted by someone else meanwhile; the agenda below is up to date."
)


def lock(agenda: Agenda) -> Agenda:
    """Serialise every change of one agenda's items behind its row lock."""
    try:
        return Agenda.objects.select_for_update().get(pk=agenda.pk)
    except Agenda.DoesNotExist:
        raise AgendaError(_("This agenda no longer exists.")) from None


def touch(agenda: Agenda) -> None:
    Agenda.objects.filter(pk=agenda.pk).update(version=F("version") + 1, updated_at=timezone.now())
    # Members read the live draft from the cache: they see this change at once.
    forget_member_pages(meeting_id=agenda.meeting_id)


def item_or_gone(agenda: Agenda, item_id: int, message: str = GONE) -> AgendaItem:
    item = AgendaItem.objects.filter(agenda=agenda, pk=item_id).first()
    if item is None:
        raise ItemGone(str(message))
    return item


def siblings(agenda: Agenda, parent_id: int | None) -> list[AgendaItem]:
    return list(
        AgendaItem.objects.filter(agenda=agenda, parent_id=parent_id).order_by("position", "pk")
    )


def renumber(siblings: list[AgendaItem]) -> None:
    """Positions 1..n in list order, writing only the rows that changed."""
    changed = []
    for position, item in enumerate(siblings, start=1):
        if item.position != position:
            item.position = position
            changed.append(item)
    if changed:
        AgendaItem.objects.bulk_update(changed, ["position"])


def parents_map(agenda: Agenda) -> dict[int, int | None]:
    return dict(AgendaItem.objects.filter(agenda=agenda).values_list("pk", "parent_id"))


def depth(parents: dict[int, int | None], item_id: int | None) -> int:
    """0 for a top-level item; -1 for "no item" (the top level itself)."""
    depth = -1
    while item_id is not None:
        depth += 1
        item_id = parents.get(item_id)
    return depth


def height(parents: dict[int, int | None], item_id: int) -> int:
    children: dict[int | None, list[int]] = {}
    for pk, parent_id in parents.items():
        children.setdefault(parent_id, []).append(pk)

    def height(pk: int) -> int:
        return 1 + max((height(child) for child in children.get(pk, [])), default=0)

    return height(item_id)


# Where an item goes when added at the top level without a place: before the closing block.
# A new ordinary item lands before "Any other business", AOB before "Closing".
TRAILING_RANK = {FixedItem.AOB: 1, FixedItem.CLOSING: 2}


def rank(fixed: str) -> int:
    return TRAILING_RANK.get(fixed, 0)


def place(agenda: Agenda, *, parent, before, fixed: str) -> tuple[int | None, list, int]:
    """Where a new item goes: its parent's id, its future siblings and its 0-based index."""
    if before is not None:
        gone = _("The item to insert before was deleted meanwhile.")
        before = item_or_gone(agenda, before.pk, gone)
        parent_id = before.parent_id
    else:
        parent_id = parent.pk if parent is not None else None
    if parent_id is not None:
        parents = parents_map(agenda)
        if parent_id not in parents:
            raise ItemGone(_("The item to add a sub-item to was deleted meanwhile."))
        if depth(parents, parent_id) + 1 >= MAX_DEPTH:
            raise AgendaError(
                _("Items can be nested %(n)s levels deep at most.") % {"n": MAX_DEPTH}
            )
    around = siblings(agenda, parent_id)
    if before is not None:
        return parent_id, around, next(i for i, s in enumerate(around) if s.pk == before.pk)
    index = len(around)
    if parent_id is None:
        while index > 0 and rank(around[index - 1].fixed) > rank(fixed):
            index -= 1
    return parent_id, around, index
