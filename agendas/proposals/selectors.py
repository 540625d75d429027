"""Reads of proposals, with the joins their pages need: the number of queries of each page
does not grow with the number of proposals or of events in their history."""

from __future__ import annotations

from collections import Counter

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from agendas.enums import ProposalState
from agendas.models import AgendaItem, Proposal, ProposalEvent
from documents.models import Document, Reference
from meetings.enums import PRESIDING, Role
from meetings.models import Meeting, Membership, MemberState
from meetings.rules import roles_by_body

S = ProposalState


def _with_everything(qs: QuerySet[Proposal]) -> QuerySet[Proposal]:
    return qs.select_related(
        "meeting__body",
        "member_state",
        "proposer",
        "document",
        "decided_by",
        "deferred_to__body",
        "agenda_item",
    ).prefetch_related(
        "co_sponsors",
        "annexes",
        Prefetch("events", queryset=ProposalEvent.objects.select_related("actor")),
    )


def _bodies_where(user, roles: frozenset[str]) -> list[int]:
    return [body_id for body_id, held in roles_by_body(user).items() if held & roles]


def proposals_of(*, user) -> QuerySet[Proposal]:
    """The proposals ``user`` wrote, latest change first, with their history."""
    return _with_everything(Proposal.objects.filter(proposer=user)).order_by("-updated_at", "-pk")


def deferred_here(*, meeting: Meeting) -> Q:
    """The proposals deferred to ``meeting``: by name, or to "the next meeting" of its body when
    ``meeting`` is the body's first meeting after the one that deferred them. Resolved here at
    read time, so meetings need not know about proposals when one is created."""
    no_meeting_between = ~Exists(
        Meeting.objects.filter(
            body_id=meeting.body_id,
            start_date__gt=OuterRef("meeting__start_date"),
            start_date__lt=meeting.start_date,
        )
    )
    to_next = Q(
        no_meeting_between,
        state=S.DEFERRED,
        deferred_to_next=True,
        meeting__body_id=meeting.body_id,
        meeting__start_date__lt=meeting.start_date,
    )
    return Q(state=S.DEFERRED, deferred_to=meeting) | to_next


def proposal_queue(*, user, meeting_id: int | None = None, state: str = "") -> QuerySet[Proposal]:
    """The proposals of the bodies where ``user`` is secretariat or chair (every body for a
    superuser), drafts excepted, oldest first: those submitted and waiting by default, or
    those of ``state`` ("all" for every state) and of one meeting. For one meeting, the
    proposals deferred to it from an earlier meeting wait with its submitted ones."""
    qs = Proposal.objects.exclude(state=S.DRAFT)
    meeting = Meeting.objects.filter(pk=meeting_id).first() if meeting_id else None
    if meeting is not None and state in ("", "all"):
        own = Q(meeting=meeting) if state == "all" else Q(meeting=meeting, state=S.SUBMITTED)
        qs = qs.filter(own | deferred_here(meeting=meeting))
    else:
        if state != "all":
            qs = qs.filter(state=state or S.SUBMITTED)
        if meeting_id:
            qs = qs.filter(meeting_id=meeting_id)
    if not user.is_superuser:
        qs = qs.filter(
            meeting__body_id__in=_bodies_where(user, frozenset({Role.SECRETARIAT, Role.CHAIR}))
        )
    # The queue shows who, what and when: no history, so no events to fetch.
    return (
        qs.select_related("meeting__body", "member_state", "document", "deferred_to__body")
        .prefetch_related("co_sponsors")
        .order_by("meeting__start_date", "submitted_at", "pk")
    )


def queue_meetings(*, user) -> list[Meeting]:
    """The meetings that have proposals in the queue's bodies, and those not yet over (a new
    meeting has none of its own yet but may have some deferred to it), for its filter."""
    qs = Meeting.objects.select_related("body").filter(
        Q(proposals__isnull=False) | Q(end_date__gte=timezone.localdate())
    )
    if not user.is_superuser:
        qs = qs.filter(body_id__in=_bodies_where(user, frozenset({Role.SECRETARIAT, Role.CHAIR})))
    return list(qs.distinct().order_by("-start_date", "body__acronym"))


def my_meetings(*, user) -> list[Meeting]:
    """The meetings not yet over of every body where ``user`` has a role, soonest first."""
    return list(
        Meeting.objects.select_related("body")
        .filter(body_id__in=list(roles_by_body(user)), end_date__gte=timezone.localdate())
        .order_by("start_date", "body__acronym")
    )


def other_meetings(*, user) -> list[Meeting]:
    """The meetings not yet over of the bodies where ``user`` has no role: public, and
    listed under the member's own so that "/" still leads to every meeting."""
    return list(
        Meeting.objects.select_related("body")
        .exclude(body_id__in=list(roles_by_body(user)))
        .filter(end_date__gte=timezone.localdate())
        .order_by("start_date", "body__acronym")
    )


def unread_decisions(*, user) -> list[Proposal]:
    """Decisions on ``user``'s proposals that they have not opened yet, latest first."""
    return list(
        Proposal.objects.filter(
            proposer=user, decided_at__isnull=False, decision_seen_at__isnull=True
        )
        .select_related("meeting__body", "document", "deferred_to__body")
        .order_by("-decided_at", "-pk")
    )


def proposals_awaiting_decision(*, user) -> QuerySet[Proposal]:
    """Proposals under consideration in the bodies where ``user`` is chair or vice-chair."""
    return _with_everything(
        Proposal.objects.filter(
            state=S.UNDER_CONSIDERATION, meeting__body_id__in=_bodies_where(user, PRESIDING)
        )
    ).order_by("meeting__start_date", "submitted_at", "pk")


def proposals_recently_decided(*, user, limit: int = 10) -> list[Proposal]:
    return list(
        Proposal.objects.filter(
            state__in=[S.INCLUDED, S.REJECTED, S.DEFERRED],
            meeting__body_id__in=_bodies_where(user, PRESIDING),
        )
        .select_related("meeting__body", "member_state", "document", "deferred_to__body")
        .order_by("-decided_at", "-pk")[:limit]
    )


def proposal_get(*, pk: int) -> Proposal:
    try:
        return _with_everything(Proposal.objects.all()).get(pk=pk)
    except Proposal.DoesNotExist:
        raise Http404("There is no such proposal.") from None


def proposal_for_update(*, pk: int) -> Proposal:
    """The proposal with what the workflow's guards read (meeting, body, document)."""
    try:
        return Proposal.objects.select_related("meeting__body", "member_state", "document").get(
            pk=pk
        )
    except Proposal.DoesNotExist:
        raise Http404("There is no such proposal.") from None


def proposal_citations(*, proposal: Proposal) -> list[Reference]:
    """What the proposal's document cites, as the extractor stored it, resolved where known:
    one row per distinct citation, in the order of the text."""
    if not proposal.document_id:
        return []
    references = Reference.objects.filter(source_id=proposal.document_id).select_related(
        "target", "instrument"
    )
    seen: dict[str, Reference] = {}
    for reference in references.order_by("start", "pk"):
        seen.setdefault(reference.key, reference)
    return list(seen.values())


def agenda_item_number(*, item: AgendaItem) -> str:
    """The number users see for ``item`` (4, 2.1), derived from the positions in one query."""
    rows = list(
        AgendaItem.objects.filter(agenda_id=item.agenda_id).values_list(
            "pk", "parent_id", "position"
        )
    )
    siblings: dict[int | None, list[tuple[int, int]]] = {}
    parents = {}
    for pk, parent_id, position in rows:
        siblings.setdefault(parent_id, []).append((position, pk))
        parents[pk] = parent_id
    parts = []
    current: int | None = item.pk
    while current is not None:
        ordered = [pk for _, pk in sorted(siblings.get(parents.get(current), []))]
        if current not in ordered:
            return "?"
        parts.append(str(ordered.index(current) + 1))
        current = parents.get(current)
    return ".".join(reversed(parts))


def proposal_counts(*, meeting: Meeting) -> dict[str, int]:
    """How many proposals of the meeting are in each state (drafts are nobody's business
    but their writer's, so they are not counted)."""
    counts = Counter(
        Proposal.objects.filter(meeting=meeting)
        .exclude(state=S.DRAFT)
        .order_by()
        .values_list("state", flat=True)
    )
    return {state: counts.get(state, 0) for state in S.values if state != S.DRAFT}


def later_meetings(*, meeting: Meeting) -> QuerySet[Meeting]:
    """The meetings of the same body after ``meeting``: where a proposal can be deferred."""
    return (
        Meeting.objects.select_related("body")
        .filter(body_id=meeting.body_id, start_date__gt=meeting.start_date)
        .order_by("start_date")
    )


def later_meetings_by_body(*, body_ids: set[int]) -> dict[int, list[Meeting]]:
    """Every meeting of these bodies, by body and date, in one query: the decision forms of a
    list pick the later meetings of each proposal's meeting from it."""
    found: dict[int, list[Meeting]] = {}
    for meeting in (
        Meeting.objects.select_related("body").filter(body_id__in=body_ids).order_by("start_date")
    ):
        found.setdefault(meeting.body_id, []).append(meeting)
    return found


def upcoming_meetings_for_delegate(*, user) -> QuerySet[Meeting]:
    """Meetings not yet over of the bodies where ``user`` is a delegate."""
    return (
        Meeting.objects.select_related("body")
        .filter(
            body_id__in=_bodies_where(user, frozenset({Role.DELEGATE})),
            end_date__gte=timezone.localdate(),
        )
        .order_by("start_date", "body__acronym")
    )


def delegate_states(*, user, meeting: Meeting) -> list[MemberState]:
    """The Member States ``user`` represents as a delegate in the meeting's body (the form
    offers them, the service checks the choice against them)."""
    return [
        m.member_state
        for m in Membership.objects.filter(
            user=user, body_id=meeting.body_id, role=Role.DELEGATE
        ).select_related("member_state")
    ]


def represented_state_ids(*, user) -> set[int]:
    """The Member States ``user`` represents as a delegate, in any body."""
    return set(
        Membership.objects.filter(user=user, role=Role.DELEGATE).values_list(
            "member_state_id", flat=True
        )
    )


def cited_documents(*, document: Document) -> list[Document]:
    """The registered documents that ``document`` cites, in the order it cites them."""
    references = (
        Reference.objects.filter(source=document, target__isnull=False)
        .select_related("target")
        .order_by("start", "pk")
    )
    return list(dict.fromkeys(reference.target for reference in references))


def replacements(*, user, documents: list[Document]) -> dict[int, Document]:
    """For each of ``documents`` that a later revision (one ``user`` may see) replaces, that
    latest revision, by the document's pk: "20/5 is replaced by 20/5(Rev.1)". One query."""
    from documents.enums import SuffixKind
    from documents.selectors import visible_documents

    # An addendum or a corrigendum completes its document: a revision does not replace it.
    bases = {
        d.pk: (d.parent_id or d.pk) for d in documents if d.suffix_kind in ("", SuffixKind.REVISION)
    }
    latest: dict[int, Document] = {}
    for revision in (
        visible_documents(user)
        .filter(parent_id__in=set(bases.values()), suffix_kind=SuffixKind.REVISION)
        .defer("text", "search_text")
        .order_by("suffix_number")
    ):
        latest[revision.parent_id] = revision
    return {
        pk: latest[base] for pk, base in bases.items() if base in latest and latest[base].pk != pk
    }


def annex_get(*, pk: int):
    from agendas.models import ProposalAnnex

    try:
        return ProposalAnnex.objects.select_related("proposal__meeting__body").get(pk=pk)
    except ProposalAnnex.DoesNotExist:
        raise Http404("There is no such annex.") from None
