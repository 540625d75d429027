"""Registering and publishing the summary of decisions of a meeting."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from agendas.decisions import rules as _rules  # noqa: F401  (registers the permission)
from agendas.decisions.selectors import SUMMARY_TITLE_START
from agendas.decisions.text import to_html
from agendas.exceptions import AgendaError, TransitionNotAllowed
from documents import publishing
from documents import services as document_services
from documents.enums import Access, DocumentType, Purpose
from documents.models import Document
from meetings.models import Meeting


@transaction.atomic
def decisions_summary_register(
    *,
    meeting: Meeting,
    actor,
    title: str,
    text: str,
    access: str = Access.PUBLIC,
    submission_token: str | None = None,
) -> Document:
    """Register the edited summary as a report of the meeting under its next symbol (the
    documents app's ``document_register``) and ask for its PDF (``publication_request``:
    queued, rendered by a worker after commit).

    Only the body's secretariat (and superusers); the same form sent twice registers one
    document."""
    if actor is None or not actor.has_perm("agendas.prepare_decisions_summary", meeting):
        raise TransitionNotAllowed(
            _("Only the secretariat of %(body)s can register the summary of decisions.")
            % {"body": meeting.body.acronym}
        )
    title = " ".join(title.split())
    if not title.startswith(SUMMARY_TITLE_START):
        # The page finds the registered summaries by this title.
        raise AgendaError(
            _('The title of a summary of decisions starts "%(start)s".')
            % {"start": SUMMARY_TITLE_START}
        )
    if not text.strip():
        raise AgendaError(_("The summary has no text."))
    document = document_services.document_register(
        meeting=meeting,
        title=title,
        source="Secretariat",
        doc_type=DocumentType.REPORT,
        purpose=Purpose.INFORMATION,
        access=access,
        text=to_html(text),
        actor=actor,
        submission_token=submission_token,
    )
    publishing.publication_request(document=document, user=actor)
    return document
