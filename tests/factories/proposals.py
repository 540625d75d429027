"""Proposals for tests, made through the workflow's own services so that documents, events
and agenda items are what the application would have made."""

from __future__ import annotations

import datetime as dt

import factory

from agendas.enums import ProposalState
from agendas.models import Proposal
from agendas.proposals.demo import SCENARIO
from agendas.proposals.services import (
    proposal_consider,
    proposal_decide,
    proposal_submit,
    proposal_withdraw,
)
from tests.factories.meetings import MeetingFactory, MemberStateFactory, UserFactory

S = ProposalState


class ProposalFactory(factory.django.DjangoModelFactory):
    """A draft. Use ``proposal_in_state`` for any later state."""

    class Meta:
        model = Proposal
        skip_postgeneration_save = True

    meeting = factory.SubFactory(MeetingFactory)
    proposer = factory.SubFactory(UserFactory)
    member_state = factory.SubFactory(MemberStateFactory)
    title = factory.Sequence(lambda n: f"Proposed item number {n}")
    purpose = "To include a new item in the draft agenda."
    action_required = "The group is invited to decide on the inclusion of the item."
    references = "Document CWG-Internet-21/1, PP Resolution 102 (Rev. Bucharest, 2022)"
    introduction = "Resolution 102 (Rev. Bucharest, 2022) resolves\n1\tto explore ways."
    proposals = "2.1\tTo include the new item."

    @factory.post_generation
    def co_sponsors(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.co_sponsors.set(extracted)


def scenario_fields() -> dict:
    """The sections of the scenario contribution, as the delegate types them."""
    return dict(SCENARIO)


def proposal_in_state(state: str, *, people: dict, **fields) -> Proposal:
    """A proposal of ``people["delegate"]`` walked through the workflow to ``state``
    (submitted by the delegate, considered by the secretariat, decided by the chair)."""
    delegate = people["delegate"]
    fields.setdefault("proposer", delegate)
    if "member_state" not in fields:
        fields["member_state"] = delegate.memberships.get(role="delegate").member_state
    proposal = ProposalFactory(**fields)
    if state == S.DRAFT:
        return proposal
    if state == S.WITHDRAWN:
        return proposal_withdraw(proposal=proposal, actor=proposal.proposer)
    proposal = proposal_submit(proposal=proposal, actor=proposal.proposer)
    if state == S.SUBMITTED:
        return proposal
    proposal = proposal_consider(proposal=proposal, actor=people["secretariat"])
    if state == S.UNDER_CONSIDERATION:
        return proposal
    decision = {S.INCLUDED: "include", S.REJECTED: "reject", S.DEFERRED: "defer"}[state]
    later = None
    if state == S.DEFERRED:
        later = MeetingFactory(
            body=proposal.meeting.body,
            number=proposal.meeting.number + 1,
            start_date=proposal.meeting.start_date + dt.timedelta(days=180),
        )
    return proposal_decide(
        proposal=proposal,
        actor=people["chair"],
        decision=decision,
        rationale=f"Rationale for {decision}.",
        deferred_to=later,
    )
