"""Every agenda write checks the actor's permission itself, as every role: a management
command or an API calling the service cannot skip what the views check (issue 7, item 4).
Allowed roles see the change; refused ones get PermissionDenied and nothing changes."""

import pytest
from django.core.exceptions import PermissionDenied

from agendas import services
from agendas.enums import AgendaState
from agendas.models import Agenda, AgendaRevision
from agendas.selectors import agenda_tree
from config.actors import system_actor
from tests.conftest import ROLE_NAMES
from tests.factories.agendas import SYSTEM, document_for, items
from tests.factories.meetings import MeetingFactory

EDITORS = {"secretariat", "superuser"}
PRESIDING = {"chair", "vice_chair", "superuser"}


@pytest.fixture
def drafted(agenda, meeting):
    """Items A and B; B has one document, another document waits to be allocated."""
    a, b = items(agenda, "A", "B")
    allocated, spare = document_for(meeting, "Allocated"), document_for(meeting, "Spare")
    services.agenda_allocation_add(agenda=agenda, actor=SYSTEM, item_id=b.pk, document=allocated)
    return {"agenda": agenda, "a": a, "b": b, "allocated": allocated, "spare": spare}


def _seen(agenda) -> list[tuple]:
    """The agenda as the editor shows it: numbers, titles, allocated documents."""
    return [
        (node.number, node.item.title, [a.document_id for a in node.allocations])
        for node in agenda_tree(agenda=agenda).flat()
    ]


EDITS = {
    "agenda_item_add": lambda d, actor: services.agenda_item_add(
        agenda=d["agenda"], actor=actor, title="New item"
    ),
    "agenda_fixed_items_add": lambda d, actor: services.agenda_fixed_items_add(
        agenda=d["agenda"], actor=actor
    ),
    "agenda_item_update": lambda d, actor: services.agenda_item_update(
        agenda=d["agenda"], actor=actor, item_id=d["a"].pk, title="A renamed"
    ),
    "agenda_item_delete": lambda d, actor: services.agenda_item_delete(
        agenda=d["agenda"], actor=actor, item_id=d["a"].pk
    ),
    "agenda_item_move": lambda d, actor: services.agenda_item_move(
        agenda=d["agenda"], actor=actor, item_id=d["b"].pk, parent_id=None, index=1
    ),
    "agenda_item_shift": lambda d, actor: services.agenda_item_shift(
        agenda=d["agenda"], actor=actor, item_id=d["b"].pk, direction="indent"
    ),
    "agenda_allocation_add": lambda d, actor: services.agenda_allocation_add(
        agenda=d["agenda"], actor=actor, item_id=d["a"].pk, document=d["spare"]
    ),
    "agenda_allocation_remove": lambda d, actor: services.agenda_allocation_remove(
        agenda=d["agenda"], actor=actor, item_id=d["b"].pk, document_id=d["allocated"].pk
    ),
}


@pytest.mark.parametrize("role", ROLE_NAMES)
@pytest.mark.parametrize("service", sorted(EDITS))
def test_item_services_check_change_agenda(drafted, people, role, service):
    before = _seen(drafted["agenda"])
    if role in EDITORS:
        EDITS[service](drafted, people[role])
        assert _seen(drafted["agenda"]) != before
    else:
        with pytest.raises(PermissionDenied, match="Only the secretariat"):
            EDITS[service](drafted, people[role])
        assert _seen(drafted["agenda"]) == before


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_creating_the_agenda_needs_the_secretariat(body, people, role):
    meeting = MeetingFactory(body=body, number=22)
    if role in EDITORS:
        agenda = services.agenda_get_or_create(meeting=meeting, user=people[role])
        assert agenda.document.symbol == "CWG-Internet-22/1"
    else:
        with pytest.raises(PermissionDenied, match="Only the secretariat"):
            services.agenda_get_or_create(meeting=meeting, user=people[role])
        assert not Agenda.objects.filter(meeting=meeting).exists()


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_issuing_needs_the_secretariat(drafted, people, role):
    agenda = drafted["agenda"]
    if role in EDITORS:
        revision = services.agenda_issue_revision(agenda=agenda, user=people[role])
        assert revision.document.symbol == "CWG-Internet-21/1"
    else:
        with pytest.raises(PermissionDenied, match="Only the secretariat"):
            services.agenda_issue_revision(agenda=agenda, user=people[role])
        assert not AgendaRevision.objects.filter(agenda=agenda).exists()


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_adoption_needs_a_presiding_officer(drafted, people, role):
    agenda = drafted["agenda"]
    services.agenda_issue_revision(agenda=agenda, user=people["secretariat"])
    if role in PRESIDING:
        services.agenda_adopt(agenda=agenda, user=people[role])
    else:
        with pytest.raises(PermissionDenied, match="chair"):
            services.agenda_adopt(agenda=agenda, user=people[role])
    agenda.refresh_from_db()
    expected = AgendaState.ADOPTED if role in PRESIDING else AgendaState.DRAFT
    assert agenda.state == expected


def test_the_include_step_adds_the_item_as_the_system_for_the_chair(agenda, people):
    """The proposal include step runs after the chair's decide_proposal check; it adds the
    item as the system actor, recording the chair where a person is recorded."""
    actor = system_actor(on_behalf_of=people["chair"])
    services.agenda_item_add(agenda=agenda, actor=actor, title="Included item")
    assert _seen(agenda) == [("1", "Included item", [])]
