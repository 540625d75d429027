"""Domain errors of the agendas app. Each message is a sentence for the person who caused it;
views show it as a form error or a message, never as a 500."""


class AgendasError(Exception):
    """Base of every agendas error."""


# ---------------------------------------------------------------- proposals (workflow)
class ProposalError(AgendasError):
    """Something about a proposal that cannot be done."""


class InvalidProposal(ProposalError):
    """The proposal's content or its meeting does not allow this (a past meeting, a Member
    State the proposer does not represent, a missing rationale...)."""


class InvalidTransition(ProposalError):
    """The proposal's state does not allow this step (deciding a withdrawn proposal)."""


class AlreadyDone(InvalidTransition):
    """The step was already taken: a double click or two people at once."""


class TransitionNotAllowed(ProposalError):
    """The person's roles do not allow this step."""
