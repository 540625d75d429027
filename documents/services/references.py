"""The citations between documents (kept in step with each text), the resolutions and
decisions they name, and the audit trail of a document."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from config.actors import person_of
from documents.models import (
    Document,
    DocumentEvent,
    ExternalDocument,
    Instrument,
    Publication,
    Reference,
)
from documents.references import extract_references
from documents.services.checks import require
from documents.symbols import normalize_symbol, same_series_keys
from documents.text import html_to_text


@transaction.atomic
def references_sync(*, document: Document) -> list[Reference]:
    """Replace the stored citations of ``document`` by those found in its text now, each
    resolved to the registered Document or known Instrument it names."""
    text = html_to_text(document.text)
    citations = extract_references(text)
    keys = {c.key for c in citations}
    # A renamed group is one series: CWG-WSIS-30/12 finds CWG-WSIS&SDG-30/12 and back.
    aliases = {key: same_series_keys(key) for key in keys}
    found = dict(
        Document.objects.filter(symbol__in={a for names in aliases.values() for a in names})
        .exclude(pk=document.pk)
        .values_list("symbol", "pk")
    )
    targets = {
        key: next((found[a] for a in names if a in found), None) for key, names in aliases.items()
    }
    instruments = dict(Instrument.objects.filter(key__in=keys).values_list("key", "pk"))
    externals = dict(ExternalDocument.objects.filter(symbol__in=keys).values_list("symbol", "pk"))
    Reference.objects.filter(source=document).delete()
    return Reference.objects.bulk_create(
        [
            Reference(
                source=document,
                kind=c.kind,
                key=c.key,
                text=c.text[:300],
                start=c.start,
                end=c.end,
                target_id=targets.get(c.key),
                instrument_id=instruments.get(c.key),
                external_id=externals.get(c.key),
            )
            for c in citations
        ]
    )


def references_resolve_to(*, document: Document) -> int:
    """Point earlier citations of this symbol (made before it was registered) at it."""
    return (
        Reference.objects.filter(key__in=same_series_keys(document.symbol), target__isnull=True)
        .exclude(source=document)
        .update(target=document)
    )


@transaction.atomic
def instrument_register(
    *, actor, kind: str, key: str, title: str = "", url: str = ""
) -> Instrument:
    """Record a resolution or decision by its normalized key and resolve its citations."""
    require(
        actor,
        "documents.add_instrument",
        None,
        _("Only the secretariat of a body records resolutions and decisions."),
    )
    instrument, created = Instrument.objects.get_or_create(
        key=key, defaults={"kind": kind, "title": title, "url": url}
    )
    if not created and (title, url) != (instrument.title, instrument.url):
        instrument.title, instrument.url = title or instrument.title, url or instrument.url
        instrument.save(update_fields=["title", "url"])
    Reference.objects.filter(key=key, instrument__isnull=True).update(instrument=instrument)
    return instrument


def canonical_symbol(value: str) -> str | None:
    """A symbol typed by a person, in canonical form, or None when it is not a symbol."""
    return normalize_symbol(value)


def document_event_record(
    *,
    kind: str,
    document: Document | None = None,
    publication_id: int | None = None,
    actor=None,
    note: str = "",
) -> DocumentEvent:
    """Add a line to a document's history (the audit trail): ``kind`` (DocumentEventKind),
    who (``actor``; None or a non-person for the application itself) and a short note. The
    document is given, or is the one ``publication_id`` renders. Written in the caller's
    transaction, so a change rolled back leaves no line."""
    if document is None:
        document_id = Publication.objects.values_list("document_id", flat=True).get(
            pk=publication_id
        )
    else:
        document_id = document.pk
    person = person_of(actor) if getattr(person_of(actor), "pk", None) is not None else None
    return DocumentEvent.objects.create(
        document_id=document_id, kind=kind, actor=person, note=note[:300]
    )
