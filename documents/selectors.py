"""Reads of the documents app. ``visible_documents`` is the one place that says which
documents a person may see; every list and search starts from it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import Http404

from documents.enums import Access, SuffixKind
from documents.linking import citation_name, un_url
from documents.models import Document, DocumentListing, Reference
from documents.symbols import FORMER_PREFIXES, normalize_symbol, same_series_keys
from meetings.enums import Role
from meetings.models import Body, Meeting
from meetings.rules import roles_by_body


def visible_documents(user) -> QuerySet[Document]:
    qs = Document.objects.all()
    if user is not None and user.is_authenticated and user.is_superuser:
        return qs
    member_of = list(roles_by_body(user)) if user is not None else []
    return qs.filter(Q(access=Access.PUBLIC) | Q(body_id__in=member_of))


def can_see(user, document: Document) -> bool:
    """The same rule as ``visible_documents`` for one loaded row, without a query."""
    if document.access == Access.PUBLIC:
        return True
    if user is not None and user.is_authenticated and user.is_superuser:
        return True
    return document.body_id in roles_by_body(user)


# What a row of a document table reads (documents.registry.table_rows, the registry's
# paging cursor, and ``listed_from``: the symbol stem of the document's own meeting).
# Building Document, Meeting and Body with every column cost more than the query: 2.4 ms
# for a registry page of 26 rows, 1.4 ms with these. A field read beyond them costs a query
# per row, which the registry's and the meeting panel's query-count tests catch.
ROW_FIELDS = (
    "body_id",
    "meeting_id",
    "symbol",
    "title",
    "source",
    "doc_type",
    "date",
    "languages",
    "access",
    "status",
    "meeting__body_id",
    "meeting__number",
    "meeting__identity_kind",
    "meeting__body__symbol_prefix",
    "meeting__body__symbol_joiner",
)


def row_joins(qs: QuerySet[Document]) -> QuerySet[Document]:
    """``qs`` loading only what a row of a document table shows (``ROW_FIELDS``)."""
    return qs.select_related("meeting__body").only(*ROW_FIELDS)


def symbol_lookup(*, user, value: str) -> tuple[str | None, Document | None]:
    """``value`` as a canonical symbol (None if it is not one) and the visible document
    registered under it (None if there is none the user may see)."""
    symbol = normalize_symbol(value or "")
    if symbol is None:
        return None, None
    keys = same_series_keys(symbol, former_prefixes())
    found = {d.symbol: d for d in visible_documents(user).filter(symbol__in=keys)}
    # the symbol as typed first, then the same document under the body's other names
    return symbol, next((found[key] for key in keys if key in found), None)


def former_prefixes() -> dict[str, str]:
    """Former symbol prefix -> the body's present prefix: the bodies' own record over the
    grammar's list of renamed groups."""
    mapping = dict(FORMER_PREFIXES)
    for body in Body.objects.exclude(former_prefixes="").only("symbol_prefix", "former_prefixes"):
        mapping.update(dict.fromkeys(body.all_prefixes[1:], body.symbol_prefix))
    return mapping


_SYMBOLISH = re.compile(r"^\S*\d\S*/\S*$|^\S+/\S*\d\S*$")


def looks_like_a_symbol(value: str) -> bool:
    """A typed value meant as a symbol (no spaces, a slash and a digit), valid or not."""
    value = (value or "").strip()
    return bool(_SYMBOLISH.match(value)) and any(c.isalpha() for c in value)


# --------------------------------------------------------------------------- one document


def document_get(*, user, symbol: str) -> Document:
    """The document registered as ``symbol``, or "not found" when there is none or the
    user may not see it (restricted documents do not exist for outsiders)."""
    try:
        document = Document.objects.select_related(
            "body", "meeting__body", "parent", "created_by", "source_state"
        ).get(symbol=symbol)
    except Document.DoesNotExist:
        raise Http404(f"No document {symbol} is registered.") from None
    if not can_see(user, document):
        raise Http404(f"No document {symbol} is registered.")
    return document


@dataclass
class CitedItem:
    """One entry of "Cites": a document, an instrument, or a citation not (yet) resolved."""

    key: str
    kind: str
    text: str
    document: Document | None = None
    instrument: object | None = None

    @property
    def resolved(self) -> bool:
        return self.document is not None or self.instrument is not None

    @property
    def name(self) -> str:
        """The canonical name of a cited resolution, decision or UN document ("" for other
        documents, which show their symbol and title)."""
        return citation_name(self.key, self.kind)

    @property
    def un_url(self) -> str:
        """Where the United Nations publish a UN symbol ("" for anything else)."""
        return un_url(self.key)


def document_cites(*, user, document: Document) -> list[CitedItem]:
    """What ``document`` cites, once per key, in the order of the text. A cited document
    the user may not see is shown like one not in the registry (its existence is not
    revealed)."""
    references = list(
        Reference.objects.filter(source=document)
        .select_related("target__body", "instrument")
        .order_by("start")
    )
    items: dict[str, CitedItem] = {}
    for ref in references:
        # A document naming its own symbol ("this document, C25/1") cites nothing.
        if ref.key in items or ref.key == document.symbol:
            continue
        target = ref.target if ref.target is not None and can_see(user, ref.target) else None
        items[ref.key] = CitedItem(
            key=ref.key, kind=ref.kind, text=ref.text, document=target, instrument=ref.instrument
        )
    return list(items.values())


def document_cited_by(*, user, document: Document) -> list[Document]:
    """The visible documents whose text cites ``document``, newest first, each once."""
    citing = Reference.objects.filter(target=document).values("source_id")
    return list(
        visible_documents(user)
        .filter(pk__in=citing)
        .select_related("body")
        .defer("text", "search_text")
        .order_by("-date", "-pk")
    )


def document_family(*, user, document: Document) -> dict:
    """The base document and its revisions, addenda and corrigenda (visible ones), the
    latest revision, and ``base_visible``: whether ``user`` may see the base."""
    base = document.parent if document.parent_id else document
    derived = list(
        visible_documents(user)
        .filter(parent_id=base.pk)
        .defer("text", "search_text")
        .order_by("suffix_kind", "suffix_number")
    )
    revisions = [d for d in derived if d.suffix_kind == SuffixKind.REVISION]
    return {
        "base": base,
        # A public revision of a restricted base names its symbol only, never its title.
        "base_visible": base.pk == document.pk
        or bool(user is not None and user.has_perm("documents.view_document", base)),
        "derived": derived,
        "revisions": revisions,
        "addenda": [d for d in derived if d.suffix_kind == SuffixKind.ADDENDUM],
        "corrigenda": [d for d in derived if d.suffix_kind == SuffixKind.CORRIGENDUM],
        "latest_revision": revisions[-1] if revisions else None,
    }


def document_listings(*, document: Document) -> list[DocumentListing]:
    return list(
        DocumentListing.objects.filter(document=document)
        .select_related("meeting__body")
        .order_by("meeting__start_date")
    )


# ------------------------------------------------------------------------ a meeting's list


def meeting_documents(*, user, meeting: Meeting) -> list[Document]:
    """The documents of ``meeting`` in the order of their symbols, then those listed for it
    from other meetings (each with ``listed_from`` set to its own meeting)."""
    own = list(
        row_joins(visible_documents(user).filter(meeting=meeting)).order_by(
            "series", "number", "suffix_kind", "suffix_number"
        )
    )
    listed_ids = DocumentListing.objects.filter(meeting=meeting).values("document_id")
    listed = list(
        row_joins(visible_documents(user).filter(pk__in=listed_ids)).order_by("date", "pk")
    )
    for document in own:
        document.listed_from = None
    for document in listed:
        document.listed_from = document.meeting
    return own + listed


# ------------------------------------------------------------------------------ for forms


def meetings_for_registration(*, user) -> QuerySet[Meeting]:
    """Meetings of the bodies whose documents ``user`` registers (secretariat), newest
    first."""
    qs = Meeting.objects.select_related("body").order_by("body__acronym", "-number")
    if user is not None and user.is_authenticated and user.is_superuser:
        return qs
    bodies = [
        body_id for body_id, roles in roles_by_body(user).items() if Role.SECRETARIAT in roles
    ]
    return qs.filter(body_id__in=bodies)


def document_history(*, document: Document, limit: int = 50) -> list:
    """The latest lines of the document's history (DocumentEvent), newest first."""
    return document_events(Q(document=document), limit=limit)


def document_events(condition: Q, *, limit: int = 50) -> list:
    """The latest DocumentEvent rows matching ``condition``, newest first, with who did it
    and on which symbol, in one query (the agenda's history uses it too)."""
    from documents.models import DocumentEvent

    return list(
        DocumentEvent.objects.filter(condition)
        .select_related("actor", "document")
        .only(
            "kind",
            "at",
            "note",
            "actor__username",
            "actor__first_name",
            "actor__last_name",
            "document__symbol",
        )[:limit]
    )
