"""Agendas for tests, built through the agenda services so positions, documents and
revisions are what the editor would have made."""

from __future__ import annotations

from agendas.models import Agenda, AgendaItem
from agendas.services import agenda_get_or_create, agenda_item_add
from config.actors import system_actor
from documents.enums import Access, DocumentType
from documents.models import Document
from documents.services import document_register
from meetings.models import Meeting
from tests.factories.meetings import registrar

# Builds the data a test starts from, as the demo loader does: tests of who may do what call
# the services as the roles themselves (tests/agendas/test_service_permissions.py).
SYSTEM = system_actor()


def agenda_for(meeting: Meeting, *, user=None) -> Agenda:
    """The meeting's agenda (registered as its next document, usually /1)."""
    return agenda_get_or_create(meeting=meeting, user=user or SYSTEM)


def document_for(
    meeting: Meeting,
    title: str = "Contribution",
    *,
    source: str = "Secretary-General",
    access: str = Access.PUBLIC,
    doc_type: str = DocumentType.CONTRIBUTION,
) -> Document:
    return document_register(
        actor=registrar(),
        meeting=meeting,
        title=title,
        source=source,
        access=access,
        doc_type=doc_type,
    )


def items(agenda: Agenda, *titles: str, parent: AgendaItem | None = None) -> list[AgendaItem]:
    """Add items with these titles, in order, at the end of ``parent`` (top level when None)."""
    return [
        agenda_item_add(agenda=agenda, actor=SYSTEM, title=title, parent=parent) for title in titles
    ]


def numbered(agenda: Agenda) -> list[tuple[str, str]]:
    """(number, title) of every item in reading order: what the editor shows."""
    from agendas.selectors import agenda_tree

    return [(node.number, node.item.title) for node in agenda_tree(agenda=agenda).flat()]
