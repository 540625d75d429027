"""External documents: how their symbols are read, and how one is found by its symbol.

A UN symbol is read by the symbol grammar (``documents.symbols``); ITU circulars and
circular letters (``CL-24/31``, ``DM-23/1002``, ``TSB Circular 210``) are read here, before
the grammar, which would otherwise take ``CL`` for a body's prefix."""

from __future__ import annotations

import re

from documents.enums import ExternalKind
from documents.models import ExternalDocument
from documents.symbols import parse_symbol

# Council circular letters (CL), Secretary-General's letters (DM), TSB/BR/BDT collective
# letters and circulars (CA, CACE, CR, BL): two-digit year, slash, number.
_LETTER_RE = re.compile(r"^\s*(CL|DM|CA|CACE|CR|BL)\s*-\s*(\d{2})\s*/\s*(\d{1,5})\s*$", re.I)
_CIRCULAR_RE = re.compile(
    r"^\s*(TSB|BR|BDT|SG)\s+Circ(?:ular)?\.?\s*(?:No\.?\s*)?(\d{1,5})\s*$", re.I
)


def external_symbol(text: str) -> tuple[str, str] | None:
    """(canonical symbol, kind) of an external document's symbol, or ``None``."""
    text = text or ""
    if m := _LETTER_RE.match(text):
        return f"{m.group(1).upper()}-{m.group(2)}/{int(m.group(3))}", ExternalKind.LETTER
    if m := _CIRCULAR_RE.match(text):
        return f"{m.group(1).upper()} Circular {int(m.group(2))}", ExternalKind.CIRCULAR
    parsed = parse_symbol(text)
    if parsed is not None and parsed.system == "un":
        return parsed.key, ExternalKind.UN
    return None


def normalize_sector_symbol(text: str) -> str:
    """A sector document's symbol as given, with its spaces collapsed."""
    return " ".join((text or "").split())


def external_lookup(*, value: str) -> ExternalDocument | None:
    """The external document registered under ``value`` written any way it is read."""
    read = external_symbol(value)
    symbols = {normalize_sector_symbol(value)} | ({read[0]} if read else set())
    return ExternalDocument.objects.filter(symbol__in=symbols).first()
