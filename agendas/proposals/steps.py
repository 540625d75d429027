"""The proposal workflow's steps: who takes each one from which states, and the sentences
that refuse a step (shared by the services, the views and the mails)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext

from agendas.enums import (
    DECIDED,
    RETURNABLE,
    WITHDRAWABLE,
    ProposalAction,
    ProposalEventKind,
    ProposalState,
)
from agendas.exceptions import AlreadyDone, InvalidTransition, TransitionNotAllowed
from agendas.models import Proposal

S = ProposalState
A = ProposalAction
K = ProposalEventKind
DECISIONS = frozenset({A.INCLUDE, A.REJECT, A.DEFER})


@dataclass(frozen=True)
class Step:
    sources: frozenset[str]
    target: str
    perm: str
    kind: str  # the ProposalEvent it logs
    done: str  # the past participle, for sentences: "put under consideration"


DECIDE = "agendas.decide_proposal"
STEPS: dict[str, Step] = {
    # A proposal returned for changes is submitted again once the proposer has made them.
    A.SUBMIT: Step(
        frozenset({S.DRAFT, S.RETURNED}),
        S.SUBMITTED,
        "agendas.submit_proposal",
        K.SUBMITTED,
        "submitted",
    ),
    A.RETURN: Step(
        RETURNABLE,
        S.RETURNED,
        "agendas.consider_proposal",
        K.RETURNED,
        "returned to the proposer",
    ),
    A.CONSIDER: Step(
        frozenset({S.SUBMITTED}),
        S.UNDER_CONSIDERATION,
        "agendas.consider_proposal",
        K.CONSIDERED,
        "put under consideration",
    ),
    A.INCLUDE: Step(frozenset({S.UNDER_CONSIDERATION}), S.INCLUDED, DECIDE, K.INCLUDED, "included"),
    A.REJECT: Step(frozenset({S.UNDER_CONSIDERATION}), S.REJECTED, DECIDE, K.REJECTED, "rejected"),
    A.DEFER: Step(frozenset({S.UNDER_CONSIDERATION}), S.DEFERRED, DECIDE, K.DEFERRED, "deferred"),
    A.WITHDRAW: Step(
        WITHDRAWABLE, S.WITHDRAWN, "agendas.withdraw_proposal", K.WITHDRAWN, "withdrawn"
    ),
}

# ------------------------------------------------------------------------------ sentences


def decision_phrase(proposal: Proposal, state: str | None = None) -> str:
    """ "included in the agenda", "rejected", "deferred to the 22nd meeting of ..."."""
    state = state or proposal.state
    if state == S.INCLUDED:
        return "included in the agenda"
    if state == S.DEFERRED and proposal.deferred_to_id:
        return f"deferred to the {proposal.deferred_to.display_name}"
    if state == S.DEFERRED and proposal.deferred_to_next:
        return gettext("deferred to the next meeting of %(body)s") % {
            "body": proposal.meeting.body.acronym
        }
    return ProposalState(state).label.lower()


def not_allowed(action: str, proposal: Proposal) -> TransitionNotAllowed:
    body = proposal.meeting.body.acronym
    if action in (A.SUBMIT, A.WITHDRAW):
        verb = "submit" if action == A.SUBMIT else "withdraw"
        return TransitionNotAllowed(
            f"Only the delegate who wrote this proposal can {verb} it"
            + (f", as a delegate of {body}." if action == A.SUBMIT else ".")
        )
    if action == A.CONSIDER:
        return TransitionNotAllowed(
            f"Only the secretariat or the chair of {body} can put proposals under consideration."
        )
    if action == A.RETURN:
        return TransitionNotAllowed(
            gettext(
                "Only the secretariat or the chair of %(body)s can return proposals to their "
                "proposer."
            )
            % {"body": body}
        )
    return TransitionNotAllowed(
        f"Only the chair or a vice-chair of {body} can decide on proposals."
    )


def edit_not_allowed(proposal: Proposal) -> TransitionNotAllowed:
    return TransitionNotAllowed("Only the delegate who wrote this proposal can edit it.")


def propose_not_allowed(meeting) -> TransitionNotAllowed:
    return TransitionNotAllowed(
        f"Only delegates of {meeting.body.acronym} can propose agenda items for its meetings."
    )


def refusal(action: str, proposal: Proposal) -> InvalidTransition:
    """The sentence for a step the proposal's current state does not allow."""
    state = proposal.state
    step = STEPS[action]
    if state == step.target or (action in DECISIONS and state in DECIDED):
        if action in DECISIONS:
            return AlreadyDone(
                f"A decision has already been recorded on this proposal: "
                f"{decision_phrase(proposal)}."
            )
        if action == A.CONSIDER:
            return AlreadyDone("This proposal is already under consideration.")
        return AlreadyDone(f"This proposal has already been {step.done}.")
    if state == S.WITHDRAWN:
        return InvalidTransition(
            f"This proposal was withdrawn by its proposer: it can no longer be {step.done}."
        )
    if state in DECIDED:
        return InvalidTransition(
            f"A decision has already been recorded on this proposal ({decision_phrase(proposal)}):"
            f" it can no longer be {step.done}."
        )
    if action == A.SUBMIT:
        return AlreadyDone("This proposal has already been submitted.")
    if state == S.RETURNED:
        return InvalidTransition(
            gettext(
                "This proposal was returned to its proposer for changes: it can be %(done)s "
                "once it is submitted again."
            )
            % {"done": step.done}
        )
    if state == S.DRAFT:
        return InvalidTransition(
            f"This proposal has not been submitted yet: it cannot be {step.done}."
        )
    # A decision on a proposal that is submitted but not yet under consideration.
    return InvalidTransition(
        "This proposal must be put under consideration before a decision is taken on it."
    )


def decision_sentence(proposal) -> str:
    """What the chair reads once a decision is recorded."""
    from agendas.proposals.selectors import agenda_item_number

    label = proposal.document.symbol if proposal.document_id else f"“{proposal.title}”"
    if proposal.state == S.INCLUDED:
        item = proposal.agenda_item
        number = agenda_item_number(item=item)
        return (
            f"{label} is included: item {number} “{item.title}” was added to the draft agenda "
            f"of the {proposal.meeting.display_name}."
        )
    return f"{label} is {decision_phrase(proposal)}. The proposer is told why."
