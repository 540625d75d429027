"""manage.py import_documents: a CSV of real-shaped rows lands every row the grammar reads
under its exact symbol, "go to symbol" with the symbol as printed reaches it, the rest are
refused with a sentence; a second run creates nothing twice; --dry-run changes nothing."""

from __future__ import annotations

import csv
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from documents.models import Document, ExternalDocument
from meetings.models import Body, Meeting

pytestmark = pytest.mark.django_db

CSV = Path(__file__).parent / "data" / "real_rows.csv"
EXTERNAL = ["CL-24/31", "DM-23/1002", "TSB Circular 210", "A/RES/72/200"]


def run(*args) -> str:
    out = StringIO()
    call_command("import_documents", str(CSV), *args, stdout=out, verbosity=0)
    return out.getvalue()


def printed_rows() -> list[dict[str, str]]:
    with CSV.open(newline="") as stream:
        return list(csv.DictReader(stream))


def test_every_row_the_grammar_reads_lands_under_its_exact_symbol_and_go_to_reaches_it(client):
    output = run("--create-meetings")
    assert output.endswith("12 created, 0 updated, 0 unchanged, 6 refused.\n")
    registered = set(Document.objects.values_list("symbol", flat=True))
    assert {
        "C24/1",
        "C24/7",
        "C24/7(Rev.1)",
        "C24/INF/3",
        "WG-Internet-9/2",
        "CWG-Internet-21/4",
        "CWG-Internet-21/INF/2",
        "TDAG-09/7",
    } <= registered
    assert set(ExternalDocument.objects.values_list("symbol", flat=True)) == set(EXTERNAL)
    for row in printed_rows():
        if row["symbol"] in {"CWG-WCIT12/TD/17", "DT/4", "Document 12 of the Chair"}:
            continue
        if row["symbol"].startswith(("C17/", "C16/", "C24/9")):
            continue
        page = client.get("/documents/go/", {"symbol": row["symbol"]}, follow=True)
        assert row["title"] in page.content.decode(), row["symbol"]


def test_rows_that_cannot_land_are_refused_with_a_sentence():
    output = run("--create-meetings")
    assert "CWG-WCIT12/TD/17 names no meeting: register it from its meeting." in output
    assert "DT/4 names no meeting" in output
    assert "“Document 12 of the Chair” is not a symbol the registry reads." in output
    assert "The base document C24/9 of C24/9(Rev.1) is not registered; import it first." in output
    assert "The base document C17/56 of C17/56(Rev.2) is not registered" in output


def test_the_importer_names_meetings_as_the_union_does_and_keeps_the_body_history():
    run("--create-meetings")
    council = Body.objects.get(symbol_prefix="C")
    assert Meeting.objects.get(body=council, number=2024).display_name == "Council 2024"
    internet = Body.objects.get(symbol_prefix="CWG-Internet")
    assert internet.former_prefixes == "WG-Internet"
    assert Document.objects.get(symbol="WG-Internet-9/2").body == internet
    assert Document.objects.get(symbol="CWG-Internet-21/4").original_language == "ru"
    assert Document.objects.get(symbol="C24/INF/3").languages_line == "English only"


def test_a_second_run_updates_and_creates_nothing_twice(tmp_path):
    run("--create-meetings")
    count = Document.objects.count(), ExternalDocument.objects.count()
    output = run("--create-meetings")
    assert "0 created, 0 updated, 12 unchanged" in output
    assert (Document.objects.count(), ExternalDocument.objects.count()) == count


def test_a_changed_title_is_updated():
    run("--create-meetings")
    changed = (
        CSV.read_text()
        .replace("Financial operating report", "X")
        .replace("Report of the chairman", "Report of the Chairman of TDAG")
    )
    path = CSV.parent.parent / "changed.csv"
    try:
        path.write_text(changed)
        out = StringIO()
        call_command("import_documents", str(path), "--create-meetings", stdout=out, verbosity=0)
    finally:
        path.unlink()
    assert "0 created, 1 updated, 11 unchanged" in out.getvalue()
    assert Document.objects.get(symbol="TDAG-09/7").title == "Report of the Chairman of TDAG"


def test_dry_run_changes_nothing_and_reports_what_it_would_do():
    output = run("--create-meetings", "--dry-run")
    assert output.endswith(
        "Dry run, nothing changed: 12 created, 0 updated, 0 unchanged, 6 refused.\n"
    )
    assert not Document.objects.exists()
    assert not Meeting.objects.exists()


def test_without_create_meetings_an_unknown_body_is_refused():
    output = run()
    assert "No body has the symbol prefix C (import with --create-meetings)." in output
    assert not Document.objects.exists()


def test_citations_in_imported_text_are_resolved_also_to_documents_imported_later():
    run("--create-meetings")
    citing = Document.objects.get(symbol="CWG-Internet-21/4")
    targets = {ref.key: ref for ref in citing.references.all()}
    assert targets["C24/7"].target.title == "Report on the implementation of the strategic plan"
    assert targets["CWG-Internet-21/INF/2"].target.title == "Information document"
    assert targets["CL-24/31"].external.symbol == "CL-24/31"


def test_rows_of_one_batch_stand_alone_a_refused_row_takes_nothing_with_it():
    """Rows are committed by batches: a refused row in the middle of a batch is rolled back
    alone (with the meeting it made), and a symbol seen twice in a batch lands once."""
    from config.actors import system_actor
    from documents.importing import import_text

    text = (
        "symbol,title,date,languages\n"
        "TDAG-31/1,First title,2024-05-10,E\n"
        "TDAG-32/1,Row in no known language,2024-05-10,Klingon\n"
        "TDAG-31/1,Second title,2024-05-10,E\n"
        "TDAG-31/2,Another,2024-05-10,E\n"
    )
    report = import_text(text, actor=system_actor(), create_meetings=True)
    assert [row.outcome for row in report.rows] == ["created", "refused", "updated", "created"]
    assert "not among the six" in report.rows[1].reason
    assert sorted(Document.objects.values_list("symbol", "title")) == [
        ("TDAG-31/1", "Second title"),
        ("TDAG-31/2", "Another"),
    ]
    assert not Meeting.objects.filter(body__acronym="TDAG", number=32).exists()
