"""Every write of the agenda: items, their order, allocations, revisions, adoption.
The proposal workflow lives in ``agendas.proposals.services`` and calls ``agenda_item_add``.

Concurrency: see ``agendas.positions``.

Permissions: every write takes the person acting (``actor``, or ``user`` where it is also
recorded as issuer or adopter) and checks its ``rules`` permission itself, so a management
command or an API cannot skip it; a refusal is ``PermissionDenied`` with a sentence. Callers
that act for the application rather than a person pass ``system_actor()``.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from agendas import actors, positions
from agendas.actors import require
from agendas.enums import AgendaKind, FixedItem, NumberingStyle
from agendas.exceptions import AgendaError, ItemGone
from agendas.models import Agenda, AgendaItem, AgendaItemDocument
from agendas.selectors import MAX_DEPTH
from documents.enums import DocumentType
from documents.models import Document
from documents.services import (
    document_register,
)
from meetings.models import Meeting, Session

# Re-exported: views answer with it, callers build actors from here.
GONE = positions.GONE
__all__ = ["GONE"]


def _clean_title(title: str) -> str:
    title = " ".join((title or "").split())
    if not title:
        raise AgendaError(_("An item needs a title."))
    if len(title) > 500:
        raise AgendaError(_("An item title is at most 500 characters."))
    return title


def _check_session(agenda: Agenda, session: Session | None) -> None:
    if session is not None and session.meeting_id != agenda.meeting_id:
        raise AgendaError(_("That session belongs to another meeting."))


# ------------------------------------------------------------------------------ agenda


@transaction.atomic
def agenda_get_or_create(*, meeting: Meeting, user, document: Document | None = None) -> Agenda:
    """The meeting's agenda (of kind "agenda"); the first call registers its document
    ({meeting}/N, usually 1), or takes ``document`` when the agenda document was already
    registered. Creating it needs ``agendas.change_agenda`` on the meeting; an existing agenda
    is returned to anyone."""
    agenda = (
        Agenda.objects.select_for_update().filter(meeting=meeting, kind=AgendaKind.AGENDA).first()
    )
    if agenda is not None:
        return agenda
    return agenda_create(meeting=meeting, actor=user, document=document)


@transaction.atomic
def agenda_create(
    *,
    meeting: Meeting,
    actor,
    kind: str = AgendaKind.AGENDA,
    numbering: str = NumberingStyle.DECIMAL,
    title: str = "",
    document: Document | None = None,
) -> Agenda:
    """A new agenda of the meeting with its own document and symbol: the agenda, a committee
    agenda, a daily agenda or a time-management plan. Registers the document ({meeting}/N) unless
    ``document`` is given. A meeting has one agenda of kind "agenda"; a second is refused."""
    require(actor, actors.CREATE, meeting)
    if kind not in AgendaKind.values or numbering not in NumberingStyle.values:
        raise AgendaError(_("Unknown kind of agenda or numbering style."))
    if kind == AgendaKind.AGENDA and meeting.agendas.filter(kind=kind).exists():
        raise AgendaError(
            _("The %(meeting)s already has its agenda.") % {"meeting": meeting.display_name}
        )
    if document is None:
        # The title is the document's, in its original language (English when registered
        # here), whatever the language of the person's interface.
        with translation.override("en"):
            label = str(AgendaKind(kind).label)
        document = document_register(
            meeting=meeting,
            title=title or f"Draft {str(label).lower()} of the {meeting.display_name}",
            source="Chair",
            doc_type=DocumentType.AGENDA,
            actor=actor,
        )
    elif document.meeting_id != meeting.pk:
        raise AgendaError(
            _("%(symbol)s is not a document of the %(meeting)s.")
            % {"symbol": document.symbol, "meeting": meeting}
        )
    return Agenda.objects.create(meeting=meeting, document=document, kind=kind, numbering=numbering)


@transaction.atomic
def agenda_numbering_set(*, agenda: Agenda, actor, numbering: str) -> Agenda:
    """Choose how the agenda numbers its levels (1.1, 1.a or (a)); every derived number
    follows at once. Bumps the agenda's version."""
    require(actor, actors.EDIT, agenda)
    if numbering not in NumberingStyle.values:
        raise AgendaError(_("Unknown numbering style."))
    agenda = positions.lock(agenda)
    Agenda.objects.filter(pk=agenda.pk).update(numbering=numbering)
    positions.touch(agenda)
    agenda.numbering = numbering
    return agenda


# ------------------------------------------------------------------------------ items


@transaction.atomic
def agenda_item_add(
    *,
    agenda: Agenda,
    actor,
    title: str,
    description: str = "",
    parent: AgendaItem | None = None,
    before: AgendaItem | None = None,
    documents: Iterable[Document] = (),
    proposal=None,
    is_late: bool = False,
    fixed: str = "",
    session=None,
    code: str = "",
    numbered: bool = True,
    continued: bool = False,
) -> AgendaItem:
    """Add an item just before ``before``, or else at the end of ``parent``'s children. At the
    top level "at the end" means before "Any other business" and "Closing of the meeting" when
    the agenda has them: a real agenda keeps those last. Documents are allocated in the given
    order. ``code`` ("PL 2.4") is printed instead of a derived number; ``numbered=False`` makes
    a row without a number (a heading, "Break"); ``continued`` repeats an earlier item in a
    later session ("3 (cont'd)"). Bumps the agenda's version."""
    require(actor, actors.EDIT, agenda)
    agenda = positions.lock(agenda)
    title = _clean_title(title)
    _check_session(agenda, session)
    parent_id, siblings, index = positions.place(agenda, parent=parent, before=before, fixed=fixed)
    item = AgendaItem.objects.create(
        agenda=agenda,
        parent_id=parent_id,
        position=index + 1,
        title=title,
        description=(description or "").strip(),
        proposal=proposal,
        is_late=is_late,
        fixed=fixed,
        session=session,
        code=" ".join((code or "").split())[:30],
        numbered=numbered,
        continued=continued,
    )
    siblings.insert(index, item)
    positions.renumber(siblings)
    AgendaItemDocument.objects.bulk_create(
        [
            AgendaItemDocument(item=item, document=document, position=i)
            for i, document in enumerate(dict.fromkeys(documents), start=1)
        ]
    )
    positions.touch(agenda)
    return item


@transaction.atomic
def agenda_fixed_items_add(*, agenda: Agenda, actor) -> list[AgendaItem]:
    """Add the usual items that are missing, in one go: "Opening of the meeting" and "Adoption
    of the agenda" at the start, "Any other business" and "Closing of the meeting" at the end.
    Items already there stay where they are; returns the items added."""
    require(actor, actors.EDIT, agenda)
    agenda = positions.lock(agenda)
    top = positions.siblings(agenda, None)
    present = {item.fixed for item in top if item.fixed}
    added = []
    # The titles are the agenda's words: in its document's language, not the interface's.
    language = (
        Document.objects.filter(pk=agenda.document_id)
        .values_list("original_language", flat=True)
        .first()
    )

    def new(fixed: FixedItem) -> AgendaItem:
        with document_language(language or "en"):
            title = str(fixed.label)
        item = AgendaItem.objects.create(
            agenda=agenda, parent=None, position=0, title=title, fixed=fixed
        )
        added.append(item)
        return item

    def index_of(fixed: str) -> int | None:
        return next((i for i, item in enumerate(top) if item.fixed == fixed), None)

    if FixedItem.OPENING not in present:
        top.insert(0, new(FixedItem.OPENING))
    if FixedItem.ADOPTION not in present:
        top.insert(index_of(FixedItem.OPENING) + 1, new(FixedItem.ADOPTION))
    if FixedItem.AOB not in present:
        closing = index_of(FixedItem.CLOSING)
        top.insert(len(top) if closing is None else closing, new(FixedItem.AOB))
    if FixedItem.CLOSING not in present:
        top.append(new(FixedItem.CLOSING))
    positions.renumber(top)
    if added:
        positions.touch(agenda)
    return added


@transaction.atomic
def agenda_item_update(
    *,
    agenda: Agenda,
    actor,
    item_id: int,
    title: str,
    description: str = "",
    session: Session | None = None,
    code: str = "",
    numbered: bool = True,
    continued: bool = False,
) -> AgendaItem:
    """Change an item's title, description, session and how it is numbered (a code of its
    own, no number, continued). Two people editing the same item: the last one to save wins
    (there is nothing to merge in a title)."""
    require(actor, actors.EDIT, agenda)
    agenda = positions.lock(agenda)
    item = positions.item_or_gone(agenda, item_id)
    _check_session(agenda, session)
    item.title = _clean_title(title)
    item.description = (description or "").strip()
    item.session = session
    item.code = " ".join((code or "").split())[:30]
    item.numbered, item.continued = numbered, continued
    item.save(
        update_fields=[
            "title",
            "description",
            "session",
            "code",
            "numbered",
            "continued",
            "updated_at",
        ]
    )
    positions.touch(agenda)
    return item


@transaction.atomic
def agenda_item_delete(*, agenda: Agenda, actor, item_id: int) -> str:
    """Delete an item with its sub-items and allocations; its followers move up one number.
    Returns the deleted title. Deleting an item already gone is refused with ``ItemGone``."""
    require(actor, actors.EDIT, agenda)
    agenda = positions.lock(agenda)
    item = positions.item_or_gone(agenda, item_id)
    title, parent_id = item.title, item.parent_id
    item.delete()
    positions.renumber(positions.siblings(agenda, parent_id))
    positions.touch(agenda)
    return title


@transaction.atomic
def agenda_item_move(
    *, agenda: Agenda, actor, item_id: int, parent_id: int | None, index: int
) -> AgendaItem:
    """Put an item (with its sub-items) at 1-based ``index`` among the children of
    ``parent_id`` (None: the top level), as drag and drop does. Both the old and the new
    siblings are renumbered compactly."""
    require(actor, actors.EDIT, agenda)
    agenda = positions.lock(agenda)
    item = positions.item_or_gone(agenda, item_id)
    parents = positions.parents_map(agenda)
    if parent_id is not None:
        if parent_id not in parents:
            raise ItemGone(_("The item you moved it under was deleted meanwhile."))
        ancestor: int | None = parent_id
        while ancestor is not None:
            if ancestor == item.pk:
                raise AgendaError(_("An item cannot become a sub-item of itself."))
            ancestor = parents.get(ancestor)
        if positions.depth(parents, parent_id) + positions.height(parents, item.pk) >= MAX_DEPTH:
            raise AgendaError(
                _("Items can be nested %(n)s levels deep at most.") % {"n": MAX_DEPTH}
            )
    old_parent_id = item.parent_id
    siblings = [s for s in positions.siblings(agenda, parent_id) if s.pk != item.pk]
    index = min(max(int(index), 1), len(siblings) + 1)
    siblings.insert(index - 1, item)
    if old_parent_id != parent_id:
        item.parent_id = parent_id
        item.position = index
        item.save(update_fields=["parent", "position", "updated_at"])
        positions.renumber(positions.siblings(agenda, old_parent_id))
    positions.renumber(siblings)
    positions.touch(agenda)
    return item


MOVES = ("up", "down", "indent", "outdent")


@transaction.atomic
def agenda_item_shift(*, agenda: Agenda, actor, item_id: int, direction: str) -> AgendaItem:
    """The keyboard moves: ``up`` / ``down`` among its siblings, ``indent`` (become the last
    sub-item of the previous sibling), ``outdent`` (become the sibling right after its parent).
    A move past the edge (the first item up) changes nothing."""
    require(actor, actors.EDIT, agenda)
    if direction not in MOVES:
        raise AgendaError(_("Unknown move."))
    agenda = positions.lock(agenda)
    item = positions.item_or_gone(agenda, item_id)
    siblings = positions.siblings(agenda, item.parent_id)
    i = next(n for n, s in enumerate(siblings) if s.pk == item.pk)
    if direction == "up":
        if i == 0:
            return item
        return agenda_item_move(
            agenda=agenda, actor=actor, item_id=item.pk, parent_id=item.parent_id, index=i
        )
    if direction == "down":
        if i == len(siblings) - 1:
            return item
        return agenda_item_move(
            agenda=agenda, actor=actor, item_id=item.pk, parent_id=item.parent_id, index=i + 2
        )
    if direction == "indent":
        if i == 0:
            raise AgendaError(_("The first item of a level has no item above it to go under."))
        previous = siblings[i - 1]
        last = AgendaItem.objects.filter(parent=previous).count()
        return agenda_item_move(
            agenda=agenda, actor=actor, item_id=item.pk, parent_id=previous.pk, index=last + 1
        )
    if item.parent_id is None:
        return item
    parent = AgendaItem.objects.get(pk=item.parent_id)
    return agenda_item_move(
        agenda=agenda,
        actor=actor,
        item_id=item.pk,
        parent_id=parent.parent_id,
        index=parent.position + 1,
    )


# ------------------------------------------------------------------------------ documents


@transaction.atomic
def agenda_allocation_add(
    *, agenda: Agenda, actor, item_id: int, document: Document
) -> AgendaItemDocument:
    """Allocate ``document`` to the item, after the documents it already has."""
    require(actor, actors.EDIT, agenda)
    agenda = positions.lock(agenda)
    item = positions.item_or_gone(agenda, item_id)
    allocations = list(item.allocations.all())
    if any(a.document_id == document.pk for a in allocations):
        raise AgendaError(
            _("%(symbol)s is already allocated to this item.") % {"symbol": document.symbol}
        )
    allocation = AgendaItemDocument.objects.create(
        item=item,
        document=document,
        position=max((a.position for a in allocations), default=0) + 1,
    )
    positions.touch(agenda)
    return allocation


@transaction.atomic
def agenda_allocation_remove(*, agenda: Agenda, actor, item_id: int, document_id: int) -> None:
    """Take a document off the item. Removing one that is no longer there changes nothing."""
    require(actor, actors.EDIT, agenda)
    agenda = positions.lock(agenda)
    item = positions.item_or_gone(agenda, item_id)
    deleted, _ = AgendaItemDocument.objects.filter(item=item, document_id=document_id).delete()
    if deleted:
        positions.touch(agenda)


# Issuing and adopting live in agendas.revisions; callers import them from here.
from agendas.revisions import (  # noqa: E402
    agenda_adopt,
    agenda_document_html,
    agenda_issue_revision,
    document_language,
)

__all__ += ["agenda_adopt", "agenda_document_html", "agenda_issue_revision"]
