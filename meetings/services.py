"""Every write of the meetings app. Views, forms, admin and commands call these.

Each write takes the ``actor`` it is done for and checks that person's permission itself
(``meetings/rules.py``), so a command or a future API cannot skip the check the views make.
A refusal is ``PermissionDenied`` with a sentence."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from meetings.dates import long_date
from meetings.enums import MeetingIdentity, MeetingMode, MeetingStatus, Role
from meetings.exceptions import InvalidMeeting, InvalidSession, InvalidToken
from meetings.models import ApiToken, Body, Meeting, Membership, MemberState, Session
from meetings.rules import forget_roles


def _require(actor, perm: str, obj, refusal: str) -> None:
    if actor is None or not actor.has_perm(perm, obj):
        raise PermissionDenied(refusal)


def _staff_only(body: Body) -> str:
    return _("Only the secretariat of %(body)s can schedule and change its meetings.") % {
        "body": body.acronym
    }


def _check_meeting_dates(*, start_date: dt.date, end_date: dt.date, contribution_deadline) -> None:
    if end_date < start_date:
        raise InvalidMeeting(_("The meeting cannot end before it starts."))
    if contribution_deadline is not None and contribution_deadline.date() > end_date:
        raise InvalidMeeting(_("The contribution deadline must fall before the meeting ends."))


def _check_identity(
    *, identity_kind: str, number: int, label: str, status: str, status_decided_on
) -> None:
    if identity_kind not in MeetingIdentity.values:
        raise InvalidMeeting(_("A meeting is named by an ordinal number, a year or a label."))
    if identity_kind == MeetingIdentity.YEAR and not 1865 <= number <= 2999:
        raise InvalidMeeting(_("A meeting named by its year needs the year as its number: 2025."))
    if identity_kind == MeetingIdentity.LABEL and not (label or "").strip():
        raise InvalidMeeting(_("A labelled meeting needs its label, such as Open consultation."))
    if status not in MeetingStatus.values:
        raise InvalidMeeting(_("A meeting is scheduled, postponed or cancelled."))
    if status != MeetingStatus.SCHEDULED and status_decided_on is None:
        raise InvalidMeeting(_("Give the date of the decision to postpone or cancel the meeting."))


def _taken(body: Body, number: int) -> str:
    return _("%(body)s already has a meeting numbered %(number)s.") % {
        "body": body.acronym,
        "number": number,
    }


@transaction.atomic
def meeting_create(
    *,
    actor,
    body: Body,
    number: int,
    start_date: dt.date,
    end_date: dt.date,
    mode: str = MeetingMode.HYBRID,
    venue: str = "",
    contribution_deadline: dt.datetime | None = None,
    identity_kind: str = MeetingIdentity.ORDINAL,
    label: str = "",
    status: str = MeetingStatus.SCHEDULED,
    status_decided_on: dt.date | None = None,
) -> Meeting:
    """Create a meeting; it keeps document number 1 for its agenda (``/1``)."""
    _require(actor, "meetings.add_meeting", body, _staff_only(body))
    _check_meeting_dates(
        start_date=start_date, end_date=end_date, contribution_deadline=contribution_deadline
    )
    _check_identity(
        identity_kind=identity_kind,
        number=number,
        label=label,
        status=status,
        status_decided_on=status_decided_on,
    )
    if Meeting.objects.filter(body=body, number=number).exists():
        raise InvalidMeeting(_taken(body, number))
    try:
        with transaction.atomic():
            return Meeting.objects.create(
                body=body,
                number=number,
                start_date=start_date,
                end_date=end_date,
                mode=mode,
                venue=venue,
                contribution_deadline=contribution_deadline,
                identity_kind=identity_kind,
                label=(label or "").strip(),
                status=status,
                status_decided_on=status_decided_on if status != MeetingStatus.SCHEDULED else None,
                reserves_agenda_number=True,
            )
    except IntegrityError:
        # Two people created the same meeting at once: the second gets the sentence.
        raise InvalidMeeting(_taken(body, number)) from None


def _save_changes(event, merged: dict, allowed) -> None:
    """Save the fields of a meeting or session that changed, and count the change in its
    ``sequence``: calendar clients replace their copy of the event when it grows."""
    changed = [name for name in allowed if getattr(event, name) != merged[name]]
    for name in changed:
        setattr(event, name, merged[name])
    if changed:
        event.sequence += 1
        event.save(update_fields=[*changed, "sequence", "updated_at"])


# What a meeting's form edits and meeting_update accepts: one list for both.
MEETING_FIELDS = (
    "number",
    "start_date",
    "end_date",
    "mode",
    "venue",
    "contribution_deadline",
    "identity_kind",
    "label",
    "status",
    "status_decided_on",
)


@transaction.atomic
def meeting_update(*, actor, meeting: Meeting, **fields) -> Meeting:
    _require(actor, "meetings.change_meeting", meeting, _staff_only(meeting.body))
    unknown = set(fields) - set(MEETING_FIELDS)
    if unknown:
        raise TypeError(f"meeting_update() got unexpected fields: {sorted(unknown)}")
    merged = {name: fields.get(name, getattr(meeting, name)) for name in MEETING_FIELDS}
    _check_meeting_dates(
        start_date=merged["start_date"],
        end_date=merged["end_date"],
        contribution_deadline=merged["contribution_deadline"],
    )
    _check_identity(
        identity_kind=merged["identity_kind"],
        number=merged["number"],
        label=merged["label"],
        status=merged["status"],
        status_decided_on=merged["status_decided_on"],
    )
    if merged["status"] == MeetingStatus.SCHEDULED:
        merged["status_decided_on"] = None
    if (
        merged["number"] != meeting.number
        and Meeting.objects.filter(body_id=meeting.body_id, number=merged["number"]).exists()
    ):
        raise InvalidMeeting(_taken(meeting.body, merged["number"]))
    outside = meeting.sessions.exclude(date__range=(merged["start_date"], merged["end_date"]))
    if outside.exists():
        raise InvalidMeeting(
            _("Some sessions fall outside the new dates; move or delete them first: %(sessions)s.")
            % {"sessions": ", ".join(s.label for s in outside)}
        )
    _save_changes(meeting, merged, MEETING_FIELDS)
    return meeting


def _check_session(
    *,
    meeting: Meeting,
    date: dt.date,
    start_time: dt.time,
    end_time: dt.time,
    room: str,
    exclude_pk: int | None = None,
) -> None:
    if not (meeting.start_date <= date <= meeting.end_date):
        raise InvalidSession(
            _("The session must be held during the meeting, between %(start)s and %(end)s.")
            % {
                "start": long_date(meeting.start_date, zero_padded=True),
                "end": long_date(meeting.end_date, zero_padded=True),
            }
        )
    if end_time <= start_time:
        raise InvalidSession(_("The session must end after it starts."))
    clashes = meeting.sessions.filter(date=date, start_time__lt=end_time, end_time__gt=start_time)
    if exclude_pk is not None:
        clashes = clashes.exclude(pk=exclude_pk)
    if room:
        clashes = clashes.filter(room__iexact=room)
    clash = clashes.first()
    if clash is not None and room:
        raise InvalidSession(
            _("Room %(room)s is already taken at that time by %(session)s.")
            % {"room": room, "session": clash.label}
        )


@transaction.atomic
def session_create(
    *,
    actor,
    meeting: Meeting,
    date: dt.date,
    start_time: dt.time,
    end_time: dt.time,
    room: str = "",
    title: str = "",
) -> Session:
    _require(actor, "meetings.add_session", meeting, _staff_only(meeting.body))
    _check_session(meeting=meeting, date=date, start_time=start_time, end_time=end_time, room=room)
    return Session.objects.create(
        meeting=meeting, date=date, start_time=start_time, end_time=end_time, room=room, title=title
    )


@transaction.atomic
def session_update(*, actor, session: Session, **fields) -> Session:
    _require(actor, "meetings.change_session", session.meeting, _staff_only(session.meeting.body))
    allowed = {"date", "start_time", "end_time", "room", "title"}
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"session_update() got unexpected fields: {sorted(unknown)}")
    merged = {name: fields.get(name, getattr(session, name)) for name in allowed}
    _check_session(
        meeting=session.meeting,
        date=merged["date"],
        start_time=merged["start_time"],
        end_time=merged["end_time"],
        room=merged["room"],
        exclude_pk=session.pk,
    )
    _save_changes(session, merged, allowed)
    return session


@transaction.atomic
def session_delete(*, actor, session: Session) -> None:
    _require(actor, "meetings.delete_session", session.meeting, _staff_only(session.meeting.body))
    session.delete()


@transaction.atomic
def body_create(
    *,
    actor,
    acronym: str,
    name: str,
    slug: str,
    symbol_prefix: str,
    symbol_joiner: str = "-",
    former_prefixes: str = "",
) -> Body:
    _require(
        actor,
        "meetings.add_body",
        None,
        _("Only an administrator can set up bodies, Member States and roles."),
    )
    body = Body(
        acronym=acronym,
        name=name,
        slug=slug,
        symbol_prefix=symbol_prefix,
        symbol_joiner=symbol_joiner,
        former_prefixes=former_prefixes,
    )
    body.full_clean()
    body.save()
    return body


@transaction.atomic
def member_state_create(*, actor, name: str, iso_code: str) -> MemberState:
    _require(
        actor,
        "meetings.add_memberstate",
        None,
        _("Only an administrator can set up bodies, Member States and roles."),
    )
    state = MemberState(name=name, iso_code=iso_code)
    state.full_clean()
    state.save()
    return state


@transaction.atomic
def membership_grant(
    *, actor, user, body: Body, role: str, member_state: MemberState | None = None
) -> Membership:
    _require(
        actor,
        "meetings.add_membership",
        body,
        _("Only an administrator can set up bodies, Member States and roles."),
    )
    if role == Role.DELEGATE and member_state is None:
        raise ValueError("A delegate represents a Member State; name it.")
    membership, _created = Membership.objects.get_or_create(
        user=user, body=body, role=role, defaults={"member_state": member_state}
    )
    forget_roles(user)
    return membership


# ------------------------------------------------------------------------------ API tokens

API_TOKEN_PREFIX_LENGTH = 8


def api_token_hash(key: str) -> str:
    """What is stored of a key: its SHA-256. A key is 256 random bits, so a plain hash is
    enough (no salt or slow hash needed: it cannot be guessed from a dictionary)."""
    return hashlib.sha256(key.encode()).hexdigest()


@transaction.atomic
def api_token_create(*, user, name: str) -> tuple[ApiToken, str]:
    """A new personal API token of ``user``. Returns the token and its key: the key is shown
    to its owner once and never stored (only its hash)."""
    name = (name or "").strip()
    if not name:
        raise InvalidToken(_("Give the token a name, so you can tell it from others."))
    key = secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        name=name[:80],
        key_hash=api_token_hash(key),
        prefix=key[:API_TOKEN_PREFIX_LENGTH],
    )
    return token, key


@transaction.atomic
def api_token_revoke(*, token: ApiToken, actor) -> ApiToken:
    """``actor`` (the token's owner) revokes it: from now on it authenticates nobody."""
    if actor is None or actor.pk != token.user_id:
        raise InvalidToken(_("Only its owner can revoke a token."))
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def api_token_touch(*, token: ApiToken) -> None:
    """Record when a token was last used, at most once a minute (no write per request)."""
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > dt.timedelta(minutes=1):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
