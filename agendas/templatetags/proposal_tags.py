"""Small helpers of the proposal templates."""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext

from agendas.enums import ProposalState

register = template.Library()

BADGES = {
    ProposalState.DRAFT: "text-bg-secondary",
    ProposalState.SUBMITTED: "text-bg-primary",
    ProposalState.RETURNED: "text-bg-warning",
    ProposalState.UNDER_CONSIDERATION: "text-bg-info",
    ProposalState.INCLUDED: "text-bg-success",
    ProposalState.REJECTED: "text-bg-danger",
    ProposalState.DEFERRED: "text-bg-warning",
    ProposalState.WITHDRAWN: "text-bg-light border",
}


@register.filter
def state_badge(state: str) -> str:
    """A badge with the state's label: <span class="badge ...">Under consideration</span>."""
    try:
        label = ProposalState(state).label
    except ValueError:
        return state
    return format_html(
        '<span class="badge state-badge {}" data-state="{}">{}</span>',
        BADGES.get(state, "text-bg-secondary"),
        state,
        label,
    )


@register.filter
def state_label(state: str) -> str:
    try:
        return ProposalState(state).label
    except ValueError:
        return state


@register.filter
def names_list(items) -> str:
    """ "Brazil", "Brazil and India", "Brazil, India and Kenya": the names of ``items``."""
    names = [getattr(item, "name", str(item)) for item in items]
    if len(names) < 2:
        return "".join(names)
    # Translators: the last two of a list of names: "Brazil, India and Kenya".
    return gettext("%(first)s and %(last)s") % {"first": ", ".join(names[:-1]), "last": names[-1]}
