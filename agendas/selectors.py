"""Reads of the agenda. ``agenda_tree`` loads a whole agenda in a fixed number of queries (the
items with their session and proposal in one, their allocated documents in a second) and
derives the numbers users see (1, 2, 2.1 ...) from the positions, in Python."""

from __future__ import annotations

from django.db.models import (
    Case,
    Count,
    IntegerField,
    Max,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.http import Http404
from django.utils.translation import gettext as _

from agendas.enums import AgendaKind
from agendas.models import Agenda, AgendaRevision
from documents.models import Document
from documents.selectors import document_events, visible_documents
from meetings.models import Meeting, Session

# A document's text and search text can be large (an issued agenda's text is the whole
# rendered agenda): pages that only show symbols and titles leave them in the database.
HEAVY_DOCUMENT_FIELDS = ("text", "search_text")


def light_fields(prefix: str) -> list[str]:
    return [f"{prefix}{name}" for name in HEAVY_DOCUMENT_FIELDS]


# The tree of the live draft lives in agendas.tree; callers read it from here.
from agendas.tree import (  # noqa: E402
    MAX_DEPTH,
    AgendaTree,
    AllocatedDocument,
    Allocation,
    Node,
    agenda_content,
    agenda_items_queryset,
    agenda_tree,
    allocations_by_item,
    build_tree,
)

__all__ = [
    "MAX_DEPTH",
    "AgendaTree",
    "AllocatedDocument",
    "Allocation",
    "Node",
    "agenda_content",
    "agenda_items_queryset",
    "agenda_tree",
    "allocations_by_item",
    "build_tree",
]


# The tree of the live draft lives in agendas.tree; callers read it from here.

# ------------------------------------------------------------------------------ pages


def agenda_of_meeting(*, meeting: Meeting) -> Agenda | None:
    """The meeting's agenda of kind "agenda": the one its pages mean by "the agenda"."""
    return (
        Agenda.objects.select_related("document")
        .defer(*light_fields("document__"))
        .filter(meeting=meeting, kind=AgendaKind.AGENDA)
        .first()
    )


def agenda_of_meeting_by_id(*, meeting: Meeting, pk: int) -> Agenda | None:
    """One agenda of the meeting (of any kind) with its document; None when it has no such."""
    agenda = (
        Agenda.objects.select_related("document")
        .defer(*light_fields("document__"))
        .filter(meeting=meeting, pk=pk)
        .first()
    )
    if agenda is not None:
        agenda.meeting = meeting
    return agenda


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


def agenda_with_state(*, meeting: Meeting) -> Agenda | None:
    """The meeting's agenda as agenda_of_meeting reads it, with ``page_state``: what the
    members' agenda page depends on (its state and adoption, the draft's version, the latest
    revision, when a document allocated to it last changed), all in one query."""
    agenda = (
        Agenda.objects.select_related("document")
        .defer(*light_fields("document__"))
        .filter(meeting=meeting)
        .annotate(
            latest=Subquery(
                AgendaRevision.objects.filter(agenda=OuterRef("pk"))
                .order_by("-pk")
                .values("pk")[:1]
            ),
            stamp=Subquery(
                Document.objects.filter(allocations__item__agenda=OuterRef("pk"))
                .order_by("-updated_at")
                .values("updated_at")[:1]
            ),
        )
        .first()
    )
    if agenda is not None:
        agenda.page_state = (
            agenda.pk,
            agenda.state,
            agenda.adopted_at,
            agenda.version,
            agenda.latest,
            agenda.stamp,
        )
    return agenda


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
        raise Http404(_("This meeting has no agenda yet."))
    return agenda


def agenda_get(*, meeting: Meeting) -> Agenda:
    agenda = agenda_of_meeting(meeting=meeting)
    if agenda is None:
        raise Http404(_("This meeting has no agenda yet."))
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
        raise Http404(_("This agenda has no such revision.")) from None
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
    return document_events(
        Q(document_id=agenda.document_id) | Q(document__parent_id=agenda.document_id),
        limit=limit,
    )
