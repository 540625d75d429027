"""Find citations of documents and instruments in free text.

Pure Python; no Django import, so models, forms, commands and tests can all use it.

``extract_references(text) -> list[Citation]``
    Every citation in ``text``, sorted by ``start``. ``Citation.text == text[start:end]``
    always holds; ``key`` is the normalized key. Spans do not overlap, with one exception:
    the documents inside a range (``C24/12 to 14`` cites C24/13 too) share the span of the
    word "to", since they are not written anywhere.

Documents (kind ``"document"``): every symbol ``documents.symbols`` reads, key = its
canonical ``key``:
* symbols as printed (``WG-Internet 9/2-E``, ``C17/56R2``, ``C19/35 + Add.1`` = the base and
  its addendum), with Cyrillic look-alikes, lost no-break spaces and PDF-glued symbols;
* lists and ranges: ``CWG-Internet-21/1, /2 and /3``, ``C11/4, 17 and 23``,
  ``C24/12 to 14``, ``C24/12 to C24/15``, ``C24/12-14`` (also ``à``, ``a``, ``al``, ``по``);
* a series alone (``DT/4``) is placed in the meeting of the last symbol before it;
* UN symbols of every family (``A/C.2/73/L.12``, ``S/PV.8123``) and joint symbols
  (``E/2018/12-E/CN.16/2018/4`` is two documents);
* contributions by number in a group's context ("contributions 4, 8 and 19 of
  CWG-WCIT12", ``C61`` in a passage about WCIT-12);
* nothing inside a URL or an e-mail address.

Instruments (kinds ``"resolution"`` and ``"decision"``): see ``documents.instruments``.
Key ``"{issuer} {Resolution|Decision} {number} ({edition})"``, issuer and edition only when
known (``PP Resolution 102 (Rev. Bucharest, 2022)``, ``Council Decision 601``,
``Council Resolution 1305 (2009)``, ``WRC Resolution 95 (Rev.WRC-19)``); UN resolutions
cited by number have their symbol as key (``A/RES/72/200``, ``E/RES/2019/24``). The same
citation in English, French, Spanish, Russian, Arabic and Chinese gives the same key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from documents.instruments import PP_CONFERENCES, instrument_citations
from documents.symbols import (
    KNOWN_PREFIXES,
    KNOWN_SERIES,
    SPACE,
    SUFFIX_PATTERN,
    SYMBOL_AT_RE,
    SYMBOL_RE,
    ParsedSymbol,
    fold,
    normalize_symbol,
    parse_symbol,
    parsed_from_match,
    suffix_parts,
)

__all__ = [
    "KNOWN_PREFIXES",
    "KNOWN_SERIES",
    "PP_CONFERENCES",
    "SYMBOL_RE",
    "Citation",
    "ParsedSymbol",
    "extract_references",
    "normalize_symbol",
    "parse_symbol",
]


@dataclass(frozen=True)
class Citation:
    kind: str  # "document", "resolution" or "decision"
    text: str  # exactly as written in the input
    start: int  # offsets: text == input[start:end]
    end: int
    key: str  # normalized key


_SP = SPACE
_AND = r"(?:and|et|y|и|و|和|及)"
# "по"/"до" also as folded (their "о" is a look-alike of the Latin one).
_RANGE = r"(?:to|through|à|a|al|по|до|пo|дo)"
# After a bare number of a list: never a counted noun, a month, a unit or an amount
# ("C24/7, 8 December", "C24/7 and 3 other documents" are not lists of documents).
_COUNTED = (
    r"other|more|further|new|documents?|contributions?|items?|pages?|paragraphs?|members?|"
    r"Member|States?|countries|delegations?|days?|weeks?|months?|years?|hours?|minutes?|"
    r"per|percent|million|billion|thousand|CHF|USD|am|pm|h|"
    r"January|February|March|April|May|June|July|August|September|October|November|"
    r"December|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|"
    r"novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|"
    r"septiembre|octubre|noviembre|diciembre"
)
_BARE_END = rf"(?![0-9A-Za-z/%°]|[.,:][0-9])(?!{_SP}*(?:(?i:{_COUNTED})\b|[%°:$€£]))"
_CONT_RE = re.compile(
    rf"""(?:
        {_SP}*[,;、，]{_SP}*(?:{_AND}{_SP}*)?
      | {_SP}+{_AND}{_SP}+
      | {_SP}*(?:و|和|及){_SP}*
      | {_SP}*&{_SP}*
      | {_SP}+(?P<range>{_RANGE}|-){_SP}+
      | (?P<dash>-)
    )
    (?P<span>
        /{_SP}*(?P<snum>[0-9]{{1,4}})(?P<ssfx>{SUFFIX_PATTERN}*)(?![0-9A-Za-z/]|\.[0-9])
      | (?P<bnum>[0-9]{{1,3}})(?P<bsfx>{SUFFIX_PATTERN}*){_BARE_END}
    )""",
    re.VERBOSE,
)
_RANGE_WORD_RE = re.compile(rf"{_SP}+(?P<word>{_RANGE}|-){_SP}+|(?P<dash>-)")
_MAX_RANGE = 50

_KNOWN = "|".join(re.escape(p) for p in sorted(KNOWN_PREFIXES, key=len, reverse=True))
_CONTRIB_RE = re.compile(
    rf"""(?=[cCdDTRI])(?:(?i:contributions?|documents?)|(?P<series>TD|R|DT|INF))
    (?:{_SP}+(?i:nos?\.?|numbers?))?{_SP}+
    (?P<nums>[0-9]{{1,3}}(?:{_SP}*(?:,|and|&){_SP}*(?:and{_SP}+)?[0-9]{{1,3}}){{0,30}})
    {_SP}+(?i:of|from|to|submitted{_SP}+to){_SP}+(?:the{_SP}+)?
    (?P<group>(?i:{_KNOWN}))(?:-?(?P<meeting>[0-9]{{1,3}}))?(?![\w/&-])""",
    re.VERBOSE,
)
_WCIT_C_RE = re.compile(r"(?<![\w/.&-])C(?P<n>[0-9]{1,3})(?![\w/]|\.[0-9])")

_URL_RE = re.compile(r"(?i)(?=[hfw])\b(?:https?://|ftp://|www\.)[^\s<>\"'()\[\]{}]+")
_EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _doc(text: str, start: int, end: int, key: str) -> Citation:
    return Citation("document", text[start:end], start, end, key)


def _item(parsed: ParsedSymbol, number: int, sfx: str) -> ParsedSymbol:
    parts = suffix_parts(sfx or "")
    last = parts[-1] if parts else (None, None)
    return ParsedSymbol(
        parsed.system, parsed.prefix, parsed.meeting, parsed.series, number, last[0], last[1], parts
    )


def _range(text, parsed, low, high, span, out) -> None:
    """The documents between ``low`` and ``high``, both excluded, on the span of "to"."""
    if 0 < high - low <= _MAX_RANGE:
        for number in range(low + 1, high):
            out.append(_doc(text, *span, _item(parsed, number, "").key))


def _continuations(text: str, folded: str, parsed: ParsedSymbol, pos: int, out: list) -> None:
    """ "..., /2 and /3", ", 17 and 23", " to 14" after a symbol of a body or the Council."""
    last = parsed.number
    while (c := _CONT_RE.match(folded, pos)) is not None:
        number = int(c.group("snum") or c.group("bnum"))
        item = _item(parsed, number, c.group("ssfx") or c.group("bsfx"))
        if c.group("range") or c.group("dash"):
            if not last < number <= last + _MAX_RANGE:
                return
            word = (c.start("range"), c.end("range")) if c.group("range") else c.span("dash")
            _range(text, parsed, last, number, word, out)
        out.append(_doc(text, *c.span("span"), item.key))
        last, pos = number, c.end()
    full = _RANGE_WORD_RE.match(folded, pos)
    if full is not None and (m := SYMBOL_AT_RE.match(folded, full.end())) is not None:
        other = parsed_from_match(m)
        if (
            other is not None
            and other.base().key.rsplit("/", 1)[0] == parsed.base().key.rsplit("/", 1)[0]
        ):
            word = full.span("word") if full.group("word") else full.span("dash")
            _range(text, parsed, last, other.number, word, out)


def _documents(text: str, folded: str) -> list[Citation]:
    out: list[Citation] = []
    context: ParsedSymbol | None = None  # the meeting a series alone belongs to
    for m in SYMBOL_RE.finditer(folded):
        parsed = parsed_from_match(m)
        if parsed is None:
            continue
        start, end = m.span()
        if parsed.system == "series" and context is not None:
            parsed = parsed.in_meeting(context)
        elif parsed.system in {"body", "council"}:
            context = parsed
        if parsed.with_base:  # "C19/35 + Add.1": the base document and its addendum
            plus = folded.rindex("+", start, end)
            base_end = len(folded[:plus].rstrip(" \t\u00a0\u202f?"))
            out.append(_doc(text, start, base_end, parsed.base().key))
            out.append(_doc(text, plus, end, parsed.key))
        else:
            out.append(_doc(text, start, end, parsed.key))
        if parsed.system == "un":
            while folded.startswith("-", end) and (j := SYMBOL_AT_RE.match(folded, end + 1)):
                joint = parsed_from_match(j) if j.group("un") else None
                if joint is None:
                    break
                out.append(_doc(text, j.start(), j.end(), joint.key))
                end = j.end()
        elif parsed.system != "series":
            _continuations(text, folded, parsed, end, out)
    return out


def _contributions(text: str, folded: str) -> list[Citation]:
    """Contributions cited by number where the passage names the group."""
    out: list[Citation] = []
    for m in _CONTRIB_RE.finditer(folded):
        parsed = parse_symbol(f"{m.group('group')}-{m.group('meeting') or 0}/1")
        if parsed is None:
            continue
        prefix, meeting = parsed.prefix, m.group("meeting")
        if meeting is None and not prefix[-1].isdigit():
            continue  # "contribution 4 of CWG-Internet": which meeting?
        numbers = list(re.finditer(r"[0-9]{1,3}", m.group("nums")))
        for i, n in enumerate(numbers):
            start = m.start() if i == 0 else m.start("nums") + n.start()
            end = m.end() if i == len(numbers) - 1 else m.start("nums") + n.end()
            series = f"{m.group('series')}/" if m.group("series") else ("" if meeting else "C/")
            head = f"{prefix}-{meeting}" if meeting else prefix
            key = f"{head}/{series}{int(n.group())}"
            out.append(_doc(text, start, end, key))
    if "WCIT" in folded:
        for m in _WCIT_C_RE.finditer(folded):
            out.append(_doc(text, m.start(), m.end(), f"CWG-WCIT12/C/{int(m.group('n'))}"))
    return out


def _excluded_spans(text: str) -> list[tuple[int, int]]:
    """Disjoint, sorted spans of URLs and e-mail addresses."""
    spans = [m.span() for m in _URL_RE.finditer(text)]
    if "@" in text:
        spans += [m.span() for m in _EMAIL_RE.finditer(text)]
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def extract_references(text: str) -> list[Citation]:
    """Return every document and instrument citation in ``text`` (see module docstring).

    Sorted by ``start``; when two candidates overlap the one starting first, then the
    longer one, is kept (a range's inner documents share one span, see above).
    """
    if not isinstance(text, str) or not text:
        return []
    folded = fold(text)
    found = _documents(text, folded) + _contributions(text, folded)
    found += [
        Citation(f.kind, text[f.start : f.end], f.start, f.end, f.key)
        for f in instrument_citations(text)
    ]
    if not found:
        return []
    found.sort(key=lambda c: (c.start, -(c.end - c.start)))
    excluded = _excluded_spans(text)
    result: list[Citation] = []
    ex_i = 0
    last: Citation | None = None
    for cit in found:
        if cit.end <= cit.start:
            continue
        if last is not None and cit.start < last.end:
            shared = (cit.start, cit.end) == (last.start, last.end) and cit.kind == "document"
            if not shared or any(r.key == cit.key for r in result[-_MAX_RANGE:]):
                continue
        while ex_i < len(excluded) and excluded[ex_i][1] <= cit.start:
            ex_i += 1
        if ex_i < len(excluded) and excluded[ex_i][0] < cit.end:
            continue  # inside (or across) a URL or an e-mail address
        result.append(cit)
        last = cit
    return result
