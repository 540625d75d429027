"""The summary of decisions page: the draft generated from the records, edited by the
secretariat, registered as a document of the meeting and published as a PDF."""

from __future__ import annotations

from django.contrib import messages
from django.db import IntegrityError
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from agendas.decisions import selectors, services
from agendas.decisions.forms import SummaryForm
from agendas.decisions.text import draft_text
from agendas.exceptions import AgendasError
from agendas.proposals.text import DOCUMENT_LANGUAGE
from config.permissions import require_perm
from documents.exceptions import DocumentsError
from documents.models import Document
from meetings import selectors as meeting_selectors

TEMPLATE = "agendas/decisions/summary.html"


def _meeting(request, body: str, number: int):
    meeting = meeting_selectors.meeting_get(body_slug=body, number=number)
    require_perm(
        request,
        "agendas.prepare_decisions_summary",
        meeting,
        message=_("Only the secretariat of %(body)s can prepare the summary of decisions.")
        % {"body": meeting.body.acronym},
    )
    return meeting


def _page(request, meeting, form: SummaryForm, records=None):
    context = {
        "meeting": meeting,
        "body": meeting.body,
        "form": form,
        "records": records or selectors.summary_records(meeting=meeting),
        "summaries": selectors.summaries_of(meeting=meeting),
    }
    return render(request, TEMPLATE, context)


@require_GET
def summary_draft(request, body: str, number: int):
    meeting = _meeting(request, body, number)
    records = selectors.summary_records(meeting=meeting)
    # The summary is registered as an English original (``document_register``'s default, as
    # for contributions): its draft is written in that language, whatever the secretariat's
    # interface language, and its title starts as the registered summaries are found by.
    with translation.override(DOCUMENT_LANGUAGE):
        title = _("Summary of decisions of the %(meeting)s") % {"meeting": meeting.display_name}
        text = draft_text(records)
    form = SummaryForm(initial={"title": title, "text": text})
    return _page(request, meeting, form, records)


@require_POST
def summary_register(request, body: str, number: int):
    meeting = _meeting(request, body, number)
    form = SummaryForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            document = services.decisions_summary_register(
                meeting=meeting,
                actor=request.user,
                title=data["title"],
                text=data["text"],
                access=data["access"],
                submission_token=data["token"],
            )
        except (AgendasError, DocumentsError) as exc:
            form.add_error(None, str(exc))
        except IntegrityError:
            # The same form sent twice at the very same moment: the other copy won.
            document = Document.objects.filter(submission_token=data["token"]).first()
            if document is None:
                raise
            return redirect(document)
        else:
            messages.success(
                request,
                _("%(symbol)s was registered; its PDF is being published.")
                % {"symbol": document.symbol},
            )
            return redirect(document)
    return _page(request, meeting, form)
