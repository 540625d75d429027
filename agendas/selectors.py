"""Reads of the agenda. ``agenda_tree`` loads a whole agenda in a fixed number of queries (the
items with their session and proposal in one, their allocated documents in a second) and
derives the numbers users see (1, 2, 2.1 ...) from the positions, in Python."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import (
    Case,
    Count,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext

from agendas.enums import AgendaKind
from agendas.models import Agenda, AgendaItem, AgendaItemDocument, AgendaRevision
from agendas.numbering import number_for
from documents.enums import Access
from documents.models import Document
from documents.selectors import visible_documents
from meetings.models import Meeting, Session

# 1, 1.1, 1.1.1: deeper than that an agenda stops being readable.
MAX_DEPTH = 3

# A document's text and search text can be large (an issued agenda's text is the whole
# rendered agenda): pages that only show symbols and titles leave them in the database.
HEAVY_DOCUMENT_FIELDS = ("text", "search_text")


def light_fields(prefix: str) -> list[str]:
    return [f"{prefix}{name}" for name in HEAVY_DOCUMENT_FIELDS]


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


# ------------------------------------------------------------------------------ pages


def agenda_of_meeting(*, meeting: Meeting) -> Agenda | None:
    """The meeting's agenda of kind "agenda": the one its pages mean by "the agenda"."""
    return (
        Agenda.objects.select_related("document")
        .defer(*light_fields("document__"))
        .filter(meeting=meeting, kind=AgendaKind.AGENDA)
        .first()
    )


def agendas_of_meeting(*, meeting: Meeting) -> list[Agenda]:
    """Every agenda of the meeting (agenda, committee agendas, daily agendas, time-management
    plans), the main one first, each with its document, in one query."""
    agendas = list(
        Agenda.objects.select_related("document")
        .defer(*light_fields("document__"))
        .filter(meeting=meeting)
        .order_by(
            Case(When(kind=AgendaKind.AGENDA, then=Value(0)), default=Value(1)),
            "document__number",
            "pk",
        )
    )
    for agenda in agendas:
        agenda.meeting = meeting
    return agendas


def agenda_page_state(*, body_slug: str, number: int) -> tuple | None:
    """What the public agenda page depends on, in one query: the agenda, its adoption, its
    latest revision and how many there are. None when the meeting has no agenda."""
    return (
        Agenda.objects.filter(
            meeting__body__slug=body_slug, meeting__number=number, kind=AgendaKind.AGENDA
        )
        .annotate(latest=Max("revisions__pk"), issued=Count("revisions"))
        .values_list("pk", "state", "adopted_at", "latest", "issued")
        .first()
    )


def agenda_for(*, body_slug: str, number: int, with_stamp: bool = False) -> Agenda:
    """The agenda of the meeting at this address with its meeting, body and document, in one
    query. ``with_stamp`` adds ``stamp``: when a document allocated to it last changed (the
    editor's cache key). 404 when there is no such meeting or it has no agenda."""
    qs = (
        Agenda.objects.select_related("meeting__body", "document")
        .defer(*light_fields("document__"))
        .filter(meeting__body__slug=body_slug, meeting__number=number, kind=AgendaKind.AGENDA)
    )
    if with_stamp:
        qs = qs.annotate(
            stamp=Subquery(
                Document.objects.filter(allocations__item__agenda=OuterRef("pk"))
                .order_by("-updated_at")
                .values("updated_at")[:1]
            )
        )
    agenda = qs.first()
    if agenda is None:
        raise Http404("This meeting has no agenda yet.")
    return agenda


def agenda_get(*, meeting: Meeting) -> Agenda:
    agenda = agenda_of_meeting(meeting=meeting)
    if agenda is None:
        raise Http404("This meeting has no agenda yet.")
    agenda.meeting = meeting
    return agenda


def revisions_of(*, agenda: Agenda) -> list[AgendaRevision]:
    """Every issued revision, oldest first, without their (large) frozen content."""
    revisions = list(
        AgendaRevision.objects.filter(agenda=agenda)
        .select_related("document")
        .defer("content", *light_fields("document__"))
        .order_by("number")
    )
    for revision in revisions:
        revision.agenda = agenda  # their addresses need the meeting the caller already has
    return revisions


def revision_get(*, agenda: Agenda, number: int) -> AgendaRevision:
    try:
        revision = (
            AgendaRevision.objects.select_related("document")
            .defer(*light_fields("document__"))
            .get(agenda=agenda, number=number)
        )
    except AgendaRevision.DoesNotExist:
        raise Http404("This agenda has no such revision.") from None
    revision.agenda = agenda
    return revision


def latest_revision(*, agenda: Agenda) -> AgendaRevision | None:
    return (
        AgendaRevision.objects.filter(agenda=agenda)
        .select_related("document")
        .defer(*light_fields("document__"))
        .order_by("-number")
        .first()
    )


def adopted_revision_number(*, agenda: Agenda, revisions: list[AgendaRevision]) -> int | None:
    """The revision that was current when the agenda was adopted."""
    if agenda.adopted_at is None:
        return None
    before = [r.number for r in revisions if r.issued_at <= agenda.adopted_at]
    return before[-1] if before else None


def revision_pair(
    *, agenda: Agenda, old_number: int, new_number: int
) -> tuple[AgendaRevision, AgendaRevision]:
    """Two revisions with their frozen content, in one query (both numbers must exist)."""
    by_number = {
        r.number: r
        for r in AgendaRevision.objects.filter(agenda=agenda, number__in={old_number, new_number})
        .select_related("document")
        .defer(*light_fields("document__"))
    }
    for revision in by_number.values():
        revision.agenda = agenda
    return by_number[old_number], by_number[new_number]


def agenda_version_stamp(*, agenda: Agenda) -> tuple[int, object]:
    """The agenda's version and when a document allocated to it last changed: what the
    editor's cached body depends on."""
    if hasattr(agenda, "stamp"):
        # Read with the agenda by this request (agenda_for(with_stamp=True)).
        return agenda.version, agenda.stamp
    return (
        Agenda.objects.filter(pk=agenda.pk)
        .annotate(stamp=Max("items__allocations__document__updated_at"))
        .values_list("version", "stamp")
        .get()
    )


def sessions_of(*, meeting: Meeting) -> list[Session]:
    return list(Session.objects.filter(meeting=meeting))


def latest_publication(*, document: Document):
    from documents.models import Publication

    return Publication.objects.filter(document=document).order_by("-version", "-pk").first()


def document_symbol(*, pk: int) -> str | None:
    return Document.objects.filter(pk=pk).values_list("symbol", flat=True).first()


def visible_document(*, user, pk: int) -> Document | None:
    return visible_documents(user).filter(pk=pk).first()


def allocatable_documents(
    *, user, meeting: Meeting, query: str, item_id: int | None, limit: int = 10
) -> list[Document]:
    """Documents the user may see whose symbol or title contains every word of the query:
    this meeting's documents first, then those listed for it, then the rest, newest first;
    without those already allocated to ``item_id``."""
    qs = visible_documents(user)
    for word in query.split()[:6]:
        qs = qs.filter(Q(symbol__icontains=word) | Q(title__icontains=word))
    if item_id is not None:
        qs = qs.exclude(allocations__item_id=item_id)
    return list(
        qs.annotate(
            here=Case(
                When(meeting=meeting, then=Value(0)),
                When(listings__meeting=meeting, then=Value(1)),
                default=Value(2),
                output_field=IntegerField(),
            )
        )
        .order_by("here", "-date", "-pk")
        .only("pk", "symbol", "title", "access", "date")
        .distinct()[:limit]
    )


def agenda_history(*, agenda: Agenda, limit: int = 50) -> list:
    """The latest lines of the history of the agenda's document and its revisions (issued,
    adopted, PDFs), newest first, with who did it and on which symbol, in one query."""
    from documents.models import DocumentEvent

    return list(
        DocumentEvent.objects.filter(
            Q(document_id=agenda.document_id) | Q(document__parent_id=agenda.document_id)
        )
        .select_related("actor", "document")
        .only(*HISTORY_FIELDS)[:limit]
    )


HISTORY_FIELDS = (
    "kind",
    "at",
    "note",
    "actor__username",
    "actor__first_name",
    "actor__last_name",
    "document__symbol",
)
