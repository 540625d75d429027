"""The demo's proposals: the scenario waits for the chair, and loading twice changes nothing."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from agendas.enums import ProposalState
from agendas.models import AgendaItem, Proposal, ProposalEvent
from agendas.proposals.demo import SCENARIO_TITLE, load_proposals
from agendas.proposals.services import proposal_decide
from documents.models import Document
from meetings import demo as meetings_demo

S = ProposalState


def _load() -> dict:
    context: dict = {}
    context.update(meetings_demo.load(context=context))
    from documents import demo as documents_demo

    context.update(documents_demo.load(context=context))
    context.update(load_proposals(context=context))
    return context


def test_the_scenario_waits_for_the_chair_and_the_lists_are_not_empty(db):
    context = _load()
    scenario = context["proposals"]["scenario"]
    assert scenario.title == SCENARIO_TITLE
    assert scenario.state == S.UNDER_CONSIDERATION
    assert scenario.proposer.username == "delegate"
    assert scenario.member_state.name == "Russian Federation"
    assert scenario.document.symbol == "CWG-Internet-21/2"
    cited = dict(scenario.document.references.values_list("key", "target__symbol"))
    assert cited["CWG-Internet-21/1"] == "CWG-Internet-21/1"
    assert cited["CWG-WSIS&SDG-42/13"] == "CWG-WSIS&SDG-42/13"
    assert [e.to_state for e in scenario.events.all()] == [S.SUBMITTED, S.UNDER_CONSIDERATION]
    assert context["proposals"]["draft"].state == S.DRAFT
    rejected = context["proposals"]["rejected"]
    assert rejected.state == S.REJECTED
    assert "chosen by Council" in rejected.decision_rationale


def test_loading_the_demo_twice_changes_nothing(db):
    _load()
    counts = (Proposal.objects.count(), ProposalEvent.objects.count(), Document.objects.count())
    _load()
    assert (
        Proposal.objects.count(),
        ProposalEvent.objects.count(),
        Document.objects.count(),
    ) == counts
    assert counts[0] == 3


def test_the_chair_includes_the_scenario_and_the_item_carries_the_wsis_outline(db):
    context = _load()
    chair = get_user_model().objects.get(username="chair")
    done = proposal_decide(
        proposal=context["proposals"]["scenario"],
        actor=chair,
        decision="include",
        rationale="The WSIS+20 review is within the mandate of the group.",
    )
    item = AgendaItem.objects.get(proposal=done)
    assert item.title == SCENARIO_TITLE
    assert item.agenda.document.symbol == "CWG-Internet-21/1"
    symbols = [a.document.symbol for a in item.allocations.all()]
    assert "CWG-WSIS&SDG-42/13" in symbols
    assert "CWG-Internet-21/2" in symbols
    assert "CWG-Internet-21/1" not in symbols  # the agenda is not listed under its own item
    # Loading again leaves the decision as the chair took it.
    _load()
    assert Proposal.objects.get(pk=done.pk).state == S.INCLUDED
    assert AgendaItem.objects.filter(proposal=done).count() == 1
