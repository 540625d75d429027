"""What changed between two issued revisions of an agenda.

Items are matched by the stable ``id`` stored in the frozen content (the AgendaItem's pk), so
an item keeps its identity when it is renumbered or retitled. A number change is reported as
"moved" when the item changed place relative to the other items (or changed parent), and as
"renumbered" when it only shifted because items before it were added or removed.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ItemChange:
    id: int
    number: str  # in the newer revision (the older one for removed items)
    title: str
    old_number: str = ""
    old_title: str = ""
    documents_added: list[dict] = field(default_factory=list)
    documents_removed: list[dict] = field(default_factory=list)
    old_session: str = ""
    session: str = ""


@dataclass
class RevisionDiff:
    added: list[ItemChange] = field(default_factory=list)
    removed: list[ItemChange] = field(default_factory=list)
    moved: list[ItemChange] = field(default_factory=list)
    renumbered: list[ItemChange] = field(default_factory=list)
    retitled: list[ItemChange] = field(default_factory=list)
    described: list[ItemChange] = field(default_factory=list)
    rescheduled: list[ItemChange] = field(default_factory=list)
    documents: list[ItemChange] = field(default_factory=list)

    @property
    def groups(self) -> tuple[list[ItemChange], ...]:
        return (
            self.added,
            self.removed,
            self.moved,
            self.renumbered,
            self.retitled,
            self.described,
            self.rescheduled,
            self.documents,
        )

    @property
    def is_empty(self) -> bool:
        return not any(self.groups)

    @property
    def change_count(self) -> int:
        return sum(len(group) for group in self.groups)


def _parent_number(number: str) -> str:
    return number.rpartition(".")[0]


def _stable(old_ids: list[int], new_ids: list[int]) -> set[int]:
    """The ids in the longest common subsequence of both orders: the items that kept their
    place relative to each other. Anything else among the common items was moved."""
    n, m = len(old_ids), len(new_ids)
    lengths = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            if old_ids[i] == new_ids[j]:
                lengths[i][j] = lengths[i + 1][j + 1] + 1
            else:
                lengths[i][j] = max(lengths[i + 1][j], lengths[i][j + 1])
    kept, i, j = set(), 0, 0
    while i < n and j < m:
        if old_ids[i] == new_ids[j]:
            kept.add(old_ids[i])
            i, j = i + 1, j + 1
        elif lengths[i + 1][j] >= lengths[i][j + 1]:
            i += 1
        else:
            j += 1
    return kept


def _record(diff: RevisionDiff, change: ItemChange, before: dict, item: dict, *, in_place: bool):
    """File the changes of an item present in both revisions under each group it is in."""
    if before["number"] != item["number"]:
        (diff.renumbered if in_place else diff.moved).append(change)
    if before["title"] != item["title"]:
        diff.retitled.append(change)
    if before.get("description", "") != item.get("description", ""):
        diff.described.append(change)
    if change.old_session != change.session:
        diff.rescheduled.append(change)
    old_docs = {d["symbol"]: d for d in before.get("documents", [])}
    new_docs = {d["symbol"]: d for d in item.get("documents", [])}
    if old_docs.keys() != new_docs.keys():
        change.documents_added = [d for s, d in new_docs.items() if s not in old_docs]
        change.documents_removed = [d for s, d in old_docs.items() if s not in new_docs]
        diff.documents.append(change)


def revision_diff(old: list[dict], new: list[dict]) -> RevisionDiff:
    """Compare the frozen items of two revisions (``AgendaRevision.items``)."""
    diff = RevisionDiff()
    old_by_id = {item["id"]: item for item in old}
    new_by_id = {item["id"]: item for item in new}
    old_numbers = {item["id"]: item["number"] for item in old}
    new_numbers = {item["id"]: item["number"] for item in new}
    common_old = [item["id"] for item in old if item["id"] in new_by_id]
    common_new = [item["id"] for item in new if item["id"] in old_by_id]
    kept = _stable(common_old, common_new)

    def parent_id(numbers_to_id: dict[str, int], number: str) -> int | None:
        return numbers_to_id.get(_parent_number(number))

    old_id_by_number = {number: pk for pk, number in old_numbers.items()}
    new_id_by_number = {number: pk for pk, number in new_numbers.items()}

    for item in new:
        pk = item["id"]
        before = old_by_id.get(pk)
        if before is None:
            diff.added.append(
                ItemChange(
                    id=pk,
                    number=item["number"],
                    title=item["title"],
                    documents_added=list(item.get("documents", [])),
                    session=item.get("session", ""),
                )
            )
            continue
        change = ItemChange(
            id=pk,
            number=item["number"],
            title=item["title"],
            old_number=before["number"],
            old_title=before["title"],
            old_session=before.get("session", ""),
            session=item.get("session", ""),
        )
        # Renumbered in place (kept in order, same parent) or moved elsewhere.
        in_place = pk in kept and parent_id(old_id_by_number, before["number"]) == parent_id(
            new_id_by_number, item["number"]
        )
        _record(diff, change, before, item, in_place=in_place)
    for item in old:
        if item["id"] not in new_by_id:
            diff.removed.append(
                ItemChange(id=item["id"], number=item["number"], title=item["title"])
            )
    return diff
