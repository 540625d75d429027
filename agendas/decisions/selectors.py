"""What the summary of decisions of a meeting is made from, read in a fixed number of queries:
the agenda's items (with their documents and the proposal each came from), the decisions on
the meeting's proposals that did not become items, and the proposals deferred to it from
earlier meetings."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from agendas import selectors as agenda_selectors
from agendas.enums import AgendaState, ProposalState
from agendas.models import Agenda, Proposal
from agendas.proposals.selectors import deferred_here
from documents.enums import DocumentType
from documents.models import Document
from meetings.models import Meeting
from meetings.rules import roles_by_body

S = ProposalState
DECIDED_OR_WITHDRAWN = (S.INCLUDED, S.REJECTED, S.DEFERRED, S.WITHDRAWN)
# The title every summary starts with: how the page finds the ones already registered.
SUMMARY_TITLE_START = "Summary of decisions"


@dataclass
class SummaryItem:
    number: str
    title: str
    depth: int
    documents: list[tuple[str, str]]  # (symbol, title)
    proposal: Proposal | None = None


@dataclass
class SummaryRecords:
    meeting: Meeting
    agenda: Agenda | None
    items: list[SummaryItem] = field(default_factory=list)
    not_included: list[Proposal] = field(default_factory=list)
    deferred_here: list[Proposal] = field(default_factory=list)

    @property
    def agenda_adopted(self) -> bool:
        return self.agenda is not None and self.agenda.state == AgendaState.ADOPTED


def _proposals() -> QuerySet[Proposal]:
    return Proposal.objects.select_related(
        "meeting__body", "member_state", "document", "decided_by", "deferred_to__body"
    )


def summary_records(*, meeting: Meeting) -> SummaryRecords:
    """The agenda as it stands (the adopted agenda, or the latest draft, with every item the
    chair included since its last issue), each item with its documents and its proposal;
    the meeting's other submitted proposals that were rejected, deferred or withdrawn; and
    those deferred to this meeting from an earlier one."""
    agenda = agenda_selectors.agenda_of_meeting(meeting=meeting)
    records = SummaryRecords(meeting=meeting, agenda=agenda)
    decided = {
        p.pk: p
        for p in _proposals()
        .filter(meeting=meeting, state__in=DECIDED_OR_WITHDRAWN)
        # A proposal withdrawn before it was submitted was never before the meeting.
        .exclude(state=S.WITHDRAWN, document__isnull=True)
        .order_by("decided_at", "submitted_at", "pk")
    }
    if agenda is not None:
        agenda.meeting = meeting
        for node in agenda_selectors.agenda_tree(agenda=agenda).flat():
            item = node.item
            records.items.append(
                SummaryItem(
                    number=node.number,
                    title=item.title,
                    depth=node.depth,
                    documents=[(a.document.symbol, a.document.title) for a in node.allocations],
                    proposal=decided.pop(item.proposal_id, None) if item.proposal_id else None,
                )
            )
    records.not_included = list(decided.values())
    records.deferred_here = list(
        _proposals()
        .filter(deferred_here(meeting=meeting))
        .exclude(meeting=meeting)
        .order_by("meeting__start_date", "decided_at", "pk")
    )
    return records


def summaries_of(*, meeting: Meeting) -> list[Document]:
    """The summaries of decisions already registered for the meeting, latest first."""
    return list(
        Document.objects.filter(
            meeting=meeting,
            doc_type=DocumentType.REPORT,
            title__startswith=SUMMARY_TITLE_START,
        )
        .defer("text", "search_text")
        .order_by("-created_at", "-pk")
    )


def decisions_for(*, user, meeting: Meeting | None = None, body=None) -> list[Proposal]:
    """The decisions on proposals that ``user`` may read on the proposal pages (members of
    the body; nobody else sees proposals), latest first: what the decisions feed lists."""
    qs = _proposals().filter(state__in=(S.INCLUDED, S.REJECTED, S.DEFERRED))
    if meeting is not None:
        qs = qs.filter(meeting=meeting)
    if body is not None:
        qs = qs.filter(meeting__body=body)
    if not (user is not None and user.is_authenticated and user.is_superuser):
        qs = qs.filter(Q(meeting__body_id__in=list(roles_by_body(user))))
    return list(qs.order_by("-decided_at", "-pk")[:50])
