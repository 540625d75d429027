"""Every write of a Proposal (see ../shared/DESIGN.md): ``workflow`` holds the one
transition function that changes a proposal's state and its named steps; ``drafting``
the proposer's text, annexes and the deletion of a draft. Import them from here."""

from agendas.proposals.services.drafting import (
    check_editable,
    check_open_for_proposals,
    proposal_annex_add,
    proposal_annex_remove,
    proposal_create,
    proposal_decision_seen,
    proposal_delete,
    proposal_update,
)
from agendas.proposals.services.workflow import (
    Placement,
    document_content,
    proposal_consider,
    proposal_decide,
    proposal_return,
    proposal_submit,
    proposal_transition,
    proposal_withdraw,
)

__all__ = [
    "Placement",
    "check_editable",
    "check_open_for_proposals",
    "document_content",
    "proposal_annex_add",
    "proposal_annex_remove",
    "proposal_consider",
    "proposal_create",
    "proposal_decide",
    "proposal_decision_seen",
    "proposal_delete",
    "proposal_return",
    "proposal_submit",
    "proposal_transition",
    "proposal_update",
    "proposal_withdraw",
]
