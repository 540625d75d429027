"""The pages that gather proposals: "My meetings" (the home page of a member), my proposals,
the queue of the secretariat and the chairs, the decisions of the presiding officers.

Each list is read by one selector that carries its joins: a page's query count does not
grow with its rows.
"""

from __future__ import annotations

from collections import Counter

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agendas.enums import ProposalState
from agendas.proposals import rules, selectors
from agendas.proposals.forms import DecisionForm
from agendas.proposals.text import deadline_phrase
from agendas.proposals.views import _login_required
from config.pagination import paginate
from meetings.rules import roles_by_body
from meetings.views.meetings import body_list

S = ProposalState


def home(request):
    """ "/": the bodies and their meetings for visitors; "My meetings" for a member of a
    body (upcoming meetings with their deadlines, their proposals by state, unread
    decisions)."""
    user = request.user
    if not roles_by_body(user) or request.GET.get("bodies") == "all":
        return body_list(request)
    proposals = list(selectors.proposals_of(user=user))
    counts = Counter(p.state for p in proposals)
    meetings = selectors.my_meetings(user=user)
    return render(
        request,
        "agendas/proposals/home.html",
        {
            "meetings": [
                {
                    "meeting": m,
                    "deadline": deadline_phrase(m),
                    "can_propose": rules.may(user, "agendas.add_proposal", m),
                }
                for m in meetings
            ],
            "by_state": [
                (S(state).label, state, [p for p in proposals if p.state == state])
                for state in S.values
                if counts[state]
            ],
            "unread": selectors.unread_decisions(user=user),
            "other_meetings": selectors.other_meetings(user=user),
            "is_delegate": rules.may(user, "agendas.write_proposals", None),
        },
    )


def my_proposals(request):
    _login_required(request)
    page_obj = paginate(request, selectors.proposals_of(user=request.user))
    return render(
        request,
        "agendas/proposals/my_proposals.html",
        {
            "proposals": list(page_obj.object_list),
            "page_obj": page_obj,
            "is_delegate": rules.may(request.user, "agendas.write_proposals", None),
            "S": S,
        },
    )


QUEUE_STATES = [("", gettext_lazy("Waiting (submitted)"))] + [
    (state, label) for state, label in S.choices if state != S.DRAFT
]


def _int_or_none(value: str) -> int | None:
    return int(value) if value and value.isdigit() else None


def proposal_queue(request):
    """The meeting's proposals by state (submitted and waiting by default), with filters, and
    the steps the secretariat takes from here: consider, return for changes."""
    _login_required(request)
    if not rules.may(request.user, "agendas.view_proposal_queue", None):
        raise PermissionDenied(
            _("The queue of submitted proposals is for the secretariat and the chairs of a body.")
        )
    state = request.GET.get("state", "")
    if state not in {s for s, _label in QUEUE_STATES} | {"all"}:
        state = ""
    meeting_id = _int_or_none(request.GET.get("meeting", ""))
    page_obj = paginate(
        request, selectors.proposal_queue(user=request.user, meeting_id=meeting_id, state=state)
    )
    proposals = list(page_obj.object_list)
    return render(
        request,
        "agendas/proposals/queue.html",
        {
            "rows": [
                {"proposal": p, "actions": rules.allowed_actions(proposal=p, user=request.user)}
                for p in proposals
            ],
            "page_obj": page_obj,
            "states": [*QUEUE_STATES, ("all", gettext_lazy("All states"))],
            "state": state,
            "meetings": selectors.queue_meetings(user=request.user),
            "meeting_id": meeting_id,
            "now": timezone.now(),
        },
    )


def proposal_decisions(request):
    _login_required(request)
    if not rules.may(request.user, "agendas.view_decisions", None):
        raise PermissionDenied(
            _("Decisions on proposals are taken by the chair or a vice-chair of the body.")
        )
    # Each row carries a decision form: a short page keeps it quick to render and to read.
    page_obj = paginate(
        request, selectors.proposals_awaiting_decision(user=request.user), per_page=10
    )
    proposals = list(page_obj.object_list)
    meetings = selectors.later_meetings_by_body(body_ids={p.meeting.body_id for p in proposals})
    rows = []
    for proposal in proposals:
        later = [
            m
            for m in meetings.get(proposal.meeting.body_id, [])
            if m.start_date > proposal.meeting.start_date
        ]
        rows.append(
            {"proposal": proposal, "form": DecisionForm(proposal=proposal, later_meetings=later)}
        )
    return render(
        request,
        "agendas/proposals/decisions.html",
        {
            "rows": rows,
            "page_obj": page_obj,
            "recent": selectors.proposals_recently_decided(user=request.user),
        },
    )
