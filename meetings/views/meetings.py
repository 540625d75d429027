from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from config.panels import meeting_panels
from config.permissions import require_perm
from meetings import selectors, services
from meetings.exceptions import MeetingsError
from meetings.forms import MeetingForm, SessionForm


def _staff_only(meeting) -> str:
    return (
        f"Only the secretariat of {meeting.body.acronym} can change the {meeting.display_name} "
        "and its sessions."
    )


def body_list(request):
    return render(request, "meetings/body_list.html", {"bodies": selectors.body_list()})


def body_detail(request, body: str):
    body_obj = selectors.body_get(slug=body)
    meetings = selectors.order_upcoming_first(list(body_obj.meetings.select_related("body")))
    return render(request, "meetings/body_detail.html", {"body": body_obj, "meetings": meetings})


def meeting_detail(request, body: str, number: int):
    meeting = selectors.meeting_get(body_slug=body, number=number)
    context = {
        "meeting": meeting,
        "body": meeting.body,
        "sessions": list(selectors.meeting_sessions(meeting=meeting)),
        "can_edit": request.user.has_perm("meetings.change_meeting", meeting),
        "panels": meeting_panels(request, meeting),
    }
    return render(request, "meetings/meeting_detail.html", context)


@require_http_methods(["GET", "POST"])
def meeting_create(request, body: str):
    body_obj = selectors.body_get(slug=body)
    require_perm(
        request,
        "meetings.add_meeting",
        body_obj,
        message=f"Only the secretariat of {body_obj.acronym} can schedule its meetings.",
    )
    form = MeetingForm(request.POST or None, submit_label="Create meeting")
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_create(
                actor=request.user, body=body_obj, **form.cleaned_data
            )
        except MeetingsError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"The {meeting.display_name} was created.")
            return redirect(meeting)
    return render(request, "meetings/meeting_form.html", {"form": form, "body": body_obj})


@require_http_methods(["GET", "POST"])
def meeting_edit(request, body: str, number: int):
    meeting = selectors.meeting_get(body_slug=body, number=number)
    require_perm(request, "meetings.change_meeting", meeting, message=_staff_only(meeting))
    form = MeetingForm(request.POST or None, initial=MeetingForm.initial_from(meeting))
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_update(
                actor=request.user, meeting=meeting, **form.cleaned_data
            )
        except MeetingsError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"The {meeting.display_name} was saved.")
            return redirect(meeting)
    return render(
        request,
        "meetings/meeting_form.html",
        {"form": form, "body": meeting.body, "meeting": meeting},
    )


@require_http_methods(["GET", "POST"])
def session_create(request, body: str, number: int):
    meeting = selectors.meeting_get(body_slug=body, number=number)
    require_perm(request, "meetings.add_session", meeting, message=_staff_only(meeting))
    form = SessionForm(
        request.POST or None, initial={"date": meeting.start_date}, submit_label="Add session"
    )
    if request.method == "POST" and form.is_valid():
        try:
            session = services.session_create(
                actor=request.user, meeting=meeting, **form.cleaned_data
            )
        except MeetingsError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"Session {session.label} was added.")
            return redirect(meeting)
    return render(request, "meetings/session_form.html", {"form": form, "meeting": meeting})


@require_http_methods(["GET", "POST"])
def session_edit(request, body: str, number: int, pk: int):
    meeting = selectors.meeting_get(body_slug=body, number=number)
    require_perm(request, "meetings.change_session", meeting, message=_staff_only(meeting))
    session = selectors.session_get(meeting=meeting, pk=pk)
    form = SessionForm(request.POST or None, initial=SessionForm.initial_from(session))
    if request.method == "POST" and form.is_valid():
        try:
            session = services.session_update(
                actor=request.user, session=session, **form.cleaned_data
            )
        except MeetingsError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"Session {session.label} was saved.")
            return redirect(meeting)
    return render(
        request,
        "meetings/session_form.html",
        {"form": form, "meeting": meeting, "session": session},
    )


@require_http_methods(["GET", "POST"])
def session_delete(request, body: str, number: int, pk: int):
    meeting = selectors.meeting_get(body_slug=body, number=number)
    require_perm(request, "meetings.delete_session", meeting, message=_staff_only(meeting))
    session = selectors.session_get(meeting=meeting, pk=pk)
    if request.method == "POST":
        label = session.label
        services.session_delete(actor=request.user, session=session)
        messages.success(request, f"Session {label} was deleted.")
        return redirect(meeting)
    return render(
        request, "meetings/session_confirm_delete.html", {"meeting": meeting, "session": session}
    )
