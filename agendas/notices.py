"""What the editor and the agenda page warn the secretariat about (issue 14, item 10, and the
honest revisions of issue 10, item 6): proposals still waiting for a decision, items placed
after "Any other business", an item order that contradicts the session order, and the changes
of the draft not issued yet. Reads only: two queries beyond the tree the caller has."""

from __future__ import annotations

from dataclasses import dataclass, field

from agendas.diff import revision_diff
from agendas.enums import FixedItem, ProposalState
from agendas.models import Agenda, AgendaRevision, Proposal
from agendas.selectors import AgendaTree, Node, agenda_content

PENDING = (ProposalState.SUBMITTED, ProposalState.UNDER_CONSIDERATION)


@dataclass
class DraftNotices:
    pending_proposals: int = 0
    after_aob: list[Node] = field(default_factory=list)
    out_of_order: list[Node] = field(default_factory=list)
    unissued_changes: int = 0
    last_label: str = ""

    @property
    def any(self) -> bool:
        return bool(
            self.pending_proposals or self.after_aob or self.out_of_order or self.unissued_changes
        )


def unissued_changes(*, tree: AgendaTree, latest: AgendaRevision | None) -> int:
    """How many changes of the draft the latest issued revision does not have."""
    if latest is None:
        return 0
    return revision_diff(latest.items, agenda_content(tree=tree)).change_count


def draft_notices(
    *, agenda: Agenda, tree: AgendaTree, latest: AgendaRevision | None
) -> DraftNotices:
    notices = DraftNotices(
        pending_proposals=Proposal.objects.filter(
            meeting_id=agenda.meeting_id, state__in=PENDING
        ).count(),
        unissued_changes=unissued_changes(tree=tree, latest=latest),
        last_label=latest.label if latest else "",
    )
    seen_aob = False
    for node in tree.roots:
        if node.item.fixed == FixedItem.AOB:
            seen_aob = True
        elif seen_aob and node.item.fixed != FixedItem.CLOSING:
            notices.after_aob.append(node)
    latest_start = None
    for node in tree.flat():
        session = node.item.session
        if session is None:
            continue
        start = (session.date, session.start_time)
        if latest_start is not None and start < latest_start:
            notices.out_of_order.append(node)
        latest_start = max(start, latest_start) if latest_start else start
    return notices
