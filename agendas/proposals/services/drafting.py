"""The proposer's writes outside the workflow: the draft and its text (a draft holds
whatever was typed; a submitted proposal keeps what a submission needs), its annexes, and
the deletion of a draft nobody else saw."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from agendas.enums import EDITABLE, ProposalEventKind, ProposalState
from agendas.exceptions import InvalidProposal, InvalidTransition, TransitionNotAllowed
from agendas.models import Proposal, ProposalAnnex, ProposalEvent
from agendas.proposals.annexes import annex_kind
from agendas.proposals.rules import may
from agendas.proposals.selectors import delegate_states
from agendas.proposals.services.workflow import document_content
from agendas.proposals.steps import edit_not_allowed, propose_not_allowed
from agendas.proposals.text import TEXT_FIELDS, missing_fields, missing_sentence
from documents.services import document_update
from meetings.models import Meeting, MemberState

S = ProposalState


def check_open_for_proposals(*, meeting: Meeting) -> None:
    """Refuses a meeting that is over. Also asked by the page that opens a new proposal for
    a meeting, so that it shows this sentence before anything is typed."""
    if not meeting.is_upcoming:
        raise InvalidProposal(
            gettext("The %(meeting)s is over: choose an upcoming meeting for your proposal.")
            % {"meeting": meeting.display_name}
        )


def check_editable(*, proposal: Proposal) -> None:
    """Refuses a proposal its proposer can no longer edit (also asked by the edit page)."""
    if proposal.state not in EDITABLE:
        raise InvalidTransition(
            gettext("This proposal is %(state)s: it can no longer be edited.")
            % {"state": ProposalState(proposal.state).label.lower()}
        )


def _check_proposer(*, meeting: Meeting, proposer, member_state: MemberState) -> None:
    check_open_for_proposals(meeting=meeting)
    states = delegate_states(user=proposer, meeting=meeting)
    if not states:
        raise propose_not_allowed(meeting)
    if member_state.pk not in {s.pk for s in states}:
        names = [s.name for s in states]
        # Translators: the last two of a list of Member States: "Brazil, India or Kenya".
        choices = (
            names[0]
            if len(names) == 1
            else gettext("%(first)s or %(last)s")
            % {
                "first": ", ".join(names[:-1]),
                "last": names[-1],
            }
        )
        raise InvalidProposal(
            gettext(
                "You are not a delegate of %(state)s in %(body)s: propose on behalf of %(choices)s."
            )
            % {"state": member_state.name, "body": meeting.body.acronym, "choices": choices}
        )


def _check_text(fields: dict, *, complete: bool) -> dict:
    """The text stripped; a draft may hold anything, a submitted proposal keeps what a
    submission needs."""
    cleaned = {name: (fields.get(name) or "").strip() for name in TEXT_FIELDS}
    missing = missing_fields(cleaned) if complete else []
    if missing:
        raise InvalidProposal(missing_sentence(missing, submitted=True))
    return cleaned


@transaction.atomic
def proposal_create(
    *,
    meeting: Meeting,
    proposer,
    member_state: MemberState,
    title: str = "",
    purpose: str = "",
    action_required: str = "",
    proposals: str = "",
    references: str = "",
    introduction: str = "",
    co_sponsors: Iterable[MemberState] = (),
) -> Proposal:
    """A draft proposal of ``proposer`` on behalf of ``member_state`` (which they represent
    in the meeting's body) for an upcoming meeting, with whatever text it holds (completeness
    is the submission's guard). Nothing is registered or mailed yet."""
    _check_proposer(meeting=meeting, proposer=proposer, member_state=member_state)
    text = _check_text(
        {
            "title": title,
            "purpose": purpose,
            "action_required": action_required,
            "proposals": proposals,
            "references": references,
            "introduction": introduction,
        },
        complete=False,
    )
    proposal = Proposal.objects.create(
        meeting=meeting, proposer=proposer, member_state=member_state, **text
    )
    proposal.co_sponsors.set([s for s in co_sponsors if s.pk != member_state.pk])
    return proposal


@transaction.atomic
def proposal_update(*, proposal: Proposal, actor, **fields) -> Proposal:
    """The proposer edits a draft or a submitted proposal (not once it is under
    consideration). A draft may also change meeting and Member State. Editing a submitted
    proposal updates its document (title, source, text, and so its references) and logs an
    event of kind EDITED ("Edited after submission") in the history; nothing is mailed."""
    allowed = {*TEXT_FIELDS, "co_sponsors", "meeting", "member_state"}
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"proposal_update() got unexpected fields: {sorted(unknown)}")
    if not may(actor, "agendas.change_proposal", proposal):
        raise edit_not_allowed(proposal)
    locked = (
        Proposal.objects.select_for_update(of=("self",))
        .select_related("meeting__body", "member_state", "document")
        .get(pk=proposal.pk)
    )
    check_editable(proposal=locked)
    meeting = fields.get("meeting", locked.meeting)
    member_state = fields.get("member_state", locked.member_state)
    if locked.state != S.DRAFT and (
        meeting.pk != locked.meeting_id or member_state.pk != locked.member_state_id
    ):
        raise InvalidProposal(
            gettext(
                "A submitted proposal stays with its meeting and Member State; withdraw it and "
                "write a new one to change them."
            )
        )
    if meeting.pk != locked.meeting_id or member_state.pk != locked.member_state_id:
        _check_proposer(meeting=meeting, proposer=locked.proposer, member_state=member_state)
    text = _check_text(
        {name: fields.get(name, getattr(locked, name)) for name in TEXT_FIELDS},
        complete=locked.state != S.DRAFT,
    )

    changed = [name for name in TEXT_FIELDS if getattr(locked, name) != text[name]]
    for name in changed:
        setattr(locked, name, text[name])
    if meeting.pk != locked.meeting_id:
        locked.meeting = meeting
        changed.append("meeting")
    if member_state.pk != locked.member_state_id:
        locked.member_state = member_state
        changed.append("member_state")
    sponsors_changed = "co_sponsors" in fields and _set_co_sponsors(
        locked, fields["co_sponsors"], member_state=member_state
    )
    if not changed and not sponsors_changed:
        return locked
    locked.save(update_fields=[*changed, "updated_at"])
    if locked.state in (S.SUBMITTED, S.RETURNED) and locked.document_id:
        document = document_update(
            actor=actor, document=locked.document, **document_content(proposal=locked)
        )
        ProposalEvent.objects.create(
            proposal=locked,
            kind=ProposalEventKind.EDITED,
            from_state=locked.state,
            to_state=locked.state,
            actor=actor,
            # Kept in the history in the editor's language, like a note they would type.
            note=gettext("Edited after submission: the text of %(symbol)s was updated.")
            % {"symbol": document.symbol},
        )
    return locked


def _set_co_sponsors(proposal: Proposal, states, *, member_state: MemberState) -> bool:
    """Whether the co-sponsors changed (the proposing Member State is not its own)."""
    wanted = {s.pk for s in states if s.pk != member_state.pk}
    if wanted == set(proposal.co_sponsors.values_list("pk", flat=True)):
        return False
    proposal.co_sponsors.set(wanted)
    return True


@transaction.atomic
def proposal_delete(*, proposal: Proposal, actor) -> None:
    """The proposer deletes a proposal that never became a document: a draft, or a draft
    they withdrew. Its history and annexes go with it; their files are removed after commit.
    Nothing is mailed (nobody else ever saw it)."""
    if not may(actor, "agendas.delete_proposal", proposal):
        raise TransitionNotAllowed(
            gettext("Only the delegate who wrote this draft can delete it.")
            if proposal.document_id is None
            else gettext(
                "A submitted proposal is a document of the meeting: it can be withdrawn, "
                "not deleted."
            )
        )
    files = [annex.file.name for annex in proposal.annexes.all()]
    proposal.delete()
    transaction.on_commit(partial(_remove_files, names=files))


def _remove_files(*, names: list[str]) -> None:
    from django.core.files.storage import default_storage

    for name in names:
        default_storage.delete(name)


# ------------------------------------------------------------------------------ annexes


@transaction.atomic
def proposal_annex_add(*, proposal: Proposal, actor, upload) -> ProposalAnnex:
    """The proposer attaches a PDF or Word file while the proposal can still be edited. A
    submitted proposal's document lists it from its next update (see ``proposal_update``)."""
    if not may(actor, "agendas.change_proposal", proposal):
        raise edit_not_allowed(proposal)
    check_editable(proposal=proposal)
    kind = annex_kind(upload)
    annex = ProposalAnnex.objects.create(
        proposal=proposal,
        file=upload,
        name=upload.name[:255],
        kind=kind,
        size=upload.size,
        uploaded_by=actor,
    )
    _refresh_document(proposal, actor=actor)
    return annex


def _refresh_document(proposal: Proposal, *, actor) -> None:
    """A submitted proposal's contribution document lists its annexes at once."""
    if proposal.document_id:
        document_update(
            actor=actor, document=proposal.document, **document_content(proposal=proposal)
        )


@transaction.atomic
def proposal_annex_remove(*, annex: ProposalAnnex, actor) -> None:
    """The proposer removes an annex while the proposal can still be edited; the file is
    deleted after commit."""
    proposal = annex.proposal
    if not may(actor, "agendas.change_proposal", proposal):
        raise edit_not_allowed(proposal)
    check_editable(proposal=proposal)
    name = annex.file.name
    storage = annex.file.storage
    annex.delete()
    _refresh_document(proposal, actor=actor)
    transaction.on_commit(lambda: storage.delete(name))


def proposal_decision_seen(*, proposal: Proposal, actor) -> None:
    """The proposer has read the decision: "My meetings" no longer counts it unread. Not a
    step of the workflow: no event, nothing mailed."""
    unread = proposal.decided_at and proposal.decision_seen_at is None
    if unread and actor.pk == proposal.proposer_id:
        proposal.decision_seen_at = timezone.now()
        Proposal.objects.filter(pk=proposal.pk).update(decision_seen_at=proposal.decision_seen_at)
