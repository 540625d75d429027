"""The proposals section of the meeting page and the proposal links of the navigation
(registered in ``AgendasConfig.ready``).

The section shows members of the body (and superusers) how many proposals the meeting has
in each state, with the links their roles allow. The public sees no section: proposals are
the members' business until the chair's decision reaches the agenda, and the contribution
documents themselves are in the registry.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext

from agendas.enums import ProposalState
from agendas.proposals.rules import may
from agendas.proposals.selectors import proposal_counts
from meetings.enums import PRESIDING, Role
from meetings.rules import roles_by_body

S = ProposalState


def meeting_proposals_panel(request, meeting) -> dict | None:
    user = request.user
    roles = roles_by_body(user).get(meeting.body_id, frozenset())
    if not roles and not user.is_superuser:
        return None
    counts = proposal_counts(meeting=meeting)
    is_delegate = Role.DELEGATE in roles
    can_propose = is_delegate and meeting.is_upcoming
    return {
        "template": "agendas/proposals/meeting_panel.html",
        # Shown at the top of the meeting page: the first thing a delegate comes for.
        "actions": [
            {
                "label": gettext("Propose an agenda item"),
                "url": reverse(
                    "agendas:proposal_create",
                    kwargs={"body": meeting.body.slug, "number": meeting.number},
                ),
            }
        ]
        if can_propose
        else [],
        "context": {
            "meeting": meeting,
            "counts": [(S(state).label, state, n) for state, n in counts.items()],
            "total": sum(counts.values()),
            "can_propose": can_propose,
            "is_delegate": is_delegate,
            "show_queue": bool(roles & {Role.SECRETARIAT, Role.CHAIR}) or user.is_superuser,
            "show_decisions": bool(roles & PRESIDING),
            "waiting": counts.get(S.SUBMITTED, 0),
            "to_decide": counts.get(S.UNDER_CONSIDERATION, 0),
        },
    }


def proposal_nav(request) -> list[dict]:
    user = request.user
    if not user.is_authenticated:
        return []
    links = []
    if may(user, "agendas.write_proposals", None):
        links.append({"label": gettext("My proposals"), "url": reverse("agendas:my_proposals")})
    if may(user, "agendas.view_proposal_queue", None):
        links.append({"label": gettext("Proposal queue"), "url": reverse("agendas:proposal_queue")})
    if may(user, "agendas.view_decisions", None):
        links.append({"label": gettext("Decisions"), "url": reverse("agendas:proposal_decisions")})
    return links
