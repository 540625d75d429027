"""Who may do what with agendas and proposals (see ../shared/DESIGN.md, "Who uses it")."""

from __future__ import annotations

import rules

from agendas.enums import ProposalState
from meetings.rules import (
    considers_proposals_in_any_body,
    is_chair_of_body,
    is_delegate_in_any_body,
    is_delegate_of_body,
    is_member_of_body,
    is_presiding_officer_of_body,
    is_secretariat_of_body,
    is_superuser,
    presides_in_any_body,
)

# ---------------------------------------------------------------- agendas (editor, revisions)
# obj: an Agenda (or Meeting).
can_edit_agenda = is_secretariat_of_body | is_superuser
rules.add_perm("agendas.change_agenda", can_edit_agenda)
rules.add_perm("agendas.issue_agenda", can_edit_agenda)
rules.add_perm("agendas.adopt_agenda", is_presiding_officer_of_body | is_superuser)
rules.add_perm("agendas.view_draft_agenda", is_member_of_body | is_superuser)

# ---------------------------------------------------------------- proposals (workflow)
# Predicates and permissions for proposals go below.
# obj: a Proposal, except for add_proposal (a Meeting). The states a step needs are checked
# by agendas.workflow; these say whose step it is. Superuser: reads everything and may put
# proposals under consideration (an administrative step); submitting, editing and
# withdrawing belong to the proposer, deciding to the presiding officers of the body.


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


can_view_proposal = is_proposer | is_superuser | (is_member_of_body & ~is_draft_proposal)
rules.add_perm("agendas.add_proposal", is_delegate_of_body)
rules.add_perm("agendas.view_proposal", can_view_proposal)
rules.add_perm("agendas.change_proposal", is_proposer & is_delegate_of_body)
rules.add_perm("agendas.submit_proposal", is_proposer & is_delegate_of_body)
rules.add_perm("agendas.withdraw_proposal", is_proposer)
rules.add_perm(
    "agendas.consider_proposal", is_secretariat_of_body | is_chair_of_body | is_superuser
)
rules.add_perm("agendas.decide_proposal", is_presiding_officer_of_body)
# Pages that gather proposals across bodies (no object): whose lists they are.
rules.add_perm("agendas.view_proposal_queue", considers_proposals_in_any_body | is_superuser)
rules.add_perm("agendas.view_decisions", presides_in_any_body)
rules.add_perm("agendas.write_proposals", is_delegate_in_any_body)
