"""Domain errors of the agendas app. Each message is a sentence for the person who caused
it; views turn them into a message on the page, never a 500."""


class AgendasError(Exception):
    """Base of every refusal of the agendas app."""


class AgendaError(AgendasError):
    """An edit of the agenda that cannot be made (empty title, item too deep ...)."""


class ItemGone(AgendaError):
    """The item was deleted (by someone else) before this change reached the server."""


class NothingToIssue(AgendaError):
    """Issuing again with no change since the last revision."""


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
