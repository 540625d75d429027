"""The proposal workflow's steps: who takes each one from which states, and the sentences
that refuse a step (shared by the services, the views and the mails)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

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


DECIDE = "agendas.decide_proposal"
STEPS: dict[str, Step] = {
    # A proposal returned for changes is submitted again once the proposer has made them.
    A.SUBMIT: Step(
        frozenset({S.DRAFT, S.RETURNED}), S.SUBMITTED, "agendas.submit_proposal", K.SUBMITTED
    ),
    A.RETURN: Step(RETURNABLE, S.RETURNED, "agendas.consider_proposal", K.RETURNED),
    A.CONSIDER: Step(
        frozenset({S.SUBMITTED}), S.UNDER_CONSIDERATION, "agendas.consider_proposal", K.CONSIDERED
    ),
    A.INCLUDE: Step(frozenset({S.UNDER_CONSIDERATION}), S.INCLUDED, DECIDE, K.INCLUDED),
    A.REJECT: Step(frozenset({S.UNDER_CONSIDERATION}), S.REJECTED, DECIDE, K.REJECTED),
    A.DEFER: Step(frozenset({S.UNDER_CONSIDERATION}), S.DEFERRED, DECIDE, K.DEFERRED),
    A.WITHDRAW: Step(WITHDRAWABLE, S.WITHDRAWN, "agendas.withdraw_proposal", K.WITHDRAWN),
}

# ------------------------------------------------------------------------------ sentences
# Each refusal is one whole sentence per step (a participle set into a sentence does not
# translate: its form changes with the sentence around it).

_ALREADY = {
    A.SUBMIT: _("This proposal has already been submitted."),
    A.RETURN: _("This proposal has already been returned to the proposer."),
    A.CONSIDER: _("This proposal is already under consideration."),
    A.WITHDRAW: _("This proposal has already been withdrawn."),
}
_WITHDRAWN = {
    A.SUBMIT: _("This proposal was withdrawn by its proposer: it can no longer be submitted."),
    A.RETURN: _(
        "This proposal was withdrawn by its proposer: it can no longer be returned to the proposer."
    ),
    A.CONSIDER: _(
        "This proposal was withdrawn by its proposer: it can no longer be put under consideration."
    ),
    A.INCLUDE: _("This proposal was withdrawn by its proposer: it can no longer be included."),
    A.REJECT: _("This proposal was withdrawn by its proposer: it can no longer be rejected."),
    A.DEFER: _("This proposal was withdrawn by its proposer: it can no longer be deferred."),
}
# %(decision)s: "included in the agenda", "rejected", "deferred to the next meeting of CWG".
_DECIDED = {
    A.SUBMIT: _(
        "A decision has already been recorded on this proposal (%(decision)s): it can no "
        "longer be submitted."
    ),
    A.RETURN: _(
        "A decision has already been recorded on this proposal (%(decision)s): it can no "
        "longer be returned to the proposer."
    ),
    A.CONSIDER: _(
        "A decision has already been recorded on this proposal (%(decision)s): it can no "
        "longer be put under consideration."
    ),
    A.WITHDRAW: _(
        "A decision has already been recorded on this proposal (%(decision)s): it can no "
        "longer be withdrawn."
    ),
}
_RETURNED = {
    A.CONSIDER: _(
        "This proposal was returned to its proposer for changes: it can be put under "
        "consideration once it is submitted again."
    ),
    A.INCLUDE: _(
        "This proposal was returned to its proposer for changes: it can be included once it "
        "is submitted again."
    ),
    A.REJECT: _(
        "This proposal was returned to its proposer for changes: it can be rejected once it "
        "is submitted again."
    ),
    A.DEFER: _(
        "This proposal was returned to its proposer for changes: it can be deferred once it "
        "is submitted again."
    ),
}
_DRAFT = {
    A.RETURN: _("This proposal has not been submitted yet: it cannot be returned to the proposer."),
    A.CONSIDER: _(
        "This proposal has not been submitted yet: it cannot be put under consideration."
    ),
    A.INCLUDE: _("This proposal has not been submitted yet: it cannot be included."),
    A.REJECT: _("This proposal has not been submitted yet: it cannot be rejected."),
    A.DEFER: _("This proposal has not been submitted yet: it cannot be deferred."),
}
_NOT_NOW = _("This step cannot be taken on this proposal in its present state.")


def decision_phrase(proposal: Proposal, state: str | None = None) -> str:
    """ "included in the agenda", "rejected", "deferred to the 22nd meeting of ..."."""
    state = state or proposal.state
    if state == S.INCLUDED:
        return gettext("included in the agenda")
    if state == S.DEFERRED and proposal.deferred_to_id:
        return gettext("deferred to the %(meeting)s") % {
            "meeting": proposal.deferred_to.display_name
        }
    if state == S.DEFERRED and proposal.deferred_to_next:
        return gettext("deferred to the next meeting of %(body)s") % {
            "body": proposal.meeting.body.acronym
        }
    if state == S.REJECTED:
        return gettext("rejected")
    if state == S.DEFERRED:
        return gettext("deferred")
    return str(ProposalState(state).label).lower()


def not_allowed(action: str, proposal: Proposal) -> TransitionNotAllowed:
    body = proposal.meeting.body.acronym
    if action == A.SUBMIT:
        sentence = gettext(
            "Only the delegate who wrote this proposal can submit it, as a delegate of %(body)s."
        )
    elif action == A.WITHDRAW:
        sentence = gettext("Only the delegate who wrote this proposal can withdraw it.")
    elif action == A.CONSIDER:
        sentence = gettext(
            "Only the secretariat or the chair of %(body)s can put proposals under consideration."
        )
    elif action == A.RETURN:
        sentence = gettext(
            "Only the secretariat or the chair of %(body)s can return proposals to their proposer."
        )
    else:
        sentence = gettext("Only the chair or a vice-chair of %(body)s can decide on proposals.")
    return TransitionNotAllowed(sentence % {"body": body})


def edit_not_allowed(proposal: Proposal) -> TransitionNotAllowed:
    return TransitionNotAllowed(gettext("Only the delegate who wrote this proposal can edit it."))


def propose_not_allowed(meeting) -> TransitionNotAllowed:
    return TransitionNotAllowed(
        gettext("Only delegates of %(body)s can propose agenda items for its meetings.")
        % {"body": meeting.body.acronym}
    )


def refusal(action: str, proposal: Proposal) -> InvalidTransition:
    """The sentence for a step the proposal's current state does not allow."""
    state = proposal.state
    step = STEPS[action]
    if state == step.target or (action in DECISIONS and state in DECIDED):
        if action in DECISIONS:
            return AlreadyDone(
                gettext("A decision has already been recorded on this proposal: %(decision)s.")
                % {"decision": decision_phrase(proposal)}
            )
        return AlreadyDone(str(_ALREADY.get(action, _NOT_NOW)))
    if state == S.WITHDRAWN:
        return InvalidTransition(str(_WITHDRAWN.get(action, _NOT_NOW)))
    if state in DECIDED:
        return InvalidTransition(
            str(_DECIDED.get(action, _NOT_NOW)) % {"decision": decision_phrase(proposal)}
        )
    if action == A.SUBMIT:
        return AlreadyDone(str(_ALREADY[A.SUBMIT]))
    if state == S.RETURNED:
        return InvalidTransition(str(_RETURNED.get(action, _NOT_NOW)))
    if state == S.DRAFT:
        return InvalidTransition(str(_DRAFT.get(action, _NOT_NOW)))
    # A decision on a proposal that is submitted but not yet under consideration.
    return InvalidTransition(
        gettext("This proposal must be put under consideration before a decision is taken on it.")
    )


def decision_sentence(proposal) -> str:
    """What the chair reads once a decision is recorded."""
    from agendas.proposals.selectors import agenda_item_number

    label = (
        proposal.document.symbol
        if proposal.document_id
        else gettext("“%(title)s”") % {"title": proposal.title}
    )
    if proposal.state == S.INCLUDED:
        item = proposal.agenda_item
        return gettext(
            "%(proposal)s is included: item %(number)s “%(title)s” was added to the draft "
            "agenda of the %(meeting)s."
        ) % {
            "proposal": label,
            "number": agenda_item_number(item=item),
            "title": item.title,
            "meeting": proposal.meeting.display_name,
        }
    return gettext("%(proposal)s is %(decision)s. The proposer is told why.") % {
        "proposal": label,
        "decision": decision_phrase(proposal),
    }
