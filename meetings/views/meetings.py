from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from config.panels import meeting_panels
from config.permissions import require_perm
from meetings import selectors, services
from meetings.exceptions import MeetingsError
from meetings.forms import MeetingForm, SessionForm


def _staff_only(meeting) -> str:
    # Translators: %(meeting)s is a meeting's name, "21st meeting of CWG-Internet".
    return _("Only the secretariat of %(body)s can change the %(meeting)s and its sessions.") % {
        "body": meeting.body.acronym,
        "meeting": meeting.display_name,
    }


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
        message=_("Only the secretariat of %(body)s can schedule its meetings.")
        % {"body": body_obj.acronym},
    )
    form = MeetingForm(request.POST or None, submit_label=_("Create meeting"))
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_create(
                actor=request.user, body=body_obj, **form.cleaned_data
            )
        except MeetingsError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request, _("The %(meeting)s was created.") % {"meeting": meeting.display_name}
            )
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
            messages.success(
                request, _("The %(meeting)s was saved.") % {"meeting": meeting.display_name}
            )
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
        request.POST or None, initial={"date": meeting.start_date}, submit_label=_("Add session")
    )
    if request.method == "POST" and form.is_valid():
        try:
            session = services.session_create(
                actor=request.user, meeting=meeting, **form.cleaned_data
            )
        except MeetingsError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request, _("Session %(session)s was added.") % {"session": session.label}
            )
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
            messages.success(
                request, _("Session %(session)s was saved.") % {"session": session.label}
            )
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
        messages.success(request, _("Session %(session)s was deleted.") % {"session": label})
        return redirect(meeting)
    return render(
        request, "meetings/session_confirm_delete.html", {"meeting": meeting, "session": session}
    )
