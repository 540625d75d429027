"""Find citations of documents and instruments in free text.

Pure Python (stdlib ``re``, ``dataclasses`` and ``unicodedata``); no Django import, so the
module can be used from models, forms, management commands and tests alike.

Public API
==========

``extract_references(text) -> list[Citation]``
    Every citation found in ``text``, sorted by ``start``, with no two citations overlapping.
    ``Citation.text == text[start:end]`` always holds; ``key`` is the normalized key.

``parse_symbol(s) -> ParsedSymbol | None`` / ``normalize_symbol(s) -> str | None``
    Validate a document symbol typed by a user (surrounding whitespace and odd spacing are
    tolerated) and return its parts / its canonical form, or ``None`` if ``s`` is not a symbol.

``SYMBOL_RE``
    The compiled pattern that finds document symbols in text.

Document symbols (kind ``"document"``)
======================================

* Working-group symbols ``{prefix}-{meeting}/{number}``: ``CWG-Internet-21/1``,
  ``CWG-WSIS&SDG-42/13``, ``EG-ITRs-3/2``.  Known body prefixes (``KNOWN_PREFIXES``) are
  matched case-insensitively and written back in their registered case
  (``cwg-internet-21/1`` -> ``CWG-Internet-21/1``).  Any other prefix must look like
  ``[A-Z][A-Z][A-Za-z]*(-[A-Za-z&]+)*`` (at least two capitals first, to keep words such as
  ``Annex-1/2`` out) and is kept as written.
* Council symbols ``C25/1``, ``C09/12``.
* A series between meeting and number: ``C25/INF/3``, ``CWG-Internet-21/INF/1``; known
  series (``KNOWN_SERIES``) in any case, any other 2-5 capital letters as written.  The
  canonical series is upper case.
* Suffixes ``(Rev.1)``, ``(Add.2)``, ``(Corr.1)``, possibly chained (``(Add.1)(Rev.1)``),
  written with or without parentheses, in any case, with any spacing:
  ``CWG-Internet-21/3 (rev. 1)`` and ``CWG-Internet-21/3 Rev.1`` both give the key
  ``CWG-Internet-21/3(Rev.1)``.  ``(Rev.)`` with no number is not a suffix.
* Spacing inside a symbol is tolerated (``CWG-Internet-21 / 1``, ``CWG-Internet- 21/1``,
  no-break spaces U+00A0/U+202F/U+2007/U+2009, zero-width space), and so are the dash
  look-alikes U+2010, U+2011, U+2012, U+2013, U+2212, U+FE63 and U+FF0D in place of hyphens.
  The key is always written with ASCII hyphens and no spaces.
* United Nations resolutions ``A/RES/70/125``, ``E/RES/2023/3`` (key upper case, no spaces).
* A list continuing with bare numbers, ``Documents CWG-Internet-21/1, /2 and /3``, gives one
  citation per number; the continuation citations span ``/2`` and ``/3`` and their keys are
  the full symbols ``CWG-Internet-21/2`` and ``CWG-Internet-21/3``.
* Nothing is taken from inside a URL or an e-mail address.

Instruments (kinds ``"resolution"`` and ``"decision"``)
=======================================================

Key: ``"{issuer} {Kind} {number} ({edition})"``, the issuer and the edition only when known.

* Keywords: ``Resolution(s)``, ``Decision(s)`` (also all capitals) and ``Res.``.  The lower
  case forms ``resolution``/``decision`` count only with an issuer before them or an edition
  after the number (so that "the decision 2 weeks ago" is not a citation).
* Issuers written before the keyword are mapped to: ``PP`` (``PP``, ``PP-22``,
  ``Plenipotentiary``, ``Plenipotentiary Conference``), ``Council`` (``Council``, ``ITU
  Council``), ``WTSA``, ``WTDC``, ``WRC`` (with or without ``-yy``), ``RA`` (``RA``,
  ``ITU-R``), ``UNGA`` (``UNGA``, ``UN General Assembly``, ``United Nations General
  Assembly``, ``General Assembly``).
* Editions are normalized:

  - ``(Rev. Bucharest, 2022)``, ``(Rev.Bucharest,2022)``, ``(rev. Bucharest 2022)``,
    ``( Rev. Bucharest , 2022 )`` -> ``(Rev. Bucharest, 2022)``; without ``Rev.``:
    ``(Bucharest, 2022)``.  Known conference cities get their usual spelling
    (``Marrakech`` -> ``Marrakesh``), others are kept as written.
  - A city and year of a Plenipotentiary Conference (``PP_CONFERENCES``) make the issuer
    ``PP`` when none is written, so ``Resolution 102 (Rev. Bucharest, 2022)`` and
    ``PP Resolutions 102 and 140 (Rev. Bucharest, 2022)`` share the key
    ``PP Resolution 102 (Rev. Bucharest, 2022)``.  Other cities (WTSA, WTDC, ...) infer
    nothing, as some of them also hosted other conferences.
  - ``(PP-22)`` / ``(Rev. PP-22)`` -> ``(Bucharest, 2022)`` / ``(Rev. Bucharest, 2022)``,
    issuer ``PP``.  ``(WRC-19)``, ``(Rev. WRC-19)``, and likewise ``RA``, ``WTSA``, ``WTDC``
    -> ``(WRC-19)``, ``(Rev.WRC-19)`` (the ITU-R way of writing them), issuer from the body.
  - ``(Council 2009)``, ``(Council, 2009)``, ``(C09)``, ``(C-09)`` -> issuer ``Council``,
    edition ``(2009)``; so ``Resolution 1305 (C09)`` and ``Council Resolution 1305 (2009)``
    share the key ``Council Resolution 1305 (2009)``.
  - ``(modified 2019)``, ``(mod. 2019)`` -> ``(modified 2019)``; a bare year ``(2015)``.
  - Any other parenthesis is not an edition and is left out of the citation.

  An issuer written before the keyword wins over one inferred from the edition.
* Numbers: ``102``, ``1305``, ``70/125`` (UN style).  ``Resolution 2.1`` is not a citation.
* Lists: ``Resolutions 102, 133 and 180 (Rev. Busan, 2014)``, ``Decision 5 and 11``.  The
  plural keyword allows commas and "and"; the singular one only "and"/"&".  An edition
  applies to the number it follows and to the numbers before it that have none of their own
  (back to the previous edition).  The issuer applies to every number.
* Spans of list items: the first citation spans from the issuer (or keyword) through its
  number, plus its edition when that edition directly follows it; each later citation spans
  its own number plus the edition written after it.  For example
  ``PP Resolutions 102 and 140 (Rev. Bucharest, 2022)`` gives ``"PP Resolutions 102"`` and
  ``"140 (Rev. Bucharest, 2022)"``.  A single citation spans the whole phrase.
* Whitespace between keyword and number may be any spaces including no-break spaces and at
  most one line break (``Resolution\\n102``); ``Resolution102`` is not a citation.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

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


@dataclass(frozen=True)
class ParsedSymbol:
    """The parts of a document symbol.

    ``system`` is ``"body"`` (``CWG-Internet-21/1``), ``"council"`` (``C25/1``, prefix
    ``"C"``) or ``"un"`` (``A/RES/70/125``, prefix ``"A/RES"``, meeting = session ``"70"``).
    ``meeting`` is a string because leading zeros matter (``C09``).  ``suffixes`` holds every
    suffix in order; ``suffix_kind``/``suffix_number`` are the last one (the outermost
    qualifier: ``C25/1(Add.1)(Rev.1)`` is a revision), or ``None``.
    """

    system: str
    prefix: str
    meeting: str
    series: str
    number: int
    suffix_kind: str | None = None
    suffix_number: int | None = None
    suffixes: tuple[tuple[str, int], ...] = field(default=())

    @property
    def symbol(self) -> str:
        """The canonical symbol."""
        if self.system == "un":
            return f"{self.prefix}/{self.meeting}/{self.number}"
        head = f"C{self.meeting}" if self.system == "council" else f"{self.prefix}-{self.meeting}"
        series = f"{self.series}/" if self.series else ""
        tail = "".join(f"({kind}.{num})" for kind, num in self.suffixes)
        return f"{head}/{series}{self.number}{tail}"

    def __str__(self) -> str:
        return self.symbol


# Body prefixes in their registered case. Matched case-insensitively.
KNOWN_PREFIXES: tuple[str, ...] = (
    "CWG-Internet",
    "CWG-WSIS&SDG",
    "CWG-WSIS",
    "CWG-FHR",
    "CWG-COP",
    "CWG-LANG",
    "CWG-SFP",
    "EG-ITRs",
)
KNOWN_SERIES: tuple[str, ...] = ("INF", "ADM", "DL", "DT", "TD")

# Plenipotentiary Conferences: (city, year).
PP_CONFERENCES: frozenset[tuple[str, int]] = frozenset(
    {
        ("Nairobi", 1982),
        ("Nice", 1989),
        ("Kyoto", 1994),
        ("Minneapolis", 1998),
        ("Marrakesh", 2002),
        ("Antalya", 2006),
        ("Guadalajara", 2010),
        ("Busan", 2014),
        ("Dubai", 2018),
        ("Bucharest", 2022),
        ("Doha", 2026),
    }
)
_PP_CITY_BY_YEAR = {year: city for city, year in PP_CONFERENCES}

# Usual spelling of conference cities, by casefolded spelling.
_CITY_SPELLING = {
    name.casefold(): canonical
    for canonical, names in {
        "Antalya": ("Antalya",),
        "Bucharest": ("Bucharest",),
        "Buenos Aires": ("Buenos Aires",),
        "Busan": ("Busan",),
        "Doha": ("Doha",),
        "Dubai": ("Dubai",),
        "Florianópolis": ("Florianópolis", "Florianopolis"),
        "Geneva": ("Geneva",),
        "Guadalajara": ("Guadalajara",),
        "Hammamet": ("Hammamet",),
        "Helsinki": ("Helsinki",),
        "Hyderabad": ("Hyderabad",),
        "Istanbul": ("Istanbul",),
        "Johannesburg": ("Johannesburg",),
        "Kigali": ("Kigali",),
        "Kyoto": ("Kyoto",),
        "Marrakesh": ("Marrakesh", "Marrakech"),
        "Minneapolis": ("Minneapolis",),
        "Nairobi": ("Nairobi",),
        "New Delhi": ("New Delhi",),
        "Nice": ("Nice",),
        "Sharm el-Sheikh": ("Sharm el-Sheikh", "Sharm El-Sheikh", "Sharm el Sheikh"),
        "Valletta": ("Valletta",),
    }.items()
    for name in names
}

# --------------------------------------------------------------------------- patterns

_DASHES = "\u2010\u2011\u2012\u2013\u2212\ufe63\uff0d"
_HY = f"[-{_DASHES}]"
# Spaces tolerated inside a symbol (never a line break).
_SP = "[ \\t\u00a0\u2007\u2009\u200a\u200b\u202f]"
_DASH_TABLE = str.maketrans(dict.fromkeys(_DASHES, "-"))

_G = r"[^\S\r\n]*(?:\r?\n[^\S\r\n]*)?"  # optional whitespace, at most one line break
_G1 = r"(?:[^\S\r\n]+(?:\r?\n[^\S\r\n]*)?|\r?\n[^\S\r\n]*)"  # same, at least one char


def _prefix_alt(prefix: str) -> str:
    return _HY.join(re.escape(part) for part in prefix.split("-"))


_KNOWN_PREFIX_RE = "|".join(_prefix_alt(p) for p in sorted(KNOWN_PREFIXES, key=len, reverse=True))
_KNOWN_PREFIX_BY_FOLD = {p.casefold(): p for p in KNOWN_PREFIXES}
_GENERIC_PREFIX_RE = rf"[A-Z][A-Z][A-Za-z]*(?:{_HY}[A-Za-z&]+)*"
_SERIES_RE = "(?ai:" + "|".join(sorted(KNOWN_SERIES, key=len, reverse=True)) + ")|[A-Z]{2,5}"
_NUM_END = r"(?![\w/]|\.[0-9])"
_SUFFIX_ONE = (
    rf"(?:{_SP}*\({_SP}*(?ai:rev|add|corr){_SP}*\.?{_SP}*[0-9]{{1,2}}{_SP}*\)"
    rf"|{_SP}+(?ai:rev|add|corr)\.{_SP}*[0-9]{{1,2}}(?![0-9]))"
)
_SUFFIX_PART_RE = re.compile(r"(?ai)(rev|add|corr)\D*?([0-9]+)")

_SYMBOL_CORE = rf"""
(?:
    (?P<un>(?ai:A|E)){_SP}*/{_SP}*(?ai:RES){_SP}*/{_SP}*(?P<session>[0-9]{{1,4}})
    {_SP}*/{_SP}*(?P<unnum>[0-9]{{1,4}}){_NUM_END}
|
    (?:
        (?P<prefix>(?ai:{_KNOWN_PREFIX_RE})|{_GENERIC_PREFIX_RE})
        {_HY}{_SP}*(?P<meeting>[0-9]{{1,3}})
    |
        (?ai:C)(?P<cmeeting>[0-9]{{2}})
    )
    {_SP}*/{_SP}*
    (?:(?P<series>{_SERIES_RE}){_SP}*/{_SP}*)?
    (?P<number>[0-9]{{1,4}}){_NUM_END}
    (?P<suffixes>(?:{_SUFFIX_ONE})+)?
)
"""

#: Finds document symbols in text (see the module docstring).
# The leading look-ahead on the first letter only speeds the scan up (about 2x).
SYMBOL_RE = re.compile(rf"(?=[A-Zace])(?<![\w&/.@#{_DASHES}-]){_SYMBOL_CORE}", re.VERBOSE)
_SYMBOL_FULL_RE = re.compile(rf"\s*{_SYMBOL_CORE}\s*", re.VERBOSE)

# "..., /2 and /3" after a symbol.
_CONTINUATION_RE = re.compile(
    rf"""(?:{_SP}*,{_SP}*(?:and{_SP}+)?|{_SP}+and{_SP}+|{_SP}*&{_SP}*)
    (?P<span>/{_SP}*(?P<number>[0-9]{{1,4}}){_NUM_END}(?P<suffixes>(?:{_SUFFIX_ONE})+)?)""",
    re.VERBOSE,
)

_URL_RE = re.compile(r"(?i)(?=[hfw])\b(?:https?://|ftp://|www\.)[^\s<>\"'()\[\]{}]+")
_EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")

_ISSUERS = (
    ("PP", rf"PP(?:{_HY}[0-9]{{2}})?|Plenipotentiary(?:[^\S\r\n]+Conference)?"),
    ("Council", r"(?:ITU[^\S\r\n]+)?Council"),
    ("WTSA", rf"WTSA(?:{_HY}[0-9]{{2}})?"),
    ("WTDC", rf"WTDC(?:{_HY}[0-9]{{2}})?"),
    ("WRC", rf"WRC(?:{_HY}[0-9]{{2}})?"),
    ("RA", rf"ITU{_HY}R|RA(?:{_HY}[0-9]{{2}})?"),
    (
        "UNGA",
        r"UNGA|(?:(?:UN|United[^\S\r\n]+Nations)[^\S\r\n]+)?General[^\S\r\n]+Assembly",
    ),
)
_INSTRUMENT_RE = re.compile(
    rf"""(?=[PCWRUGIrDd])  # first letters of issuers and keywords: a 4x faster scan
    (?<![\w&/.@{_DASHES}-])
    (?:(?P<issuer>{"|".join(f"(?P<iss_{name}>{pat})" for name, pat in _ISSUERS)})
       [^\S\r\n]+)?
    (?P<kw>
        (?P<res>Resolution|resolution|RESOLUTION)(?P<res_pl>s|S)?
      | (?P<resabbr>Res\.)
      | (?P<dec>Decision|decision|DECISION)(?P<dec_pl>s|S)?
    )(?!\w)""",
    re.VERBOSE,
)
_INSTR_NUM_RE = re.compile(rf"{_G1}(?P<num>[0-9]{{1,4}}(?:/[0-9]{{1,4}})?){_NUM_END}")
_NEXT_NUM_RE = re.compile(rf"(?P<num>[0-9]{{1,4}}(?:/[0-9]{{1,4}})?){_NUM_END}")
_SEP_PLURAL_RE = re.compile(rf"{_G},{_G}(?:and{_G1})?|{_G1}and{_G1}|{_G}&{_G}")
_SEP_SINGULAR_RE = re.compile(rf"{_G1}and{_G1}|{_G}&{_G}")

_YEAR = "(?:19|20)[0-9]{2}"
_CITY = (
    r"(?!(?i:rev)\b)[^\W\d_]+"
    rf"(?:(?:[^\S\r\n]+|[-'\u2019{_DASHES}][^\S\r\n]*)[^\W\d_]+){{0,3}}"
)
_EDITION_RE = re.compile(
    rf"""{_G}\(\s*(?:
        (?P<brev>(?i:rev)(?:\.\s*|\s+))?(?P<body>PP|WRC|RA|WTSA|WTDC)\s*{_HY}\s*(?P<byy>[0-9]{{2}})
      | (?i:council)[\s,]*(?P<cy4>{_YEAR})
      | C{_HY}?(?P<cy2>[0-9]{{2}})
      | (?i:mod(?:ified)?)\.?\s*(?P<my>{_YEAR})
      | (?P<rev>(?i:rev)(?:\.\s*|\s+))?(?P<city>{_CITY})\s*,?\s*(?P<year>{_YEAR})
      | (?P<bare>{_YEAR})
    )(?![0-9])\s*\)""",
    re.VERBOSE,
)

# ------------------------------------------------------------------------- documents


def _canonical_prefix(raw: str) -> str:
    prefix = raw.translate(_DASH_TABLE)
    return _KNOWN_PREFIX_BY_FOLD.get(prefix.casefold(), prefix)


def _suffix_parts(raw: str | None) -> tuple[tuple[str, int], ...]:
    if not raw:
        return ()
    return tuple((kind.capitalize(), int(num)) for kind, num in _SUFFIX_PART_RE.findall(raw))


def _parsed_from_match(m: re.Match[str]) -> ParsedSymbol:
    if m.group("un"):
        return ParsedSymbol(
            system="un",
            prefix=f"{m.group('un').upper()}/RES",
            meeting=m.group("session"),
            series="",
            number=int(m.group("unnum")),
        )
    suffixes = _suffix_parts(m.group("suffixes"))
    last = suffixes[-1] if suffixes else (None, None)
    series = (m.group("series") or "").upper()
    if m.group("cmeeting"):
        system, prefix, meeting = "council", "C", m.group("cmeeting")
    else:
        system, prefix, meeting = "body", _canonical_prefix(m.group("prefix")), m.group("meeting")
    return ParsedSymbol(
        system=system,
        prefix=prefix,
        meeting=meeting,
        series=series,
        number=int(m.group("number")),
        suffix_kind=last[0],
        suffix_number=last[1],
        suffixes=suffixes,
    )


def parse_symbol(s: str) -> ParsedSymbol | None:
    """Parse a whole string as one document symbol, or return ``None``."""
    if not isinstance(s, str):
        return None
    m = _SYMBOL_FULL_RE.fullmatch(s)
    return _parsed_from_match(m) if m else None


def normalize_symbol(s: str) -> str | None:
    """Return the canonical symbol for ``s`` if it is a document symbol, else ``None``."""
    parsed = parse_symbol(s)
    return parsed.symbol if parsed else None


def _documents(text: str) -> list[Citation]:
    out: list[Citation] = []
    for m in SYMBOL_RE.finditer(text):
        parsed = _parsed_from_match(m)
        out.append(Citation("document", m.group(), m.start(), m.end(), parsed.symbol))
        if parsed.system == "un":
            continue
        pos = m.end()
        while (c := _CONTINUATION_RE.match(text, pos)) is not None:
            suffixes = _suffix_parts(c.group("suffixes"))
            last = suffixes[-1] if suffixes else (None, None)
            item = ParsedSymbol(
                system=parsed.system,
                prefix=parsed.prefix,
                meeting=parsed.meeting,
                series=parsed.series,
                number=int(c.group("number")),
                suffix_kind=last[0],
                suffix_number=last[1],
                suffixes=suffixes,
            )
            start, end = c.span("span")
            out.append(Citation("document", text[start:end], start, end, item.symbol))
            pos = end
    return out


# ----------------------------------------------------------------------- instruments


def _two_digit_year(yy: str) -> int:
    n = int(yy)
    return 2000 + n if n < 70 else 1900 + n


def _edition(m: re.Match[str]) -> tuple[str | None, str]:
    """(inferred issuer or None, normalized edition without parentheses)."""
    if m.group("body"):
        body, yy = m.group("body"), m.group("byy")
        rev = m.group("brev") is not None
        if body == "PP":
            year = _two_digit_year(yy)
            city = _PP_CITY_BY_YEAR.get(year)
            if city:
                return "PP", f"{'Rev. ' if rev else ''}{city}, {year}"
        return body, f"{'Rev.' if rev else ''}{body}-{yy}"
    if m.group("cy4"):
        return "Council", m.group("cy4")
    if m.group("cy2"):
        return "Council", str(_two_digit_year(m.group("cy2")))
    if m.group("my"):
        return None, f"modified {m.group('my')}"
    if m.group("city"):
        raw_city = " ".join(unicodedata.normalize("NFC", m.group("city")).split())
        raw_city = raw_city.translate(_DASH_TABLE)
        city = _CITY_SPELLING.get(raw_city.casefold(), raw_city)
        year = int(m.group("year"))
        issuer = "PP" if (city, year) in PP_CONFERENCES else None
        return issuer, f"{'Rev. ' if m.group('rev') else ''}{city}, {year}"
    return None, m.group("bare")


def _instruments(text: str) -> list[Citation]:
    out: list[Citation] = []
    for m in _INSTRUMENT_RE.finditer(text):
        first = _INSTR_NUM_RE.match(text, m.end())
        if first is None:
            continue
        if m.group("dec"):
            kind, word = "decision", "Decision"
            plural = m.group("dec_pl") is not None
            lower = m.group("dec") == "decision"
        else:
            kind, word = "resolution", "Resolution"
            plural = m.group("res_pl") is not None
            lower = m.group("res") == "resolution"
        issuer = None
        if m.group("issuer"):
            issuer = next(name for name, _ in _ISSUERS if m.group(f"iss_{name}"))
        sep_re = _SEP_PLURAL_RE if plural else _SEP_SINGULAR_RE

        # items: [start, end, number, edition-match-or-None]
        items: list[list] = []
        num_m: re.Match[str] | None = first
        item_start = m.start()
        while num_m is not None:
            end = num_m.end()
            ed = _EDITION_RE.match(text, end)
            if ed is not None:
                end = ed.end()
            items.append([item_start, end, num_m.group("num"), ed, num_m.end()])
            sep = sep_re.match(text, end)
            if sep is None:
                break
            num_m = _NEXT_NUM_RE.match(text, sep.end())
            if num_m is not None:
                item_start = num_m.start()

        editions: list[re.Match[str] | None] = [None] * len(items)
        carry = None
        for i in range(len(items) - 1, -1, -1):
            if items[i][3] is not None:
                carry = items[i][3]
            editions[i] = carry
        if lower and issuer is None and all(e is None for e in editions):
            continue

        for (start, end, number, own_ed, num_end), ed in zip(items, editions, strict=True):
            if own_ed is None and len(items) == 1:
                end = num_end
            item_issuer, edition = issuer, None
            if ed is not None:
                inferred, edition = _edition(ed)
                item_issuer = item_issuer or inferred
            key = f"{item_issuer} {word} {number}" if item_issuer else f"{word} {number}"
            if edition:
                key = f"{key} ({edition})"
            out.append(Citation(kind, text[start:end], start, end, key))
    return out


# --------------------------------------------------------------------------- driver


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

    The result is sorted by ``start``; spans never overlap (when two candidates overlap the
    one starting first, then the longer one, is kept) and each ``Citation.text`` equals
    ``text[start:end]``.
    """
    if not isinstance(text, str) or not text:
        return []
    found = _documents(text) + _instruments(text)
    if not found:
        return []
    found.sort(key=lambda c: (c.start, -(c.end - c.start)))
    excluded = _excluded_spans(text)
    result: list[Citation] = []
    ex_i = 0
    last_end = -1
    for cit in found:
        if cit.start < last_end or cit.end <= cit.start:
            continue
        while ex_i < len(excluded) and excluded[ex_i][1] <= cit.start:
            ex_i += 1
        if ex_i < len(excluded) and excluded[ex_i][0] < cit.end:
            continue  # inside (or across) a URL or an e-mail address
        result.append(cit)
        last_end = cit.end
    return result
