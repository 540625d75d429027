"""Mails about proposals: who is told of which step, and what they read.

- submitted: the secretariat of the body;
- put under consideration, returned for changes (with the note), included, rejected,
  deferred: the proposer and the delegates of
  the co-sponsoring Member States in the body (with the rationale of a decision);
- withdrawn after submission: the secretariat of the body.

Sent by the Celery task ``agendas.send_proposal_notification`` (``agendas.tasks``), which the
workflow enqueues after commit. One mail per recipient, so nobody sees the others' addresses,
each in the recipient's saved language (``meetings.preferences``).
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext

from agendas.enums import DECIDED, ProposalEventKind, ProposalState
from agendas.models import Proposal, ProposalEvent
from agendas.proposals.steps import decision_phrase
from meetings.dates import moment
from meetings.enums import Role
from meetings.models import Membership
from meetings.preferences import languages_of

logger = logging.getLogger(__name__)
S = ProposalState
K = ProposalEventKind
TO_SECRETARIAT = frozenset({K.SUBMITTED, K.WITHDRAWN})
TO_PROPOSER = frozenset({K.CONSIDERED, K.RETURNED, K.INCLUDED, K.REJECTED, K.DEFERRED})


def notifies(event: ProposalEvent) -> bool:
    """Whether this step is mailed to anyone (edits and withdrawn drafts are not)."""
    if event.kind == K.WITHDRAWN:
        return event.from_state != S.DRAFT
    return event.kind in TO_SECRETARIAT or event.kind in TO_PROPOSER


def recipients(*, proposal: Proposal, event: ProposalEvent) -> list[str]:
    """E-mail addresses, sorted and without duplicates; the actor is not told of their own
    step when they would only be told as secretariat (they know it)."""
    return [user.email for user in recipient_users(proposal=proposal, event=event)]


def recipient_users(*, proposal: Proposal, event: ProposalEvent) -> list:
    """The people ``recipients`` names, one per address, in the order of their addresses."""
    body_id = proposal.meeting.body_id
    users = []
    if event.kind in TO_SECRETARIAT:
        users = [
            m.user
            for m in Membership.objects.filter(body_id=body_id, role=Role.SECRETARIAT)
            .select_related("user")
            .exclude(user_id=event.actor_id)
        ]
    elif event.kind in TO_PROPOSER:
        users = [proposal.proposer]
        sponsor_ids = list(proposal.co_sponsors.values_list("pk", flat=True))
        if sponsor_ids:
            users += [
                m.user
                for m in Membership.objects.filter(
                    body_id=body_id, role=Role.DELEGATE, member_state_id__in=sponsor_ids
                ).select_related("user")
            ]
    by_address = {}
    for user in users:
        if user.is_active and user.email:
            by_address.setdefault(user.email, user)
    return [by_address[address] for address in sorted(by_address)]


def site_url(request_site: str = "") -> str:
    """The address that mail links start with: ``settings.SITE_URL`` when it is set (always in
    production, see ``checks.py``), else the address of the request that took the step (the
    embedded run has no configured address), else localhost for a step taken outside a web
    request (a management command)."""
    return (settings.SITE_URL or request_site or "http://localhost:8000").rstrip("/")


def proposal_url(proposal: Proposal, *, request_site: str = "") -> str:
    return site_url(request_site) + proposal.get_absolute_url()


def compose(*, proposal: Proposal, event: ProposalEvent, request_site: str = "") -> tuple[str, str]:
    """(subject, body) of the mail for ``event``, in the active language."""
    meeting = proposal.meeting
    body = meeting.body
    symbol = proposal.document.symbol if proposal.document_id else gettext("(not registered)")
    actor = (event.actor.get_full_name() or event.actor.username) if event.actor_id else "Agendum"
    when = date_format(timezone.localtime(event.at), "d F Y, H:i")
    source = proposal.document.source if proposal.document_id else proposal.member_state
    lines = [
        gettext("Proposal: %(title)s") % {"title": proposal.title},
        gettext("Document: %(symbol)s") % {"symbol": symbol},
        gettext("Meeting: %(meeting)s") % {"meeting": meeting.display_name},
        gettext("Source: %(source)s") % {"source": source},
        "",
    ]
    names = {"body": body.acronym, "symbol": symbol, "actor": actor, "when": when}
    state = event.to_state
    if state == S.SUBMITTED:
        subject = gettext("[%(body)s] New proposal %(symbol)s: %(title)s") % {
            **names,
            "title": proposal.title,
        }
        lines.insert(
            0,
            gettext("%(state)s submitted a proposal for a new agenda item.")
            % {"state": proposal.member_state},
        )
        if proposal.is_late:
            deadline = timezone.localtime(meeting.contribution_deadline)
            lines.append(
                gettext("It arrived after the deadline of %(deadline)s and is marked late.")
                % {"deadline": moment(deadline)}
            )
        lines.append(gettext("Put it under consideration from the proposal queue."))
    elif state == S.UNDER_CONSIDERATION:
        subject = gettext("[%(body)s] Your proposal %(symbol)s is under consideration") % names
        lines.insert(
            0, gettext("%(actor)s put the proposal under consideration on %(when)s.") % names
        )
        lines.append(gettext("The chair will record a decision on it."))
    elif state == S.RETURNED:
        subject = gettext("[%(body)s] Your proposal %(symbol)s was returned for changes") % names
        lines.insert(
            0, gettext("%(actor)s returned the proposal to you for changes on %(when)s.") % names
        )
        lines.append(gettext("Make the changes asked for below, then submit it again."))
    elif state == S.WITHDRAWN:
        subject = gettext("[%(body)s] Proposal %(symbol)s was withdrawn") % names
        lines.insert(0, gettext("%(actor)s withdrew the proposal on %(when)s.") % names)
    else:
        names["decision"] = decision_phrase(proposal, state)
        subject = gettext("[%(body)s] Decision on your proposal %(symbol)s: %(decision)s") % names
        lines.insert(
            0, gettext("%(actor)s decided on %(when)s: the proposal is %(decision)s.") % names
        )
        lines += [gettext("Rationale:"), event.note or gettext("(none given)")]
    if event.note and state not in DECIDED:
        lines += [gettext("Note:"), event.note]
    url = proposal_url(proposal, request_site=request_site)
    lines += ["", gettext("See the proposal and its history: %(url)s") % {"url": url}]
    return subject, "\n".join(lines) + "\n"


def _messages(users, *, proposal: Proposal, event: ProposalEvent, request_site: str) -> list:
    """One mail per person, each in that person's saved language (``language_of``), not in
    the language of whoever took the step: the mail is composed once per language."""
    languages = languages_of(users)
    composed: dict[str, tuple[str, str]] = {}
    messages = []
    for user in users:
        language = languages[user.pk]
        if language not in composed:
            with translation.override(language):
                composed[language] = compose(
                    proposal=proposal, event=event, request_site=request_site
                )
        subject, text = composed[language]
        messages.append(EmailMessage(subject=subject, body=text, to=[user.email]))
    return messages


def _claim(event_id: int) -> bool:
    """Mark the event as being mailed; False when another run already did (idempotence)."""
    return bool(
        ProposalEvent.objects.filter(pk=event_id, notified_at__isnull=True).update(
            notified_at=timezone.now()
        )
    )


def _release(event_id: int) -> None:
    ProposalEvent.objects.filter(pk=event_id).update(notified_at=None)


def proposal_notification_send(*, proposal_id: int, event_id: int, request_site: str = "") -> int:
    """Send the mails of one event once; returns how many were sent. A failure to send
    releases the claim and re-raises, so a retry sends them. ``request_site``: the address
    of the request that took the step, for the links when SITE_URL is unset."""
    event = (
        ProposalEvent.objects.select_related("actor", "proposal")
        .filter(pk=event_id, proposal_id=proposal_id)
        .first()
    )
    if event is None:
        logger.info("Proposal event %s of proposal %s is gone; no mail.", event_id, proposal_id)
        return 0
    if not notifies(event):
        return 0
    proposal = (
        Proposal.objects.select_related(
            "meeting__body", "proposer", "member_state", "document", "deferred_to__body"
        )
        .filter(pk=proposal_id)
        .first()
    )
    if proposal is None:
        return 0
    users = recipient_users(proposal=proposal, event=event)
    if not users:
        return 0
    with transaction.atomic():
        if not _claim(event_id):
            logger.info("Proposal event %s was already mailed.", event_id)
            return 0
    messages = _messages(users, proposal=proposal, event=event, request_site=request_site)
    try:
        with get_connection() as connection:
            sent = connection.send_messages(messages)
    except Exception:
        _release(event_id)
        raise
    return sent or 0
