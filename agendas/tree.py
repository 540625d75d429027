"""The live draft as a tree: the items of an agenda read in a fixed number of queries (the
items with their session and proposal in one, their allocated documents in a second), and the
numbers users see (1, 2, 2.1; 1.a; (a); a code; none) derived from the positions and the
agenda's numbering style, in Python. ``agendas.selectors`` re-exports everything here."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext

from agendas.models import Agenda, AgendaItem, AgendaItemDocument
from agendas.numbering import number_for
from documents.enums import Access

# 1, 1.1, 1.1.1: deeper than that an agenda stops being readable.
MAX_DEPTH = 3


@dataclass(frozen=True, slots=True)
class AllocatedDocument:
    """What the agenda shows of an allocated document, read without building model instances
    (an agenda of 200 items has a thousand of them)."""

    pk: int
    symbol: str
    title: str
    access: str

    @property
    def is_restricted(self) -> bool:
        return self.access == Access.RESTRICTED

    def get_absolute_url(self) -> str:
        return reverse("documents:detail", kwargs={"symbol": self.symbol})


@dataclass(frozen=True, slots=True)
class Allocation:
    document: AllocatedDocument
    position: int

    @property
    def document_id(self) -> int:
        return self.document.pk


@dataclass(eq=False)
class Node:
    """One item of the live draft with its place in the tree."""

    item: AgendaItem
    number: str
    depth: int  # 0 for top-level items
    index: int  # 1-based among its siblings
    sibling_count: int
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)

    @property
    def pk(self) -> int:
        return self.item.pk

    allocations: list[Allocation] = field(default_factory=list)

    @property
    def is_first(self) -> bool:
        return self.index == 1

    @property
    def is_last(self) -> bool:
        return self.index == self.sibling_count

    @property
    def height(self) -> int:
        """Levels in this item's subtree, itself included."""
        return 1 + max((child.height for child in self.children), default=0)

    @property
    def can_indent(self) -> bool:
        # Becoming a sub-item of the previous sibling adds one level to the whole subtree.
        return not self.is_first and self.depth + self.height < MAX_DEPTH

    @property
    def can_outdent(self) -> bool:
        return self.depth > 0

    @property
    def can_have_children(self) -> bool:
        return self.depth + 1 < MAX_DEPTH

    @property
    def previous_number(self) -> str:
        """The number of the sibling above, which indenting puts this item under."""
        prefix = f"{self.parent.number}." if self.parent else ""
        return f"{prefix}{self.index - 1}" if self.index > 1 else ""

    @property
    def closes(self) -> range:
        """How many nested lists end after this item, for templates that render the tree
        as one flat loop (much faster than one include per item)."""
        if self.children:
            return range(0)
        levels, node = 0, self
        while node.parent is not None and node.is_last:
            levels += 1
            node = node.parent
        return range(levels)


@dataclass
class AgendaTree:
    agenda: Agenda
    roots: list[Node]
    by_id: dict[int, Node]

    def flat(self) -> list[Node]:
        """Every node in reading order (1, 2, 2.1, 2.2, 3 ...)."""
        out: list[Node] = []

        def walk(nodes: list[Node]) -> None:
            for node in nodes:
                out.append(node)
                walk(node.children)

        walk(self.roots)
        return out

    def __len__(self) -> int:
        return len(self.by_id)

    def number_of(self, item_id: int) -> str | None:
        node = self.by_id.get(item_id)
        return node.number if node else None


def agenda_items_queryset(*, agenda: Agenda) -> QuerySet[AgendaItem]:
    return AgendaItem.objects.filter(agenda=agenda).select_related(
        "session", "proposal__member_state"
    )


def allocations_by_item(*, agenda: Agenda) -> dict[int, list[Allocation]]:
    """Every allocation of the agenda's items, in order, in one query of plain values."""
    rows = (
        AgendaItemDocument.objects.filter(item__agenda=agenda)
        .order_by("item_id", "position", "pk")
        .values_list(
            "item_id",
            "position",
            "document_id",
            "document__symbol",
            "document__title",
            "document__access",
        )
    )
    found: dict[int, list[Allocation]] = defaultdict(list)
    for item_id, position, pk, symbol, title, access in rows:
        found[item_id].append(
            Allocation(document=AllocatedDocument(pk, symbol, title, access), position=position)
        )
    return found


def build_tree(
    *, agenda: Agenda, items: list[AgendaItem], allocations: dict[int, list[Allocation]]
) -> AgendaTree:
    by_parent: dict[int | None, list[AgendaItem]] = defaultdict(list)
    for item in items:
        by_parent[item.parent_id].append(item)
    by_id: dict[int, Node] = {}
    style = agenda.numbering

    def build(parent: Node | None, depth: int) -> list[Node]:
        siblings = sorted(
            by_parent.get(parent.pk if parent else None, []), key=lambda i: (i.position, i.pk)
        )
        nodes = []
        counted = 0
        for index, item in enumerate(siblings, start=1):
            number, counted = _number(style, depth, parent, item, nodes, counted)
            node = Node(
                item=item,
                number=number,
                depth=depth,
                index=index,
                sibling_count=len(siblings),
                parent=parent,
                allocations=allocations.get(item.pk, []),
            )
            by_id[item.pk] = node
            node.children = build(node, depth + 1)
            nodes.append(node)
        return nodes

    return AgendaTree(agenda=agenda, roots=build(None, 0), by_id=by_id)


def _number(
    style: str, depth: int, parent: Node | None, item: AgendaItem, before: list[Node], counted: int
) -> tuple[str, int]:
    """The printed number of ``item`` and the count of numbered siblings so far. A code of its
    own is printed as is; an unnumbered row prints nothing; a continued item repeats the
    number of the earlier sibling with its title (else of the one above); neither counts."""
    if item.code:
        return item.code, counted
    if item.continued:
        same = [n for n in before if n.item.title == item.title] or before[-1:]
        number = same[0].number if same else ""
        return gettext("%(number)s (cont'd)") % {"number": number}, counted
    if not item.numbered:
        return "", counted
    counted += 1
    parent_number = parent.number if parent else ""
    return number_for(style, depth, counted, parent_number), counted


def agenda_tree(*, agenda: Agenda) -> AgendaTree:
    """The live draft as a tree with derived numbers, in two queries whatever its size."""
    return build_tree(
        agenda=agenda,
        items=list(agenda_items_queryset(agenda=agenda)),
        allocations=allocations_by_item(agenda=agenda),
    )


def agenda_content(*, tree: AgendaTree) -> list[dict]:
    """The tree as frozen in a revision: one dict per item in reading order. ``id`` is the
    AgendaItem's pk, which the diff uses to follow an item through renumbering."""
    content = []
    for node in tree.flat():
        item = node.item
        content.append(
            {
                "id": item.pk,
                "number": node.number,
                "code": item.code,
                "numbered": item.numbered,
                "continued": item.continued,
                "depth": node.depth,
                "title": item.title,
                "description": item.description,
                "session": item.session.label if item.session_id else "",
                "documents": [
                    {
                        "symbol": allocation.document.symbol,
                        "title": allocation.document.title,
                        "restricted": allocation.document.is_restricted,
                    }
                    for allocation in node.allocations
                ],
                "proposal": item.proposal_id,
                "is_late": item.is_late,
                "fixed": item.fixed,
            }
        )
    return content
