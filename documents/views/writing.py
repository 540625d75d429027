"""Pages that write the registry: register a document (with the preview of its next
symbol), edit one, derive a revision, addendum or corrigendum, and list a document for
another meeting. The reading pages are in ``documents.views.registry``."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_http_methods

from config.permissions import LoginRequired, require_perm
from documents import allocation, selectors, services
from documents.enums import KNOWN_SERIES, Access, SuffixKind
from documents.exceptions import DocumentsError
from documents.forms import (
    DocumentDeriveForm,
    DocumentEditForm,
    DocumentRegisterForm,
    ListingForm,
    source_datalist,
    source_suggestions,
    text_for_editing,
)
from documents.models import Document
from documents.views.registry import document_view
from meetings.models import Meeting

# ------------------------------------------------------------------------------- register


def _registration_meetings(request):
    if not request.user.is_authenticated:
        raise LoginRequired()
    meetings = selectors.meetings_for_registration(user=request.user)
    if not meetings.exists():
        raise PermissionDenied(gettext("Only the secretariat of a body registers its documents."))
    return meetings


def _register_initial(request, meetings) -> dict:
    initial = {
        "date": timezone.localdate(),
        "original_language": "en",
        "languages": ["en"],
        "access": Access.PUBLIC,
    }
    wanted = request.GET.get("meeting")
    if wanted:
        meeting = meetings.filter(pk=wanted).first() if wanted.isdigit() else None
        if meeting is None:
            raise PermissionDenied(gettext("You do not register documents for that meeting."))
        initial["meeting"] = meeting.pk
    return initial


def _preview(meeting: Meeting | None, series: str) -> str:
    if meeting is None:
        return ""
    return allocation.next_symbol(meeting=meeting, series=series)


def _registered_once(request, form, register) -> HttpResponse | None:
    """Run ``register`` (a registration carrying the form's token) and answer with the new
    document's page; None, with the error on the form, when it is refused. The same form
    sent twice at the very same moment: the copy that lost shows the winner's page."""
    try:
        document = register()
    except DocumentsError as exc:
        form.add_error(None, str(exc))
        return None
    except IntegrityError:
        document = Document.objects.filter(submission_token=form.cleaned_data["token"]).first()
        if document is None:
            raise
        return redirect(document)
    messages.success(request, gettext("%(symbol)s was registered.") % {"symbol": document.symbol})
    return redirect(document)


@require_http_methods(["GET", "POST"])
def document_register(request):
    meetings = _registration_meetings(request)
    sources = source_suggestions()
    if request.method == "POST":
        form = DocumentRegisterForm(request.POST, request.FILES, meetings=meetings, sources=sources)
        if form.is_valid():
            data = form.cleaned_data
            meeting = data["meeting"]
            require_perm(request, "documents.add_document", meeting)
            token = data["token"]
            earlier = Document.objects.filter(submission_token=token).first()
            if earlier is not None:
                messages.info(
                    request,
                    gettext("This form was already sent: it registered %(symbol)s.")
                    % {"symbol": earlier.symbol},
                )
                return redirect(earlier)
            fields = ("series", "title", "source", "doc_type", "purpose", "date")
            answer = _registered_once(
                request,
                form,
                lambda: services.document_register(
                    meeting=meeting,
                    number=data.get("given_number"),
                    **{name: data[name] for name in fields},
                    original_language=data["original_language"],
                    languages=data["languages"],
                    access=data["access"],
                    text=data["text"],
                    file=data.get("file") or None,
                    actor=request.user,
                    submission_token=token,
                ),
            )
            if answer is not None:
                return answer
        meeting = form.cleaned_data.get("meeting") if hasattr(form, "cleaned_data") else None
        series = form.cleaned_data.get("series", "") if hasattr(form, "cleaned_data") else ""
    else:
        form = DocumentRegisterForm(
            initial=_register_initial(request, meetings), meetings=meetings, sources=sources
        )
        meeting = meetings.filter(pk=form.initial.get("meeting")).first() or meetings.first()
        series = ""
    return render(
        request,
        "documents/document_form.html",
        {
            "form": form,
            "heading": gettext("Register a document"),
            "next_symbol": _preview(meeting, series),
            "mode": "register",
            "source_datalist": source_datalist(sources),
        },
    )


@require_GET
def next_symbol_preview(request):
    """htmx: "Will be registered as …" for the meeting and series chosen on the form."""
    meetings = _registration_meetings(request)
    wanted = request.GET.get("meeting", "")
    meeting = meetings.filter(pk=wanted).first() if wanted.isdigit() else None
    series = request.GET.get("series", "").strip().upper()
    if series not in KNOWN_SERIES:
        series = ""
    return render(
        request,
        "documents/_next_symbol.html",
        {"next_symbol": _preview(meeting, series)},
    )


# ----------------------------------------------------------------------------------- edit


@document_view
@require_http_methods(["GET", "POST"])
def document_edit(request, document: Document):
    require_perm(request, "documents.change_document", document)
    sources = source_suggestions()
    if request.method == "POST":
        form = DocumentEditForm(
            request.POST, request.FILES, sources=sources, has_file=bool(document.file)
        )
        if form.is_valid():
            data = dict(form.cleaned_data)
            expected = data.pop("version")
            if not data.get("file"):
                data.pop("file", None)
            try:
                services.document_update(
                    actor=request.user, document=document, expected_version=expected, **data
                )
            except DocumentsError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(
                    request, gettext("%(symbol)s was saved.") % {"symbol": document.symbol}
                )
                return redirect(document)
    else:
        initial = DocumentEditForm.initial_from(document)
        initial["text"] = text_for_editing(document.text)
        form = DocumentEditForm(initial=initial, sources=sources, has_file=bool(document.file))
    return render(
        request,
        "documents/document_form.html",
        {
            "form": form,
            "document": document,
            "heading": gettext("Edit %(symbol)s") % {"symbol": document.symbol},
            "mode": "edit",
            "source_datalist": source_datalist(sources),
        },
    )


# --------------------------------------------------------------------------------- derive


@document_view
@require_http_methods(["GET", "POST"])
def document_derive(request, document: Document):
    """A new revision, addendum or corrigendum of the document (of its base, when the
    document is itself derived)."""
    base = document.base
    require_perm(request, "documents.add_document", base)
    if request.method == "POST":
        form = DocumentDeriveForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            answer = _registered_once(
                request,
                form,
                lambda: services.document_derive(
                    base=base,
                    kind=data["kind"],
                    title=data["title"],
                    text=data["text"],
                    date=data["date"],
                    languages=data["languages"] or None,
                    actor=request.user,
                    submission_token=data["token"],
                ),
            )
            if answer is not None:
                return answer
    else:
        kind = request.GET.get("kind", SuffixKind.REVISION)
        latest = selectors.document_family(user=request.user, document=base)["latest_revision"]
        form = DocumentDeriveForm(
            initial={
                "kind": kind if kind in SuffixKind.values and kind else SuffixKind.REVISION,
                "title": base.title,
                "date": timezone.localdate(),
                "languages": base.language_codes,
                "text": text_for_editing((latest or base).text) if kind == "Rev" else "",
            }
        )
    return render(
        request,
        "documents/document_form.html",
        {
            "form": form,
            "document": base,
            "heading": gettext("New revision, addendum or corrigendum of %(symbol)s")
            % {"symbol": base.symbol},
            "mode": "derive",
            "next_derived": allocation.next_derived_symbols(base=base),
        },
    )


# ------------------------------------------------------------------------ list elsewhere


@document_view
@require_http_methods(["GET", "POST"])
def document_list_for_meeting(request, document: Document):
    """List the document as an official document of another meeting (one whose documents
    the user registers)."""
    if not request.user.is_authenticated:
        raise LoginRequired()
    meetings = selectors.meetings_for_registration(user=request.user).exclude(
        pk=document.meeting_id
    )
    if not meetings.exists():
        raise PermissionDenied(
            gettext("Only the secretariat of a body lists documents for its meetings.")
        )
    form = ListingForm(request.POST or None, meetings=meetings)
    if request.method == "POST" and form.is_valid():
        meeting = form.cleaned_data["meeting"]
        require_perm(request, "documents.list_document", meeting)
        try:
            services.document_list_for_meeting(
                document=document,
                meeting=meeting,
                note=form.cleaned_data["note"],
                actor=request.user,
            )
        except DocumentsError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                gettext("%(symbol)s is now also an official document of the %(meeting)s.")
                % {"symbol": document.symbol, "meeting": meeting.display_name},
            )
            return redirect(document)
    return render(
        request,
        "documents/document_form.html",
        {
            "form": form,
            "document": document,
            "heading": gettext("List %(symbol)s for another meeting") % {"symbol": document.symbol},
            "mode": "list",
        },
    )


urlpatterns = [
    path("new/", document_register, name="register"),
    path("new/symbol/", next_symbol_preview, name="next_symbol"),
    path("edit/<path:symbol>", document_edit, name="edit"),
    path("derive/<path:symbol>", document_derive, name="derive"),
    path("list-for-meeting/<path:symbol>", document_list_for_meeting, name="list_for_meeting"),
]
