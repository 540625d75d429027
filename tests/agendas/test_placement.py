"""Where an included proposal lands (issue 10, 4): the chair chooses a top-level position or
a sub-item, and its session, on the decision form."""

import datetime as dt

from django.urls import reverse

from agendas.enums import ProposalState as S
from agendas.models import AgendaItem
from agendas.services import agenda_fixed_items_add, agenda_get_or_create
from tests.factories.agendas import SYSTEM, items, numbered
from tests.factories.meetings import SessionFactory
from tests.factories.proposals import proposal_in_state


def _decide(client, proposal, **placement):
    prefix = f"decide-{proposal.pk}"
    data = {f"{prefix}-decision": "include", f"{prefix}-rationale": "Oral addition agreed."}
    data.update({f"{prefix}-{name}": value for name, value in placement.items()})
    return client.post(reverse("agendas:proposal_decide", kwargs={"pk": proposal.pk}), data)


def test_the_chair_includes_a_proposal_as_sub_item_3_1_in_the_afternoon(
    client_for, people, meeting
):
    agenda = agenda_get_or_create(meeting=meeting, user=SYSTEM)
    agenda_fixed_items_add(agenda=agenda, actor=SYSTEM)  # 1, 2, AOB, Closing
    (reports,) = items(agenda, "Reports")  # 3, before "Any other business"
    afternoon = SessionFactory(
        meeting=meeting, start_time=dt.time(14, 30), end_time=dt.time(17, 30)
    )
    proposal = proposal_in_state(
        S.UNDER_CONSIDERATION, people=people, meeting=meeting, title="WSIS+20 report"
    )
    chair = client_for("chair")
    form = chair.get(proposal.get_absolute_url()).content.decode()
    assert "As a sub-item under 3 Reports" in form

    response = _decide(chair, proposal, place_under=reports.pk, place_session=afternoon.pk)

    assert response.status_code == 302
    assert ("3.1", "WSIS+20 report") in numbered(agenda)
    assert AgendaItem.objects.get(proposal=proposal).session == afternoon


def test_a_new_top_level_item_goes_to_the_chosen_position(client_for, people, meeting):
    agenda = agenda_get_or_create(meeting=meeting, user=SYSTEM)
    items(agenda, "Opening", "Adoption of the agenda", "Reports")
    proposal = proposal_in_state(
        S.UNDER_CONSIDERATION, people=people, meeting=meeting, title="Urgent matter"
    )
    _decide(client_for("chair"), proposal, place_at=2)
    assert [title for _, title in numbered(agenda)] == [
        "Opening",
        "Urgent matter",
        "Adoption of the agenda",
        "Reports",
    ]


def test_without_a_place_the_item_goes_before_any_other_business(client_for, people, meeting):
    agenda = agenda_get_or_create(meeting=meeting, user=SYSTEM)
    agenda_fixed_items_add(agenda=agenda, actor=SYSTEM)
    proposal = proposal_in_state(S.UNDER_CONSIDERATION, people=people, meeting=meeting, title="X")
    _decide(client_for("chair"), proposal)
    assert numbered(agenda)[2] == ("3", "X")
    assert numbered(agenda)[3] == ("4", "Any other business")


def test_including_proposal_2_2_lists_the_other_bodys_document_for_the_meeting(people, meeting):
    """The worked example: CWG-WSIS&SDG-42/13 becomes an official document of
    CWG-Internet-21 by the chair's decision, with the decision as its reason."""
    from agendas.proposals.services import proposal_decide
    from documents.models import DocumentListing, SymbolCounter
    from documents.services import document_register
    from tests.factories.meetings import BodyFactory, MeetingFactory, registrar
    from tests.factories.proposals import scenario_fields

    wsis = BodyFactory(acronym="CWG-WSIS&SDG", slug="cwg-wsis-sdg", symbol_prefix="CWG-WSIS&SDG")
    wsis42 = MeetingFactory(body=wsis, number=42, start_date=meeting.start_date)
    SymbolCounter.objects.create(meeting=wsis42, series="", last_number=12)
    outline = document_register(
        actor=registrar(), meeting=wsis42, title="Draft outline", source="Secretary-General"
    )
    agenda_get_or_create(meeting=meeting, user=SYSTEM)
    proposal = proposal_in_state(
        S.UNDER_CONSIDERATION, people=people, meeting=meeting, **scenario_fields()
    )
    assert not DocumentListing.objects.filter(document=outline, meeting=meeting).exists()

    proposal_decide(
        proposal=proposal, actor=people["chair"], decision="include", rationale="Agreed."
    )

    listing = DocumentListing.objects.get(document=outline, meeting=meeting)
    assert proposal.document.symbol in listing.note
    assert "Agreed." in listing.note
