"""Publication as PDF: publish, the panel (polled by htmx while a render is under way),
retry and download. Routes live under /documents/publications/ so they never meet the
registry's symbol paths."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from config.permissions import require_perm
from config.storage import file_download
from documents.enums import PublicationState
from documents.exceptions import PublicationError
from documents.models import Document, Publication
from documents.publishing import download_filename, publication_request, publication_retry

PANEL_TEMPLATE = "documents/_publications.html"
STATUS_TEMPLATE = "documents/_publications_status.html"


def _document(request, document_id: int) -> Document:
    document = get_object_or_404(
        Document.objects.select_related("body", "meeting__body"), pk=document_id
    )
    require_perm(request, "documents.view_document", document, hide=True)
    return document


def _panel(request, document: Document, *, error: str = ""):
    return render(request, PANEL_TEMPLATE, {"document": document, "panel_error": error})


def _answer(request, document: Document, *, done: str = "", error: str = ""):
    """htmx gets the panel back (no reload); a plain form post goes back to the page."""
    if request.htmx:
        return _panel(request, document, error=error)
    if error:
        messages.error(request, error)
    elif done:
        messages.success(request, done)
    return redirect(document)


@require_GET
def publications_panel(request, document_id: int):
    return _panel(request, _document(request, document_id))


@require_GET
def publication_status(request, document_id: int):
    """The one-line state of the document's newest PDF, for pages that show it beside other
    things (an agenda revision): polled until the state is final, then a download link."""
    document = _document(request, document_id)
    publication = Publication.objects.filter(document=document).order_by("-version", "-pk").first()
    return render(request, STATUS_TEMPLATE, {"document": document, "publication": publication})


@require_POST
def publication_publish(request, document_id: int):
    document = _document(request, document_id)
    require_perm(request, "documents.publish_document", document)
    try:
        publication = publication_request(
            document=document, user=request.user, language=request.POST.get("language", "")
        )
    except PublicationError as exc:
        return _answer(request, document, error=str(exc))
    if publication.state == PublicationState.FAILED:
        return _answer(
            request,
            document,
            error=_(
                "Publishing version %(version)s failed: %(error)s "
                "Use Retry once the cause is fixed."
            )
            % {"version": publication.version, "error": publication.error},
        )
    if publication.state == PublicationState.QUEUED:
        done = _(
            "The PDF of %(symbol)s (version %(version)s) is queued: the publishing worker "
            "will take it."
        )
    else:
        done = _("The PDF of %(symbol)s (version %(version)s) is %(state)s.")
    return _answer(
        request,
        document,
        done=done
        % {
            "symbol": document.symbol,
            "version": publication.version,
            "state": publication.get_state_display().lower(),
        },
    )


@require_POST
def publication_retry_view(request, pk: int):
    publication = get_object_or_404(Publication.objects.only("pk", "document_id"), pk=pk)
    document = _document(request, publication.document_id)
    require_perm(request, "documents.publish_document", document)
    try:
        publication_retry(publication=publication, user=request.user)
    except PublicationError as exc:
        return _answer(request, document, error=str(exc))
    return _answer(
        request,
        document,
        done=_("Publishing %(symbol)s again.") % {"symbol": document.symbol},
    )


@require_GET
def publication_download(request, pk: int):
    publication = get_object_or_404(
        Publication.objects.select_related("document"), pk=pk, state=PublicationState.PUBLISHED
    )
    require_perm(request, "documents.view_document", publication.document, hide=True)
    return file_download(
        publication.file.name,
        filename=download_filename(publication),
        content_type="application/pdf",
        private=publication.document.is_restricted,
        missing=_("The PDF file is missing from storage."),
    )


urlpatterns = [
    path(
        "publications/document/<int:document_id>/",
        publications_panel,
        name="publications_panel",
    ),
    path(
        "publications/document/<int:document_id>/status/",
        publication_status,
        name="publication_status",
    ),
    path(
        "publications/document/<int:document_id>/publish/",
        publication_publish,
        name="publication_publish",
    ),
    path("publications/<int:pk>/retry/", publication_retry_view, name="publication_retry"),
    path("publications/<int:pk>/download/", publication_download, name="publication_download"),
]
