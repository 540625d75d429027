"""Registry pages: list and search, one document, register, edit, derive (revision, addendum,
corrigendum), list for another meeting, go to a symbol.

Symbols contain ``/``, ``&``, ``(`` and ``.``, so they are taken with a ``path:`` converter
after a fixed word (``d/``, ``edit/``...) that keeps the routes apart."""

from __future__ import annotations

from functools import wraps
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_http_methods

from config.permissions import LoginRequired, require_perm
from documents import registry, selectors, services
from documents.enums import KNOWN_SERIES, Access, SuffixKind
from documents.exceptions import DocumentsError
from documents.forms import (
    DocumentDeriveForm,
    DocumentEditForm,
    DocumentRegisterForm,
    GotoSymbolForm,
    ListingForm,
    RegistryFilterForm,
    source_datalist,
    source_suggestions,
    text_for_editing,
)
from documents.linking import CitationLink, link_citations
from documents.models import Document
from documents.rendering import prepare_text
from documents.symbols import normalize_symbol
from meetings.models import Meeting
from meetings.rules import is_staff_of_any_body

# ----------------------------------------------------------------------------------- list


def _query_from(form: RegistryFilterForm) -> registry.RegistryQuery:
    if not form.is_bound:
        return registry.RegistryQuery()
    # cleaned_data keeps the valid filters when another one is not: they still apply, and
    # the error of the other is shown.
    form.is_valid()
    data = form.cleaned_data
    body = data.get("body")
    return registry.RegistryQuery(
        q=data.get("q") or "",
        body_id=body.pk if body else None,
        meeting=data.get("meeting"),
        doc_type=data.get("type") or "",
        source=data.get("source") or "",
        language=data.get("language") or "",
        date_from=data.get("date_from"),
        date_to=data.get("date_to"),
    )


def _page_param(request) -> int:
    try:
        return max(1, int(request.GET.get("page", "1")))
    except ValueError:
        return 1


def _url_with(request, **params) -> str:
    query = request.GET.copy()
    for name in ("after", "before", "page"):
        query.pop(name, None)
    for name, value in params.items():
        query[name] = value
    return f"{reverse('documents:list')}?{query.urlencode()}"


@require_GET
def registry_list(request):
    form = RegistryFilterForm(request.GET or None)
    query = _query_from(form)
    notice = ""
    q = query.q.strip()
    if q:
        symbol, document = selectors.symbol_lookup(user=request.user, value=q)
        if document is not None:
            return redirect(document)
        if symbol is not None:
            notice = f"No document {symbol} is registered; showing the documents that cite it."
        elif selectors.looks_like_a_symbol(q):
            notice = (
                f"“{q}” is not a document symbol (symbols look like CWG-Internet-21/3, "
                "CWG-Internet-21/3(Rev.1), C25/1 or C25/INF/3); showing a word search instead."
            )
    page = registry.registry_page(
        user=request.user,
        query=query,
        after=request.GET.get("after", ""),
        before=request.GET.get("before", ""),
        page=_page_param(request),
    )
    for document in page.documents:
        listed = query.meeting is not None and document.meeting_id != query.meeting.pk
        document.listed_from = document.meeting if listed else None
    if page.ranked:
        next_url = _url_with(request, page=page.page_number + 1) if page.has_next else ""
        prev_url = _url_with(request, page=page.page_number - 1) if page.has_prev else ""
    else:
        next_url = _url_with(request, after=page.next_cursor) if page.has_next else ""
        prev_url = _url_with(request, before=page.prev_cursor) if page.has_prev else ""
    context = {
        "form": form,
        "query": query,
        "page": page,
        "rows": registry.table_rows(page.documents),
        "next_url": next_url,
        "prev_url": prev_url,
        "notice": notice,
        "filtered": bool(request.GET.get("q") or _any_filter(query)),
        "full_text": registry.full_text_search_available(),
        "source_datalist": source_datalist(),
        "options": registry.registry_filter_options(
            selected_meeting=str(query.meeting.pk) if query.meeting else ""
        ),
        "selected": _selected(request, query),
        "can_register": _can_register(request.user),
        "search_depth": registry.SEARCH_DEPTH,
    }
    return render(request, "documents/registry_list.html", context)


def _selected(request, query: registry.RegistryQuery) -> dict:
    """The filters as the form shows them again (what was typed, valid or not)."""
    return {
        "body": request.GET.get("body", ""),
        "meeting": str(query.meeting.pk) if query.meeting else "",
        "type": query.doc_type,
        "source": request.GET.get("source", ""),
        "language": query.language,
        "date_from": request.GET.get("date_from", ""),
        "date_to": request.GET.get("date_to", ""),
    }


def _any_filter(query: registry.RegistryQuery) -> bool:
    return any(
        [
            query.body_id,
            query.meeting,
            query.doc_type,
            query.source,
            query.language,
            query.date_from,
            query.date_to,
        ]
    )


def _can_register(user) -> bool:
    return bool(user.is_authenticated and (user.is_superuser or is_staff_of_any_body(user)))


@require_GET
def goto_symbol(request):
    """The "go to symbol" box: the document's page, or the list with a sentence."""
    form = GotoSymbolForm(request.GET)
    if not form.is_valid():
        for error in form.errors.get("symbol", []):
            messages.error(request, error)
        return redirect("documents:list")
    symbol, document = selectors.symbol_lookup(user=request.user, value=form.cleaned_data["symbol"])
    if document is None:
        messages.error(request, f"No document {symbol} is registered.")
        return redirect(f"{reverse('documents:list')}?{urlencode({'q': symbol})}")
    return redirect(document)


# ------------------------------------------------------------------------------ document


def _document_view(view):
    """Resolve the ``symbol`` of the address before the view runs: "not found" when there is
    no such document or the user may not see it; a symbol typed in another form (lower case,
    spaces, "Rev.1" without brackets) is redirected to its canonical address."""

    @wraps(view)
    def wrapped(request, symbol: str, *args, **kwargs):
        canonical = normalize_symbol(symbol)
        if canonical is None:
            raise Http404(f"“{symbol}” is not a document symbol.")
        if canonical != symbol:
            return redirect(request.resolver_match.view_name, symbol=canonical)
        try:
            document = selectors.document_get(user=request.user, symbol=canonical)
        except Http404:
            # a renamed group's document under its other name (CWG-WSIS-42/13)
            _, other = selectors.symbol_lookup(user=request.user, value=canonical)
            if other is None or other.symbol == canonical:
                raise
            return redirect(request.resolver_match.view_name, symbol=other.symbol)
        return view(request, document, *args, **kwargs)

    return wrapped


def _citation_links(cites: list[selectors.CitedItem]) -> dict[str, CitationLink]:
    """How each citation in the text is shown: a link to the registered document or the
    recorded instrument, a UN symbol linked to the UN's own copy, and anything else marked,
    with the instrument's canonical name as its title."""
    links: dict[str, CitationLink] = {}
    for item in cites:
        if item.document is not None:
            links[item.key] = CitationLink(
                url=item.document.get_absolute_url(), title=item.document.title
            )
        elif item.instrument is not None:
            links[item.key] = CitationLink(
                url=item.instrument.url,
                title=item.instrument.title or item.name or item.key,
                css_class="citation citation-instrument",
            )
        elif item.un_url:
            links[item.key] = CitationLink(
                url=item.un_url, title=item.name, css_class="citation citation-instrument"
            )
        else:
            title = item.name or gettext("Not in the registry")
            links[item.key] = CitationLink(title=title, css_class="citation citation-unresolved")
    return links


@_document_view
def document_detail(request, document: Document):
    user = request.user
    cites = selectors.document_cites(user=user, document=document)
    family = selectors.document_family(user=user, document=document)
    can_edit = user.has_perm("documents.change_document", document)
    context = {
        "document": document,
        "body": document.body,
        "meeting": document.meeting,
        # The same per-paragraph lang/dir as the PDF: Arabic reads right to left here too.
        "text": link_citations(prepare_text(document.text), _citation_links(cites)),
        "cites": cites,
        "cited_documents": [c for c in cites if c.kind == "document"],
        "cited_instruments": [c for c in cites if c.kind != "document"],
        "cited_by": selectors.document_cited_by(user=user, document=document),
        "family": family,
        "listings": selectors.document_listings(document=document),
        "publications": list(document.publications.all()),
        "can_edit": can_edit,
        "can_publish": user.has_perm("documents.publish_document", document),
        "can_list": _can_register(user),
        "file_name": _file_name(document),
        "file_size": _file_size(document),
        # Who did what is for people signed in, not for every visitor.
        "history": selectors.document_history(document=document) if user.is_authenticated else None,
    }
    return render(request, "documents/document_detail.html", context)


def _file_name(document: Document) -> str:
    return document.file.name.rsplit("/", 1)[-1] if document.file else ""


def _file_size(document: Document) -> int | None:
    try:
        return document.file.size if document.file else None
    except OSError:
        return None


@_document_view
@require_GET
def document_file(request, document: Document):
    """The uploaded file, served only to those who may see the document."""
    if not document.file:
        raise Http404(f"{document.symbol} has no uploaded file.")
    try:
        handle = document.file.open("rb")
    except OSError:
        raise Http404(f"The file of {document.symbol} is missing from the store.") from None
    return FileResponse(handle, as_attachment=True, filename=_file_name(document))


# ------------------------------------------------------------------------------- register


def _registration_meetings(request):
    if not request.user.is_authenticated:
        raise LoginRequired()
    meetings = selectors.meetings_for_registration(user=request.user)
    if not meetings.exists():
        raise PermissionDenied("Only the secretariat of a body registers its documents.")
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
            raise PermissionDenied("You do not register documents for that meeting.")
        initial["meeting"] = meeting.pk
    return initial


def _preview(meeting: Meeting | None, series: str) -> str:
    if meeting is None:
        return ""
    return services.next_symbol(meeting=meeting, series=series)


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
                    request, f"This form was already sent: it registered {earlier.symbol}."
                )
                return redirect(earlier)
            try:
                document = services.document_register(
                    meeting=meeting,
                    series=data["series"],
                    title=data["title"],
                    source=data["source"],
                    doc_type=data["doc_type"],
                    purpose=data["purpose"],
                    date=data["date"],
                    original_language=data["original_language"],
                    languages=data["languages"],
                    access=data["access"],
                    text=data["text"],
                    file=data.get("file") or None,
                    actor=request.user,
                    submission_token=token,
                )
            except DocumentsError as exc:
                form.add_error(None, str(exc))
            except IntegrityError:
                # The same form sent twice at the very same moment: the other copy won.
                document = Document.objects.filter(submission_token=token).first()
                if document is None:
                    raise
                return redirect(document)
            else:
                messages.success(request, f"{document.symbol} was registered.")
                return redirect(document)
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
            "heading": "Register a document",
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


@_document_view
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
                messages.success(request, f"{document.symbol} was saved.")
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
            "heading": f"Edit {document.symbol}",
            "mode": "edit",
            "source_datalist": source_datalist(sources),
        },
    )


# --------------------------------------------------------------------------------- derive


@_document_view
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
            try:
                derived = services.document_derive(
                    base=base,
                    kind=data["kind"],
                    title=data["title"],
                    text=data["text"],
                    date=data["date"],
                    languages=data["languages"] or None,
                    actor=request.user,
                    submission_token=data["token"],
                )
            except DocumentsError as exc:
                form.add_error(None, str(exc))
            except IntegrityError:
                derived = Document.objects.filter(submission_token=data["token"]).first()
                if derived is None:
                    raise
                return redirect(derived)
            else:
                messages.success(request, f"{derived.symbol} was registered.")
                return redirect(derived)
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
            "heading": f"New revision, addendum or corrigendum of {base.symbol}",
            "mode": "derive",
            "next_derived": services.next_derived_symbols(base=base),
        },
    )


# ------------------------------------------------------------------------ list elsewhere


@_document_view
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
        raise PermissionDenied("Only the secretariat of a body lists documents for its meetings.")
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
                f"{document.symbol} is now also an official document of the "
                f"{meeting.display_name}.",
            )
            return redirect(document)
    return render(
        request,
        "documents/document_form.html",
        {
            "form": form,
            "document": document,
            "heading": f"List {document.symbol} for another meeting",
            "mode": "list",
        },
    )


urlpatterns = [
    path("", registry_list, name="list"),
    path("go/", goto_symbol, name="goto"),
    path("new/", document_register, name="register"),
    path("new/symbol/", next_symbol_preview, name="next_symbol"),
    path("d/<path:symbol>", document_detail, name="detail"),
    path("file/<path:symbol>", document_file, name="file"),
    path("edit/<path:symbol>", document_edit, name="edit"),
    path("derive/<path:symbol>", document_derive, name="derive"),
    path("list-for-meeting/<path:symbol>", document_list_for_meeting, name="list_for_meeting"),
]
