"""The demo agendas a person sees after `make run`."""

import io

import pytest
from django.core.management import call_command

from agendas.enums import AgendaState, Decision
from agendas.models import Agenda, Proposal
from agendas.selectors import agenda_tree
from documents.enums import PublicationState
from documents.models import Publication
from tests.factories.agendas import numbered


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=io.StringIO())
    return {a.meeting.body.acronym: a for a in Agenda.objects.select_related("meeting__body")}


def test_the_21st_cwg_internet_draft_agenda(demo):
    agenda = demo["CWG-Internet"]
    assert agenda.document.symbol == "CWG-Internet-21/1"
    assert agenda.state == AgendaState.DRAFT
    assert numbered(agenda) == [
        ("1", "Opening of the meeting"),
        ("2", "Adoption of the agenda"),
        ("3", "Report on the activities of CWG-Internet"),
        ("4", "ITU activities on international Internet-related public policy issues"),
        ("5", "Online open consultation"),
        ("5.1", "Outcome of the online open consultation on meaningful connectivity"),
        ("5.2", "Topic of the next open consultation and physical open consultation meeting"),
        ("6", "Any other business"),
        ("7", "Closing of the meeting"),
    ]
    nodes = {node.number: node for node in agenda_tree(agenda=agenda).flat()}
    assert [a.document.symbol for a in nodes["2"].allocations] == ["CWG-Internet-21/1"]
    assert [a.document.symbol for a in nodes["5.1"].allocations] == ["CWG-Internet-20/3"]
    assert nodes["4"].item.session.title == "Afternoon session"
    (revision,) = agenda.revisions.all()
    assert revision.label == "First issue"
    assert "Online open consultation" in revision.document.text
    assert Publication.objects.filter(
        document=revision.document, version=revision.document.version
    ).exists()


def test_the_42nd_cwg_wsis_sdg_agenda_is_issued_and_adopted(demo):
    agenda = demo["CWG-WSIS&SDG"]
    assert agenda.document.symbol == "CWG-WSIS&SDG-42/1"
    assert agenda.state == AgendaState.ADOPTED
    nodes = {node.item.title: node for node in agenda_tree(agenda=agenda).flat()}
    outline = nodes["Draft outline of the WSIS+20 Report"]
    assert outline.number == "7"
    assert [a.document.symbol for a in outline.allocations] == ["CWG-WSIS&SDG-42/13"]
    assert len(nodes["Contributions from Member States"].allocations) == 7
    assert agenda.revisions.count() == 1


def test_loading_twice_changes_nothing(demo):
    before = {key: numbered(agenda) for key, agenda in demo.items()}
    call_command("load_demo", stdout=io.StringIO())
    after = {a.meeting.body.acronym: numbered(a) for a in Agenda.objects.all()}
    assert after == before
    assert sum(a.revisions.count() for a in Agenda.objects.all()) == 2


def test_the_scenario_lands_before_any_other_business_when_included(demo, django_user_model):
    from agendas.proposals.services import proposal_decide

    scenario = Proposal.objects.get(title__startswith="WSIS+20 report on ITU's contribution")
    assert scenario.document.symbol == "CWG-Internet-21/2"
    proposal_decide(
        proposal=scenario,
        actor=django_user_model.objects.get(username="chair"),
        decision=Decision.INCLUDE,
        rationale="The Group agrees to consider the WSIS+20 report.",
    )
    agenda = demo["CWG-Internet"]
    rows = numbered(agenda)
    assert rows[7][0] == "6"
    assert rows[7][1].startswith("WSIS+20 report on ITU's contribution")
    assert rows[8:] == [("7", "Any other business"), ("8", "Closing of the meeting")]
    node = agenda_tree(agenda=agenda).flat()[7]
    assert "CWG-WSIS&SDG-42/13" in [a.document.symbol for a in node.allocations]


def test_the_demo_pdf_of_the_first_issue_is_queued(demo):
    agenda = demo["CWG-Internet"]
    publication = Publication.objects.filter(document=agenda.document).order_by("-version").first()
    assert publication.state == PublicationState.QUEUED
