"""The registry of documents: its filters, its full-text search and its pages (keyset
paging when browsing, offset paging for a ranked search). Every query starts from
``documents.selectors.visible_documents``; the rows of the table are documents.tables."""

from __future__ import annotations

import datetime as dt
import html
import re
from contextlib import suppress
from dataclasses import dataclass, field

from django.db import DatabaseError, connection
from django.db.models import BooleanField, FloatField, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext

from documents.enums import DocumentType, Language
from documents.models import Document, DocumentListing
from documents.selectors import row_joins, visible_documents
from documents.snippets import search_snippets
from documents.tables import month_abbreviations
from meetings.models import Body, Meeting, symbol_number

PAGE_SIZE = 25
# Counting stops here: "more than 1,000 documents" costs a bounded scan, not a COUNT(*)
# over the whole registry.
COUNT_CAP = 1000
# A ranked search is paged by offset; past this many results the person is asked to
# narrow the search instead (the deep pages of a relevance ranking are never read).
SEARCH_DEPTH = 1000


@dataclass
class RegistryQuery:
    """What the registry page was asked for (all optional)."""

    q: str = ""
    body_id: int | None = None
    meeting: Meeting | None = None
    doc_type: str = ""
    source: str = ""
    language: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None

    @property
    def is_search(self) -> bool:
        return bool(self.q.strip())

    @classmethod
    def from_filters(cls, data: dict) -> RegistryQuery:
        """From the cleaned data of ``RegistryFilterForm`` (the page and the API)."""
        body = data.get("body")
        return cls(
            q=data.get("q") or "",
            body_id=body.pk if body else None,
            meeting=data.get("meeting"),
            doc_type=data.get("type") or "",
            source=data.get("source") or "",
            language=data.get("language") or "",
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
        )


@dataclass
class RegistryPage:
    documents: list[Document]
    count: int  # capped at COUNT_CAP + 1
    ranked: bool = False
    next_cursor: str = ""
    prev_cursor: str = ""
    page_number: int = 1
    has_next: bool = False
    has_prev: bool = False
    extra: dict = field(default_factory=dict)

    @property
    def count_is_capped(self) -> bool:
        return self.count > COUNT_CAP

    @property
    def count_label(self) -> str:
        if self.count_is_capped:
            return gettext("more than %(count)s documents") % {"count": f"{COUNT_CAP:,}"}
        return ngettext("%(count)s document", "%(count)s documents", self.count) % {
            "count": f"{self.count:,}"
        }


def full_text_search_available() -> bool:
    return connection.vendor == "postgresql"


_WORD = re.compile(r"[^\W_]+(?:[-'’.&+/][^\W_]+)*", re.UNICODE)


def _search_terms(q: str) -> list[str]:
    return _WORD.findall(q)[:8]


# The query read as exact words and stemmed in each language with a PostgreSQL configuration,
# OR'ed: one tsquery, so the GIN index on ``search_vector`` (migration 0009) still answers.
_TSQUERY_CONFIGS = ["simple", "english", "french", "spanish", "russian"]


def _tsqueries(q: str) -> list[str]:
    """The distinct readings of ``q``, one per configuration. Most configurations read a word
    alike: OR'ing the same tsquery five times would make the planner expect five times the
    rows, walk another index and read every big vector (240 ms instead of 5 for a word and a
    body on 100,000 documents)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT DISTINCT websearch_to_tsquery(c::regconfig, %s)::text "
            "FROM unnest(%s::text[]) AS c",
            [q, _TSQUERY_CONFIGS],
        )
        return sorted(text for (text,) in cursor.fetchall() if text) or [""]


def _text_filter(qs: QuerySet[Document], q: str) -> tuple[QuerySet[Document], bool]:
    """Keep the documents that match ``q``; the second value says whether they are ranked.

    PostgreSQL: the stored ``search_vector`` (GIN index) against ``websearch_to_tsquery``
    of each language configuration (a French inflected form finds the French word), so
    quotes make a phrase and a leading minus excludes a word; ranked by ``ts_rank`` (title
    words weigh more). SQLite: every word must appear in the search text."""
    if full_text_search_available():
        # The SQL is made of constants only; the readings of ``q`` are passed as parameters.
        params = _tsqueries(q)
        tsquery = "(" + " || ".join(["%s::tsquery"] * len(params)) + ")"
        vector = "documents_document.search_vector"
        match = RawSQL(f"{vector} @@ {tsquery}", params, output_field=BooleanField())  # noqa: S611
        rank = RawSQL(f"ts_rank({vector}, {tsquery})", params, output_field=FloatField())  # noqa: S611
        return qs.filter(match).annotate(rank=rank), True
    terms = _search_terms(q)
    for term in terms:
        qs = qs.filter(search_text__icontains=term)
    return qs, False


def registry_filter(*, user, query: RegistryQuery) -> tuple[QuerySet[Document], bool]:
    """The visible documents matching ``query`` (not yet ordered or sliced)."""
    qs = visible_documents(user)
    if query.body_id:
        qs = qs.filter(body_id=query.body_id)
    if query.meeting is not None:
        # Its own documents and those listed for it from another meeting or body. The few
        # listed ids are read first: "meeting_id = m OR id IN (1, 2)" uses two indexes,
        # where "OR id IN (SELECT ...)" would read the whole table.
        listed = list(
            DocumentListing.objects.filter(meeting=query.meeting).values_list(
                "document_id", flat=True
            )
        )
        qs = qs.filter(Q(meeting=query.meeting) | Q(pk__in=listed))
    if query.doc_type:
        qs = qs.filter(doc_type=query.doc_type)
    if query.source.strip():
        # Starts with (any case): "Russian" finds "Russian Federation"; on PostgreSQL an
        # index on UPPER(source) answers it (migration 0004).
        qs = qs.filter(source__istartswith=query.source.strip())
    if query.language:
        qs = qs.filter(languages__contains=f",{query.language},")
    if query.date_from:
        qs = qs.filter(date__gte=query.date_from)
    if query.date_to:
        qs = qs.filter(date__lte=query.date_to)
    ranked = False
    if query.is_search:
        qs, ranked = _text_filter(qs, query.q.strip())
    return qs, ranked


def _capped_count(qs: QuerySet[Document], *, by_date: bool) -> int:
    """How many match, counting no further than ``COUNT_CAP + 1``. Without words, counted
    along the (date, id) index like the page itself (a date range is then a range of the
    index, not a scan of the table); a search counts along its own index."""
    if by_date:
        return qs.order_by("-date", "-pk").values("pk")[: COUNT_CAP + 1].count()
    capped = qs.order_by().values("pk")[: COUNT_CAP + 1]
    if not full_text_search_available():
        return capped.count()
    # The planner expects the first COUNT_CAP matches early in a scan of the table and
    # prefers it, but each row it reads there unpacks a large search vector from TOAST.
    # Through the GIN index the matches come as a bitmap and only their rows are read, the
    # vectors untouched: for a word in a fifth of 100,000 documents, 30 ms instead of 180
    # (EXPLAIN ANALYZE). A word in most documents costs about the same either way.
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        try:
            return capped.count()
        finally:
            # A failed count leaves the transaction aborted; its rollback undoes the SET.
            with suppress(DatabaseError):
                cursor.execute("RESET enable_seqscan")


def _cursor(document: Document) -> str:
    return f"{document.date.isoformat()}.{document.pk}"


def _parse_cursor(raw: str) -> tuple[dt.date, int] | None:
    try:
        day, pk = raw.split(".", 1)
        return dt.date.fromisoformat(day), int(pk)
    except (ValueError, AttributeError):
        return None


def registry_page(
    *, user, query: RegistryQuery, after: str = "", before: str = "", page: int = 1
) -> RegistryPage:
    """One page of the registry (see ``_registry_page``); a search's documents carry
    ``snippet``, the matching passage with the words marked (documents.snippets)."""
    found = _registry_page(user=user, query=query, after=after, before=before, page=page)
    if query.is_search:
        snippets = search_snippets(documents=found.documents, q=query.q.strip())
        for document in found.documents:
            document.snippet = snippets.get(document.pk, "")
    return found


def _registry_page(
    *, user, query: RegistryQuery, after: str = "", before: str = "", page: int = 1
) -> RegistryPage:
    """One page of the registry.

    Browsing is newest first and paged by keyset: the page after ``after`` (or before
    ``before``) is read straight from the (date, id) index, as fast on page 4,000 as on
    page 1. A full-text search matching at most ``COUNT_CAP`` documents is ordered by
    relevance and paged by offset; one matching more (a word found in most documents) is
    shown newest first like browsing, since ranking every match would cost a scan of them
    all and a relevance order over thousands of documents helps nobody. The count stops at
    ``COUNT_CAP``."""
    qs, ranked = registry_filter(user=user, query=query)
    count = _capped_count(qs, by_date=not query.is_search)
    if ranked and count > COUNT_CAP:
        ranked = False
    if ranked:
        page = max(1, min(page, SEARCH_DEPTH // PAGE_SIZE))
        start = (page - 1) * PAGE_SIZE
        found = _load(qs.order_by("-rank", "-date", "-pk"), start, start + PAGE_SIZE + 1)
        return RegistryPage(
            documents=found[:PAGE_SIZE],
            count=count,
            ranked=True,
            page_number=page,
            has_next=len(found) > PAGE_SIZE and start + PAGE_SIZE < SEARCH_DEPTH,
            has_prev=page > 1,
        )
    after_key = _parse_cursor(after) if after else None
    before_key = _parse_cursor(before) if before else None
    if before_key is not None:
        day, pk = before_key
        # date >= day first, so the index scan starts at the cursor.
        older_first = (
            qs.filter(date__gte=day).filter(Q(date__gt=day) | Q(pk__gt=pk)).order_by("date", "pk")
        )
        found = _load(older_first, 0, PAGE_SIZE + 1)
        has_prev = len(found) > PAGE_SIZE
        documents = list(reversed(found[:PAGE_SIZE]))
        has_next = True
    else:
        if after_key is not None:
            day, pk = after_key
            qs = qs.filter(date__lte=day).filter(Q(date__lt=day) | Q(pk__lt=pk))
        found = _load(qs.order_by("-date", "-pk"), 0, PAGE_SIZE + 1)
        documents = found[:PAGE_SIZE]
        has_next = len(found) > PAGE_SIZE
        has_prev = after_key is not None
    return RegistryPage(
        documents=documents,
        count=count,
        has_next=has_next and bool(documents),
        has_prev=has_prev and bool(documents),
        next_cursor=_cursor(documents[-1]) if documents else "",
        prev_cursor=_cursor(documents[0]) if documents else "",
    )


def _load(ordered: QuerySet[Document], start: int, stop: int) -> list[Document]:
    """The rows ``start:stop`` of ``ordered``: first their ids (the database orders and
    cuts the documents table alone), then those rows with what a row shows. Joining first
    would join every match before the sort, thousands of rows for a common word."""
    ids = list(ordered.values_list("pk", flat=True)[start:stop])
    by_id = {d.pk: d for d in row_joins(Document.objects.filter(pk__in=ids)).order_by()}
    return [by_id[pk] for pk in ids if pk in by_id]


def registry_filter_options(*, selected_meeting: str = "") -> dict:
    """What the filters of the registry offer: bodies, meetings (grouped by body, as ready
    HTML options), types and languages."""
    # Plain rows and HTML made here: a few hundred meetings through the template engine
    # would cost more than all the queries of the page. ``html.escape`` is what Django's
    # ``escape`` calls, without its lazy-string wrapper and SafeString for every value.
    months = month_abbreviations()
    bodies = list(
        Body.objects.order_by("acronym").only("slug", "acronym", "symbol_prefix", "symbol_joiner")
    )
    by_id = {body.pk: body for body in bodies}
    rows = Meeting.objects.order_by("body__acronym", "-number").values_list(
        "pk", "body_id", "number", "identity_kind", "start_date"
    )
    parts = []
    group = None
    for pk, body_id, number, kind, start in rows:
        body = by_id.get(body_id)
        if body is None:  # a body made between the two queries: on the next page
            continue
        if body_id != group:
            if group is not None:
                parts.append("</optgroup>")
            parts.append(f'<optgroup label="{html.escape(body.acronym)}">')
            group = body_id
        # Named as its documents' symbols name it: C25 for Council 2025, not C2025.
        stem = body.meeting_symbol(symbol_number(number, kind))
        label = html.escape(f"{stem} ({months[start.month]} {start.year})")
        chosen = " selected" if str(pk) == selected_meeting else ""
        parts.append(f'<option value="{pk}"{chosen}>{label}</option>')
    if group is not None:
        parts.append("</optgroup>")
    meeting_options = mark_safe("".join(parts))  # noqa: S308 - every value escaped above
    return {
        "bodies": [(body.slug, body.acronym) for body in bodies],
        "meeting_options": meeting_options,
        "types": DocumentType.choices,
        "languages": Language.choices,
    }
