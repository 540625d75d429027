"""Every write of the agenda: items, their order, allocations, revisions, adoption.
The proposal workflow lives in ``agendas.workflow`` and calls ``agenda_item_add``."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import F, Max

from agendas.models import Agenda, AgendaItem, AgendaItemDocument
from documents.enums import DocumentType
from documents.models import Document
from documents.services import document_register
from meetings.models import Meeting


def _touch(agenda: Agenda) -> None:
    Agenda.objects.filter(pk=agenda.pk).update(version=F("version") + 1)


@transaction.atomic
def agenda_get_or_create(*, meeting: Meeting, user=None) -> Agenda:
    """The meeting's agenda; the first call registers its document ({meeting}/N, usually 1)."""
    agenda = Agenda.objects.select_for_update().filter(meeting=meeting).first()
    if agenda is not None:
        return agenda
    document = document_register(
        meeting=meeting,
        title=f"Draft agenda of the {meeting.display_name}",
        source="Chair",
        doc_type=DocumentType.AGENDA,
        created_by=user,
    )
    return Agenda.objects.create(meeting=meeting, document=document)


@transaction.atomic
def agenda_item_add(
    *,
    agenda: Agenda,
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
    """Add an item at the end of ``parent``'s children (top level when None), or just before
    ``before``. Documents are allocated in the given order."""
    Agenda.objects.select_for_update().get(pk=agenda.pk)
    siblings = AgendaItem.objects.filter(agenda=agenda, parent=parent)
    if before is not None:
        position = before.position
        siblings.filter(position__gte=position).update(position=F("position") + 1)
    else:
        position = (siblings.aggregate(m=Max("position"))["m"] or 0) + 1
    item = AgendaItem.objects.create(
        agenda=agenda,
        parent=parent,
        position=position,
        title=title.strip(),
        description=description,
        proposal=proposal,
        is_late=is_late,
        fixed=fixed,
        session=session,
    )
    AgendaItemDocument.objects.bulk_create(
        [
            AgendaItemDocument(item=item, document=document, position=i)
            for i, document in enumerate(dict.fromkeys(documents), start=1)
        ]
    )
    _touch(agenda)
    return item
