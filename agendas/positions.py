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

from agendas.exceptions import AgendaError, ItemGone
from agendas.models import Agenda, AgendaItem

GONE = "This item was deleted by someone else meanwhile; the agenda below is up to date."


def lock(agenda: Agenda) -> Agenda:
    """Serialise every change of one agenda's items behind its row lock."""
    try:
        return Agenda.objects.select_for_update().get(pk=agenda.pk)
    except Agenda.DoesNotExist:
        raise AgendaError("This agenda no longer exists.") from None


def touch(agenda: Agenda) -> None:
    Agenda.objects.filter(pk=agenda.pk).update(version=F("version") + 1, updated_at=timezone.now())


def item_or_gone(agenda: Agenda, item_id: int, message: str = GONE) -> AgendaItem:
    item = AgendaItem.objects.filter(agenda=agenda, pk=item_id).first()
    if item is None:
        raise ItemGone(message)
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
