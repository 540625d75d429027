"""The proposal workflow: the one transition function and its named steps.

```
draft --submit--> submitted --consider--> under_consideration --decide--> included
  |                   |                           |                  \\-> rejected
  +---withdraw--------+------withdraw-------------+                   \\-> deferred

submitted, under_consideration --return (with a note)--> returned --submit--> submitted
returned --withdraw--> withdrawn
```

``proposal_transition`` is the one function that changes a proposal's state. It checks the
guard (whose step it is, then the state), locks the proposal row and re-reads the state
inside the transaction (so a double click or two chairs at once leave exactly one change),
saves with ``update_fields``, writes one ProposalEvent, and enqueues the notification mail
with ``transaction.on_commit``. A submission also records the PDF of the contribution
(``publication_request``), rendered after commit. ``proposal_submit``, ``proposal_consider``,
``proposal_decide``, ``proposal_return`` and ``proposal_withdraw`` only name its steps.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from functools import partial

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from agendas.enums import Decision, ProposalAction, ProposalState
from agendas.exceptions import InvalidProposal
from agendas.models import AgendaItem, Proposal, ProposalEvent
from agendas.proposals.rules import may
from agendas.proposals.selectors import cited_documents
from agendas.proposals.steps import DECISIONS, STEPS, not_allowed, refusal
from agendas.proposals.text import (
    SECTIONS,
    TEXT_FIELDS,
    annexes_html,
    document_html,
    document_title,
    in_document_language,
    missing_fields,
    missing_sentence,
    source_label,
)
from documents.enums import DocumentStatus, DocumentType, Purpose
from documents.publishing import publication_request
from documents.services import document_register, document_update
from meetings.models import Meeting

logger = logging.getLogger(__name__)

S = ProposalState
A = ProposalAction


def _check_deferral(*, proposal: Proposal, deferred_to: Meeting | None, to_next: bool) -> None:
    if deferred_to is not None and to_next:
        raise InvalidProposal(
            gettext("Defer either to a scheduled meeting or to the next one, not to both.")
        )
    if deferred_to is None:
        if to_next:
            return
        raise InvalidProposal(
            gettext("Choose the later meeting to which the proposal is deferred.")
        )
    if deferred_to.body_id != proposal.meeting.body_id or not (
        deferred_to.start_date > proposal.meeting.start_date
    ):
        raise InvalidProposal(
            gettext("A proposal can only be deferred to a later meeting of %(body)s.")
            % {"body": proposal.meeting.body}
        )


# ------------------------------------------------------------------------------ transition


def _check_request(
    *,
    proposal: Proposal,
    action: str,
    actor,
    note: str,
    deferred_to: Meeting | None,
    to_next: bool = False,
) -> tuple[str, Meeting | None]:
    """The checks that need no lock: whose step it is, a decision's rationale, a deferral's
    meeting. Returns the note and the meeting to defer to, as they are to be saved."""
    if actor is None or not may(actor, STEPS[action].perm, proposal):
        raise not_allowed(action, proposal)
    note = (note or "").strip()
    if action in DECISIONS and not note:
        raise InvalidProposal(
            gettext(
                "Give the rationale of the decision: it is sent to the proposer and kept in the "
                "history."
            )
        )
    if action == A.RETURN and not note:
        raise InvalidProposal(
            gettext("Say what the proposer should change: the note is mailed to them.")
        )
    if action != A.DEFER:
        return note, None
    _check_deferral(proposal=proposal, deferred_to=deferred_to, to_next=to_next)
    return note, deferred_to


@transaction.atomic
def proposal_transition(
    *,
    proposal: Proposal,
    action: str,
    actor,
    note: str = "",
    deferred_to: Meeting | None = None,
    deferred_to_next: bool = False,
    request_site: str = "",
    placement: Placement | None = None,
) -> Proposal:
    """Take one step of the workflow and return the proposal as saved.

    Refuses with ``TransitionNotAllowed`` (not the actor's step), ``InvalidTransition`` /
    ``AlreadyDone`` (the state does not allow it, also when someone else got there first) or
    ``InvalidProposal`` (a decision without rationale, a return without note, a deferral
    without meeting nor ``deferred_to_next`` (the body's next meeting, not yet scheduled),
    a submission missing required text); a refusal changes nothing. Logs one ProposalEvent.
    Submit registers the contribution document (late after the deadline), include adds the
    agenda item, withdraw marks the document withdrawn. The mail is enqueued after commit;
    ``request_site`` starts its links when SITE_URL is unset.
    """
    action = ProposalAction(action)
    step = STEPS[action]
    note, deferred_to = _check_request(
        proposal=proposal,
        action=action,
        actor=actor,
        note=note,
        deferred_to=deferred_to,
        to_next=deferred_to_next,
    )
    # The row lock makes concurrent steps queue here; the state is read again under it.
    locked = (
        Proposal.objects.select_for_update(of=("self",))
        .select_related("meeting__body", "member_state", "deferred_to__body")
        .get(pk=proposal.pk)
    )
    if locked.state not in step.sources:
        raise refusal(action, locked)

    before = locked.state
    now = timezone.now()
    locked.state = step.target
    changed = ["state", "updated_at"]
    if action == A.SUBMIT:
        changed += _submit(proposal=locked, actor=actor, now=now)
    elif action in DECISIONS:
        locked.decision_rationale = note
        locked.decided_by = actor
        locked.decided_at = now
        locked.deferred_to = deferred_to
        locked.deferred_to_next = action == A.DEFER and deferred_to is None
        changed += [
            "decision_rationale",
            "decided_by",
            "decided_at",
            "deferred_to",
            "deferred_to_next",
        ]
    locked.save(update_fields=changed)

    if action == A.INCLUDE:
        _include(proposal=locked, actor=actor, placement=placement or Placement())
    elif action == A.WITHDRAW and locked.document_id:
        document_update(actor=actor, document=locked.document, status=DocumentStatus.WITHDRAWN)

    event = ProposalEvent.objects.create(
        proposal=locked,
        kind=step.kind,
        from_state=before,
        to_state=step.target,
        actor=actor,
        note=note,
    )
    _notify_after_commit(proposal=locked, event=event, request_site=request_site)
    # The caller's instance follows, so a view can show the new state without reloading.
    for name in [*changed, "document_id", "is_late", "submitted_at"]:
        setattr(proposal, name, getattr(locked, name))
    return locked


def _submit(*, proposal: Proposal, actor, now: dt.datetime) -> list[str]:
    meeting = proposal.meeting
    if not meeting.is_upcoming:
        raise InvalidProposal(
            gettext("The %(meeting)s is over: proposals can no longer be submitted for it.")
            % {"meeting": meeting.display_name}
        )
    missing = missing_fields({name: getattr(proposal, name) for name in TEXT_FIELDS})
    if missing:
        raise InvalidProposal(missing_sentence(missing))
    content = document_content(proposal=proposal)
    if proposal.document_id:
        # Submitted again after the changes the secretariat asked for: the document takes
        # the new text; the proposal arrived when it was first submitted (late or not).
        document_update(actor=actor, document=proposal.document, **content)
        _publish(document=proposal.document, actor=actor)
        return ["document"]
    proposal.submitted_at = now
    proposal.is_late = bool(meeting.contribution_deadline and now > meeting.contribution_deadline)
    proposal.document = document_register(
        meeting=meeting,
        doc_type=DocumentType.CONTRIBUTION,
        purpose=Purpose.DECISION,
        source_state=proposal.member_state,
        actor=actor,
        **content,
    )
    _publish(document=proposal.document, actor=actor)
    return ["submitted_at", "is_late", "document"]


def _publish(*, document, actor) -> None:
    # A submitted contribution is issued, so its PDF must exist: the Publication row is
    # recorded in this transaction (the row is the request, the sweeper takes it if the
    # broker is away) and the render is handed over after commit.
    publication_request(document=document, user=actor)


def document_content(*, proposal: Proposal) -> dict:
    """Title, source and text of the proposal's contribution document (with its annexes),
    their fixed words in the document's language (``DOCUMENT_LANGUAGE``), not the
    proposer's interface language."""
    co_sponsors = [state.name for state in proposal.co_sponsors.order_by("name")]
    annexes = list(proposal.annexes.all())
    with in_document_language():
        return {
            "title": document_title(proposal.title),
            "source": source_label(proposal.member_state.name, co_sponsors),
            "text": document_html({name: getattr(proposal, name) for name, _ in SECTIONS})
            + annexes_html(annexes),
        }


@dataclass(frozen=True)
class Placement:
    """Where the chair puts an included proposal: under ``parent_id`` (None: a new top-level
    item), at 1-based ``index`` among its siblings (None: at the end, which at the top level
    means before "Any other business"), taken in ``session_id``."""

    parent_id: int | None = None
    index: int | None = None
    session_id: int | None = None


def _include(*, proposal: Proposal, actor, placement: Placement) -> AgendaItem:
    # Imported here: agendas.services is the editor's module and imports documents itself.
    from agendas.services import agenda_get_or_create, agenda_item_add
    from config.actors import system_actor

    agenda = agenda_get_or_create(meeting=proposal.meeting, user=system_actor(on_behalf_of=actor))
    parent = before = session = None
    if placement.parent_id is not None:
        parent = AgendaItem.objects.filter(agenda=agenda, pk=placement.parent_id).first()
        if parent is None:
            raise InvalidProposal(gettext("The item chosen to hold it is not in the draft agenda."))
    if placement.index:
        siblings = AgendaItem.objects.filter(agenda=agenda, parent=parent).order_by(
            "position", "pk"
        )
        before = siblings[placement.index - 1 : placement.index].first()
    if placement.session_id is not None:
        session = proposal.meeting.sessions.filter(pk=placement.session_id).first()
    # The proposal's own contribution first, then what it cites; not the agenda itself
    # (nor its revisions), which a proposal to amend it naturally cites.
    documents = [
        document
        for document in [proposal.document, *cited_documents(document=proposal.document)]
        if agenda.document_id not in (document.pk, document.parent_id)
    ]
    _grant_listings(proposal=proposal, documents=documents, actor=actor)
    return agenda_item_add(
        agenda=agenda,
        actor=system_actor(on_behalf_of=actor),  # the chair's decide_proposal was checked
        title=proposal.title,
        documents=documents,
        proposal=proposal,
        is_late=proposal.is_late,
        parent=parent,
        before=before,
        session=session,
    )


# A proposal that asks for a document of another meeting to be published as an official
# document of this one says so in these words (the worked example's proposal 2.2).
_ASKS_LISTING = ("official document", "document officiel", "documento oficial")


def _grant_listings(*, proposal: Proposal, documents: list, actor) -> None:
    """Including a proposal that asks for other meetings' documents to become documents of
    this meeting grants it in the same transaction: each is listed for the meeting, with the
    decision as its reason."""
    from config.actors import system_actor
    from documents.services import document_list_for_meeting

    text = f"{proposal.proposals}\n{proposal.action_required}".lower()
    if not any(words in text for words in _ASKS_LISTING):
        return
    reason = gettext("Listed by the chair's decision to include %(symbol)s: %(rationale)s") % {
        "symbol": proposal.document.symbol if proposal.document_id else proposal.title,
        "rationale": proposal.decision_rationale,
    }
    for document in documents:
        if document.meeting_id != proposal.meeting_id:
            document_list_for_meeting(
                actor=system_actor(on_behalf_of=actor),
                document=document,
                meeting=proposal.meeting,
                note=reason[:300],
            )


def _notify_after_commit(*, proposal: Proposal, event: ProposalEvent, request_site: str) -> None:
    from agendas.proposals.notifications import notifies

    if notifies(event):
        transaction.on_commit(
            partial(
                _enqueue_notification,
                proposal_id=proposal.pk,
                event_id=event.pk,
                request_site=request_site,
            )
        )


def _enqueue_notification(*, proposal_id: int, event_id: int, request_site: str) -> None:
    from agendas.tasks import send_proposal_notification

    try:
        send_proposal_notification.delay(
            proposal_id=proposal_id, event_id=event_id, request_site=request_site
        )
    except Exception as exc:  # the broker is away: the event row (notified_at unset) waits
        logger.warning(
            "Mail of proposal event %s waits for the sweeper: the broker did not take it (%s)",
            event_id,
            exc,
        )


# ------------------------------------------------------------------------------ named steps


def proposal_submit(*, proposal: Proposal, actor, note: str = "") -> Proposal:
    """The proposer submits: the proposal becomes a contribution document of the meeting
    (late after the deadline), its PDF is queued and the secretariat of the body is mailed."""
    return proposal_transition(proposal=proposal, action=A.SUBMIT, actor=actor, note=note)


def proposal_consider(*, proposal: Proposal, actor, note: str = "") -> Proposal:
    """Secretariat or chair put a submitted proposal under consideration; the proposer and
    the co-sponsors' delegates are mailed."""
    return proposal_transition(proposal=proposal, action=A.CONSIDER, actor=actor, note=note)


def proposal_decide(
    *,
    proposal: Proposal,
    actor,
    decision: str,
    rationale: str,
    deferred_to: Meeting | None = None,
    deferred_to_next: bool = False,
    request_site: str = "",
    placement: Placement | None = None,
) -> Proposal:
    """The chair or a vice-chair includes, rejects or defers (to a scheduled meeting, or with
    ``deferred_to_next`` to the body's next one), with a rationale; including
    adds the item to the draft agenda where ``placement`` puts it (a new top-level item at a
    position, or a sub-item; its session) in the same transaction. The proposer and the
    co-sponsors' delegates are mailed the decision and its rationale."""
    try:
        action = ProposalAction(Decision(decision).value)
    except ValueError:
        raise InvalidProposal(gettext("Choose a decision: include, reject or defer.")) from None
    return proposal_transition(
        proposal=proposal,
        action=action,
        actor=actor,
        note=rationale,
        deferred_to=deferred_to,
        deferred_to_next=deferred_to_next,
        request_site=request_site,
        placement=placement,
    )


def proposal_return(*, proposal: Proposal, actor, note: str) -> Proposal:
    """Secretariat or chair return a submitted proposal (or one under consideration) to its
    proposer for changes, with a note that says which; the proposer is mailed the note, edits
    and submits again."""
    return proposal_transition(proposal=proposal, action=A.RETURN, actor=actor, note=note)


def proposal_withdraw(*, proposal: Proposal, actor, note: str = "") -> Proposal:
    """The proposer withdraws before a decision; a submitted proposal's document is marked
    withdrawn and the secretariat is mailed."""
    return proposal_transition(proposal=proposal, action=A.WITHDRAW, actor=actor, note=note)
