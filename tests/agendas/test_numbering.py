"""Agendas as bodies write them: several per meeting, numbering styles, codes, unnumbered and
continued rows."""

import pytest

from agendas import services
from agendas.enums import AgendaKind, NumberingStyle
from agendas.exceptions import AgendaError
from agendas.models import Agenda
from tests.factories.agendas import SYSTEM, items, numbered


def _agenda(meeting, numbering):
    agenda = services.agenda_get_or_create(meeting=meeting, user=SYSTEM)
    Agenda.objects.filter(pk=agenda.pk).update(numbering=numbering)
    agenda.refresh_from_db()
    return agenda


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        (NumberingStyle.DECIMAL, ["1", "2", "2.1", "2.1.1", "2.2", "3"]),
        (NumberingStyle.LETTERS, ["1", "2", "2.a", "2.a.i", "2.b", "3"]),
        (NumberingStyle.PAREN, ["1", "2", "(a)", "(i)", "(b)", "3"]),
    ],
)
def test_each_numbering_style_numbers_the_levels_as_bodies_write_them(meeting, style, expected):
    agenda = _agenda(meeting, style)
    _one, two, _three = items(agenda, "Opening", "Reports", "Closing")
    first, _second = items(agenda, "Report A", "Report B", parent=two)
    items(agenda, "Annex to report A", parent=first)
    assert [number for number, _ in numbered(agenda)] == expected


def test_codes_unnumbered_and_continued_rows_keep_the_derived_numbers_right(meeting):
    agenda = _agenda(meeting, NumberingStyle.DECIMAL)
    add = services.agenda_item_add
    add(agenda=agenda, actor=SYSTEM, title="Opening")
    add(agenda=agenda, actor=SYSTEM, title="Morning session", numbered=False)
    add(agenda=agenda, actor=SYSTEM, title="Budget")
    add(agenda=agenda, actor=SYSTEM, title="Break", numbered=False)
    add(agenda=agenda, actor=SYSTEM, title="Report of the Chair", code="PL 2.4")
    add(agenda=agenda, actor=SYSTEM, title="Tour de table", code="PL 2.4")
    add(agenda=agenda, actor=SYSTEM, title="Budget", continued=True)
    add(agenda=agenda, actor=SYSTEM, title="Closing")
    assert numbered(agenda) == [
        ("1", "Opening"),
        ("", "Morning session"),
        ("2", "Budget"),
        ("", "Break"),
        ("PL 2.4", "Report of the Chair"),
        ("PL 2.4", "Tour de table"),
        ("2 (cont'd)", "Budget"),
        ("3", "Closing"),
    ]


def test_a_move_renumbers_in_the_agendas_style(meeting):
    agenda = _agenda(meeting, NumberingStyle.LETTERS)
    one, _two = items(agenda, "Reports", "Elections")
    _first, second = items(agenda, "Report A", "Report B", parent=one)
    services.agenda_item_move(
        agenda=agenda, actor=SYSTEM, item_id=second.pk, parent_id=one.pk, index=1
    )
    assert numbered(agenda)[1:3] == [("1.a", "Report B"), ("1.b", "Report A")]


def test_a_meeting_has_several_agendas_each_with_its_own_symbol(meeting, client):
    main = services.agenda_get_or_create(meeting=meeting, user=SYSTEM)
    plan = services.agenda_create(
        meeting=meeting,
        actor=SYSTEM,
        kind=AgendaKind.TIME_PLAN,
        numbering=NumberingStyle.DECIMAL,
        title="Time-management plan",
    )
    committee = services.agenda_create(
        meeting=meeting, actor=SYSTEM, kind=AgendaKind.COMMITTEE, title="Agenda of Committee 1"
    )
    symbols = {main.document.symbol, plan.document.symbol, committee.document.symbol}
    assert len(symbols) == 3
    with pytest.raises(AgendaError, match="already has its agenda"):
        services.agenda_create(meeting=meeting, actor=SYSTEM, kind=AgendaKind.AGENDA)
    # "The agenda" of the meeting stays the main one.
    assert services.agenda_get_or_create(meeting=meeting, user=SYSTEM) == main
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Time-management plan" in page
    assert plan.document.symbol in page
    assert committee.document.symbol in page
    assert "Committee agenda" in page


def test_the_secretariat_sets_the_style_and_a_code_in_the_editor(agenda, client_for, meeting):
    from django.urls import reverse

    one, closing = items(agenda, "Reports", "Closing")
    items(agenda, "Report A", "Report B", parent=one)
    kwargs = {"body": meeting.body.slug, "number": 21}
    client = client_for("secretariat")
    client.post(reverse("agendas:agenda_numbering", kwargs=kwargs), {"numbering": "paren"})
    edit = reverse("agendas:agenda_item_edit", kwargs={**kwargs, "item": closing.pk})
    client.post(edit, {"title": "Closing", "code": "PL 9", "row": ""})
    page = client.get(reverse("agendas:agenda_editor", kwargs=kwargs)).content.decode()
    agenda.refresh_from_db()
    assert numbered(agenda) == [
        ("1", "Reports"),
        ("(a)", "Report A"),
        ("(b)", "Report B"),
        ("PL 9", "Closing"),
    ]
    assert 'value="paren" selected' in page
