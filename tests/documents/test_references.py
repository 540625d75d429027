"""Tests for documents.references: citation extraction and symbol normalization.

Pure Python: no Django needed.  Run e.g. with
``pytest -p no:django -p no:cacheprovider tests/documents/test_references.py``.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

try:
    from documents.references import (
        SYMBOL_RE,
        Citation,
        ParsedSymbol,
        extract_references,
        normalize_symbol,
        parse_symbol,
    )
except ImportError:  # run from outside the project root
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from documents.references import (
        SYMBOL_RE,
        Citation,
        ParsedSymbol,
        extract_references,
        normalize_symbol,
        parse_symbol,
    )

NBSP = "\u00a0"
NNBSP = "\u202f"
NBHY = "\u2011"
ENDASH = "\u2013"

PP22 = "(Rev. Bucharest, 2022)"

# The proposal for the 21st CWG-Internet meeting, verbatim (shared/scenario), with its
# no-break spaces and typographic quotes written as escapes.
SCENARIO = (
    " \tPurpose\n"
    "To include to the Draft agenda for 21st CWG-Internet meeting a new item "
    "on WSIS+20 report on ITU's contribution to the implementation of and "
    "follow-up to WSIS outcomes and its role in achieving the SDGs.\n"
    "Action required\n"
    "The Council Working Group on international Internet-related public policy "
    "issues is invited to consider the present proposal and decide on inclusion "
    "in the agenda of a new item: WSIS+20 report on ITU's contribution to "
    "the implementation of and follow-up to WSIS outcomes and its role in "
    "achieving the SDGs.\n"
    "_______________\n"
    "References \n"
    "Document CWG-Internet-21/1, Document CWG-WSIS&SDG-42/13, PP Resolutions "
    "102 and 140 (Rev.\xa0Bucharest, 2022) \n"
    "\n"
    "\n"
    "\n"
    "\n"
    "I\tIntroduction\t\n"
    "Resolution 102 (Rev.\xa0Bucharest, 2022) resolves\n"
    "1\tto explore ways and means, in accordance with the Tunis Agenda, for "
    "greater reciprocal collaboration and coordination between ITU and relevant "
    "organizations involved in the development of IP-based networks and the "
    "future Internet in the context of new and emerging telecommunications/ICTs, "
    "through cooperation agreements, as appropriate, in order to increase "
    "the role of ITU in Internet governance, and to promote greater participation "
    "by Member States in Internet governance, so as to ensure maximum benefits "
    "to the global community and promote affordable international connectivity; "
    "2 that ITU may assist Member States to identify and access the advice "
    "and support that is available from other relevant entities and organizations.\n"
    "...\n"
    "4\tto continue undertaking activities on international Internet related "
    "public policy issues within ITU's mandate, including in CWG-Internet, "
    "in collaboration and cooperation with relevant organizations and stakeholders, "
    "as appropriate, with special attention to the needs of developing countries.\n"
    "Resolution 140 (Rev.\xa0Bucharest, 2022) instructs the Secretary-General\n"
    "16\tto prepare and submit a WSIS+20 report on ITU's contribution to the "
    "implementation of and follow-up to  WSIS outcomes and its role in achieving "
    "the SDGs (2015-2025) for submission to the 2025 session of CSTD and UNGA.\n"
    "The Secretary-General has presented the Draft outline WSIS+20 Report "
    "on ITU'S contribution to the implementation of and follow-up to the WSIS "
    "outcomes and its role in achieving the SDGS for consideration at 42d "
    "meeting of CWG WSIS&SDG on 10-11 February 2025 (Document CWG-WSIS&SDG-42/13).\n"
    "Due to ITU\u2019s involving in the activities on international Internet "
    "related public policy issues within it's mandate, these activities shall "
    "be reflected in the ITU Report \u201cWSIS+20\u201d and to be considered "
    "by CWG-Internet within the framework of its mandate.\n"
    "II\tProposals\n"
    "2.1\tTo include the new item to the Agenda of the 21st CWG-Internet meeting: "
    "a WSIS+20 report on ITU's contribution to the implementation of and follow-up "
    "to the WSIS outcomes and its role in achieving the SDGs.\n"
    "2.2\tTo publish the Secretary-General Report \u201cthe Draft outline "
    "WSIS+20 Report on ITU'S contribution to the implementation of and follow-up "
    "to WSIS outcomes and its role in achieving the SDG\u2019s\u201d (Document "
    "CWG-WSIS&SDG-42/13) as the Official document for the 21st CWG-Internet "
    "meeting ASAP.\n"
    " "
)

SCENARIO_CITATIONS = [
    ("document", "CWG-Internet-21/1", "CWG-Internet-21/1"),
    ("document", "CWG-WSIS&SDG-42/13", "CWG-WSIS&SDG-42/13"),
    ("resolution", f"PP Resolution 102 {PP22}", "PP Resolutions 102"),
    ("resolution", f"PP Resolution 140 {PP22}", f"140 (Rev.{NBSP}Bucharest, 2022)"),
    ("resolution", f"PP Resolution 102 {PP22}", f"Resolution 102 (Rev.{NBSP}Bucharest, 2022)"),
    ("resolution", f"PP Resolution 140 {PP22}", f"Resolution 140 (Rev.{NBSP}Bucharest, 2022)"),
    ("document", "CWG-WSIS&SDG-42/13", "CWG-WSIS&SDG-42/13"),
    ("document", "CWG-WSIS&SDG-42/13", "CWG-WSIS&SDG-42/13"),
]


def doc(key: str, text: str | None = None) -> tuple[str, str, str]:
    """An expected document citation; ``text`` defaults to the key."""
    return ("document", key, key if text is None else text)


def res(key: str, text: str) -> tuple[str, str, str]:
    return ("resolution", key, text)


def dec(key: str, text: str) -> tuple[str, str, str]:
    return ("decision", key, text)


# (id, input, expected [(kind, key, text), ...] in order)
CASES: list[tuple[str, str, list[tuple[str, str, str]]]] = [
    # --- the scenario -------------------------------------------------------------------
    ("scenario-full-text", SCENARIO, SCENARIO_CITATIONS),
    (
        "scenario-references-line",
        (
            "Document CWG-Internet-21/1, Document CWG-WSIS&SDG-42/13, PP Resolutions 102 and 140 "
            f"(Rev.{NBSP}Bucharest, 2022) "
        ),
        SCENARIO_CITATIONS[:4],
    ),
    (
        "scenario-resolves-list-item-not-cited",
        f"Resolution 102 (Rev.{NBSP}Bucharest, 2022) resolves\n1\tto explore ways and means",
        [res(f"PP Resolution 102 {PP22}", f"Resolution 102 (Rev.{NBSP}Bucharest, 2022)")],
    ),
    (
        "scenario-instructs-list-item-not-cited",
        (
            f"Resolution 140 (Rev.{NBSP}Bucharest, 2022) instructs the Secretary-General\n16\tto "
            "prepare and submit a WSIS+20 report"
        ),
        [res(f"PP Resolution 140 {PP22}", f"Resolution 140 (Rev.{NBSP}Bucharest, 2022)")],
    ),
    (
        "scenario-symbol-in-parentheses",
        "42d meeting of CWG WSIS&SDG on 10-11 February 2025 (Document CWG-WSIS&SDG-42/13).",
        [doc("CWG-WSIS&SDG-42/13")],
    ),
    # --- working-group symbols ----------------------------------------------------------
    ("doc-intro-document", "Document CWG-Internet-21/1", [doc("CWG-Internet-21/1")]),
    ("doc-intro-doc-abbrev", "Doc. CWG-FHR-12/3 refers", [doc("CWG-FHR-12/3")]),
    (
        "doc-intro-docs-abbrev-two",
        "Docs. CWG-COP-5/2 and CWG-LANG-7/1",
        [doc("CWG-COP-5/2"), doc("CWG-LANG-7/1")],
    ),
    ("doc-standalone-no-intro", "as CWG-SFP-3/4 shows", [doc("CWG-SFP-3/4")]),
    ("doc-eg-itrs", "EG-ITRs-2/1", [doc("EG-ITRs-2/1")]),
    (
        "doc-known-prefix-lowercase",
        "cwg-internet-21/1",
        [doc("CWG-Internet-21/1", "cwg-internet-21/1")],
    ),
    (
        "doc-known-prefix-uppercase",
        "CWG-INTERNET-21/1",
        [doc("CWG-Internet-21/1", "CWG-INTERNET-21/1")],
    ),
    ("doc-known-prefix-eg-lower", "eg-itrs-2/1", [doc("EG-ITRs-2/1", "eg-itrs-2/1")]),
    ("doc-wsis-shorter-known-prefix", "CWG-WSIS-30/5", [doc("CWG-WSIS-30/5")]),
    (
        "doc-wsis-sdg-mixed-case",
        "cwg-wsis&sdg-42/13",
        [doc("CWG-WSIS&SDG-42/13", "cwg-wsis&sdg-42/13")],
    ),
    ("doc-unknown-prefix-kept-as-written", "CWG-NewGroup-1/2", [doc("CWG-NewGroup-1/2")]),
    ("doc-unknown-single-segment-prefix", "TDAG-30/4", [doc("TDAG-30/4")]),
    ("doc-end-of-sentence-dot-excluded", "See CWG-Internet-21/1.", [doc("CWG-Internet-21/1")]),
    ("doc-followed-by-comma", "CWG-Internet-21/1, then", [doc("CWG-Internet-21/1")]),
    # --- council symbols and series -----------------------------------------------------
    ("council-plain", "Document C25/1", [doc("C25/1")]),
    ("council-inf-series", "C24/INF/3", [doc("C24/INF/3")]),
    ("council-adm-series", "C25/ADM/2", [doc("C25/ADM/2")]),
    ("council-leading-zero-meeting", "C09/12", [doc("C09/12")]),
    ("council-series-lowercase", "c25/inf/3", [doc("C25/INF/3", "c25/inf/3")]),
    ("wg-inf-series", "CWG-Internet-21/INF/1", [doc("CWG-Internet-21/INF/1")]),
    ("wg-dt-series", "CWG-Internet-21/DT/2", [doc("CWG-Internet-21/DT/2")]),
    ("wg-td-series", "EG-ITRs-4/TD/7", [doc("EG-ITRs-4/TD/7")]),
    ("wg-dl-series", "CWG-FHR-18/DL/1", [doc("CWG-FHR-18/DL/1")]),
    # --- suffixes -----------------------------------------------------------------------
    (
        "suffix-rev-space-paren",
        "CWG-Internet-21/3 (Rev.1)",
        [doc("CWG-Internet-21/3(Rev.1)", "CWG-Internet-21/3 (Rev.1)")],
    ),
    (
        "suffix-rev-space-after-dot",
        "CWG-Internet-21/3(Rev. 1)",
        [doc("CWG-Internet-21/3(Rev.1)", "CWG-Internet-21/3(Rev. 1)")],
    ),
    (
        "suffix-rev-without-parentheses",
        "CWG-Internet-21/3 Rev.1",
        [doc("CWG-Internet-21/3(Rev.1)", "CWG-Internet-21/3 Rev.1")],
    ),
    (
        "suffix-rev-lowercase",
        "CWG-Internet-21/3(rev.1)",
        [doc("CWG-Internet-21/3(Rev.1)", "CWG-Internet-21/3(rev.1)")],
    ),
    ("suffix-add", "C25/1(Add.1)", [doc("C25/1(Add.1)")]),
    ("suffix-corr-spaced", "C25/2 (Corr.1)", [doc("C25/2(Corr.1)", "C25/2 (Corr.1)")]),
    ("suffix-chain-add-rev", "C25/1(Add.1)(Rev.1)", [doc("C25/1(Add.1)(Rev.1)")]),
    ("suffix-inf-with-rev", "C25/INF/3 Rev.2", [doc("C25/INF/3(Rev.2)", "C25/INF/3 Rev.2")]),
    (
        "suffix-without-number-not-part-of-citation",
        "CWG-Internet-21/1(Rev.)",
        [doc("CWG-Internet-21/1")],
    ),
    (
        "suffix-unrelated-parenthesis-left-out",
        "CWG-Internet-21/1 (see Annex)",
        [doc("CWG-Internet-21/1")],
    ),
    # --- odd spacing and dashes ---------------------------------------------------------
    (
        "space-around-slash",
        "CWG-Internet-21 / 1",
        [doc("CWG-Internet-21/1", "CWG-Internet-21 / 1")],
    ),
    ("space-after-hyphen", "CWG-Internet- 21/1", [doc("CWG-Internet-21/1", "CWG-Internet- 21/1")]),
    (
        "nbsp-around-slash",
        f"CWG-Internet-21{NBSP}/{NBSP}1",
        [doc("CWG-Internet-21/1", f"CWG-Internet-21{NBSP}/{NBSP}1")],
    ),
    (
        "narrow-nbsp-before-suffix",
        f"CWG-Internet-21/3{NNBSP}(Rev.1)",
        [doc("CWG-Internet-21/3(Rev.1)", f"CWG-Internet-21/3{NNBSP}(Rev.1)")],
    ),
    (
        "en-dash-in-symbol",
        f"CWG{ENDASH}Internet{ENDASH}21/1",
        [doc("CWG-Internet-21/1", f"CWG{ENDASH}Internet{ENDASH}21/1")],
    ),
    (
        "non-breaking-hyphen-in-symbol",
        f"CWG{NBHY}WSIS&SDG{NBHY}42/13",
        [doc("CWG-WSIS&SDG-42/13", f"CWG{NBHY}WSIS&SDG{NBHY}42/13")],
    ),
    (
        "space-in-council-symbol",
        "C25 / INF / 3",
        [doc("C25/INF/3", "C25 / INF / 3")],
    ),
    # --- UN documents -------------------------------------------------------------------
    ("un-ga-resolution-symbol", "A/RES/70/125", [doc("A/RES/70/125")]),
    ("un-ga-resolution-lowercase", "a/res/70/125", [doc("A/RES/70/125", "a/res/70/125")]),
    ("un-ecosoc-resolution", "E/RES/2023/3", [doc("E/RES/2023/3")]),
    # --- lists of documents -------------------------------------------------------------
    (
        "doc-list-and",
        "Documents CWG-Internet-21/1 and CWG-Internet-21/3",
        [doc("CWG-Internet-21/1"), doc("CWG-Internet-21/3")],
    ),
    (
        "doc-list-commas",
        "Documents C25/1, C25/2 and C25/INF/3",
        [doc("C25/1"), doc("C25/2"), doc("C25/INF/3")],
    ),
    (
        "doc-list-bare-number-continuation",
        "Documents CWG-Internet-21/1, /2 and /3",
        [doc("CWG-Internet-21/1"), doc("CWG-Internet-21/2", "/2"), doc("CWG-Internet-21/3", "/3")],
    ),
    (
        "doc-list-continuation-keeps-series-and-takes-suffix",
        "C25/INF/1, /2 & /3 (Rev.1)",
        [doc("C25/INF/1"), doc("C25/INF/2", "/2"), doc("C25/INF/3(Rev.1)", "/3 (Rev.1)")],
    ),
    # --- resolutions --------------------------------------------------------------------
    (
        "res-pp-inferred-from-bucharest",
        "Resolution 102 (Rev. Bucharest, 2022)",
        [res(f"PP Resolution 102 {PP22}", "Resolution 102 (Rev. Bucharest, 2022)")],
    ),
    (
        "res-pp-list-two",
        "PP Resolutions 102 and 140 (Rev. Bucharest, 2022)",
        [
            res(f"PP Resolution 102 {PP22}", "PP Resolutions 102"),
            res(f"PP Resolution 140 {PP22}", "140 (Rev. Bucharest, 2022)"),
        ],
    ),
    (
        "res-list-three-busan",
        "Resolutions 102, 133 and 180 (Rev. Busan, 2014)",
        [
            res("PP Resolution 102 (Rev. Busan, 2014)", "Resolutions 102"),
            res("PP Resolution 133 (Rev. Busan, 2014)", "133"),
            res("PP Resolution 180 (Rev. Busan, 2014)", "180 (Rev. Busan, 2014)"),
        ],
    ),
    (
        "res-list-three-dubai",
        "Resolutions 101, 102 and 133 (Rev. Dubai, 2018)",
        [
            res("PP Resolution 101 (Rev. Dubai, 2018)", "Resolutions 101"),
            res("PP Resolution 102 (Rev. Dubai, 2018)", "102"),
            res("PP Resolution 133 (Rev. Dubai, 2018)", "133 (Rev. Dubai, 2018)"),
        ],
    ),
    (
        "res-list-without-edition",
        "Resolutions 102 and 140",
        [res("Resolution 102", "Resolutions 102"), res("Resolution 140", "140")],
    ),
    (
        "res-list-oxford-comma",
        "Resolutions 71, 72, and 77 (Rev. Dubai, 2018)",
        [
            res("PP Resolution 71 (Rev. Dubai, 2018)", "Resolutions 71"),
            res("PP Resolution 72 (Rev. Dubai, 2018)", "72"),
            res("PP Resolution 77 (Rev. Dubai, 2018)", "77 (Rev. Dubai, 2018)"),
        ],
    ),
    (
        "res-list-each-edition-applies-backwards",
        "Resolutions 102 (Rev. Dubai, 2018), 133 and 180 (Rev. Busan, 2014)",
        [
            res("PP Resolution 102 (Rev. Dubai, 2018)", "Resolutions 102 (Rev. Dubai, 2018)"),
            res("PP Resolution 133 (Rev. Busan, 2014)", "133"),
            res("PP Resolution 180 (Rev. Busan, 2014)", "180 (Rev. Busan, 2014)"),
        ],
    ),
    (
        "res-plenipotentiary-word",
        "Plenipotentiary Resolution 102",
        [res("PP Resolution 102", "Plenipotentiary Resolution 102")],
    ),
    (
        "res-pp-with-year",
        "PP-22 Resolution 1",
        [res("PP Resolution 1", "PP-22 Resolution 1")],
    ),
    (
        "res-council-issuer",
        "Council Resolution 1305",
        [res("Council Resolution 1305", "Council Resolution 1305")],
    ),
    (
        "res-council-from-edition",
        "Resolution 1305 (Council 2009)",
        [res("Council Resolution 1305 (2009)", "Resolution 1305 (Council 2009)")],
    ),
    (
        "res-council-short-edition",
        "Resolution 1305 (C09)",
        [res("Council Resolution 1305 (2009)", "Resolution 1305 (C09)")],
    ),
    (
        "res-council-issuer-and-year",
        "ITU Council Resolution 1305 (2009)",
        [res("Council Resolution 1305 (2009)", "ITU Council Resolution 1305 (2009)")],
    ),
    (
        "res-council-modified",
        "Council Resolution 1372 (modified 2019)",
        [res("Council Resolution 1372 (modified 2019)", "Council Resolution 1372 (modified 2019)")],
    ),
    (
        "res-edition-no-spaces",
        "Resolution 102 (Rev.Bucharest,2022)",
        [res(f"PP Resolution 102 {PP22}", "Resolution 102 (Rev.Bucharest,2022)")],
    ),
    (
        "res-edition-no-comma",
        "Resolution 102 (Rev. Bucharest 2022)",
        [res(f"PP Resolution 102 {PP22}", "Resolution 102 (Rev. Bucharest 2022)")],
    ),
    (
        "res-edition-lowercase-rev",
        "Resolution 102 (rev. Bucharest, 2022)",
        [res(f"PP Resolution 102 {PP22}", "Resolution 102 (rev. Bucharest, 2022)")],
    ),
    (
        "res-edition-extra-spaces",
        "Resolution 102 ( Rev. Bucharest , 2022 )",
        [res(f"PP Resolution 102 {PP22}", "Resolution 102 ( Rev. Bucharest , 2022 )")],
    ),
    (
        "res-all-capitals",
        "RESOLUTION 102 (REV. BUCHAREST, 2022)",
        [res(f"PP Resolution 102 {PP22}", "RESOLUTION 102 (REV. BUCHAREST, 2022)")],
    ),
    (
        "res-original-edition-not-revised",
        "Resolution 212 (Bucharest, 2022)",
        [res("PP Resolution 212 (Bucharest, 2022)", "Resolution 212 (Bucharest, 2022)")],
    ),
    (
        "res-pp-short-edition",
        "Resolution 102 (Rev. PP-22)",
        [res(f"PP Resolution 102 {PP22}", "Resolution 102 (Rev. PP-22)")],
    ),
    (
        "res-marrakech-spelling-normalized",
        "Res. 130 (Rev. Marrakech, 2002)",
        [res("PP Resolution 130 (Rev. Marrakesh, 2002)", "Res. 130 (Rev. Marrakech, 2002)")],
    ),
    (
        "res-wtsa-city-no-pp-inference",
        "Resolution 1 (Rev. Geneva, 2022)",
        [res("Resolution 1 (Rev. Geneva, 2022)", "Resolution 1 (Rev. Geneva, 2022)")],
    ),
    (
        "res-wtsa-issuer-written",
        "WTSA Resolution 1 (Rev. Geneva, 2022)",
        [res("WTSA Resolution 1 (Rev. Geneva, 2022)", "WTSA Resolution 1 (Rev. Geneva, 2022)")],
    ),
    (
        "res-wtdc-issuer-written",
        "WTDC Resolution 30 (Rev. Kigali, 2022)",
        [res("WTDC Resolution 30 (Rev. Kigali, 2022)", "WTDC Resolution 30 (Rev. Kigali, 2022)")],
    ),
    (
        "res-wtdc-two-word-city",
        "WTDC Resolution 37 (Rev. Buenos Aires, 2017)",
        [
            res(
                "WTDC Resolution 37 (Rev. Buenos Aires, 2017)",
                "WTDC Resolution 37 (Rev. Buenos Aires, 2017)",
            )
        ],
    ),
    (
        "res-wrc-edition",
        "Resolution 95 (Rev. WRC-19)",
        [res("WRC Resolution 95 (Rev.WRC-19)", "Resolution 95 (Rev. WRC-19)")],
    ),
    (
        "res-itu-r-issuer-is-ra",
        "ITU-R Resolution 2",
        [res("RA Resolution 2", "ITU-R Resolution 2")],
    ),
    ("res-double-space", "Resolution  102", [res("Resolution 102", "Resolution  102")]),
    ("res-line-break", "Resolution\n102", [res("Resolution 102", "Resolution\n102")]),
    (
        "res-nbsp-everywhere",
        f"Resolution{NBSP}102 (Rev.{NBSP}Bucharest,{NBSP}2022)",
        [
            res(
                f"PP Resolution 102 {PP22}",
                f"Resolution{NBSP}102 (Rev.{NBSP}Bucharest,{NBSP}2022)",
            )
        ],
    ),
    (
        "res-line-break-before-edition",
        "Resolution 102\n(Rev. Bucharest, 2022)",
        [res(f"PP Resolution 102 {PP22}", "Resolution 102\n(Rev. Bucharest, 2022)")],
    ),
    (
        "res-unga-long-name-lowercase-keyword",
        "UN General Assembly resolution 70/125",
        [res("A/RES/70/125", "UN General Assembly resolution 70/125")],
    ),
    (
        "res-unga-short",
        "UNGA Resolution 70/125",
        [res("A/RES/70/125", "UNGA Resolution 70/125")],
    ),
    (
        "res-unga-words-and-symbol",
        "General Assembly resolution 70/125 (A/RES/70/125)",
        [res("A/RES/70/125", "General Assembly resolution 70/125"), doc("A/RES/70/125")],
    ),
    (
        "res-lowercase-keyword-with-edition",
        "in resolution 102 (Rev. Dubai, 2018)",
        [res("PP Resolution 102 (Rev. Dubai, 2018)", "resolution 102 (Rev. Dubai, 2018)")],
    ),
    (
        "res-list-ampersand",
        "Resolutions 102 & 140",
        [res("Resolution 102", "Resolutions 102"), res("Resolution 140", "140")],
    ),
    (
        "res-singular-stops-at-comma",
        "Resolution 102, 2 that ITU may assist",
        [res("Resolution 102", "Resolution 102")],
    ),
    # --- decisions ----------------------------------------------------------------------
    (
        "dec-pp-inferred",
        "Decision 11 (Rev. Bucharest, 2022)",
        [dec(f"PP Decision 11 {PP22}", "Decision 11 (Rev. Bucharest, 2022)")],
    ),
    ("dec-council", "Council Decision 482", [dec("Council Decision 482", "Council Decision 482")]),
    (
        "dec-council-lowercase-keyword-with-issuer",
        "Council decision 482",
        [dec("Council Decision 482", "Council decision 482")],
    ),
    (
        "dec-singular-with-and",
        "Decision 5 and 11",
        [dec("Decision 5", "Decision 5"), dec("Decision 11", "11")],
    ),
    (
        "dec-plural-list",
        "Decisions 5, 11 and 12 (Rev. Dubai, 2018)",
        [
            dec("PP Decision 5 (Rev. Dubai, 2018)", "Decisions 5"),
            dec("PP Decision 11 (Rev. Dubai, 2018)", "11"),
            dec("PP Decision 12 (Rev. Dubai, 2018)", "12 (Rev. Dubai, 2018)"),
        ],
    ),
    # --- mixed --------------------------------------------------------------------------
    (
        "mixed-resolution-then-decision",
        "Resolutions 102 and 140 (Rev. Bucharest, 2022) and Decision 11",
        [
            res(f"PP Resolution 102 {PP22}", "Resolutions 102"),
            res(f"PP Resolution 140 {PP22}", "140 (Rev. Bucharest, 2022)"),
            dec("Decision 11", "Decision 11"),
        ],
    ),
    (
        "mixed-document-and-resolution",
        "see Document C25/INF/3 on Resolution 1305 (C09).",
        [doc("C25/INF/3"), res("Council Resolution 1305 (2009)", "Resolution 1305 (C09)")],
    ),
    (
        "mixed-two-issuers",
        "PP Resolution 102 and Council Resolution 1305",
        [
            res("PP Resolution 102", "PP Resolution 102"),
            res("Council Resolution 1305", "Council Resolution 1305"),
        ],
    ),
    # --- look-alikes: nothing to cite ---------------------------------------------------
    ("no-article-number", "Article 5 of the Constitution", []),
    ("no-number-sign", "No. 102 of the Convention", []),
    ("no-annex-fraction", "Annex 1/2", []),
    ("no-paragraph-fraction", "paragraph 2/3", []),
    ("no-plain-fraction", "1/2 of the members", []),
    ("no-date-slashes", "on 10/02/2025", []),
    ("no-year-range", "the SDGs (2015-2025)", []),
    ("no-round-the-clock", "24/7 support", []),
    ("no-meeting-name-ordinal", "the 21st CWG-Internet meeting", []),
    ("no-meeting-name-without-hyphen", "42d meeting of CWG WSIS&SDG", []),
    ("no-meeting-name-plain", "the CWG-Internet meeting", []),
    ("no-meeting-number-without-slash", "CWG-Internet-21 meeting", []),
    ("no-resolves-list-item", "resolves 1 to explore", []),
    ("no-instructs-list-item", "instructs the Secretary-General 16 to prepare", []),
    ("no-resolution-without-number", "the Resolution was adopted", []),
    ("no-resolutions-of-general-assembly", "resolutions of the General Assembly", []),
    ("no-lowercase-decision-without-context", "the decision 2 weeks ago", []),
    ("no-lowercase-resolution-without-context", "the resolution 2 of them liked", []),
    ("no-decimal-after-keyword", "Resolution 2.1 is", []),
    ("no-keyword-glued-to-number", "Resolution102", []),
    ("no-version-number", "version 2.1", []),
    ("no-iso-standard", "ISO/IEC 27001", []),
    ("no-url", "https://www.itu.int/md/S25-CL-C-0001/en", []),
    ("no-symbol-inside-url", "https://www.itu.int/md/CWG-Internet-21/1 is the link", []),
    ("no-symbol-inside-www-url", "www.example.org/C25/INF/3", []),
    ("no-email-address", "write to cwg-internet-21/1@itu.int", []),
    ("no-rev-after-non-symbol", "the text Rev. 2 of the draft", []),
    ("no-symbol-without-number", "CWG-Internet-21/", []),
    ("no-symbol-without-meeting", "CWG-Internet/1", []),
    ("no-council-without-number", "C25/", []),
    ("no-letter-glued-before-council", "XC25/1", []),
    ("no-meeting-with-four-digits", "CWG-Internet-2025/1", []),
    ("no-covid", "COVID-19 measures", []),
]


def _triples(citations: list[Citation]) -> list[tuple[str, str, str]]:
    return [(c.kind, c.key, c.text) for c in citations]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_extract_references_finds_expected_citations(text, expected):
    assert _triples(extract_references(text)) == expected


def test_case_table_is_large_and_ids_unique():
    assert len(CASES) >= 70
    assert len({c[0] for c in CASES}) == len(CASES)


def test_scenario_text_matches_expected_counts():
    found = extract_references(SCENARIO)
    keys = [c.key for c in found]
    assert keys.count("CWG-WSIS&SDG-42/13") == 3
    assert keys.count(f"PP Resolution 102 {PP22}") == 2
    assert keys.count(f"PP Resolution 140 {PP22}") == 2
    assert keys.count("CWG-Internet-21/1") == 1


# --- properties ---------------------------------------------------------------------

_FRAGMENTS = [
    "CWG-Internet-",
    "CWG-WSIS&SDG-",
    "cwg-",
    "EG-ITRs-",
    "C25",
    "/",
    " / ",
    "INF/",
    "21",
    "1",
    "42",
    "13",
    "2022",
    " ",
    NBSP,
    NNBSP,
    NBHY,
    ENDASH,
    "\n",
    "(Rev.1)",
    " Rev.",
    "(Add.2)",
    "(Rev.)",
    "(",
    ")",
    ",",
    " and ",
    " & ",
    "Resolution ",
    "Resolutions ",
    "resolution ",
    "Decision ",
    "Res. ",
    "PP ",
    "Council ",
    "UN General Assembly ",
    "(Rev. Bucharest, 2022)",
    "(C09)",
    "(Rev. WRC-19)",
    "A/RES/70/",
    "https://",
    "www.",
    "@",
    ".",
    "Article ",
    # whole citations, so that the random texts contain plenty of near misses
    "CWG-Internet-21/1",
    "CWG-WSIS&SDG-42/13 ",
    "C25/INF/3",
    "C25/1, /2",
    "A/RES/70/125",
    "Resolution 102",
    "Resolutions 102 and 140 ",
    "Decision 5 and 11",
]


def _random_texts(count: int = 400) -> list[str]:
    rng = random.Random(0)
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randrange(1, 40)):
            if rng.random() < 0.7:
                parts.append(rng.choice(_FRAGMENTS))
            else:  # arbitrary code points, surrogates and controls included
                parts.append(
                    "".join(chr(rng.randrange(0, 0x110000)) for _ in range(rng.randrange(1, 4)))
                )
        texts.append("".join(parts))
    return texts


_PROPERTY_INPUTS = [c[1] for c in CASES] + _random_texts()


def _check_invariants(text: str, found: list[Citation]) -> None:
    assert isinstance(found, list)
    previous_end = -1
    for c in found:
        assert isinstance(c, Citation)
        assert c.kind in {"document", "resolution", "decision"}
        assert c.key
        assert 0 <= c.start < c.end <= len(text)
        assert c.text == text[c.start : c.end]
        assert c.start >= previous_end, "citations overlap or are not sorted"
        previous_end = c.end


def test_extract_references_invariants_on_table_and_random_text():
    for text in _PROPERTY_INPUTS:
        _check_invariants(text, extract_references(text))


def test_extract_references_never_raises_on_random_unicode():
    rng = random.Random(0)
    for _ in range(300):
        text = "".join(chr(rng.randrange(0, 0x110000)) for _ in range(rng.randrange(0, 200)))
        _check_invariants(text, extract_references(text))


def test_random_fragment_texts_do_produce_citations():
    # guards the property tests against testing only empty results
    assert sum(len(extract_references(t)) for t in _random_texts()) > 100


def test_document_keys_are_canonical_and_agree_with_normalize_symbol():
    for text in _PROPERTY_INPUTS:
        for c in extract_references(text):
            if c.kind != "document":
                continue
            assert normalize_symbol(c.key) == c.key
            if not c.text.startswith("/"):  # a bare-number continuation is not a symbol
                assert normalize_symbol(c.text) == c.key


def test_extract_references_on_empty_and_non_text():
    assert extract_references("") == []
    assert extract_references(None) == []  # type: ignore[arg-type]


def test_citation_is_frozen():
    c = extract_references("C25/1")[0]
    with pytest.raises(AttributeError):
        c.key = "x"  # type: ignore[misc]


def test_symbol_re_is_exported_and_finds_symbols():
    assert [m.group() for m in SYMBOL_RE.finditer("C25/1 and CWG-Internet-21/2")] == [
        "C25/1",
        "CWG-Internet-21/2",
    ]


# --- normalize_symbol / parse_symbol ------------------------------------------------

NORMALIZE_CASES = [
    ("CWG-Internet-21/1", "CWG-Internet-21/1"),
    ("cwg-internet-21/1", "CWG-Internet-21/1"),
    ("  CWG-Internet-21/1  ", "CWG-Internet-21/1"),
    ("CWG-Internet-21 / 1", "CWG-Internet-21/1"),
    ("CWG-Internet- 21/1", "CWG-Internet-21/1"),
    (f"CWG{NBHY}Internet{ENDASH}21{NBSP}/1", "CWG-Internet-21/1"),
    ("CWG-WSIS&SDG-42/13", "CWG-WSIS&SDG-42/13"),
    ("eg-itrs-3/2", "EG-ITRs-3/2"),
    ("CWG-Internet-21/3 (Rev.1)", "CWG-Internet-21/3(Rev.1)"),
    ("CWG-Internet-21/3(Rev. 1)", "CWG-Internet-21/3(Rev.1)"),
    ("CWG-Internet-21/3 Rev.1", "CWG-Internet-21/3(Rev.1)"),
    ("CWG-Internet-21/3(rev.1)", "CWG-Internet-21/3(Rev.1)"),
    ("CWG-Internet-21/3 (corr. 2)", "CWG-Internet-21/3(Corr.2)"),
    ("CWG-Internet-21/inf/1", "CWG-Internet-21/INF/1"),
    ("C25/1", "C25/1"),
    ("c25/1", "C25/1"),
    ("C25/INF/3", "C25/INF/3"),
    ("C25 / INF / 3 (Add.1) (Rev.2)", "C25/INF/3(Add.1)(Rev.2)"),
    ("A/RES/70/125", "A/RES/70/125"),
    ("a/res/70/125", "A/RES/70/125"),
    ("E/RES/2023/3", "E/RES/2023/3"),
    ("CWG-NewGroup-1/2", "CWG-NewGroup-1/2"),
]


@pytest.mark.parametrize(("raw", "canonical"), NORMALIZE_CASES)
def test_normalize_symbol_returns_canonical_form(raw, canonical):
    assert normalize_symbol(raw) == canonical
    assert normalize_symbol(canonical) == canonical


@pytest.mark.parametrize(
    "raw",
    [
        "CWG-Internet-21/",
        "CWG-Internet/1",
        "21/1",
        "C25/",
        "CWG-Internet-21/1(Rev.)",
        "CWG-Internet-21/1 (Rev)",
        "",
        "   ",
        "CWG-Internet-21/1 and more",
        "Document CWG-Internet-21/1",
        "Resolution 102",
        "ISO/IEC 27001",
        "cwg internet 21/1",
        "abc-21/1",
        "CWG-Internet-21/1/2",
        "CWG-Internet-21/1.5",
        "A/RES/70",
        "CWG-Internet-21/1, /2",
        "https://www.itu.int/md/S25-CL-C-0001/en",
    ],
)
def test_normalize_and_parse_symbol_reject_malformed(raw):
    assert normalize_symbol(raw) is None
    assert parse_symbol(raw) is None


def test_parse_symbol_rejects_non_text():
    assert parse_symbol(None) is None  # type: ignore[arg-type]
    assert normalize_symbol(21) is None  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "CWG-Internet-21/1",
            ParsedSymbol("body", "CWG-Internet", "21", "", 1),
        ),
        (
            "cwg-internet-21/INF/3 (rev. 2)",
            ParsedSymbol("body", "CWG-Internet", "21", "INF", 3, "Rev", "2", (("Rev", "2"),)),
        ),
        (
            "C09/12 (Corr.1)",
            ParsedSymbol("council", "C", "09", "", 12, "Corr", "1", (("Corr", "1"),)),
        ),
        (
            "C25/1(Add.1)(Rev.1)",
            ParsedSymbol("council", "C", "25", "", 1, "Rev", "1", (("Add", "1"), ("Rev", "1"))),
        ),
        (
            "A/RES/70/125",
            ParsedSymbol("un", "A", "", "RES/70/125", 125),
        ),
    ],
)
def test_parse_symbol_returns_parts(raw, expected):
    parsed = parse_symbol(raw)
    assert parsed == expected
    assert str(parsed) == parsed.symbol == normalize_symbol(raw)


def test_parse_symbol_without_suffix_has_none_suffix():
    parsed = parse_symbol("CWG-WSIS&SDG-42/13")
    assert parsed is not None
    assert (parsed.suffix_kind, parsed.suffix_number, parsed.suffixes) == (None, None, ())
    assert (parsed.prefix, parsed.meeting, parsed.number) == ("CWG-WSIS&SDG", "42", 13)
