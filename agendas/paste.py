"""Read an agenda pasted as printed (one item a line) into rows the services can save.

Pure reading, no writes: the editor's "Paste an agenda" previews what ``parse_agenda`` found
before anything is saved, and ``manage.py import_agenda`` saves the same rows.

What a line may start with (the number as bodies print it):
* ``1``, ``2.``, ``5.1``, ``5.1.2``: decimal numbers; the depth is the count of parts;
* ``5 a)``, ``5.a``, ``5(a)``: a letter sub-item of item 5;
* ``(b)``, ``b)``: a letter sub-item of the last top-level item; ``(iii)`` a roman one below it;
* ``PL 1.3``, ``ADM 2``: a code of the item's own (time-management plans);
* nothing: an unnumbered row (a heading, "Break", "Oral presentation").
``(cont'd)`` anywhere marks an item taken again in a later session. The documents are the
symbols the citation extractor finds after the title ("(Document C25/1)", "Documents C25/12
to 14"); a line holding only documents ("Documents C25/12 to 14") belongs to the row above.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext

from agendas.enums import FixedItem, NumberingStyle
from agendas.models import Agenda, AgendaItem
from agendas.numbering import letter, number_for, roman
from documents.models import Document
from documents.references import extract_references

MAX_DEPTH = 3
_DECIMAL = re.compile(r"^(?P<n>\d{1,3}(?:\.\d{1,3}){0,2})\.?(?=\s|$)")
_NUM_LETTER = re.compile(r"^(?P<n>\d{1,3})(?:\s*\.\s*|\s*\(\s*|\s+)(?P<l>[a-z])\)?(?=[\s.)]|$)")
_PAREN = re.compile(r"^\(?(?P<l>[a-z]{1,4})\)(?=\s|$)")
_CODE = re.compile(r"^(?P<c>[A-Z]{1,5}\s?\d{1,3}(?:\.\d{1,3}){0,2}[a-z]?)(?=\s|$)")
_CONTD = re.compile(r"\s*\(?\s*cont(?:'|’|inue)?d\.?\s*\)?", re.IGNORECASE)
_DOCS_ONLY = re.compile(r"^\(?\s*(?:documents?|docs?\.?)\b", re.IGNORECASE)
# What is left between a title and its documents: "(Document", " – Documents", "; Doc.".
_TAIL = re.compile(
    r"[\s(\[–—:;,-]*(?:(?:documents?|docs?\.?|see)\s*(?:nos?\.?\s*)?)?[\s(\[–—:;,-]*$",
    re.IGNORECASE,
)
_ROMAN = re.compile(r"^(?:i{1,3}|iv|vi{0,3}|ix|x)$")


def _fixed_titles() -> dict[str, str]:
    """The usual items' titles (lower case) and their values, as pasted in English or in the
    language of the interface of whoever pastes."""
    found = {}
    for language in dict.fromkeys(["en", translation.get_language() or "en"]):
        with translation.override(language):
            found.update({str(c.label).lower(): c.value for c in FixedItem if c.value})
    return found


@dataclass
class PastedRow:
    """One line as read: the number printed (normalised: ``5 a)`` is ``5.a``), its depth,
    the title, the document symbols found (canonical), and how it is numbered."""

    printed: str
    depth: int
    title: str
    symbols: list[str] = field(default_factory=list)
    code: str = ""
    numbered: bool = True
    continued: bool = False
    parent: int | None = None  # index of the parent row
    number: str = ""  # what the saved agenda will print
    fixed: str = ""


@dataclass
class PastedAgenda:
    numbering: str
    rows: list[PastedRow]


def _split_number(line: str) -> tuple[str, str, str]:
    """(kind, number as normalised, rest of the line); kind is "decimal", "letter", "paren",
    "code" or "" (unnumbered)."""
    if m := _NUM_LETTER.match(line):
        return "letter", f"{m['n']}.{m['l']}", line[m.end() :].lstrip(" .)")
    if m := _DECIMAL.match(line):
        return "decimal", m["n"], line[m.end() :]
    if m := _PAREN.match(line):
        return "paren", f"({m['l']})", line[m.end() :]
    if m := _CODE.match(line):
        return "code", " ".join(m["c"].split()), line[m.end() :]
    return "", "", line


def _title_and_symbols(text: str) -> tuple[str, list[str]]:
    citations = [c for c in extract_references(text) if c.kind == "document"]
    if not citations:
        return " ".join(text.split()).strip(" –—-:"), []
    title = _TAIL.sub("", text[: citations[0].start])
    symbols = list(dict.fromkeys(c.key for c in citations))
    return " ".join(title.split()).strip(" –—-:"), symbols


def parse_agenda(text: str) -> PastedAgenda:
    """The rows of a pasted agenda, with their parents, the numbering style they use and the
    number each will print once saved (derived where the style derives it, else a code)."""
    rows: list[PastedRow] = []
    fixed_titles = _fixed_titles()
    for raw in (text or "").splitlines():
        line = " ".join(raw.replace("\t", " ").split())
        if not line:
            continue
        continued = bool(_CONTD.search(line))
        line = _CONTD.sub("", line).strip()
        kind, printed, rest = _split_number(line)
        if not kind and rows and _DOCS_ONLY.match(rest):
            _title, symbols = _title_and_symbols(rest)
            if symbols:
                rows[-1].symbols = list(dict.fromkeys([*rows[-1].symbols, *symbols]))
                continue
        title, symbols = _title_and_symbols(rest)
        if not title and not printed:
            continue
        row = PastedRow(printed=printed, depth=0, title=title or printed, symbols=symbols)
        row.continued = continued
        _place(row, kind, rows, fixed_titles)
        rows.append(row)
    numbering = _style(rows)
    _derive(rows, numbering)
    _closing_rows(rows)
    return PastedAgenda(numbering=numbering, rows=rows)


def _closing_rows(rows: list[PastedRow]) -> None:
    """ "Any other business" and "Closing" are kept last by the services: only rows that end
    the pasted agenda are marked so, or a row pasted after them would move above them."""
    late = False
    for row in reversed([r for r in rows if r.depth == 0]):
        if row.fixed in {FixedItem.AOB, FixedItem.CLOSING} and late:
            row.fixed = ""
        late = late or row.fixed not in {FixedItem.AOB, FixedItem.CLOSING}


def _last_at(rows: list[PastedRow], depth: int) -> int | None:
    for index in range(len(rows) - 1, -1, -1):
        if rows[index].depth == depth and rows[index].numbered and not rows[index].code:
            return index
        if rows[index].depth < depth:
            return None
    return None


def _place(row: PastedRow, kind: str, rows: list[PastedRow], fixed_titles: dict) -> None:
    if kind == "":
        row.numbered = False
        row.fixed = fixed_titles.get(row.title.lower(), "")
        return
    if kind == "code":
        row.code = row.printed
        return
    if kind == "decimal":
        row.depth = row.printed.count(".")
    elif kind == "letter":
        row.depth = 1
    else:  # (b) under the last top-level item, (iii) under the last letter below it
        own = row.printed.strip("()")
        before = _last_at(rows, 1)
        previous = rows[before].printed.strip("()").split(".")[-1] if before is not None else ""
        follows_letter = len(previous) == 1 and own == letter(ord(previous) - ord("a") + 2)
        row.depth = 2 if _ROMAN.match(own) and before is not None and not follows_letter else 1
    row.depth = min(row.depth, MAX_DEPTH - 1)
    while row.depth > 0:
        row.parent = _last_at(rows, row.depth - 1)
        if row.parent is not None:
            return
        row.depth -= 1
    row.fixed = fixed_titles.get(row.title.lower(), "")


def _style(rows: list[PastedRow]) -> str:
    for row in rows:
        if row.depth == 1 and not row.code and row.numbered:
            if row.printed.startswith("("):
                return NumberingStyle.PAREN
            if re.search(r"\.[a-z]$", row.printed):
                return NumberingStyle.LETTERS
            return NumberingStyle.DECIMAL
    return NumberingStyle.DECIMAL


def _derive(rows: list[PastedRow], style: str) -> None:
    """The number each row prints once saved: the style's derived number when it is the one
    pasted; otherwise the pasted number is kept as the item's code, so nothing is lost."""
    counted: dict[int | None, int] = {}
    for row in rows:
        if row.code:
            row.number = row.code
            continue
        if not row.numbered:
            continue
        if row.continued:
            same = [r for r in rows if r is not row and r.title == row.title and r.number]
            number = same[0].number if same else row.printed
            row.number = gettext("%(number)s (cont'd)") % {"number": number}
            continue
        counted[row.parent] = counted.get(row.parent, 0) + 1
        parent_number = rows[row.parent].number if row.parent is not None else ""
        derived = number_for(style, row.depth, counted[row.parent], parent_number)
        if row.printed and derived != row.printed:
            counted[row.parent] -= 1
            row.code = row.number = row.printed
        else:
            row.number = derived


def registered(symbols: list[str]) -> dict[str, Document]:
    """The registered documents among these canonical symbols, in one query."""
    found = Document.objects.filter(symbol__in=set(symbols)).only("pk", "symbol", "title")
    return {document.symbol: document for document in found}


@transaction.atomic
def agenda_paste(*, agenda: Agenda, actor, pasted: PastedAgenda) -> list[AgendaItem]:
    """Save the pasted rows at the end of the agenda, in order, through ``agenda_item_add``
    (which checks ``actor``'s permission and locks the agenda); an empty agenda takes the
    pasted numbering style. Documents not registered are left out (the preview flags them).
    Returns the items made."""
    from agendas.services import agenda_item_add

    if not agenda.items.exists() and agenda.numbering != pasted.numbering:
        Agenda.objects.filter(pk=agenda.pk).update(numbering=pasted.numbering)
        agenda.numbering = pasted.numbering
    documents = registered([s for row in pasted.rows for s in row.symbols])
    made: list[AgendaItem] = []
    for row in pasted.rows:
        made.append(
            agenda_item_add(
                agenda=agenda,
                actor=actor,
                title=row.title,
                parent=made[row.parent] if row.parent is not None else None,
                documents=[documents[s] for s in row.symbols if s in documents],
                fixed=row.fixed,
                code=row.code,
                numbered=row.numbered,
                continued=row.continued,
            )
        )
    return made


__all__ = ["PastedAgenda", "PastedRow", "agenda_paste", "letter", "parse_agenda", "roman"]
