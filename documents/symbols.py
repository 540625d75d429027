"""The one grammar of document symbols: ITU bodies, Council, group series and UN documents.

Pure Python (stdlib ``re`` only): the registry, the "go to" box, URL resolution, the importer
and the citation extractor (``documents.references``) all read symbols through this module,
so a symbol that can be registered is also one that citations resolve to.

``parse_symbol(text) -> ParsedSymbol | None`` reads one symbol written any way real
documents print it; ``ParsedSymbol.key`` is its canonical form (``normalize_symbol``).
``SYMBOL_RE`` finds symbols in running text; run it on ``fold(text)`` (same length, so the
offsets hold) to see Cyrillic look-alikes and dash variants as ASCII.

Canonical forms
  ``CWG-Internet-21/3(Rev.1)``  body prefix, meeting, number, suffixes in brackets
  ``C24/INF/3`` ``C2001/15``     Council session (two or four digits as written), series
  ``CWG-WCIT12/TD/17``           a group series without meetings
  ``DT/4(Rev.2)``                a series alone (the meeting is implied by the page)
  ``A/C.2/73/L.12`` ``A/RES/72/200`` ``S/PV.8123`` United Nations symbols, upper case
The number loses its zero padding (``TDAG-09/007`` -> ``TDAG-09/7``); the language suffix
(``-E``, ``-F``, ...) is kept in ``language`` and left out of the key; revision, addendum
and corrigendum are written ``(Rev.1)``, ``(Add.A)``, ``(Corr.2)`` whatever their printed
form (``Rev.1``, ``R2``, ``Revision 4``, ``+ Add.1``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = [
    "FORMER_PREFIXES",
    "KNOWN_PREFIXES",
    "KNOWN_SERIES",
    "SPACE",
    "SUFFIX_PATTERN",
    "SYMBOL_AT_RE",
    "SYMBOL_RE",
    "ParsedSymbol",
    "fold",
    "normalize_symbol",
    "parse_symbol",
    "parsed_from_match",
    "same_series_keys",
    "suffix_parts",
]

# Body prefixes in their registered case, matched case-insensitively. Former prefixes stay
# known: old documents keep the symbols they were issued under.
KNOWN_PREFIXES: tuple[str, ...] = (
    "CWG-Internet",
    "WG-Internet",
    "CWG-WSIS&SDG",
    "CWG-WSIS",
    "WG-WSIS",
    "CWG-FHR",
    "CWG-COP",
    "CWG-LANG",
    "CWG-SFP",
    "CWG-CP",
    "WG-CP",
    "CWG-WCIT12",
    "EG-ITRs",
    "EG-ITR",
    "WG-PL",
    "TDAG",
    "TSAG",
    "RAG",
)
#: A renamed group is one series: former prefix -> the body's present prefix.
FORMER_PREFIXES: dict[str, str] = {
    "WG-Internet": "CWG-Internet",
    "CWG-WSIS": "CWG-WSIS&SDG",
    "WG-WSIS": "CWG-WSIS&SDG",
    "WG-CP": "CWG-CP",
    "EG-ITR": "EG-ITRs",
}
KNOWN_SERIES: tuple[str, ...] = ("INF", "ADM", "DL", "DT", "TD", "EP", "R", "C")
_SERIES_ALONE = ("INF", "ADM", "DL", "DT", "TD", "EP")

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2212\ufe63\uff0d"
# Cyrillic (and Greek) capitals that look like Latin ones, typed by mistake in symbols.
_LOOKALIKES = "АВСЕНІКМОРТХЅЈасеорхѕіΑΒΕΗΙΚΜΝΟΡΤΧ"
_LATIN = "ABCEHIKMOPTXSJaceopxsiABEHIKMNOPTX"
_FOLD = str.maketrans(
    {**dict.fromkeys(_DASHES, "-"), **dict(zip(_LOOKALIKES, _LATIN, strict=True))}
)


def fold(text: str) -> str:
    """``text`` with dash variants and look-alike letters made ASCII; same length."""
    return text.translate(_FOLD)


# Spaces tolerated inside a symbol: no-break spaces, and the "?" a copy left for one.
SPACE = _SP = "[ \\t\u00a0\u2007\u2009\u200a\u200b\u202f?]"
_KNOWN_RE = "|".join(
    re.escape(p).replace(r"\-", "-") for p in sorted(KNOWN_PREFIXES, key=len, reverse=True)
)
_KNOWN_BY_FOLD = {p.casefold(): p for p in KNOWN_PREFIXES}
# Any other prefix: two capitals first (keeps words such as "Annex-1/2" out), and not one of
# the standards and diseases that are written the same way (COVID-19/2020, ISO-9/2).
_GENERIC_RE = (
    r"(?!(?:COVID|ISO|IEC|IEEE|SARS|MERS|ITU|IMT|ETSI|RFC|LTE|GSM|UTC|GMT)\b)"
    r"[A-Z][A-Z][A-Za-z]*(?:-[A-Za-z&]+)*"
)
_SERIES_RE = "(?i:INF|ADM|DL|DT|TD|EP)|R|C|[A-Z]{2,5}"
_ALONE_RE = "|".join(_SERIES_ALONE)

SUFFIX_PATTERN = _SUFFIX_ONE = rf"""(?:
    {_SP}*\({_SP}*(?i:rev|add|corr)[a-z]*{_SP}*\.?{_SP}*(?:[0-9]{{1,2}}|[A-Z]){_SP}*\)
  | {_SP}*(?:[+-]{_SP}*)?(?i:rev|add|corr)\.{_SP}*(?:[0-9]{{1,2}}|[A-Z])(?![0-9A-Za-z])
  | {_SP}+(?:Rev|REV){_SP}+[0-9]{{1,2}}(?![0-9A-Za-z.])
  | {_SP}+(?i:revision|addendum|corrigendum){_SP}+(?:[0-9]{{1,2}}|[A-Z])(?![0-9A-Za-z])
  | R[0-9]{{1,2}}(?![0-9A-Za-z])
)"""
_LANG = r"-(?P<lang>[EFSACR])(?![0-9A-Za-z])"
# After a symbol: not more of a word or a number, unless another symbol starts there
# (PDF copy-paste glues "C24/12C24/13").
_END = rf"(?:(?![0-9A-Za-z_/]|[.,][0-9])|(?=C[0-9]{{2}}|(?i:{_KNOWN_RE})))"

_UN_COMP = r"(?!(?i:add|rev|corr)\.)(?:[A-Za-z]{1,6}(?:\.[0-9]{1,5})?|[0-9]{1,5})"
_CORE = rf"""
(?:
    (?P<un>(?:A|E|S|ST|a|e|s)(?:{_SP}*/{_SP}*{_UN_COMP}){{1,6}})
    (?P<unsfx>(?:/(?i:add|rev|corr)\.[0-9]{{1,2}})*)
    (?![0-9A-Za-z_/]|\.[0-9])
|
    (?:
        (?P<known>(?i:{_KNOWN_RE}))
        (?:
            (?:-{_SP}*|{_SP}+|{_SP}*/{_SP}*|(?<=[A-Za-z]))(?P<kmeeting>[0-9]{{1,3}})
        |
            (?=/)
        )
    |
        (?P<prefix>{_GENERIC_RE})-{_SP}*(?P<meeting>[0-9]{{1,3}})
    |
        (?i:C)(?P<cmeeting>(?:19|20)[0-9]{{2}}|[0-9]{{2}})
    |
        (?P<alone>(?i:{_ALONE_RE}))(?=/)
    )
    {_SP}*/{_SP}*
    (?:(?P<series>{_SERIES_RE})(?:{_SP}*/{_SP}*|{_SP}+|-))?
    (?P<number>[0-9]{{1,4}})
    (?P<sfx1>{_SUFFIX_ONE}*)
    (?:{_LANG})?
    (?P<sfx2>{_SUFFIX_ONE}*)
    {_END}
)
"""
#: A symbol exactly where the match starts (no look-behind): "-E/CN.16/2018/4" of a joint symbol.
SYMBOL_AT_RE = re.compile(_CORE, re.VERBOSE)
#: Finds symbols in (folded) text. The look-ahead on the first letter only speeds the scan.
SYMBOL_RE = re.compile(rf"(?=[A-Zaceswtrdi])(?<![A-Za-z_&/.@#-]){_CORE}", re.VERBOSE)
_FULL_RE = re.compile(rf"\s*{_CORE}\s*", re.VERBOSE)
_SUFFIX_PART_RE = re.compile(r"(?i)(rev|add|corr|r(?=[0-9]))[a-z]*\W*?([0-9]+|[A-Z](?![a-z]))")
_KIND = {"rev": "Rev", "add": "Add", "corr": "Corr", "r": "Rev"}


@dataclass(frozen=True)
class ParsedSymbol:
    """The parts of a document symbol.

    ``system``: ``"body"`` (``CWG-Internet-21/1``; ``meeting`` empty for a group series such
    as ``CWG-WCIT12/TD/17``), ``"council"`` (``C25/1``, prefix ``"C"``), ``"series"`` (a
    series alone, ``DT/4``) or ``"un"`` (``A/C.2/73/L.12``: prefix ``"A"``, the rest in
    ``series``). ``meeting`` is a string because leading zeros matter (``C09``).
    ``suffixes`` holds every (kind, number-or-letter) in order; ``suffix_kind`` and
    ``suffix_number`` are the last one. ``language`` is the cited language version (``"E"``)
    or ``""``; it is not part of the key. ``with_base`` is set for ``C19/35 + Add.1``: the
    text cites the base document too.
    """

    system: str
    prefix: str
    meeting: str
    series: str
    number: int
    suffix_kind: str | None = None
    suffix_number: str | None = None
    suffixes: tuple[tuple[str, str], ...] = field(default=())
    language: str = ""
    with_base: bool = False

    @property
    def key(self) -> str:
        """The canonical symbol."""
        if self.system == "un":
            tail = "".join(f"/{kind}.{num}" for kind, num in self.suffixes)
            return f"{self.prefix}/{self.series}{tail}"
        tail = "".join(f"({kind}.{num})" for kind, num in self.suffixes)
        series = f"{self.series}/" if self.series else ""
        if self.system == "series":
            return f"{series}{self.number}{tail}"
        if self.system == "council":
            head = f"C{self.meeting}"
        else:
            head = f"{self.prefix}-{self.meeting}" if self.meeting else self.prefix
        return f"{head}/{series}{self.number}{tail}"

    symbol = key

    @property
    def body_prefix(self) -> str:
        """The present prefix of the body that issued it (a renamed group's new name)."""
        return FORMER_PREFIXES.get(self.prefix, self.prefix)

    def base(self) -> ParsedSymbol:
        """The document without its suffixes and language."""
        return ParsedSymbol(self.system, self.prefix, self.meeting, self.series, self.number)

    def in_meeting(self, other: ParsedSymbol) -> ParsedSymbol:
        """A series alone (``DT/4``) placed in the meeting of ``other`` (``C24/7``)."""
        if self.system != "series" or other.system not in {"body", "council"}:
            return self
        return ParsedSymbol(
            other.system,
            other.prefix,
            other.meeting,
            self.series,
            self.number,
            self.suffix_kind,
            self.suffix_number,
            self.suffixes,
            self.language,
        )

    def __str__(self) -> str:
        return self.key


def suffix_parts(raw: str) -> tuple[tuple[str, str], ...]:
    return tuple(
        (_KIND[kind.lower()], str(int(num)) if num.isdigit() else num.upper())
        for kind, num in _SUFFIX_PART_RE.findall(raw)
    )


def _un(m: re.Match[str]) -> ParsedSymbol | None:
    parts = [p.strip(" \t\u00a0\u2007\u2009\u200a\u200b\u202f?") for p in m.group("un").split("/")]
    organ, comps = parts[0].upper(), [p.upper() for p in parts[1:]]
    last = comps[-1]
    if not any(c.isdigit() for c in last):
        return None
    if len(comps) == 1 and "." not in last:
        return None  # "A/72" is not a symbol, "S/PV.8123" is
    if comps[0] == "RES" and len(comps) < 3 and organ != "S":
        return None
    suffixes = suffix_parts(m.group("unsfx") or "")
    last_sfx = suffixes[-1] if suffixes else (None, None)
    number = int(re.sub(r"\D", "", last)[-6:] or 0)
    return ParsedSymbol(
        "un", organ, "", "/".join(comps), number, last_sfx[0], last_sfx[1], suffixes
    )


def parsed_from_match(m: re.Match[str]) -> ParsedSymbol | None:
    """The symbol read by a match of ``SYMBOL_RE`` (``None`` for a UN look-alike)."""
    if m.group("un"):
        return _un(m)
    sfx = (m.group("sfx1") or "") + (m.group("sfx2") or "")
    suffixes = suffix_parts(sfx)
    last = suffixes[-1] if suffixes else (None, None)
    series = (m.group("series") or "").upper()
    if m.group("cmeeting"):
        system, prefix, meeting = "council", "C", m.group("cmeeting")
    elif m.group("alone"):
        system, prefix, meeting, series = "series", "", "", m.group("alone").upper()
    elif m.group("known"):
        system, meeting = "body", m.group("kmeeting") or ""
        prefix = _KNOWN_BY_FOLD[m.group("known").casefold()]
        if not meeting and not series:
            return None
    else:
        system, prefix, meeting = "body", m.group("prefix"), m.group("meeting")
        prefix = _KNOWN_BY_FOLD.get(prefix.casefold(), prefix)
    return ParsedSymbol(
        system=system,
        prefix=prefix,
        meeting=meeting,
        series=series,
        number=int(m.group("number")),
        suffix_kind=last[0],
        suffix_number=last[1],
        suffixes=suffixes,
        language=m.group("lang") or "",
        with_base="+" in sfx and len(suffixes) == 1,
    )


def same_series_keys(key: str, former: dict[str, str] | None = None) -> list[str]:
    """``key`` written with every prefix of its body (the present one and the former ones,
    from ``former``: former prefix -> present prefix), ``key`` first. A renamed group is one
    series, so a citation of CWG-WSIS-30/12 finds the document registered under either name."""
    parsed = parse_symbol(key)
    if parsed is None:
        return [key]
    if parsed.system != "body":
        return [parsed.key]
    former = FORMER_PREFIXES if former is None else former
    present = former.get(parsed.prefix, parsed.prefix)
    prefixes = [present, *(old for old, new in former.items() if new == present)]
    keys = [parsed.key]
    for prefix in prefixes:
        other = ParsedSymbol(
            "body",
            prefix,
            parsed.meeting,
            parsed.series,
            parsed.number,
            parsed.suffix_kind,
            parsed.suffix_number,
            parsed.suffixes,
        ).key
        if other not in keys:
            keys.append(other)
    return keys


def parse_symbol(text: str) -> ParsedSymbol | None:
    """Read ``text`` as one document symbol, or return ``None``."""
    if not isinstance(text, str) or len(text) > 200:
        return None
    m = _FULL_RE.fullmatch(fold(text))
    return parsed_from_match(m) if m else None


def normalize_symbol(text: str) -> str | None:
    """The canonical key of the symbol ``text``, or ``None`` when it is not one."""
    parsed = parse_symbol(text)
    return parsed.key if parsed else None
