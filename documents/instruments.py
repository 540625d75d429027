"""Citations of instruments (resolutions and decisions) in the six languages of the Union.

Pure Python, used by ``documents.references.extract_references``; see its docstring for the
keys. Each language's keywords, issuers and edition words are tables below: a new spelling
is a new table entry, not a new pattern.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["PP_CONFERENCES", "instrument_citations"]


@dataclass(frozen=True)
class Found:
    kind: str
    start: int
    end: int
    key: str
    issuer: str | None = None


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

# Usual English spelling of conference cities, from their spellings in the six languages.
_CITY_SPELLING = {
    unicodedata.normalize("NFC", name).casefold(): canonical
    for canonical, names in {
        "Antalya": ("Antalya", "Анталья", "أنطاليا", "安塔利亚"),
        "Bucharest": ("Bucharest", "Bucarest", "Bucarest", "Бухарест", "بوخارست", "布加勒斯特"),
        "Buenos Aires": ("Buenos Aires", "Буэнос-Айрес", "بوينس آيرس", "布宜诺斯艾利斯"),
        "Busan": ("Busan", "Busán", "Pusan", "Пусан", "بوسان", "釜山"),
        "Doha": ("Doha", "Доха", "الدوحة", "多哈"),
        "Dubai": ("Dubai", "Dubaï", "Dubái", "Дубай", "دبي", "迪拜"),
        "Florianópolis": ("Florianópolis", "Florianopolis", "Флорианополис"),
        "Geneva": ("Geneva", "Genève", "Geneve", "Ginebra", "Женева", "جنيف", "日内瓦"),
        "Guadalajara": ("Guadalajara", "Гвадалахара", "غوادالاخارا", "瓜达拉哈拉"),
        "Hammamet": ("Hammamet", "Хаммамет", "الحمامات", "哈马马特"),
        "Helsinki": ("Helsinki", "Хельсинки"),
        "Hyderabad": ("Hyderabad", "Haiderabad", "Хайдарабад", "حيدر آباد", "海得拉巴"),
        "Istanbul": ("Istanbul", "Estambul", "Стамбул", "إسطنبول", "伊斯坦布尔"),
        "Johannesburg": ("Johannesburg", "Johannesburgo", "Йоханнесбург", "جوهانسبرغ"),
        "Kigali": ("Kigali", "Кигали", "كيغالي", "基加利"),
        "Kyoto": ("Kyoto", "Kioto", "Киото", "كيوتو", "京都"),
        "Marrakesh": ("Marrakesh", "Marrakech", "Marrakech", "Марракеш", "مراكش", "马拉喀什"),
        "Minneapolis": ("Minneapolis", "Миннеаполис", "مينيابوليس", "明尼阿波利斯"),
        "Nairobi": ("Nairobi", "Найроби", "نيروبي", "内罗毕"),
        "New Delhi": ("New Delhi", "Nueva Delhi", "Нью-Дели", "نيودلهي", "新德里"),
        "Nice": ("Nice", "Niza", "Ницца", "نيس", "尼斯"),
        "Sharm el-Sheikh": (
            "Sharm el-Sheikh",
            "Sharm El-Sheikh",
            "Sharm el Sheikh",
            "Charm el-Cheikh",
            "Sharm el-Sheij",
            "Шарм-эль-Шейх",
            "شرم الشيخ",
        ),
        "Valletta": ("Valletta", "La Valette", "La Valeta", "Валлетта"),
    }.items()
    for name in names
}
_ZH_CITIES = "|".join(n for n in _CITY_SPELLING if re.fullmatch(r"[\u4e00-\u9fff]+", n))

_DASHES = "\u2010\u2011\u2012\u2013\u2212\ufe63\uff0d"
_HY = f"[-{_DASHES}]"
_DASH_TABLE = str.maketrans(dict.fromkeys(_DASHES, "-"))
_S = r"[^\S\r\n]"
_G = rf"{_S}*(?:\r?\n{_S}*)?"  # optional whitespace, at most one line break
_G1 = rf"(?:{_S}+(?:\r?\n{_S}*)?|\r?\n{_S}*)"
# A number ends at a non-word, or where PDF copy-paste glued "and" to the next one (71and84).
_NUM_END = r"(?:(?![0-9A-Za-z/]|\.[0-9])|(?=(?:and|et|y)\s?[0-9]))"

# Issuers written before the keyword.
_ISSUERS = (
    ("PP", rf"PP(?:{_HY}[0-9]{{2}})?|Plenipotentiary(?:{_S}+Conference)?"),
    ("Council", rf"(?:ITU{_S}+)?Council"),
    ("WTSA", rf"WTSA(?:{_HY}[0-9]{{2}})?"),
    ("WTDC", rf"WTDC(?:{_HY}[0-9]{{2}})?"),
    ("WRC", rf"WRC(?:{_HY}[0-9]{{2}})?"),
    ("RA", rf"ITU{_HY}R|RA(?:{_HY}[0-9]{{2}})?"),
    ("ECOSOC", r"ECOSOC|Economic\s+and\s+Social\s+Council"),
    ("UNSC", r"(?:UN\s+)?Security\s+Council"),
    ("UNGA", rf"UNGA|(?:(?:UN|United{_S}+Nations){_S}+)?General{_S}+Assembly"),
    ("Council", r"理事会"),
    ("PP", r"全权代表大会"),
    ("WTSA", r"世界电信标准化全会"),
    ("WTDC", r"世界电信发展大会"),
    ("WRC", r"世界无线电通信大会"),
)
# Issuers written after the number: "of the Plenipotentiary Conference", "du Conseil".
_AFTER = (
    ("PP", r"Plenipotentiary\s+Conference|Conf[ée]rence\s+de\s+pl[ée]nipotentiaires"),
    ("PP", r"Conferencia\s+de\s+Plenipotenciarios|Полномочной\s+конференции|PP(?:-[0-9]{2})?"),
    ("PP", r"مؤتمر\s+المندوبين\s+المفوضين"),
    ("WTSA", r"World\s+Telecommunication\s+Standardization\s+Assembly|WTSA|AMNT|ВАСЭ"),
    ("WTDC", r"World\s+Telecommunication\s+Development\s+Conference|WTDC|CMDT|ВКРЭ"),
    ("WRC", r"World\s+Radiocommunication\s+Conference|WRC|CMR|ВКР"),
    ("RA", r"Radiocommunication\s+Assembly"),
    ("Council", r"(?:ITU\s+)?Council|Conseil|Consejo|Совета|المجلس"),
    ("UNGA", r"(?:United\s+Nations\s+|UN\s+)?General\s+Assembly|Assembl[ée]e\s+g[ée]n[ée]rale"),
    ("UNGA", r"Asamblea\s+General|Генеральной\s+Ассамблеи|الجمعية\s+العامة"),
)
_ISSUER_AFTER_RE = re.compile(
    rf"""{_G}(?P<prep>of|by|adopted{_S}+by|de(?:{_S}+la|{_S}+l['’])?|du|del)?{_G}
    (?:the{_S}+|la{_S}+|l['’]|el{_S}+)?(?:(?P<year>(?:19|20)[0-9]{{2}}){_S}+)?
    (?P<who>{"|".join(f"(?P<a{i}>{pat})" for i, (_, pat) in enumerate(_AFTER))})(?![\w-])""",
    re.VERBOSE | re.IGNORECASE,
)

# Keywords: (kind, pattern, plural pattern, lower-case pattern needing an issuer or edition).
_RES_WORDS = r"Resolution|RESOLUTION|Résolution|RÉSOLUTION|Resolución|Резолюци(?:я|и|ю|ей|й)"
_RES_PL = r"Resolutions|RESOLUTIONS|Résolutions|Resoluciones|Резолюци(?:и|ях|ям|ями)|القرارات"
_DEC_WORDS = r"Decision|DECISION|Décision|Decisión|Решени(?:е|я|ю|и|ем)"
_DEC_PL = r"Decisions|DECISIONS|Décisions|Decisiones|Решения|Решений|المقررات"
_AR_RES = r"(?:[وبل]?ال|[وبل])?قرار(?:ين|ان)?"
_AR_DEC = r"(?:[وبل]?ال|[وبل])?مقرر(?:ين|ان)?"
_INSTRUMENT_RE = re.compile(
    # The look-ahead on the first letters of issuers and keywords only speeds the scan.
    rf"""(?=[PCWRUGIESDrdРррe理全世ابلوقم])(?<![\w&/.@{_DASHES}-])
    (?:(?P<issuer>{"|".join(f"(?P<iss_{i}>{pat})" for i, (_, pat) in enumerate(_ISSUERS))})
       {_S}*)?
    (?P<kw>
        (?P<res_pl>{_RES_PL})
      | (?P<dec_pl>{_DEC_PL})
      | (?P<res>{_RES_WORDS}|{_AR_RES}|Res\.)
      | (?P<dec>{_DEC_WORDS}|{_AR_DEC})
      | (?P<lres>resolutions?|résolutions?|resoluci(?:ón|ones)|резолюци(?:я|и|ю|ей|й|ях))
      | (?P<ldec>decisions?|décisions?|decisi(?:ón|ones)|решени(?:е|я|ю|и|ем))
    )(?![^\W\d_])""",
    re.VERBOSE,
)
_NUM = r"[0-9]{1,4}(?:/[0-9]{1,4})?"
# "Resolution ITU-R 71": the ITU-R way of naming its own resolutions.
_INSTR_NUM_RE = re.compile(
    rf"(?:{_G1}|(?<=\.)|(?<=[\u0600-\u06ff]){_G})(?P<itur>ITU{_HY}R{_G1})?"
    rf"(?P<num>{_NUM}){_NUM_END}"
)
_NEXT_NUM_RE = re.compile(rf"(?P<num>{_NUM}){_NUM_END}")
_AND = r"(?:and|et|y|и|و|&)"
# A plural keyword's list may also have lost its commas in extraction ("101 102 133").
_SEP_PLURAL_RE = re.compile(
    rf"{_G}[,،]{_G}(?:{_AND}{_G1})?|{_G}{_AND}{_G}|{_S}+(?=[0-9]{{1,4}}(?:[,،{_DASHES}]|{_S}*[(（]|{_S}+[0-9]))"
)
# "Resolutions 101 to 103", "Resoluciones 101 a 103", "Décisions 5 à 7", "101-103": a range
# after a plural keyword stands for every number in it.
_RANGE_RE = re.compile(rf"{_G1}(?:to|à|a|al|au|до|по|إلى){_G1}|{_G}[-\u2013\u2014]{_G}")
_RANGE_MAX = 30
_SEP_SINGULAR_RE = re.compile(rf"{_G1}{_AND}{_G1}|{_G}&{_G}|(?<=[0-9]){_AND}(?=[0-9])")

_YEAR = "(?:19|20)[0-9]{2}"
_REV = r"(?:(?i:rev|rév)(?:\.\s*|\s+)|Пересм\.\s*|المراج[\u064e]?ع\s+(?:في\s+)?)"
_CITY = (
    r"(?!(?i:rev|rév|amend|mod)\b)[^\W\d_]+"
    rf"(?:(?:[^\S\r\n]+|[-'\u2019{_DASHES}][^\S\r\n]*)[^\W\d_]+){{0,3}}"
)
_EDITION_RE = re.compile(
    rf"""{_G}[(（]\s*(?:
        (?P<brev>(?i:rev)(?:\.\s*|\s+))?(?P<body>PP|WRC|RA|WTSA|WTDC)\s*{_HY}\s*(?P<byy>[0-9]{{2}})
      | (?i:council|conseil|consejo|совет)[\s,]*(?P<cy4>{_YEAR})(?:\s*г\.)?
      | C{_HY}?(?P<cy2>[0-9]{{2}})
        (?:\s*,\s*(?i:last\s+)?(?i:amended|modified|rev\.?)\s*C{_HY}?(?P<cam>[0-9]{{2}}))?
      | (?i:mod(?:ified|ifiée|ificada)?|изм(?:енена)?)\.?\s*(?:en\s+|в\s+)?(?P<my>{_YEAR})?
        (?:\s*г\.)?
      | (?i:amend(?:ed)?)\.?\s*(?P<ay>{_YEAR})
      | (?P<rev>{_REV})?(?P<city>{_CITY})\s*[,،]?\s*(?P<year>{_YEAR})(?:\s*(?:г\.|год))?
      | (?P<ryrev>{_REV})(?P<ry>{_YEAR})
      | (?P<bare>{_YEAR})
      | (?P<zy>{_YEAR})年[,，、\s]*(?P<zc>{_ZH_CITIES})?[,，、\s]*(?P<zrev>修订)?[版]?
    )(?![0-9])\s*[)）]""",
    re.VERBOSE,
)
_ZH_ISSUER_RE = re.compile(
    rf"""(?:{"|".join(f"(?P<iss_{i}>{p})" for i, (_, p) in enumerate(_ISSUERS))})\Z"""
)
_ZH_RE = re.compile(
    r"""第\s*(?P<nums>[0-9]{1,4}(?:\s*[、,，和及]\s*[0-9]{1,4})*)\s*号\s*(?P<kw>决议|决定)""",
    re.VERBOSE,
)
# Abbreviated Council instruments in minutes: "R 1390", "R1335", "D 570".
_ABBR_RE = re.compile(
    r"(?<![\w/.&-])(?:(?P<r>R)\s?(?P<rn>1[0-9]{3})|(?P<d>D)\s?(?P<dn>[4-6][0-9]{2}))(?![\w/]|\.[0-9])"
)
_ROOM_RE = re.compile(r"(?i:room|salle|sala|зал)\W*\Z")
_UN_ORGAN = {"UNGA": "A", "ECOSOC": "E", "UNSC": "S"}


def _two_digit_year(yy: str) -> int:
    n = int(yy)
    return 2000 + n if n < 70 else 1900 + n


def _city(raw: str) -> str:
    raw = " ".join(unicodedata.normalize("NFC", raw).split()).translate(_DASH_TABLE)
    return _CITY_SPELLING.get(raw.casefold(), raw)


def _edition(m: re.Match[str]) -> tuple[str | None, str]:
    """(inferred issuer or None, normalized edition without parentheses)."""
    if m.group("body"):
        body, yy = m.group("body"), m.group("byy")
        rev = m.group("brev") is not None
        if body == "PP" and (city := _PP_CITY_BY_YEAR.get(_two_digit_year(yy))):
            return "PP", f"{'Rev. ' if rev else ''}{city}, {_two_digit_year(yy)}"
        return body, f"{'Rev.' if rev else ''}{body}-{yy}"
    if m.group("cy4"):
        return "Council", m.group("cy4")
    if m.group("cy2"):
        year = str(_two_digit_year(m.group("cy2")))
        if m.group("cam"):
            return "Council", f"{year}, last amended {_two_digit_year(m.group('cam'))}"
        return "Council", year
    if m.group("ay"):
        return None, f"amended {m.group('ay')}"
    if m.group("city"):
        city, year = _city(m.group("city")), int(m.group("year"))
        issuer = "PP" if (city, year) in PP_CONFERENCES else None
        return issuer, f"{'Rev. ' if m.group('rev') else ''}{city}, {year}"
    if m.group("ry"):
        return None, f"Rev. {m.group('ry')}"
    if m.group("bare"):
        return None, m.group("bare")
    if m.group("zy"):
        year = int(m.group("zy"))
        city = _city(m.group("zc")) if m.group("zc") else _PP_CITY_BY_YEAR.get(year)
        issuer = "PP" if (city, year) in PP_CONFERENCES else None
        rev = "Rev. " if m.group("zrev") else ""
        return issuer, f"{rev}{city}, {year}" if city else f"{rev}{year}"
    return None, f"modified {m.group('my')}" if m.group("my") else "modified"


def _key(kind: str, issuer: str | None, number: str, edition: str | None) -> str:
    if "/" in number:  # a United Nations resolution: its symbol is its key
        first = number.split("/")[0]
        organ = _UN_ORGAN.get(issuer or "", "E" if len(first) == 4 else "A")
        return f"{organ}/RES/{number}"
    if issuer == "UNSC" and kind == "resolution":
        return f"S/RES/{number}"
    word = "Resolution" if kind == "resolution" else "Decision"
    key = f"{issuer} {word} {number}" if issuer else f"{word} {number}"
    return f"{key} ({edition})" if edition else key


def _issuer_of(m: re.Match[str]) -> str | None:
    if not m.group("issuer"):
        return None
    return next(name for i, (name, _) in enumerate(_ISSUERS) if m.group(f"iss_{i}"))


def _after(text: str, pos: int) -> tuple[str, str | None, int] | None:
    """The issuer written after a number, its edition from a year, and where it ends."""
    a = _ISSUER_AFTER_RE.match(text, pos)
    if a is None or (not a.group("prep") and a.group("who").isascii()):
        return None  # "Resolution 71 Council ..." is no issuer: English names one with "of"
    issuer = next(name for i, (name, _) in enumerate(_AFTER) if a.group(f"a{i}"))
    edition = None
    if a.group("year"):
        year = int(a.group("year"))
        city = _PP_CITY_BY_YEAR.get(year) if issuer == "PP" else None
        edition = f"{city}, {year}" if city else str(year)
    return issuer, edition, a.end()


def _items(text: str, m: re.Match[str], first: re.Match[str], plural: bool) -> list[list]:
    """[start, end, number, edition match, end of number] for each number of the list."""
    sep_re = _SEP_PLURAL_RE if plural else _SEP_SINGULAR_RE
    items: list[list] = []
    num_m: re.Match[str] | None = first
    item_start = m.start()
    while num_m is not None and len(items) < 60:
        end = num_m.end()
        ed = _EDITION_RE.match(text, end)
        if ed is not None:
            end = ed.end()
        items.append([item_start, end, num_m.group("num"), ed, num_m.end()])
        if plural and ed is None and (upto := _range_end(text, num_m)) is not None:
            rng, num_m = upto
            low, high = int(items[-1][2]), int(num_m.group("num"))
            # The numbers between are not written: each takes the span of "to".
            items += [
                [rng.start(), rng.end(), str(n), None, rng.end()] for n in range(low + 1, high)
            ]
            item_start = num_m.start()
            continue
        sep = sep_re.match(text, end)
        if sep is None:
            break
        num_m = _NEXT_NUM_RE.match(text, sep.end())
        if num_m is not None:
            item_start = num_m.start()
    return items


def _range_end(text: str, num_m: re.Match[str]) -> tuple[re.Match[str], re.Match[str]] | None:
    """The separator and the last number of a range that starts at ``num_m``, if one does."""
    rng = _RANGE_RE.match(text, num_m.end())
    if rng is None or "/" in num_m.group("num"):
        return None
    last = _NEXT_NUM_RE.match(text, rng.end())
    if last is None or "/" in last.group("num"):
        return None
    if not 0 < int(last.group("num")) - int(num_m.group("num")) <= _RANGE_MAX:
        return None
    return rng, last


def _one(text: str, m: re.Match[str]) -> list[Found]:
    first = _INSTR_NUM_RE.match(text, m.end())
    if first is None:
        return []
    dec = bool(m.group("dec") or m.group("dec_pl") or m.group("ldec"))
    kind = "decision" if dec else "resolution"
    plural = bool(m.group("res_pl") or m.group("dec_pl")) or (m.group("kw") or "").endswith(
        ("s", "es", "ях", "и")
    )
    lower = bool(m.group("lres") or m.group("ldec"))
    issuer = _issuer_of(m) or ("RA" if first.group("itur") else None)
    items = _items(text, m, first, plural)
    editions: list[re.Match[str] | None] = [None] * len(items)
    carry = None
    for i in range(len(items) - 1, -1, -1):
        if items[i][3] is not None:
            carry = items[i][3]
        editions[i] = carry
    after = _after(text, items[-1][1])
    if after is not None:
        issuer = issuer or after[0]
        items[-1][1] = after[2]
        if (ed := _EDITION_RE.match(text, after[2])) is not None and editions[-1] is None:
            items[-1][1] = ed.end()
            editions = [e or ed for e in editions]
    un = any("/" in item[2] for item in items)
    if lower and issuer is None and not un and all(e is None for e in editions):
        return []
    out = []
    for (start, end, number, own_ed, num_end), ed in zip(items, editions, strict=True):
        if own_ed is None and len(items) == 1 and after is None:
            end = num_end
        item_issuer, edition = issuer, None
        if ed is not None:
            inferred, edition = _edition(ed)
            item_issuer = item_issuer or inferred
        if item_issuer is None and kind == "resolution" and re.fullmatch("1[0-9]{3}", number):
            item_issuer = "Council"  # only the Council numbers its resolutions from 1000 on
        elif after is not None and after[1] and item_issuer == after[0]:
            edition = after[1]

        out.append(Found(kind, start, end, _key(kind, item_issuer, number, edition), item_issuer))
    return out


def _chinese(text: str) -> list[Found]:
    out = []
    for m in _ZH_RE.finditer(text):
        kind = "resolution" if m.group("kw") == "决议" else "decision"
        # the issuer written before "第", found by looking back only there
        before = _ZH_ISSUER_RE.search(text, max(0, m.start() - 12), m.start())
        issuer = None
        if before is not None:
            issuer = next(n for i, (n, _) in enumerate(_ISSUERS) if before.group(f"iss_{i}"))
        start0 = before.start() if before is not None else m.start()
        end = m.end()
        edition = None
        if (ed := _EDITION_RE.match(text, end)) is not None:
            inferred, edition = _edition(ed)
            issuer = issuer or inferred
            end = ed.end()
        numbers = list(re.finditer(r"[0-9]{1,4}", m.group("nums")))
        base = m.start("nums")
        for i, number in enumerate(numbers):
            # one span per number: the first from the issuer, the last through the keyword
            start = start0 if i == 0 else base + number.start()
            stop = end if i == len(numbers) - 1 else base + number.end()
            key = _key(kind, issuer, number.group(), edition)
            out.append(Found(kind, start, stop, key, issuer))
    return out


def _abbreviated(text: str) -> list[Found]:
    out = []
    for m in _ABBR_RE.finditer(text):
        if _ROOM_RE.search(text, max(0, m.start() - 8), m.start()):
            continue  # "Room D 123" is a place
        kind = "resolution" if m.group("r") else "decision"
        number = m.group("rn") or m.group("dn")
        out.append(Found(kind, m.start(), m.end(), _key(kind, "Council", number, None), "Council"))
    return out


_CARRY_GAP_RE = re.compile(rf"{_G}[;,]?{_G}(?:and{_G1})?")


def instrument_citations(text: str) -> list[Found]:
    """Every resolution and decision cited in ``text``, in order of ``start``."""
    found: list[Found] = []
    for m in _INSTRUMENT_RE.finditer(text):
        found += _one(text, m)
    if "第" in text:
        found += _chinese(text)
    if "R" in text or "D" in text:
        found += _abbreviated(text)
    found.sort(key=lambda f: f.start)
    # "Council Decision 601; Decision 604": the issuer carries to the next instrument.
    for i in range(1, len(found)):
        prev, cur = found[i - 1], found[i]
        if cur.issuer is None and prev.issuer and prev.kind == cur.kind and "/" not in cur.key:
            gap = _CARRY_GAP_RE.fullmatch(text, prev.end, cur.start)
            if gap is not None and prev.end <= cur.start:
                found[i] = Found(
                    cur.kind, cur.start, cur.end, f"{prev.issuer} {cur.key}", prev.issuer
                )
    return found
