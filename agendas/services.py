"""Every write of the agenda: items, their order, allocations, revisions, adoption.
The proposal workflow lives in ``agendas.workflow`` and calls ``agenda_item_add``.

Concurrency: every change of the items locks the agenda row first (SELECT ... FOR UPDATE on
PostgreSQL; SQLite takes its write lock when the transaction starts), then reads the items it
moves and renumbers the affected siblings 1..n. Two secretariat members editing at once are
thus serialised: positions stay compact and unique, the last title written wins, and a change
to an item deleted meanwhile is refused with ``ItemGone``.

Permissions: every write takes the person acting (``actor``, or ``user`` where it is also
recorded as issuer or adopter) and checks its ``rules`` permission itself, so a management
command or an API cannot skip it; a refusal is ``PermissionDenied`` with a sentence. Callers
that act for the application rather than a person pass ``system_actor()``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from agendas.caching import forget_public_page
from agendas.enums import AgendaState, FixedItem
from agendas.exceptions import AgendaError, ItemGone, NothingToIssue
from agendas.models import Agenda, AgendaItem, AgendaItemDocument, AgendaRevision
from agendas.selectors import MAX_DEPTH, agenda_content, agenda_tree
from documents.enums import DocumentEventKind, DocumentType, SuffixKind
from documents.models import Document
from documents.services import (
    derived_symbol,
    document_derive,
    document_event_record,
    document_register,
    document_update,
)
from meetings.models import Meeting, Session

# Where an item goes when added at the top level without a place: before the closing block.
# A new ordinary item lands before "Any other business", AOB before "Closing".
_TRAILING_RANK = {FixedItem.AOB: 1, FixedItem.CLOSING: 2}
GONE = "This item was deleted by someone else meanwhile; the agenda below is up to date."


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


def _person(actor):
    """Who is recorded (created_by, issued_by, adopted_by): the person, not the system."""
    return actor.on_behalf_of if isinstance(actor, SystemActor) else actor


def _require(actor, perm: str, obj, sentence: str) -> None:
    if actor is None or not actor.has_perm(perm, obj):
        raise PermissionDenied(sentence)


def _require_editor(actor, agenda: Agenda) -> None:
    _require(
        actor,
        "agendas.change_agenda",
        agenda,
        _("Only the secretariat of the body can change its draft agenda."),
    )


def _rank(fixed: str) -> int:
    return _TRAILING_RANK.get(fixed, 0)


def _lock(agenda: Agenda) -> Agenda:
    """Serialise every change of one agenda's items behind its row lock."""
    try:
        return Agenda.objects.select_for_update().get(pk=agenda.pk)
    except Agenda.DoesNotExist:
        raise AgendaError("This agenda no longer exists.") from None


def _touch(agenda: Agenda) -> None:
    Agenda.objects.filter(pk=agenda.pk).update(version=F("version") + 1, updated_at=timezone.now())


def _item(agenda: Agenda, item_id: int, message: str = GONE) -> AgendaItem:
    item = AgendaItem.objects.filter(agenda=agenda, pk=item_id).first()
    if item is None:
        raise ItemGone(message)
    return item


def _siblings(agenda: Agenda, parent_id: int | None) -> list[AgendaItem]:
    return list(
        AgendaItem.objects.filter(agenda=agenda, parent_id=parent_id).order_by("position", "pk")
    )


def _renumber(siblings: list[AgendaItem]) -> None:
    """Positions 1..n in list order, writing only the rows that changed."""
    changed = []
    for position, item in enumerate(siblings, start=1):
        if item.position != position:
            item.position = position
            changed.append(item)
    if changed:
        AgendaItem.objects.bulk_update(changed, ["position"])


def _clean_title(title: str) -> str:
    title = " ".join((title or "").split())
    if not title:
        raise AgendaError("An item needs a title.")
    if len(title) > 500:
        raise AgendaError("An item title is at most 500 characters.")
    return title


def _check_session(agenda: Agenda, session: Session | None) -> None:
    if session is not None and session.meeting_id != agenda.meeting_id:
        raise AgendaError("That session belongs to another meeting.")


def _parents_map(agenda: Agenda) -> dict[int, int | None]:
    return dict(AgendaItem.objects.filter(agenda=agenda).values_list("pk", "parent_id"))


def _depth(parents: dict[int, int | None], item_id: int | None) -> int:
    """0 for a top-level item; -1 for "no item" (the top level itself)."""
    depth = -1
    while item_id is not None:
        depth += 1
        item_id = parents.get(item_id)
    return depth


def _height(parents: dict[int, int | None], item_id: int) -> int:
    children: dict[int | None, list[int]] = {}
    for pk, parent_id in parents.items():
        children.setdefault(parent_id, []).append(pk)

    def height(pk: int) -> int:
        return 1 + max((height(child) for child in children.get(pk, [])), default=0)

    return height(item_id)


# ------------------------------------------------------------------------------ agenda


@transaction.atomic
def agenda_get_or_create(*, meeting: Meeting, user, document: Document | None = None) -> Agenda:
    """The meeting's agenda; the first call registers its document ({meeting}/N, usually 1),
    or takes ``document`` when the agenda document was already registered. Creating it needs
    ``agendas.change_agenda`` on the meeting; an existing agenda is returned to anyone."""
    agenda = Agenda.objects.select_for_update().filter(meeting=meeting).first()
    if agenda is not None:
        return agenda
    _require(
        user,
        "agendas.change_agenda",
        meeting,
        _("Only the secretariat of the body can create the agenda of its meeting."),
    )
    if document is None:
        document = document_register(
            meeting=meeting,
            title=f"Draft agenda of the {meeting.display_name}",
            source="Chair",
            doc_type=DocumentType.AGENDA,
            created_by=_person(user),
        )
    elif document.meeting_id != meeting.pk:
        raise AgendaError(f"{document.symbol} is not a document of the {meeting}.")
    return Agenda.objects.create(meeting=meeting, document=document)


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
) -> AgendaItem:
    """Add an item just before ``before``, or else at the end of ``parent``'s children. At the
    top level "at the end" means before "Any other business" and "Closing of the meeting" when
    the agenda has them: a real agenda keeps those last. Documents are allocated in the given
    order. Bumps the agenda's version."""
    _require_editor(actor, agenda)
    agenda = _lock(agenda)
    title = _clean_title(title)
    _check_session(agenda, session)
    if before is not None:
        before = _item(agenda, before.pk, "The item to insert before was deleted meanwhile.")
        parent_id = before.parent_id
    else:
        parent_id = parent.pk if parent is not None else None
    if parent_id is not None:
        parents = _parents_map(agenda)
        if parent_id not in parents:
            raise ItemGone("The item to add a sub-item to was deleted meanwhile.")
        if _depth(parents, parent_id) + 1 >= MAX_DEPTH:
            raise AgendaError(f"Items can be nested {MAX_DEPTH} levels deep at most.")
    siblings = _siblings(agenda, parent_id)
    if before is not None:
        index = next(i for i, s in enumerate(siblings) if s.pk == before.pk)
    else:
        index = len(siblings)
        if parent_id is None:
            while index > 0 and _rank(siblings[index - 1].fixed) > _rank(fixed):
                index -= 1
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
    )
    siblings.insert(index, item)
    _renumber(siblings)
    AgendaItemDocument.objects.bulk_create(
        [
            AgendaItemDocument(item=item, document=document, position=i)
            for i, document in enumerate(dict.fromkeys(documents), start=1)
        ]
    )
    _touch(agenda)
    return item


@transaction.atomic
def agenda_fixed_items_add(*, agenda: Agenda, actor) -> list[AgendaItem]:
    """Add the usual items that are missing, in one go: "Opening of the meeting" and "Adoption
    of the agenda" at the start, "Any other business" and "Closing of the meeting" at the end.
    Items already there stay where they are; returns the items added."""
    _require_editor(actor, agenda)
    agenda = _lock(agenda)
    top = _siblings(agenda, None)
    present = {item.fixed for item in top if item.fixed}
    added = []

    def new(fixed: FixedItem) -> AgendaItem:
        item = AgendaItem.objects.create(
            agenda=agenda, parent=None, position=0, title=fixed.label, fixed=fixed
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
    _renumber(top)
    if added:
        _touch(agenda)
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
) -> AgendaItem:
    """Change an item's title, description and session. Two people editing the same item:
    the last one to save wins (there is nothing to merge in a title)."""
    _require_editor(actor, agenda)
    agenda = _lock(agenda)
    item = _item(agenda, item_id)
    _check_session(agenda, session)
    item.title = _clean_title(title)
    item.description = (description or "").strip()
    item.session = session
    item.save(update_fields=["title", "description", "session", "updated_at"])
    _touch(agenda)
    return item


@transaction.atomic
def agenda_item_delete(*, agenda: Agenda, actor, item_id: int) -> str:
    """Delete an item with its sub-items and allocations; its followers move up one number.
    Returns the deleted title. Deleting an item already gone is refused with ``ItemGone``."""
    _require_editor(actor, agenda)
    agenda = _lock(agenda)
    item = _item(agenda, item_id)
    title, parent_id = item.title, item.parent_id
    item.delete()
    _renumber(_siblings(agenda, parent_id))
    _touch(agenda)
    return title


@transaction.atomic
def agenda_item_move(
    *, agenda: Agenda, actor, item_id: int, parent_id: int | None, index: int
) -> AgendaItem:
    """Put an item (with its sub-items) at 1-based ``index`` among the children of
    ``parent_id`` (None: the top level), as drag and drop does. Both the old and the new
    siblings are renumbered compactly."""
    _require_editor(actor, agenda)
    agenda = _lock(agenda)
    item = _item(agenda, item_id)
    parents = _parents_map(agenda)
    if parent_id is not None:
        if parent_id not in parents:
            raise ItemGone("The item you moved it under was deleted meanwhile.")
        ancestor: int | None = parent_id
        while ancestor is not None:
            if ancestor == item.pk:
                raise AgendaError("An item cannot become a sub-item of itself.")
            ancestor = parents.get(ancestor)
        if _depth(parents, parent_id) + _height(parents, item.pk) >= MAX_DEPTH:
            raise AgendaError(f"Items can be nested {MAX_DEPTH} levels deep at most.")
    old_parent_id = item.parent_id
    siblings = [s for s in _siblings(agenda, parent_id) if s.pk != item.pk]
    index = min(max(int(index), 1), len(siblings) + 1)
    siblings.insert(index - 1, item)
    if old_parent_id != parent_id:
        item.parent_id = parent_id
        item.position = index
        item.save(update_fields=["parent", "position", "updated_at"])
        _renumber(_siblings(agenda, old_parent_id))
    _renumber(siblings)
    _touch(agenda)
    return item


MOVES = ("up", "down", "indent", "outdent")


@transaction.atomic
def agenda_item_shift(*, agenda: Agenda, actor, item_id: int, direction: str) -> AgendaItem:
    """The keyboard moves: ``up`` / ``down`` among its siblings, ``indent`` (become the last
    sub-item of the previous sibling), ``outdent`` (become the sibling right after its parent).
    A move past the edge (the first item up) changes nothing."""
    _require_editor(actor, agenda)
    if direction not in MOVES:
        raise AgendaError("Unknown move.")
    agenda = _lock(agenda)
    item = _item(agenda, item_id)
    siblings = _siblings(agenda, item.parent_id)
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
            raise AgendaError("The first item of a level has no item above it to go under.")
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
    _require_editor(actor, agenda)
    agenda = _lock(agenda)
    item = _item(agenda, item_id)
    allocations = list(item.allocations.all())
    if any(a.document_id == document.pk for a in allocations):
        raise AgendaError(f"{document.symbol} is already allocated to this item.")
    allocation = AgendaItemDocument.objects.create(
        item=item,
        document=document,
        position=max((a.position for a in allocations), default=0) + 1,
    )
    _touch(agenda)
    return allocation


@transaction.atomic
def agenda_allocation_remove(*, agenda: Agenda, actor, item_id: int, document_id: int) -> None:
    """Take a document off the item. Removing one that is no longer there changes nothing."""
    _require_editor(actor, agenda)
    agenda = _lock(agenda)
    item = _item(agenda, item_id)
    deleted, _ = AgendaItemDocument.objects.filter(item=item, document_id=document_id).delete()
    if deleted:
        _touch(agenda)


# ------------------------------------------------------------------------------ revisions


def agenda_document_html(*, agenda: Agenda, content: dict) -> str:
    """The agenda as the text of its document: what the PDF shows."""
    return render_to_string(
        "agendas/agenda_document_text.html", {"agenda": agenda, "content": content}
    )


@transaction.atomic
def agenda_issue_revision(*, agenda: Agenda, user, note: str = "") -> AgendaRevision:
    """Freeze the live draft as the next revision: the first issue is the agenda's own
    document (CWG-Internet-21/1), later ones derive Rev.N documents (…/1(Rev.1)). The
    document's text becomes the rendered agenda and its PDF publication is requested (the
    render runs in Celery after commit). Refused when nothing changed since the last issue
    or when the agenda has no item. Adds an "agenda issued" line to the revision document's
    history."""
    from documents.publishing import publication_request

    _require(
        user,
        "agendas.issue_agenda",
        agenda,
        _("Only the secretariat of the body can issue its agenda."),
    )
    agenda = _lock(agenda)
    meeting = Meeting.objects.select_related("body").get(pk=agenda.meeting_id)
    agenda.meeting = meeting
    items = agenda_content(tree=agenda_tree(agenda=agenda))
    if not items:
        raise AgendaError("Add at least one item before issuing the agenda.")
    last = AgendaRevision.objects.filter(agenda=agenda).order_by("-number").first()
    if last is not None and last.items == items:
        since = "the first issue" if last.number == 0 else last.label
        raise NothingToIssue(f"Nothing has changed since {since}.")
    revised_after_adoption = agenda.state == AgendaState.ADOPTED
    base = Document.objects.get(pk=agenda.document_id)
    number = 0 if last is None else last.number + 1
    label = "" if number == 0 else f"Rev.{number}"
    content = {
        "items": items,
        "meeting": meeting.display_name,
        "body": meeting.body.name,
        "label": label or "First issue",
        "revised_after_adoption": revised_after_adoption,
        "note": note.strip(),
    }
    if last is None:
        content["symbol"] = base.symbol
        html = agenda_document_html(agenda=agenda, content=content)
        document = document_update(document=base, text=html)
    else:
        symbol = derived_symbol(base=base, kind=SuffixKind.REVISION, number=number)
        content["symbol"] = symbol
        html = agenda_document_html(agenda=agenda, content=content)
        document = document_derive(
            base=base,
            kind=SuffixKind.REVISION,
            text=html,
            title=f"{base.title} (Rev.{number})",
            created_by=_person(user),
        )
        if document.symbol != symbol:
            # Someone derived a revision of the agenda document by hand: follow its numbering
            # so the revision's label matches its symbol.
            number = document.suffix_number
            content.update(symbol=document.symbol, label=f"Rev.{number}")
            document = document_update(
                document=document, text=agenda_document_html(agenda=agenda, content=content)
            )
    revision = AgendaRevision.objects.create(
        agenda=agenda,
        number=number,
        document=document,
        content=content,
        adopted=revised_after_adoption,
        note=note.strip()[:500],
        issued_by=_person(user),
    )
    document_event_record(
        kind=DocumentEventKind.AGENDA_ISSUED,
        document=document,
        actor=_person(user),
        note=revision.label if revision.number else "",  # the first issue: "Agenda issued"
    )
    publication_request(document=document, user=_person(user))
    forget_public_page(agenda=agenda)
    return revision


@transaction.atomic
def agenda_adopt(*, agenda: Agenda, user, at: dt.datetime | None = None) -> Agenda:
    """The chair records that the meeting adopted its agenda (the latest issued revision),
    now or ``at`` the time it happened. Later changes can still be issued; those revisions
    say "Revised after adoption". Adds an "agenda adopted" line to the document's history."""
    _require(
        user,
        "agendas.adopt_agenda",
        agenda,
        _("Only the chair or a vice-chair of the body can record the adoption of its agenda."),
    )
    agenda = _lock(agenda)
    if agenda.state == AgendaState.ADOPTED:
        raise AgendaError(f"The agenda was already adopted on {agenda.adopted_at:%d %B %Y}.")
    if not AgendaRevision.objects.filter(agenda=agenda).exists():
        raise AgendaError("Issue the agenda before adopting it: no revision has been issued yet.")
    agenda.state = AgendaState.ADOPTED
    agenda.adopted_at = at or timezone.now()
    agenda.adopted_by = _person(user)
    agenda.save(update_fields=["state", "adopted_at", "adopted_by", "updated_at"])
    document_event_record(
        kind=DocumentEventKind.AGENDA_ADOPTED, document=agenda.document, actor=_person(user)
    )
    forget_public_page(agenda=agenda)
    return agenda
