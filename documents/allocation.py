"""How a symbol is allocated: the next number of a meeting's series is taken from its
SymbolCounter row under a row lock (concurrent registrations queue instead of taking the
same number), and a derived document's symbol is its base's with the suffix. The grammar
of symbols is ``documents.symbols``; ``documents.services.document_register`` and
``document_derive`` call these inside their transaction."""

from __future__ import annotations

from django.db.models import F, Max

from documents.enums import SuffixKind
from documents.models import Document, SymbolCounter
from meetings.models import Meeting


def symbol_for(*, meeting: Meeting, series: str, number: int) -> str:
    series_part = f"{series}/" if series else ""
    return f"{meeting.symbol_stem}/{series_part}{number}"


def derived_symbol(*, base: Document, kind: str, number: int) -> str:
    return f"{base.symbol}({kind}.{number})"


def next_symbol(*, meeting: Meeting, series: str = "") -> str:
    """The symbol the next registration would get (shown on the form before saving; the
    real number is only taken when the document is saved)."""
    counter = SymbolCounter.objects.filter(meeting=meeting, series=series).first()
    return symbol_for(
        meeting=meeting, series=series, number=(counter.last_number if counter else 0) + 1
    )


def next_derived_symbols(*, base: Document) -> dict[str, str]:
    """The symbols the next revision, addendum and corrigendum of ``base`` would get."""
    last = dict(
        Document.objects.filter(parent=base)
        .values_list("suffix_kind")
        .annotate(last=Max("suffix_number"))
        .values_list("suffix_kind", "last")
    )
    return {
        kind: derived_symbol(base=base, kind=kind, number=(last.get(kind) or 0) + 1)
        for kind in (SuffixKind.REVISION, SuffixKind.ADDENDUM, SuffixKind.CORRIGENDUM)
    }


def lock_counter(*, meeting: Meeting, series: str) -> SymbolCounter:
    """The counter row of the sequence, locked until the transaction ends: concurrent
    registrations of the same meeting and series queue here."""
    SymbolCounter.objects.bulk_create(
        [SymbolCounter(meeting=meeting, series=series, last_number=0)], ignore_conflicts=True
    )
    return SymbolCounter.objects.select_for_update().get(meeting=meeting, series=series)


def allocate_number(*, meeting: Meeting, series: str, counter: SymbolCounter | None = None) -> int:
    """Take the next number of the sequence, holding a row lock until the transaction ends:
    concurrent registrations queue here instead of taking the same number."""
    counter = counter or lock_counter(meeting=meeting, series=series)
    counter.last_number = F("last_number") + 1
    counter.save(update_fields=["last_number"])
    counter.refresh_from_db(fields=["last_number"])
    return counter.last_number
