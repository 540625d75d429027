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
