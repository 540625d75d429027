"""The proposal workflow (agendas.proposals.services): every step, every guard, every role."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from agendas.enums import ProposalAction, ProposalState
from agendas.exceptions import (
    AlreadyDone,
    InvalidProposal,
    InvalidTransition,
    TransitionNotAllowed,
)
from agendas.models import AgendaItem, Proposal, ProposalEvent
from agendas.proposals.services import (
    proposal_consider,
    proposal_create,
    proposal_decide,
    proposal_submit,
    proposal_transition,
    proposal_update,
    proposal_withdraw,
)
from agendas.services import agenda_get_or_create
from documents.enums import DocumentStatus, DocumentType
from documents.models import Document, SymbolCounter
from documents.services import document_register
from meetings.enums import Role
from tests.conftest import ROLE_NAMES
from tests.factories.meetings import (
    BodyFactory,
    MeetingFactory,
    MembershipFactory,
    MemberStateFactory,
    UserFactory,
    registrar,
)
from tests.factories.proposals import ProposalFactory, proposal_in_state, scenario_fields

S = ProposalState
A = ProposalAction

# Who may take each step (../shared/DESIGN.md): submit and withdraw belong to the proposer
# (the ``delegate``), consider to the secretariat or the chair (and a superuser, as an
# administrative step), decide to the chair or a vice-chair only.
ALLOWED = {
    A.SUBMIT: {"delegate"},
    A.CONSIDER: {"secretariat", "chair", "superuser"},
    A.INCLUDE: {"chair", "vice_chair"},
    A.REJECT: {"chair", "vice_chair"},
    A.DEFER: {"chair", "vice_chair"},
    A.WITHDRAW: {"delegate"},
}
SOURCE = {
    A.SUBMIT: S.DRAFT,
    A.CONSIDER: S.SUBMITTED,
    A.INCLUDE: S.UNDER_CONSIDERATION,
    A.REJECT: S.UNDER_CONSIDERATION,
    A.DEFER: S.UNDER_CONSIDERATION,
    A.WITHDRAW: S.SUBMITTED,
}
TARGET = {
    A.SUBMIT: S.SUBMITTED,
    A.CONSIDER: S.UNDER_CONSIDERATION,
    A.INCLUDE: S.INCLUDED,
    A.REJECT: S.REJECTED,
    A.DEFER: S.DEFERRED,
    A.WITHDRAW: S.WITHDRAWN,
}


@pytest.fixture
def later_meeting(meeting):
    return MeetingFactory(
        body=meeting.body, number=22, start_date=meeting.start_date + dt.timedelta(days=120)
    )


def _take(action, proposal, actor, later=None):
    return proposal_transition(
        proposal=proposal,
        action=action,
        actor=actor,
        note="Because." if action in (A.INCLUDE, A.REJECT, A.DEFER) else "",
        deferred_to=later if action == A.DEFER else None,
    )


@pytest.mark.parametrize("role", ROLE_NAMES)
@pytest.mark.parametrize("action", list(ALLOWED))
def test_each_step_is_allowed_only_to_the_roles_design_names(
    action, role, people, meeting, later_meeting
):
    proposal = proposal_in_state(SOURCE[action], people=people, meeting=meeting)
    events_before = proposal.events.count()
    actor = people[role]
    if role in ALLOWED[action]:
        done = _take(action, proposal, actor, later_meeting)
        assert done.state == TARGET[action]
        event = proposal.events.last()
        assert (event.from_state, event.to_state, event.actor) == (
            SOURCE[action],
            TARGET[action],
            actor,
        )
    else:
        with pytest.raises(TransitionNotAllowed) as refused:
            _take(action, proposal, actor, later_meeting)
        assert "Only the" in str(refused.value)
        proposal.refresh_from_db()
        assert proposal.state == SOURCE[action]
        assert proposal.events.count() == events_before


def test_another_delegate_of_the_body_cannot_submit_or_withdraw(people, meeting):
    other = MembershipFactory(
        body=meeting.body, role=Role.DELEGATE, member_state=MemberStateFactory(name="Brazil")
    ).user
    draft = proposal_in_state(S.DRAFT, people=people, meeting=meeting)
    with pytest.raises(TransitionNotAllowed, match="Only the delegate who wrote this proposal"):
        proposal_submit(proposal=draft, actor=other)
    submitted = proposal_in_state(S.SUBMITTED, people=people, meeting=meeting)
    with pytest.raises(TransitionNotAllowed, match="can withdraw it"):
        proposal_withdraw(proposal=submitted, actor=other)


def test_chair_of_another_body_cannot_decide(people, meeting):
    proposal = proposal_in_state(S.UNDER_CONSIDERATION, people=people, meeting=meeting)
    other_chair = MembershipFactory(
        body=BodyFactory(acronym="CWG-FHR"), role=Role.CHAIR, member_state=None
    ).user
    with pytest.raises(TransitionNotAllowed, match="chair or a vice-chair of CWG-Internet"):
        proposal_decide(proposal=proposal, actor=other_chair, decision="include", rationale="x")


# ------------------------------------------------------------------------------ submit


def test_submit_registers_the_proposal_as_a_contribution_of_the_meeting(people, meeting):
    agenda = agenda_get_or_create(meeting=meeting, user=people["secretariat"])
    assert agenda.document.symbol == "CWG-Internet-21/1"
    draft = ProposalFactory(
        meeting=meeting,
        proposer=people["delegate"],
        member_state=people["delegate"].memberships.get().member_state,
        co_sponsors=[MemberStateFactory(name="Brazil"), MemberStateFactory(name="Kenya")],
        **scenario_fields(),
    )
    proposal = proposal_submit(proposal=draft, actor=people["delegate"])
    document = proposal.document
    assert document.symbol == "CWG-Internet-21/2"
    assert document.doc_type == DocumentType.CONTRIBUTION
    assert document.title == (
        "Proposal for a new agenda item: WSIS+20 report on ITU's contribution to the "
        "implementation of and follow-up to WSIS outcomes and its role in achieving the SDGs"
    )
    assert document.source == "Russian Federation, Brazil and Kenya"
    assert document.source_state.name == "Russian Federation"
    for heading in ("Purpose", "Action required", "References", "Introduction", "Proposals"):
        assert f"{heading}</h2>" in document.text
    assert "2.1\u2003To include the new item" in document.text
    keys = list(document.references.values_list("key", "target__symbol").distinct())
    assert ("CWG-Internet-21/1", "CWG-Internet-21/1") in keys
    assert ("CWG-WSIS&SDG-42/13", None) in keys  # not registered (yet)
    assert ("PP Resolution 140 (Rev. Bucharest, 2022)", None) in keys
    assert proposal.state == S.SUBMITTED
    assert not proposal.is_late
    assert draft.state == S.SUBMITTED  # the caller's instance follows
    assert draft.document_id == document.pk


def test_submission_after_the_deadline_is_accepted_and_marked_late(people, meeting):
    meeting.contribution_deadline = timezone.now() - dt.timedelta(hours=1)
    meeting.save()
    proposal = proposal_in_state(S.SUBMITTED, people=people, meeting=meeting)
    assert proposal.state == S.SUBMITTED
    assert proposal.is_late
    assert proposal.document.symbol.startswith("CWG-Internet-21/")


def test_submission_before_the_deadline_is_not_late(people, meeting):
    proposal = proposal_in_state(S.SUBMITTED, people=people, meeting=meeting)
    assert meeting.contribution_deadline > timezone.now()
    assert not proposal.is_late


def test_no_submission_for_a_meeting_that_is_over(people, body):
    past = MeetingFactory(
        body=body,
        number=19,
        start_date=timezone.localdate() - dt.timedelta(days=40),
        end_date=timezone.localdate() - dt.timedelta(days=39),
    )
    draft = ProposalFactory(
        meeting=past,
        proposer=people["delegate"],
        member_state=people["delegate"].memberships.get().member_state,
    )
    with pytest.raises(InvalidProposal, match="19th meeting of CWG-Internet is over"):
        proposal_submit(proposal=draft, actor=people["delegate"])
    draft.refresh_from_db()
    assert draft.state == S.DRAFT
    assert draft.document_id is None
    assert not Document.objects.filter(meeting=past).exists()


# ------------------------------------------------------------------------------ include


def test_include_adds_the_item_with_the_cited_documents_in_one_step(people, meeting):
    """The scenario: the item lands on the draft agenda with CWG-WSIS&SDG-42/13 (and the
    other registered documents the contribution cites) allocated to it."""
    wsis = BodyFactory(acronym="CWG-WSIS&SDG", slug="cwg-wsis-sdg", symbol_prefix="CWG-WSIS&SDG")
    wsis42 = MeetingFactory(
        body=wsis, number=42, start_date=dt.date(2025, 2, 10), end_date=dt.date(2025, 2, 11)
    )
    SymbolCounter.objects.create(meeting=wsis42, series="", last_number=12)
    outline = document_register(
        actor=registrar(),
        meeting=wsis42,
        title="Draft outline WSIS+20 report on ITU's contribution",
        source="Secretary-General",
    )
    assert outline.symbol == "CWG-WSIS&SDG-42/13"
    agenda = agenda_get_or_create(meeting=meeting, user=people["secretariat"])
    proposal = proposal_in_state(
        S.UNDER_CONSIDERATION, people=people, meeting=meeting, **scenario_fields()
    )

    done = proposal_decide(
        proposal=proposal,
        actor=people["chair"],
        decision="include",
        rationale="Within the mandate of the group (Resolution 102).",
    )

    assert done.state == S.INCLUDED
    assert done.decided_by == people["chair"]
    assert done.decision_rationale == "Within the mandate of the group (Resolution 102)."
    item = AgendaItem.objects.get(proposal=done)
    assert item.agenda == agenda
    assert item.title == (
        "WSIS+20 report on ITU's contribution to the implementation of and follow-up to WSIS "
        "outcomes and its role in achieving the SDGs"
    )
    # Its own contribution, then the registered documents it cites, except the agenda it
    # proposes to amend (CWG-Internet-21/1), which is not listed under one of its own items.
    assert [a.document.symbol for a in item.allocations.all()] == [
        done.document.symbol,
        "CWG-WSIS&SDG-42/13",
    ]
    assert not item.is_late
    assert ProposalEvent.objects.filter(proposal=done, to_state=S.INCLUDED).count() == 1


def test_include_creates_the_agenda_when_the_meeting_has_none(people, meeting):
    proposal = proposal_in_state(S.UNDER_CONSIDERATION, people=people, meeting=meeting)
    done = proposal_decide(
        proposal=proposal, actor=people["vice_chair"], decision="include", rationale="Agreed."
    )
    assert done.agenda_item.agenda.meeting == meeting
    assert done.agenda_item.agenda.document.doc_type == DocumentType.AGENDA


def test_a_late_proposal_becomes_a_late_item(people, meeting):
    meeting.contribution_deadline = timezone.now() - dt.timedelta(days=1)
    meeting.save()
    proposal = proposal_in_state(S.INCLUDED, people=people, meeting=meeting)
    assert proposal.is_late
    assert proposal.agenda_item.is_late


def test_a_failed_include_changes_nothing(people, meeting, monkeypatch):
    """The decision, the item and the event are one transaction: if adding the item fails,
    the proposal stays under consideration with no event."""
    proposal = proposal_in_state(S.UNDER_CONSIDERATION, people=people, meeting=meeting)
    events = proposal.events.count()

    def broken(**kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("agendas.services.agenda_item_add", broken)
    with pytest.raises(RuntimeError):
        proposal_decide(
            proposal=proposal, actor=people["chair"], decision="include", rationale="Yes."
        )
    proposal = Proposal.objects.get(pk=proposal.pk)
    assert proposal.state == S.UNDER_CONSIDERATION
    assert proposal.decided_at is None
    assert proposal.events.count() == events
    assert not AgendaItem.objects.filter(proposal=proposal).exists()


# ------------------------------------------------------------------------------ decide


def test_a_decision_needs_a_rationale(people, meeting):
    proposal = proposal_in_state(S.UNDER_CONSIDERATION, people=people, meeting=meeting)
    with pytest.raises(InvalidProposal, match="Give the rationale"):
        proposal_decide(proposal=proposal, actor=people["chair"], decision="reject", rationale=" ")
    proposal.refresh_from_db()
    assert proposal.state == S.UNDER_CONSIDERATION


def test_defer_needs_a_later_meeting_of_the_same_body(people, meeting, later_meeting):
    proposal = proposal_in_state(S.UNDER_CONSIDERATION, people=people, meeting=meeting)
    earlier = MeetingFactory(
        body=meeting.body, number=20, start_date=meeting.start_date - dt.timedelta(days=100)
    )
    elsewhere = MeetingFactory(start_date=meeting.start_date + dt.timedelta(days=100))
    with pytest.raises(InvalidProposal, match="Choose the later meeting"):
        proposal_decide(proposal=proposal, actor=people["chair"], decision="defer", rationale="x")
    for wrong in (earlier, elsewhere, meeting):
        with pytest.raises(InvalidProposal, match="later meeting of CWG-Internet"):
            proposal_decide(
                proposal=proposal,
                actor=people["chair"],
                decision="defer",
                rationale="x",
                deferred_to=wrong,
            )
    done = proposal_decide(
        proposal=proposal,
        actor=people["chair"],
        decision="defer",
        rationale="Needs the report first.",
        deferred_to=later_meeting,
    )
    assert done.state == S.DEFERRED
    assert done.deferred_to == later_meeting
    assert proposal.events.filter(to_state=S.DEFERRED).count() == 1


def test_reject_records_the_rationale_and_adds_no_item(people, meeting):
    proposal = proposal_in_state(S.UNDER_CONSIDERATION, people=people, meeting=meeting)
    done = proposal_decide(
        proposal=proposal, actor=people["chair"], decision="reject", rationale="Out of scope."
    )
    assert done.state == S.REJECTED
    assert done.events.last().note == "Out of scope."
    assert not AgendaItem.objects.exists()


def test_an_unknown_decision_is_refused_with_a_sentence(people, meeting):
    proposal = proposal_in_state(S.UNDER_CONSIDERATION, people=people, meeting=meeting)
    with pytest.raises(InvalidProposal, match="Choose a decision"):
        proposal_decide(proposal=proposal, actor=people["chair"], decision="adopt", rationale="x")


# ------------------------------------------------------------------------------ refusals


@pytest.mark.parametrize("action", list(ALLOWED))
def test_a_repeated_step_is_refused_and_logs_no_second_event(action, people, meeting):
    """A double click: the second request finds the step already taken."""
    later = MeetingFactory(
        body=meeting.body, number=22, start_date=meeting.start_date + dt.timedelta(days=90)
    )
    proposal = proposal_in_state(SOURCE[action], people=people, meeting=meeting)
    actor = people[sorted(ALLOWED[action])[0]]
    stale = Proposal.objects.get(pk=proposal.pk)  # the page the second click came from
    _take(action, proposal, actor, later)
    events = proposal.events.count()
    items = AgendaItem.objects.count()
    documents = Document.objects.count()
    with pytest.raises(AlreadyDone) as refused:
        _take(action, stale, actor, later)
    assert str(refused.value) in {
        "This proposal has already been submitted.",
        "This proposal is already under consideration.",
        "A decision has already been recorded on this proposal: included in the agenda.",
        "A decision has already been recorded on this proposal: rejected.",
        "A decision has already been recorded on this proposal: deferred to the 22nd "
        "meeting of CWG-Internet.",
        "This proposal has already been withdrawn.",
    }
    assert proposal.events.count() == events
    assert AgendaItem.objects.count() == items
    assert Document.objects.count() == documents


@pytest.mark.parametrize("decision", ["include", "reject"])
def test_deciding_a_withdrawn_proposal_is_refused(decision, people, meeting):
    proposal = proposal_in_state(S.UNDER_CONSIDERATION, people=people, meeting=meeting)
    stale = Proposal.objects.get(pk=proposal.pk)
    proposal_withdraw(proposal=proposal, actor=people["delegate"], note="Overtaken by events.")
    with pytest.raises(InvalidTransition) as refused:
        proposal_decide(proposal=stale, actor=people["chair"], decision=decision, rationale="x")
    assert str(refused.value) == (
        "This proposal was withdrawn by its proposer: it can no longer be "
        + ("included." if decision == "include" else "rejected.")
    )
    assert not AgendaItem.objects.exists()
    assert Proposal.objects.get(pk=proposal.pk).state == S.WITHDRAWN


def test_deciding_before_consideration_is_refused(people, meeting):
    proposal = proposal_in_state(S.SUBMITTED, people=people, meeting=meeting)
    with pytest.raises(InvalidTransition, match="must be put under consideration"):
        proposal_decide(proposal=proposal, actor=people["chair"], decision="include", rationale="x")


def test_considering_a_draft_is_refused(people, meeting):
    proposal = proposal_in_state(S.DRAFT, people=people, meeting=meeting)
    with pytest.raises(InvalidTransition, match="has not been submitted yet"):
        proposal_consider(proposal=proposal, actor=people["secretariat"])


@pytest.mark.parametrize("state", [S.DRAFT, S.SUBMITTED, S.UNDER_CONSIDERATION])
def test_the_proposer_withdraws_before_a_decision(state, people, meeting):
    proposal = proposal_in_state(state, people=people, meeting=meeting)
    done = proposal_withdraw(proposal=proposal, actor=people["delegate"], note="No longer needed.")
    assert done.state == S.WITHDRAWN
    assert done.events.last().note == "No longer needed."
    if done.document_id:
        assert Document.objects.get(pk=done.document_id).status == DocumentStatus.WITHDRAWN


@pytest.mark.parametrize("state", [S.INCLUDED, S.REJECTED, S.DEFERRED])
def test_no_withdrawal_after_a_decision(state, people, meeting):
    proposal = proposal_in_state(state, people=people, meeting=meeting)
    with pytest.raises(InvalidTransition, match="A decision has already been recorded"):
        proposal_withdraw(proposal=proposal, actor=people["delegate"])
    assert Proposal.objects.get(pk=proposal.pk).state == state


# ------------------------------------------------------------------------------ drafting


def test_a_delegate_drafts_a_proposal_for_their_member_state(people, meeting):
    brazil = MemberStateFactory(name="Brazil")
    state = people["delegate"].memberships.get().member_state
    proposal = proposal_create(
        meeting=meeting,
        proposer=people["delegate"],
        member_state=state,
        co_sponsors=[brazil, state],
        **scenario_fields(),
    )
    assert proposal.state == S.DRAFT
    assert proposal.document_id is None
    assert list(proposal.co_sponsors.all()) == [brazil]
    assert proposal.proposals.startswith("2.1\tTo include")
    assert not proposal.events.exists()


@pytest.mark.parametrize("role", ["secretariat", "chair", "outsider", "other_body_secretariat"])
def test_only_delegates_draft_proposals(role, people, meeting):
    with pytest.raises(TransitionNotAllowed, match="Only delegates of CWG-Internet"):
        proposal_create(
            meeting=meeting,
            proposer=people[role],
            member_state=MemberStateFactory(),
            **scenario_fields(),
        )
    assert not Proposal.objects.exists()


def test_a_delegate_proposes_only_for_the_state_they_represent(people, meeting):
    with pytest.raises(InvalidProposal, match="not a delegate of Brazil in CWG-Internet"):
        proposal_create(
            meeting=meeting,
            proposer=people["delegate"],
            member_state=MemberStateFactory(name="Brazil"),
            **scenario_fields(),
        )


def test_a_draft_saves_whatever_it_holds_and_submission_lists_what_is_missing(people, meeting):
    draft = proposal_create(
        meeting=meeting,
        proposer=people["delegate"],
        member_state=people["delegate"].memberships.get().member_state,
        title="Half an idea",
        purpose="  ",
    )
    assert Proposal.objects.get(pk=draft.pk).title == "Half an idea"
    with pytest.raises(
        InvalidProposal,
        match=r"^Before submitting, write the purpose, the action required and the proposals\.$",
    ):
        proposal_submit(proposal=draft, actor=people["delegate"])
    draft.refresh_from_db()
    assert draft.state == S.DRAFT
    assert draft.document_id is None
    assert not draft.events.exists()


def test_a_submitted_proposal_keeps_the_sections_a_contribution_needs(people, meeting):
    proposal = proposal_in_state(S.SUBMITTED, people=people, meeting=meeting)
    with pytest.raises(InvalidProposal, match=r"A submitted proposal keeps the purpose"):
        proposal_update(proposal=proposal, actor=people["delegate"], purpose="")
    assert Proposal.objects.get(pk=proposal.pk).purpose


def test_editing_a_submitted_proposal_updates_its_document(people, meeting):
    proposal = proposal_in_state(S.SUBMITTED, people=people, meeting=meeting)
    version = proposal.document.version
    updated = proposal_update(
        proposal=proposal,
        actor=people["delegate"],
        references="Document CWG-Internet-21/7 and Council Decision 5",
    )
    document = Document.objects.get(pk=updated.document_id)
    assert "CWG-Internet-21/7" in document.text
    assert document.version == version + 1
    assert "CWG-Internet-21/7" in set(document.references.values_list("key", flat=True))
    event = updated.events.last()
    assert event.from_state == event.to_state == S.SUBMITTED
    assert event.note == f"Edited after submission: the text of {document.symbol} was updated."


def test_editing_a_draft_logs_nothing_and_registers_nothing(people, meeting):
    proposal = proposal_in_state(S.DRAFT, people=people, meeting=meeting)
    updated = proposal_update(proposal=proposal, actor=people["delegate"], title="New title")
    assert updated.title == "New title"
    assert not updated.events.exists()
    assert not Document.objects.exists()


@pytest.mark.parametrize("state", [S.UNDER_CONSIDERATION, S.INCLUDED, S.WITHDRAWN])
def test_no_edit_once_under_consideration(state, people, meeting):
    proposal = proposal_in_state(state, people=people, meeting=meeting)
    with pytest.raises(InvalidTransition, match="it can no longer be edited"):
        proposal_update(proposal=proposal, actor=people["delegate"], title="Changed")
    assert Proposal.objects.get(pk=proposal.pk).title != "Changed"


@pytest.mark.parametrize("role", ["secretariat", "chair", "superuser", "outsider"])
def test_only_the_proposer_edits(role, people, meeting):
    proposal = proposal_in_state(S.SUBMITTED, people=people, meeting=meeting)
    with pytest.raises(TransitionNotAllowed, match="can edit it"):
        proposal_update(proposal=proposal, actor=people[role], title="Changed")


def test_a_submitted_proposal_keeps_its_meeting(people, meeting, later_meeting):
    proposal = proposal_in_state(S.SUBMITTED, people=people, meeting=meeting)
    with pytest.raises(InvalidProposal, match="stays with its meeting"):
        proposal_update(proposal=proposal, actor=people["delegate"], meeting=later_meeting)


def test_a_draft_can_move_to_another_upcoming_meeting(people, meeting, later_meeting):
    proposal = proposal_in_state(S.DRAFT, people=people, meeting=meeting)
    moved = proposal_update(proposal=proposal, actor=people["delegate"], meeting=later_meeting)
    assert moved.meeting == later_meeting


def test_the_audit_trail_has_one_row_per_step(people, meeting):
    proposal = proposal_in_state(S.INCLUDED, people=people, meeting=meeting)
    rows = list(proposal.events.values_list("from_state", "to_state", "actor__username"))
    assert rows == [
        (S.DRAFT, S.SUBMITTED, "delegate"),
        (S.SUBMITTED, S.UNDER_CONSIDERATION, "secretariat"),
        (S.UNDER_CONSIDERATION, S.INCLUDED, "chair"),
    ]


def test_an_unknown_user_cannot_take_any_step(meeting, people):
    proposal = proposal_in_state(S.SUBMITTED, people=people, meeting=meeting)
    nobody = UserFactory(username="nobody")
    for action in ALLOWED:
        with pytest.raises(TransitionNotAllowed):
            _take(action, proposal, nobody)
