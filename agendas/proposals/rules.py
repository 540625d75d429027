"""Who may do what with proposals (see ../shared/DESIGN.md, "Who uses it").

obj: a Proposal, except for add_proposal (a Meeting). The states a step needs are checked by
``agendas.proposals.services``; these say whose step it is. Superuser: reads everything and
may put proposals under consideration (an administrative step); submitting, editing and
withdrawing belong to the proposer, deciding to the presiding officers of the body.
Registered through ``agendas.rules``, which the rules app discovers.
"""

from __future__ import annotations

import rules

from agendas.enums import EDITABLE, ProposalState
from agendas.proposals.steps import STEPS
from meetings.enums import PRESIDING, Role
from meetings.rules import (
    is_chair_of_body,
    is_delegate_in_any_body,
    is_delegate_of_body,
    is_member_of_body,
    is_presiding_officer_of_body,
    is_secretariat_of_body,
    is_superuser,
    roles_by_body,
)


def _holds_in_any_body(user, wanted: frozenset[str]) -> bool:
    return any(roles & wanted for roles in roles_by_body(user).values())


@rules.predicate
def considers_proposals_in_any_body(user) -> bool:
    """Secretariat or chair somewhere: puts submitted proposals under consideration."""
    return _holds_in_any_body(user, frozenset({Role.SECRETARIAT, Role.CHAIR}))


@rules.predicate
def presides_in_any_body(user) -> bool:
    return _holds_in_any_body(user, PRESIDING)


@rules.predicate
def is_proposer(user, proposal) -> bool:
    return (
        proposal is not None
        and user is not None
        and user.is_authenticated
        and getattr(proposal, "proposer_id", None) == user.pk
    )


@rules.predicate
def is_draft_proposal(user, proposal) -> bool:
    return proposal is not None and getattr(proposal, "state", None) == ProposalState.DRAFT


@rules.predicate
def never_registered(user, proposal) -> bool:
    """A draft, or a draft withdrawn before it was submitted: no document, nobody else saw it."""
    return (
        proposal is not None
        and getattr(proposal, "document_id", None) is None
        and getattr(proposal, "state", None) in (ProposalState.DRAFT, ProposalState.WITHDRAWN)
    )


can_view_proposal = is_proposer | is_superuser | (is_member_of_body & ~is_draft_proposal)
rules.add_perm("agendas.add_proposal", is_delegate_of_body)
rules.add_perm("agendas.view_proposal", can_view_proposal)
rules.add_perm("agendas.change_proposal", is_proposer & is_delegate_of_body)
rules.add_perm("agendas.submit_proposal", is_proposer & is_delegate_of_body)
rules.add_perm("agendas.withdraw_proposal", is_proposer)
rules.add_perm("agendas.delete_proposal", is_proposer & never_registered)
rules.add_perm(
    "agendas.consider_proposal", is_secretariat_of_body | is_chair_of_body | is_superuser
)
rules.add_perm("agendas.decide_proposal", is_presiding_officer_of_body)
# Pages that gather proposals across bodies (no object): whose lists they are.
rules.add_perm("agendas.view_proposal_queue", considers_proposals_in_any_body | is_superuser)
rules.add_perm("agendas.view_decisions", presides_in_any_body)
rules.add_perm("agendas.write_proposals", is_delegate_in_any_body)


def may(user, perm: str, obj) -> bool:
    """Whether the rule ``perm`` grants ``user`` this step on ``obj``. Asked of the rule
    itself: Django's ``user.has_perm`` says yes to every superuser, and a superuser may not
    submit, withdraw or decide on a Member State's proposal (see above)."""
    return rules.has_perm(perm, user, obj)


def allowed_actions(*, proposal, user) -> list[str]:
    """The steps ``user`` may take on ``proposal`` now (buttons to show). No query: the
    user's roles are cached on the user object."""
    return [
        action
        for action, step in STEPS.items()
        if proposal.state in step.sources and may(user, step.perm, proposal)
    ]


def can_edit(*, proposal, user) -> bool:
    return proposal.state in EDITABLE and may(user, "agendas.change_proposal", proposal)
