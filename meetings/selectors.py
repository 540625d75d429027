"""Reads of the meetings app, with the joins a page needs already made."""

from __future__ import annotations

from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from meetings.models import Body, Meeting, Membership, Session


def order_upcoming_first(meetings: list[Meeting]) -> list[Meeting]:
    """Upcoming and current meetings soonest first, then past ones most recent first."""
    today = timezone.localdate()
    upcoming = sorted((m for m in meetings if m.end_date >= today), key=lambda m: m.start_date)
    past = sorted(
        (m for m in meetings if m.end_date < today), key=lambda m: m.start_date, reverse=True
    )
    return upcoming + past


def body_list() -> list[Body]:
    """Every body with its meetings (upcoming first) in ``body.ordered_meetings``."""
    bodies = list(
        Body.objects.prefetch_related(
            Prefetch(
                "meetings",
                queryset=Meeting.objects.select_related("body").annotate(
                    session_count=Count("sessions")
                ),
            )
        )
    )
    for body in bodies:
        body.ordered_meetings = order_upcoming_first(list(body.meetings.all()))
    return bodies


def body_get(*, slug: str) -> Body:
    try:
        return Body.objects.get(slug=slug)
    except Body.DoesNotExist:
        raise Http404(_("There is no body at this address.")) from None


def meeting_get(*, body_slug: str, number: int) -> Meeting:
    try:
        return Meeting.objects.select_related("body").get(body__slug=body_slug, number=number)
    except Meeting.DoesNotExist:
        raise Http404(_("There is no such meeting.")) from None


def meeting_sessions(*, meeting: Meeting) -> QuerySet[Session]:
    return meeting.sessions.all()


def session_get(*, meeting: Meeting, pk: int) -> Session:
    try:
        return Session.objects.select_related("meeting__body").get(meeting=meeting, pk=pk)
    except Session.DoesNotExist:
        raise Http404(_("There is no such session in this meeting.")) from None


def upcoming_meetings_of(*, body_id: int) -> QuerySet[Meeting]:
    return (
        Meeting.objects.select_related("body")
        .filter(body_id=body_id, end_date__gte=timezone.localdate())
        .order_by("start_date")
    )


def memberships_of(*, user) -> QuerySet[Membership]:
    return Membership.objects.filter(user=user).select_related("body", "member_state")
