from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class AgendaState(models.TextChoices):
    # Translators: the state of an agenda ("Projet" in French), not of a proposal.
    DRAFT = "draft", pgettext_lazy("agenda state", "Draft")
    ADOPTED = "adopted", pgettext_lazy("agenda state", "Adopted")


class AgendaKind(models.TextChoices):
    """The agendas a meeting can have: Council has a plenary agenda, committee agendas, a daily
    agenda and a time-management plan at one session."""

    AGENDA = "agenda", _("Agenda")
    COMMITTEE = "committee", _("Committee agenda")
    DAILY = "daily", _("Daily agenda")
    TIME_PLAN = "time_plan", _("Time-management plan")


class NumberingStyle(models.TextChoices):
    """How an agenda derives the numbers of its levels, as bodies write them."""

    # Translators: the three numbering styles, shown as examples; translate only if your
    # language writes them differently.
    DECIMAL = "decimal", _("1, 1.1, 1.1.1")
    LETTERS = "letters", _("1, 1.a, 1.b")
    PAREN = "paren", _("1, (a), (i)")


class FixedItem(models.TextChoices):
    """The usual items of a real agenda, easy to add in one click."""

    NONE = "", "—"
    OPENING = "opening", _("Opening of the meeting")
    ADOPTION = "adoption", _("Adoption of the agenda")
    AOB = "aob", _("Any other business")
    CLOSING = "closing", _("Closing of the meeting")


class ProposalState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned for changes")
    UNDER_CONSIDERATION = "under_consideration", _("Under consideration")
    INCLUDED = "included", _("Included")
    REJECTED = "rejected", _("Rejected")
    DEFERRED = "deferred", _("Deferred")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Decision(models.TextChoices):
    INCLUDE = "include", _("Include in the agenda")
    REJECT = "reject", _("Reject")
    DEFER = "defer", _("Defer to a later meeting")


DECIDED = frozenset({ProposalState.INCLUDED, ProposalState.REJECTED, ProposalState.DEFERRED})
WITHDRAWABLE = frozenset(
    {
        ProposalState.DRAFT,
        ProposalState.SUBMITTED,
        ProposalState.RETURNED,
        ProposalState.UNDER_CONSIDERATION,
    }
)
# States in which the proposer may still edit the text.
EDITABLE = frozenset({ProposalState.DRAFT, ProposalState.SUBMITTED, ProposalState.RETURNED})
# States in which the secretariat or the chair may return a proposal for changes.
RETURNABLE = frozenset({ProposalState.SUBMITTED, ProposalState.UNDER_CONSIDERATION})


class ProposalAction(models.TextChoices):
    """The steps of the proposal workflow; ``proposal_transition`` (in
    ``agendas.proposals.services``) takes one. The three decisions share their values with
    ``Decision``."""

    SUBMIT = "submit", _("Submit")
    CONSIDER = "consider", _("Put under consideration")
    RETURN = "return", _("Return to the proposer for changes")
    INCLUDE = "include", _("Include in the agenda")
    REJECT = "reject", _("Reject")
    DEFER = "defer", _("Defer to a later meeting")
    WITHDRAW = "withdraw", _("Withdraw")


class ProposalEventKind(models.TextChoices):
    """What one row of a proposal's history records: a step of the workflow, or an edit of
    the text after submission (the state stays). The label is what the history shows.
    A draft's creation logs no event: the history opens with the proposal's own date."""

    SUBMITTED = "submitted", _("Submitted")
    EDITED = "edited", _("Edited after submission")
    RETURNED = "returned", _("Returned to the proposer for changes")
    CONSIDERED = "considered", _("Put under consideration")
    INCLUDED = "included", _("Included in the agenda")
    REJECTED = "rejected", _("Rejected")
    DEFERRED = "deferred", _("Deferred")
    WITHDRAWN = "withdrawn", _("Withdrawn")
