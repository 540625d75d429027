"""documents.symbols: the one grammar of document symbols.

Every printed form named in issue 8 gives its canonical key; every canonical key parses
back to itself; random and hostile input never crashes the parser or the extractor.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from documents.references import extract_references
from documents.symbols import FORMER_PREFIXES, normalize_symbol, parse_symbol

NBSP = "\u00a0"

PRINTED = [
    ("C24/7", "C24/7"),
    ("C2001/15", "C2001/15"),
    ("C24/INF/3", "C24/INF/3"),
    ("c24/dt/2", "C24/DT/2"),
    ("C24/ADM/1", "C24/ADM/1"),
    ("C24/EP/4", "C24/EP/4"),
    ("C24/DL/1", "C24/DL/1"),
    ("DT/4(Rev.2)", "DT/4(Rev.2)"),
    ("CWG-Internet-19/3", "CWG-Internet-19/3"),
    ("WG-Internet 8/4", "WG-Internet-8/4"),
    ("CWG-WSIS-30/12", "CWG-WSIS-30/12"),
    ("WG-WSIS-30/12", "WG-WSIS-30/12"),
    ("WG-CP/2/7", "WG-CP-2/7"),
    ("EG-ITRs 2/3", "EG-ITRs-2/3"),
    ("EG-ITRs2/3", "EG-ITRs-2/3"),
    ("CWG-WCIT12/TD 17", "CWG-WCIT12/TD/17"),
    ("CWG-WCIT12/R 2", "CWG-WCIT12/R/2"),
    ("C24/7(Rev.1)", "C24/7(Rev.1)"),
    ("C24/7 (Rev. 2)", "C24/7(Rev.2)"),
    ("C18/19Rev.1", "C18/19(Rev.1)"),
    ("C17/56R2", "C17/56(Rev.2)"),
    ("C16/115 Revision 11", "C16/115(Rev.11)"),
    ("C24/7-E Rev. 1", "C24/7(Rev.1)"),
    ("C24/7(Add.A)", "C24/7(Add.A)"),
    ("C19/35 + Add.1", "C19/35(Add.1)"),
    ("WG-Internet 9/2-E", "WG-Internet-9/2"),
    ("WG-CP/1/16 Rev.1", "WG-CP-1/16(Rev.1)"),
    ("TDAG-09/007", "TDAG-09/7"),
    (f"C24{NBSP}/{NBSP}7", "C24/7"),
    ("C24/7?(Rev.1)", "C24/7(Rev.1)"),
    ("\u042124/5", "C24/5"),
    ("A/72/301", "A/72/301"),
    ("a/c.2/73/l.12", "A/C.2/73/L.12"),
    ("A/HRC/41/8", "A/HRC/41/8"),
    ("S/PV.8123", "S/PV.8123"),
    ("E/CN.16/2022/3", "E/CN.16/2022/3"),
    ("A/RES/72/200", "A/RES/72/200"),
    ("A/72/301/Add.1", "A/72/301/Add.1"),
]


@pytest.mark.parametrize(("printed", "key"), PRINTED)
def test_printed_form_gives_canonical_key(printed, key):
    assert normalize_symbol(printed) == key
    assert normalize_symbol(key) == key


def test_language_suffix_is_kept_in_the_parse_but_not_in_the_key():
    parsed = parse_symbol("WG-Internet 9/2-F")
    assert (parsed.language, parsed.key) == ("F", "WG-Internet-9/2")
    assert parse_symbol("C24/7-E Rev. 1").language == "E"


def test_plus_addendum_names_the_base_too():
    parsed = parse_symbol("C19/35 + Add.1")
    assert parsed.with_base
    assert parsed.base().key == "C19/35"


def test_renamed_groups_keep_their_former_prefixes():
    assert parse_symbol("WG-Internet 8/4").body_prefix == "CWG-Internet"
    assert parse_symbol("CWG-WSIS-30/12").body_prefix == "CWG-WSIS&SDG"
    assert parse_symbol("CWG-Internet-21/1").body_prefix == "CWG-Internet"
    assert FORMER_PREFIXES["WG-Internet"] == "CWG-Internet"


def test_series_alone_is_placed_in_a_meeting():
    assert parse_symbol("DT/4(Rev.2)").in_meeting(parse_symbol("C24/1")).key == "C24/DT/4(Rev.2)"


@pytest.mark.parametrize(
    "text",
    ["A/72", "ISO/IEC 27001", "COVID-19/2020", "CWG-Internet/1", "21/1", "C24/", "PL 2.3"],
)
def test_not_symbols(text):
    assert parse_symbol(text) is None


# --- properties -----------------------------------------------------------------------

_prefix = st.sampled_from(
    ["CWG-Internet", "WG-Internet", "CWG-WSIS&SDG", "EG-ITRs", "TDAG", "CWG-NewGroup"]
)
_suffix = st.tuples(
    st.sampled_from(["Rev", "Add", "Corr"]), st.integers(1, 99).map(str) | st.sampled_from("ABC")
)
_number = st.integers(1, 9999)


@st.composite
def canonical_keys(draw):
    tail = "".join(f"({k}.{n})" for k, n in draw(st.lists(_suffix, max_size=3)))
    series = draw(st.sampled_from(["", "INF/", "DT/", "ADM/", "TD/"]))
    number = draw(_number)
    shape = draw(st.sampled_from(["body", "council", "council4", "group", "un"]))
    if shape == "body":
        return f"{draw(_prefix)}-{draw(st.integers(1, 999))}/{series}{number}{tail}"
    if shape == "council":
        return f"C{draw(st.integers(0, 99)):02d}/{series}{number}{tail}"
    if shape == "council4":
        return f"C{draw(st.integers(1990, 2099))}/{series}{number}{tail}"
    if shape == "group":
        return f"CWG-WCIT12/{draw(st.sampled_from(['TD', 'R', 'C']))}/{number}{tail}"
    organ = draw(st.sampled_from(["A", "E", "S"]))
    return f"{organ}/{draw(st.integers(1, 80))}/{number}"


@given(canonical_keys())
def test_every_canonical_key_parses_back_to_itself(key):
    assert normalize_symbol(key) == key


@given(canonical_keys(), st.sampled_from([" ", NBSP, "?", "\u2009"]))
def test_keys_survive_odd_spacing_before_suffixes(key, space):
    spaced = key.replace("(", f"{space}(")
    assert normalize_symbol(spaced) == key


_HOSTILE = st.text(
    alphabet=st.sampled_from(list("C24/INF-WG Internet()Rev.Add+-EFR0123456789 ,and\u00a0?\u0421"))
    | st.characters(),
    max_size=300,
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(_HOSTILE)
def test_random_and_hostile_input_never_crashes(text):
    parsed = parse_symbol(text)
    if parsed is not None:
        assert normalize_symbol(parsed.key) == parsed.key
    found = extract_references(text)
    previous = -1
    for c in found:
        assert 0 <= c.start < c.end <= len(text)
        assert c.text == text[c.start : c.end]
        assert c.start >= previous or c.start == found[found.index(c) - 1].start
        previous = c.start
        if c.kind == "document" and "/" in c.key:
            assert normalize_symbol(c.key) == c.key
