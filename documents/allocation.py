"""How a symbol is allocated: the next number of a meeting's series is taken from its
SymbolCounter row under a row lock (concurrent registrations queue instead of taking the
same number), skipping the numbers the secretariat gave and ``/1`` kept for the agenda;
given numbers are checked against the meeting's symbols and against the documents that
hold them; a derived document's symbol is its base's with the suffix. The grammar of
symbols is ``documents.symbols``; ``documents.services.document_register`` and
``document_derive`` call these inside their transaction."""

from __future__ import annotations

from django.db.models import Max
from django.utils.translation import gettext as _

from documents.enums import DocumentType, SuffixKind
from documents.exceptions import InvalidDocument
from documents.models import Document, SymbolCounter
from documents.symbols import parse_symbol
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
    number = next_free(meeting=meeting, series=series, after=counter.last_number if counter else 0)
    return symbol_for(meeting=meeting, series=series, number=number)


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


def number_holder(*, meeting: Meeting, series: str, number: int) -> Document | None:
    return (
        Document.objects.filter(meeting=meeting, series=series, number=number, parent=None)
        .only("symbol", "title")
        .first()
    )


def clash(holder: Document) -> InvalidDocument:
    return InvalidDocument(
        _("%(symbol)s is already taken by “%(title)s”; give another number.")
        % {"symbol": holder.symbol, "title": holder.title}
    )


def next_free(*, meeting: Meeting, series: str, after: int) -> int:
    """The first number after ``after`` that no document holds and that is not kept."""
    number = after + 1
    reserved = {1} if not series and meeting.reserves_agenda_number else set()
    # Given numbers are few: one query finds those just ahead of the counter.
    taken = reserved | set(
        Document.objects.filter(
            meeting=meeting, series=series, parent=None, number__gte=number
        ).values_list("number", flat=True)[:1000]
    )
    while number in taken:
        number += 1
    return number


def allocate_number(*, meeting: Meeting, series: str, counter: SymbolCounter | None = None) -> int:
    """Take the next free number of the sequence, holding a row lock until the transaction
    ends: concurrent registrations queue here instead of taking the same number. Numbers
    given by the secretariat, and ``/1`` where the meeting keeps it for its agenda, are
    skipped."""
    counter = counter or lock_counter(meeting=meeting, series=series)
    number = next_free(meeting=meeting, series=series, after=counter.last_number)
    counter.last_number = number
    counter.save(update_fields=["last_number"])
    return number


def agenda_number(*, meeting: Meeting, series: str, doc_type: str) -> int | None:
    """``1`` for the agenda of a meeting that keeps it, while no document holds it."""
    if doc_type != DocumentType.AGENDA or series or not meeting.reserves_agenda_number:
        return None
    return None if number_holder(meeting=meeting, series="", number=1) else 1


def given_number(*, meeting: Meeting, series: str, number: int | None, symbol: str | None):
    """The (series, number, symbol) the secretariat gives, checked against the meeting's
    symbols; ``None`` when it gives none. ``symbol`` is read by the symbol grammar in any
    printed form and kept in its canonical form."""
    if symbol is None:
        if number is None:
            return None
        if number < 1:
            raise InvalidDocument(_("A document number is 1 or more."))
        return series, number, symbol_for(meeting=meeting, series=series, number=number)
    parsed = parse_symbol(symbol)
    if parsed is None or parsed.system not in {"body", "council"} or not parsed.meeting:
        raise InvalidDocument(
            _("“%(symbol)s” is not a symbol of a meeting's document.") % {"symbol": symbol}
        )
    if parsed.suffixes:
        raise InvalidDocument(
            _("%(symbol)s is a revision, addendum or corrigendum: register it from its base.")
            % {"symbol": parsed.key}
        )
    # The body's own record of its former prefixes, and the grammar's list of renamed groups.
    prefixes = {p.casefold() for p in meeting.body.all_prefixes}
    if parsed.body_prefix.casefold() in prefixes:
        prefixes.add(parsed.prefix.casefold())
    same_meeting = (
        parsed.key.split("/", 1)[0].casefold() == meeting.symbol_stem.casefold()
        or (parsed.prefix.casefold() in prefixes and int(parsed.meeting) == meeting.number)
        # Council wrote its year in four digits once (C2001/15) and in two since (C09/1).
        or (parsed.system == "council" and int(parsed.meeting) % 100 == meeting.number % 100)
    )
    if not same_meeting:
        raise InvalidDocument(
            _("%(symbol)s is not a symbol of the %(meeting)s.")
            % {"symbol": parsed.key, "meeting": meeting.display_name}
        )
    return parsed.series, parsed.number, parsed.key
