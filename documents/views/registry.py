"""Registry pages that read: list and search, go to a symbol, one document and its file.
The pages that write (register, edit, derive, list for another meeting) are in
``documents.views.writing``.

Symbols contain ``/``, ``&``, ``(`` and ``.``, so they are taken with a ``path:`` converter
after a fixed word (``d/``, ``edit/``...) that keeps the routes apart."""

from __future__ import annotations

from functools import wraps
from urllib.parse import urlencode

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_GET

from config.storage import file_download
from documents import registry, selectors, tables
from documents.external import external_lookup
from documents.forms import source_datalist
from documents.linking import CitationLink, link_citations
from documents.models import Document
from documents.rendering import prepare_text
from documents.search_forms import GotoSymbolForm, RegistryFilterForm
from documents.symbols import normalize_symbol
from documents.versions import shown_version
from meetings.rules import is_staff_of_any_body

# ----------------------------------------------------------------------------------- list


def _query_from(form: RegistryFilterForm) -> registry.RegistryQuery:
    if not form.is_bound:
        return registry.RegistryQuery()
    # cleaned_data keeps the valid filters when another one is not: they still apply, and
    # the error of the other is shown.
    form.is_valid()
    return registry.RegistryQuery.from_filters(form.cleaned_data)


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
            notice = gettext(
                "No document %(symbol)s is registered; showing the documents that cite it."
            ) % {"symbol": symbol}
        elif selectors.looks_like_a_symbol(q):
            notice = gettext(
                "“%(q)s” is not a document symbol (symbols look like CWG-Internet-21/3, "
                "CWG-Internet-21/3(Rev.1), C25/1 or C25/INF/3); showing a word search instead."
            ) % {"q": q}
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
        "rows": tables.table_rows(page.documents),
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
    if (external := external_lookup(value=request.GET.get("symbol", ""))) is not None:
        return redirect(external)
    form = GotoSymbolForm(request.GET)
    if not form.is_valid():
        for error in form.errors.get("symbol", []):
            messages.error(request, error)
        return redirect("documents:list")
    symbol, document = selectors.symbol_lookup(user=request.user, value=form.cleaned_data["symbol"])
    if document is None:
        messages.error(
            request, gettext("No document %(symbol)s is registered.") % {"symbol": symbol}
        )
        return redirect(f"{reverse('documents:list')}?{urlencode({'q': symbol})}")
    return redirect(document)


# ------------------------------------------------------------------------------ document


def document_view(view):
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


@document_view
def document_detail(request, document: Document):
    user = request.user
    cites = selectors.document_cites(user=user, document=document)
    family = selectors.document_family(user=user, document=document)
    can_edit = user.has_perm("documents.change_document", document)
    shown = shown_version(document, request.GET.get("lang"))
    context = {
        "document": document,
        "shown": shown,
        "version_text": prepare_text(shown.version.text) if shown.version else "",
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


@document_view
@require_GET
def document_file(request, document: Document):
    """The uploaded file, served only to those who may see the document."""
    if not document.file:
        raise Http404(f"{document.symbol} has no uploaded file.")
    return file_download(
        document.file.name,
        filename=_file_name(document),
        private=document.is_restricted,
        missing=gettext("The file of %(symbol)s is missing from the store.")
        % {"symbol": document.symbol},
    )


urlpatterns = [
    path("", registry_list, name="list"),
    path("go/", goto_symbol, name="goto"),
    path("d/<path:symbol>", document_detail, name="detail"),
    path("file/<path:symbol>", document_file, name="file"),
]
