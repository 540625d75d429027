"""One table per family of citations the issue names (issue 8), written from our own
examples: other numbers, other wording, odd spacing, the six languages, and passages that
cite nothing. Each case lists the (kind, key) pairs expected, in order.

``test_recall_and_precision_over_every_family`` prints the recall and precision of the
extractor over all the tables (run pytest with ``-s`` to see them).
"""

from __future__ import annotations

import pytest

from documents.references import extract_references

NBSP = "\u00a0"
R, D, DOC = "resolution", "decision", "document"


def res(key):
    return (R, key)


def dec(key):
    return (D, key)


def doc(key):
    return (DOC, key)


PP18 = "PP Resolution {} (Rev. Dubai, 2018)"
PP14 = "PP Resolution {} (Rev. Busan, 2014)"

SYMBOLS = [
    ("Document C23/45 was presented.", [doc("C23/45")]),
    ("see C2001/15 and C1999/3", [doc("C2001/15"), doc("C1999/3")]),
    (
        "C22/INF/12, C22/DT/3, C22/ADM/4, C22/EP/2 and C22/DL/9",
        [doc("C22/INF/12"), doc("C22/DT/3"), doc("C22/ADM/4"), doc("C22/EP/2"), doc("C22/DL/9")],
    ),
    ("CWG-Internet-17/5 and WG-Internet 6/2", [doc("CWG-Internet-17/5"), doc("WG-Internet-6/2")]),
    ("CWG-WSIS-28/4, WG-WSIS-19/7", [doc("CWG-WSIS-28/4"), doc("WG-WSIS-19/7")]),
    (
        "three-part WG-CP/3/11 and EG-ITRs 4/1 and EG-ITRs3/2",
        [doc("WG-CP-3/11"), doc("EG-ITRs-4/1"), doc("EG-ITRs-3/2")],
    ),
    ("CWG-WCIT12/TD 4 and CWG-WCIT12/R 11", [doc("CWG-WCIT12/TD/4"), doc("CWG-WCIT12/R/11")]),
    (
        "C23/8 (Rev.3), C23/9 (Rev. 2), C23/10Rev.1, C21/77R3",
        [doc("C23/8(Rev.3)"), doc("C23/9(Rev.2)"), doc("C23/10(Rev.1)"), doc("C21/77(Rev.3)")],
    ),
    ("C15/120 Revision 2 and C23/5-F Rev. 2", [doc("C15/120(Rev.2)"), doc("C23/5(Rev.2)")]),
    (
        "C20/40(Add.B) and C20/41 + Add.2",
        [doc("C20/40(Add.B)"), doc("C20/41"), doc("C20/41(Add.2)")],
    ),
    (
        "the Russian version C23/17-R and C23/17-A, C23/17-C",
        [doc("C23/17"), doc("C23/17"), doc("C23/17")],
    ),
    ("TDAG-10/003 and RAG-05/012", [doc("TDAG-10/3"), doc("RAG-05/12")]),
    ("C25/INF/3 - Rev.1 and C25/1-Rev.2", [doc("C25/INF/3(Rev.1)"), doc("C25/1(Rev.2)")]),
    ("c23/4 in lower case", [doc("C23/4")]),
    (f"C23{NBSP}/{NBSP}6 and C23/7?(Rev.2)", [doc("C23/6"), doc("C23/7(Rev.2)")]),
    ("Cyrillic \u042123/5 and \u0421WG-Internet-3/1", [doc("C23/5"), doc("CWG-Internet-3/1")]),
    ("glued C23/12C23/13C23/14", [doc("C23/12"), doc("C23/13"), doc("C23/14")]),
    (
        "Document C23/5, then DT/2(Rev.1) and INF/4",
        [doc("C23/5"), doc("C23/DT/2(Rev.1)"), doc("C23/INF/4")],
    ),
    (
        "CWG-Internet-21/3(Corr.1) and CWG-Internet-21/3 (corr. 2)",
        [doc("CWG-Internet-21/3(Corr.1)"), doc("CWG-Internet-21/3(Corr.2)")],
    ),
]

LISTS = [
    ("Documents C23/20 to 23", [doc("C23/20"), doc("C23/21"), doc("C23/22"), doc("C23/23")]),
    ("C23/30 to C23/32 were noted", [doc("C23/30"), doc("C23/31"), doc("C23/32")]),
    ("C12/5, 19 and 40 refer", [doc("C12/5"), doc("C12/19"), doc("C12/40")]),
    (
        "CWG-Internet-19/2, /4 and /6",
        [doc("CWG-Internet-19/2"), doc("CWG-Internet-19/4"), doc("CWG-Internet-19/6")],
    ),
    ("Documents C23/2-4", [doc("C23/2"), doc("C23/3"), doc("C23/4")]),
    ("Documents C23/12 à 13 et C23/40", [doc("C23/12"), doc("C23/13"), doc("C23/40")]),
    ("Documentos C23/7 al 8", [doc("C23/7"), doc("C23/8")]),
    ("见C23/12、13和14号文件", [doc("C23/12"), doc("C23/13"), doc("C23/14")]),
    ("الوثائق C23/12 و13 و14", [doc("C23/12"), doc("C23/13"), doc("C23/14")]),
    ("Документы C23/12, 13 и 14", [doc("C23/12"), doc("C23/13"), doc("C23/14")]),
    (
        "Resolutions 2, 25, 64 (Rev. Dubai, 2018)",
        [res(PP18.format(2)), res(PP18.format(25)), res(PP18.format(64))],
    ),
    (
        "Resolutions 130, 174 and 179 (Rev. Busan, 2014)",
        [res(PP14.format(130)), res(PP14.format(174)), res(PP14.format(179))],
    ),
    (
        "Decisions 5 and 11 (Rev. Dubai, 2018)",
        [dec("PP Decision 5 (Rev. Dubai, 2018)"), dec("PP Decision 11 (Rev. Dubai, 2018)")],
    ),
    (
        "Resolutions 48and 71 of the Plenipotentiary Conference",
        [res("PP Resolution 48"), res("PP Resolution 71")],
    ),
    (
        "Resolutions 101 102 133 (Rev. Dubai, 2018)",
        [res(PP18.format(101)), res(PP18.format(102)), res(PP18.format(133))],
    ),
    # not lists
    ("C23/7, 3 December 2023", [doc("C23/7")]),
    ("C23/7 and 4 other documents", [doc("C23/7")]),
    ("C23/7 and 15 Member States", [doc("C23/7")]),
]

CONTRIBUTIONS = [
    (
        "contributions 3, 9 and 27 of CWG-WCIT12",
        [doc("CWG-WCIT12/C/3"), doc("CWG-WCIT12/C/9"), doc("CWG-WCIT12/C/27")],
    ),
    ("Contribution 12 from CWG-WCIT12 was discussed", [doc("CWG-WCIT12/C/12")]),
    (
        "In the WCIT-12 preparations, C44 and C45 were merged.",
        [doc("CWG-WCIT12/C/44"), doc("CWG-WCIT12/C/45")],
    ),
    (
        "contributions 2 and 5 to CWG-Internet-18",
        [doc("CWG-Internet-18/2"), doc("CWG-Internet-18/5")],
    ),
    ("TD 17 of CWG-WCIT12 was revised", [doc("CWG-WCIT12/TD/17")]),
    ("contributions 2 and 5 were received", []),
    ("C44 without a group named", []),
]

INSTRUMENTS = [
    # Ranges after a plural keyword: every number in between, the edition on each.
    (
        "Resolutions 64 to 66 (Rev. Hammamet, 2016) of WTSA",
        [res(f"WTSA Resolution {n} (Rev. Hammamet, 2016)") for n in (64, 65, 66)],
    ),
    ("Resoluciones 11 a 13", [res(f"Resolution {n}") for n in (11, 12, 13)]),
    ("Décisions 517–519 du Conseil", [dec(f"Council Decision {n}") for n in (517, 518, 519)]),
    ("Resolution 71 to be revised", [res("Resolution 71")]),
    ("Resolution 70 (Rev. Busan, 2014)", [res(PP14.format(70))]),
    ("WTDC Resolution 37 (Rev. 2017)", [res("WTDC Resolution 37 (Rev. 2017)")]),
    ("Council Resolution 1380 (Amend. 2019)", [res("Council Resolution 1380 (amended 2019)")]),
    ("Resolution 1114 (MOD)", [res("Council Resolution 1114 (modified)")]),
    ("Résolution 1333 (Conseil 2011)", [res("Council Resolution 1333 (2011)")]),
    ("Resolución 1372 (modificada en 2019)", [res("Council Resolution 1372 (modified 2019)")]),
    ("Резолюция 1372 (изм. 2019 г.)", [res("Council Resolution 1372 (modified 2019)")]),
    ("Resolution 1305 (mod 2009)", [res("Council Resolution 1305 (modified 2009)")]),
    ("Resolution 1334 (Council 2013)", [res("Council Resolution 1334 (2013)")]),
    (
        "Resolution 1344 (C12, last amended C19)",
        [res("Council Resolution 1344 (2012, last amended 2019)")],
    ),
    (
        "Resolution 179 of the 2018 Plenipotentiary Conference",
        [res("PP Resolution 179 (Dubai, 2018)")],
    ),
    (
        "Resolution 64 of the World Telecommunication Standardization Assembly",
        [res("WTSA Resolution 64")],
    ),
    ("Resolution 37 of WTDC", [res("WTDC Resolution 37")]),
    (
        "Council Decision 588; Decision 600",
        [dec("Council Decision 588"), dec("Council Decision 600")],
    ),
    (
        "Council Resolution 1372, Resolution 1380",
        [res("Council Resolution 1372"), res("Council Resolution 1380")],
    ),
    (
        "recalling R 1405 and R1332, and D 613",
        [
            res("Council Resolution 1405"),
            res("Council Resolution 1332"),
            dec("Council Decision 613"),
        ],
    ),
    ("WTSA Resolution 69 (Rev. Geneva, 2022)", [res("WTSA Resolution 69 (Rev. Geneva, 2022)")]),
    ("Resolution 12 (Rev. PP-22)", [res("PP Resolution 12 (Rev. Bucharest, 2022)")]),
    ("Resolution 212 (Rev. WRC-23)", [res("WRC Resolution 212 (Rev.WRC-23)")]),
    ("Res. 1305 and Res.1336", [res("Council Resolution 1305"), res("Council Resolution 1336")]),
    (
        "RESOLUTION 1332 (C11, last amended C16)",
        [res("Council Resolution 1332 (2011, last amended 2016)")],
    ),
    (
        "Resolution 2 (Rev. Hyderabad, 2010) of WTDC",
        [res("WTDC Resolution 2 (Rev. Hyderabad, 2010)")],
    ),
    (
        "Resolution ITU-R 71 and Resolutions ITU-R 1 and 2",
        [res("RA Resolution 71"), res("RA Resolution 1"), res("RA Resolution 2")],
    ),
    ("Resolution102 is glued to its number", []),
    ("the decision 3 weeks ago", []),
]

UN = [
    ("A/74/821 and A/C.3/75/L.9", [doc("A/74/821"), doc("A/C.3/75/L.9")]),
    (
        "A/HRC/47/14, S/PV.9012 and S/2019/100",
        [doc("A/HRC/47/14"), doc("S/PV.9012"), doc("S/2019/100")],
    ),
    (
        "E/CN.16/2023/2 and E/2019/31-E/CN.16/2019/4",
        [doc("E/CN.16/2023/2"), doc("E/2019/31"), doc("E/CN.16/2019/4")],
    ),
    ("A/RES/75/202 and E/RES/2021/28", [doc("A/RES/75/202"), doc("E/RES/2021/28")]),
    ("General Assembly resolution 70/125", [res("A/RES/70/125")]),
    ("UN General Assembly resolution 76/189", [res("A/RES/76/189")]),
    ("ECOSOC resolution 2021/28", [res("E/RES/2021/28")]),
    ("Economic and Social Council resolution 2006/46", [res("E/RES/2006/46")]),
    ("résolution 70/125 de l'Assemblée générale", [res("A/RES/70/125")]),
    ("resolución 70/125 de la Asamblea General", [res("A/RES/70/125")]),
    ("Security Council resolution 2417 (2018)", [res("S/RES/2417")]),
    ("A/72 and E/2 are not symbols", []),
]

LANGUAGES = [
    ("Résolution 139 (Rév. Dubaï, 2018)", [res(PP18.format(139))]),
    ("Résolutions 101 et 102 (Rév. Dubaï, 2018)", [res(PP18.format(101)), res(PP18.format(102))]),
    ("Décision 5 du Conseil", [dec("Council Decision 5")]),
    ("le Document C23/7 et C23/INF/2", [doc("C23/7"), doc("C23/INF/2")]),
    ("Resolución 139 (Rev. Dubái, 2018)", [res(PP18.format(139))]),
    ("Resolución 71 (Rev. Busán, 2014)", [res(PP14.format(71))]),
    ("Resolución 1305 (2009) del Consejo", [res("Council Resolution 1305 (2009)")]),
    ("Решение 5 (Пересм. Дубай, 2018 г.)", [dec("PP Decision 5 (Rev. Dubai, 2018)")]),
    ("المقرر 5 (المراجَع في دبي، 2018)", [dec("PP Decision 5 (Rev. Dubai, 2018)")]),
    (
        "第101、102和133号决议（2018年，迪拜，修订版）",
        [res(PP18.format(101)), res(PP18.format(102)), res(PP18.format(133))],
    ),
    ("документы С24/12–14", [doc("C24/12"), doc("C24/13"), doc("C24/14")]),
    ("Resoluciones 101 y 102 (Rev. Dubái, 2018)", [res(PP18.format(101)), res(PP18.format(102))]),
    ("Resolución 71 de la Conferencia de Plenipotenciarios", [res("PP Resolution 71")]),
    ("Резолюция 139 (Пересм. Дубай, 2018 г.)", [res(PP18.format(139))]),
    ("в Резолюции 71 (Пересм. Пусан, 2014 г.)", [res(PP14.format(71))]),
    ("Резолюцией 71 Полномочной конференции", [res("PP Resolution 71")]),
    ("Документ С23/7", [doc("C23/7")]),
    ("القرار 139 (المراجَع في دبي، 2018)", [res(PP18.format(139))]),
    ("القرار 71 (المراجع في بوسان، 2014)", [res(PP14.format(71))]),
    ("الوثيقة C23/7", [doc("C23/7")]),
    ("第139号决议（2018年，迪拜，修订版）", [res(PP18.format(139))]),
    ("第71号决议（2014年，釜山，修订版）", [res(PP14.format(71))]),
    ("全权代表大会第71号决议", [res("PP Resolution 71")]),
    ("理事会第5号决定", [dec("Council Decision 5")]),
    ("见C23/7号文件", [doc("C23/7")]),
]

NOT_CITATIONS = [
    ("PL 2.3 and PL 1.4 are agenda items", []),
    ("Agenda item 4: adoption of the agenda", []),
    ("under clause 5.2.1 of the Rules", []),
    ("In 2018 and 2019 the group met", []),
    ("Room C2, Room H.1 and Popov room", []),
    ("ISO/IEC 27001 and ISO 9001:2015", []),
    ("CHF 2 300 000 and USD 1,500", []),
    ("COVID-19/2020 response", []),
    ("the 2/3 majority and 24/7 service", []),
    ("Article 5/2 and No. 3/4", []),
    ("Room D 523 and salle D 540, Room A", []),
    ("The delegate of Argentina (D 12) and Brazil (R 45) spoke", []),
    ("A/B testing, I/O, S/N ratio, 50/50 split, 24/7/365", []),
    ("UIT-R M.2083, Q.12/17, WP 5D and SG 17/Q 4", []),
    ("https://www.itu.int/md/S23-CL-C-0007/en", []),
]

FAMILIES = {
    "symbols": SYMBOLS,
    "lists": LISTS,
    "contributions": CONTRIBUTIONS,
    "instruments": INSTRUMENTS,
    "un": UN,
    "languages": LANGUAGES,
    "not-citations": NOT_CITATIONS,
}
ALL = [(family, text, expected) for family, rows in FAMILIES.items() for text, expected in rows]


def _found(text):
    return [(c.kind, c.key) for c in extract_references(text)]


@pytest.mark.parametrize(
    ("family", "text", "expected"), ALL, ids=[f"{f}:{t[:40]}" for f, t, _ in ALL]
)
def test_citation_family(family, text, expected):
    assert _found(text) == expected


def test_every_family_has_many_cases_and_negatives():
    for name, rows in FAMILIES.items():
        assert len(rows) >= 6, name
    assert sum(1 for _, _, expected in ALL if not expected) >= 15


def test_recall_and_precision_over_every_family():
    hits = expected_total = found_total = 0
    for _, text, expected in ALL:
        found = _found(text)
        remaining = list(found)
        for item in expected:
            if item in remaining:
                remaining.remove(item)
                hits += 1
        expected_total += len(expected)
        found_total += len(found)
    recall, precision = hits / expected_total, hits / found_total
    print(f"\ncitation families: recall {recall:.3f}, precision {precision:.3f} ({hits} hits)")
    assert recall >= 0.95
    assert precision >= 0.98
