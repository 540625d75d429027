"""Given numbers: the secretariat registers a document under a number or a full symbol given
elsewhere; the counter skips numbers in use and never hands out one taken; new meetings keep
/1 for their agenda."""

from __future__ import annotations

import datetime as dt

import pytest

from documents import allocation, services
from documents.enums import DocumentType
from documents.exceptions import InvalidDocument
from documents.models import Document
from meetings import services as meeting_services
from tests.documents.test_concurrency import run_at_once
from tests.factories.meetings import registrar

DAY = dt.date(2025, 9, 15)


def new_meeting(body, number=22):
    return meeting_services.meeting_create(
        actor=registrar(), body=body, number=number, start_date=DAY, end_date=DAY
    )


def register(meeting, title, **given):
    return services.document_register(
        actor=registrar(), meeting=meeting, title=title, source="Secretariat", **given
    )


@pytest.mark.django_db
def test_a_proposal_before_the_agenda_takes_2_and_the_agenda_takes_1(body):
    meeting = new_meeting(body)
    proposal = register(meeting, "Proposal from Brazil")
    agenda = register(meeting, "Draft agenda", doc_type=DocumentType.AGENDA)
    assert (proposal.symbol, agenda.symbol) == ("CWG-Internet-22/2", "CWG-Internet-22/1")


@pytest.mark.django_db
def test_given_number_is_kept_and_the_counter_skips_it(body):
    meeting = new_meeting(body)
    given = register(meeting, "Report assigned elsewhere", number=3)
    symbols = [register(meeting, f"Contribution {i}").symbol for i in range(3)]
    assert given.symbol == "CWG-Internet-22/3"
    assert symbols == ["CWG-Internet-22/2", "CWG-Internet-22/4", "CWG-Internet-22/5"]
    assert allocation.next_symbol(meeting=meeting) == "CWG-Internet-22/6"


@pytest.mark.django_db
def test_given_symbol_as_printed_lands_under_its_canonical_form(body):
    meeting = new_meeting(body, number=9)
    document = register(meeting, "Report of the Chair", symbol="CWG-Internet 9/07-E")
    assert document.symbol == "CWG-Internet-9/7"
    inf = register(meeting, "Information", symbol="CWG-Internet-9/INF/2")
    assert (inf.series, inf.number) == ("INF", 2)


@pytest.mark.django_db
def test_a_given_number_in_use_is_refused_naming_its_holder(body):
    meeting = new_meeting(body)
    register(meeting, "Contribution of Brazil", number=5)
    with pytest.raises(InvalidDocument) as refused:
        register(meeting, "Another", number=5)
    assert str(refused.value) == (
        "CWG-Internet-22/5 is already taken by “Contribution of Brazil”; give another number."
    )
    assert Document.objects.filter(meeting=meeting).count() == 1


@pytest.mark.django_db
def test_a_symbol_of_another_meeting_is_refused(body):
    meeting = new_meeting(body)
    with pytest.raises(InvalidDocument, match="is not a symbol of the 22nd meeting"):
        register(meeting, "Misplaced", symbol="CWG-Internet-21/4")


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_fifty_at_once_around_given_numbers_are_gapless_and_never_duplicated(body):
    meeting = new_meeting(body)
    register(meeting, "Given 4", number=4)
    register(meeting, "Given 9", number=9)

    def five(i: int) -> list[int]:
        return [register(meeting, f"Contribution {i}.{j}").number for j in range(5)]

    numbers = sorted(run_at_once(five, threads=10))
    assert numbers == [n for n in range(2, 55) if n not in {4, 9}][:50]
    held = list(Document.objects.filter(meeting=meeting).values_list("number", flat=True))
    assert len(held) == len(set(held)) == 52


@pytest.mark.django_db
def test_a_former_prefix_known_to_the_grammar_lands_in_the_renamed_body(body):
    meeting = new_meeting(body, number=9)
    document = register(meeting, "Summary", symbol="WG-Internet 9/2-E")
    assert (document.symbol, document.meeting) == ("WG-Internet-9/2", meeting)


@pytest.mark.django_db
def test_the_registry_form_takes_a_given_number_and_refuses_one_in_use(client_for, meeting):
    from tests.documents.test_registry_forms import REGISTER, page_text, register_data

    client = client_for("secretariat")
    client.post(REGISTER, register_data(meeting, token="1" * 32, given_number="7"))
    assert Document.objects.get().symbol == "CWG-Internet-21/7"
    refused = client.post(REGISTER, register_data(meeting, token="2" * 32, given_number="7"))
    assert "CWG-Internet-21/7 is already taken by" in page_text(refused)
    assert Document.objects.count() == 1
