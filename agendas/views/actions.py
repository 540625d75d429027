"""Issuing a revision of the agenda and recording its adoption."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from agendas import services
from agendas.exceptions import AgendasError
from agendas.forms import IssueForm
from agendas.views.common import address, agenda_from_address
from config.permissions import require_perm
from documents.exceptions import DocumentsError


@require_POST
def issue(request, body: str, number: int):
    meeting, agenda = agenda_from_address(body, number)
    require_perm(request, "agendas.issue_agenda", agenda)
    form = IssueForm(request.POST)
    valid = form.is_valid()
    note = form.cleaned_data["note"] if valid else ""
    # Unticked boxes are absent from the POST: "print the note" defaults on only without a form.
    options = {
        "print_note": form.cleaned_data["print_note"] if valid and "note" in request.POST else True,
        "document_titles": form.cleaned_data["document_titles"] if valid else False,
    }
    try:
        revision = services.agenda_issue_revision(
            agenda=agenda, user=request.user, note=note, **options
        )
    except (AgendasError, DocumentsError) as exc:
        messages.error(request, str(exc))
        back = "agendas:agenda_editor" if request.POST.get("back") == "editor" else "agendas:agenda"
        return redirect(back, **address(meeting))
    messages.success(
        request,
        _("%(label)s was issued as %(symbol)s; its PDF is being made.")
        % {"label": revision.label, "symbol": revision.document.symbol},
    )
    return redirect("agendas:agenda_revision", rev=revision.number, **address(meeting))


@require_POST
def adopt(request, body: str, number: int):
    meeting, agenda = agenda_from_address(body, number)
    require_perm(request, "agendas.adopt_agenda", agenda)
    try:
        services.agenda_adopt(agenda=agenda, user=request.user)
    except AgendasError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            _("The agenda of the %(meeting)s is adopted.") % {"meeting": meeting.display_name},
        )
    return redirect("agendas:agenda", **address(meeting))
