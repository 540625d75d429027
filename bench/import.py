"""Benchmark of ``manage.py import_documents`` (not a test).

    .venv/bin/python bench/import.py --rows 100000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/agendum_imp .venv/bin/python bench/import.py

Writes CSV files of real-shaped rows (Council documents ``C24/…``, group documents
``CWG-Internet-21/…``, information documents, revisions, circular letters, one row in fifty
that the grammar cannot read), then imports the first ``--rows / 10`` rows and all ``--rows``
rows each into an empty database (SQLite in a temporary directory unless DATABASE_URL is
set; the database is flushed between runs), with ``--create-meetings``, and prints the rows
per second of each run. Linear means the rate of the large run stays near that of the small
one; a quadratic import would fall to a tenth.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORK = Path(tempfile.mkdtemp(prefix="agendum-import-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("AGENDUM_VAR_DIR", str(WORK / "var"))
os.environ.setdefault("DATABASE_URL", f"sqlite:///{WORK / 'bench.sqlite3'}")
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from config.actors import system_actor  # noqa: E402
from documents.importing import DocumentImport, read_rows  # noqa: E402

BODIES = ("CWG-Internet", "CWG-WSIS&SDG", "CWG-FHR", "CWG-COP", "TDAG", "TSAG")
SOURCES = ("Russian Federation", "Secretary-General", "Chair", "Brazil", "Secretariat")


def rows(total: int):
    """``total`` rows: 120 documents per meeting, a revision of every tenth one."""
    made = 0
    meeting = 0
    while made < total:
        meeting += 1
        body = BODIES[meeting % len(BODIES)]
        stem = (
            f"C{meeting % 90 + 10:02d}"
            if meeting % 7 == 0 and meeting < 630
            else f"{body}-{meeting}"
        )
        for number in range(1, 121):
            if made >= total:
                return
            made += 1
            if made % 50 == 0:
                yield [f"Note {made} of the Chair", "Unreadable", "", "", "", "", "", "", "", ""]
                continue
            if made % 25 == 0:
                yield [
                    f"CL-{made % 90 + 10}/{made}",
                    f"Circular letter {made}",
                    "2024-06-20",
                    "Secretary-General",
                    "",
                    "",
                    "",
                    "",
                    "https://www.itu.int/",
                    "",
                ]
                continue
            series = "INF/" if number % 9 == 0 else ""
            symbol = f"{stem}/{series}{number}"
            yield [
                symbol,
                f"Contribution {made} on Internet public policy",
                "2024-05-10",
                SOURCES[made % len(SOURCES)],
                "contribution",
                "E,F,R",
                "E",
                "public",
                "",
                "",
            ]
            if number % 10 == 0 and made < total:
                made += 1
                yield [
                    f"{symbol}(Rev.1)",
                    f"Revision of {symbol}",
                    "2024-05-20",
                    SOURCES[made % len(SOURCES)],
                    "contribution",
                    "E",
                    "E",
                    "public",
                    "",
                    "",
                ]


def write_csv(path: Path, total: int) -> None:
    with path.open("w", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(
            [
                "symbol",
                "title",
                "date",
                "source",
                "type",
                "languages",
                "original_language",
                "access",
                "url",
                "file",
            ]
        )
        writer.writerows(rows(total))


def progress(rows, start: float, every: int = 10_000):
    """The rows, printing the rate so far every ``every`` rows: a run cut short still shows
    whether the rate holds as the tables grow."""
    for done, row in enumerate(rows, 1):
        yield row
        if done % every == 0:
            seconds = time.perf_counter() - start
            print(f"    {done:>7} rows  {seconds:8.1f} s  {done / seconds:7.0f} rows/s", flush=True)


def timed_import(path: Path) -> tuple[float, str]:
    call_command("flush", interactive=False, verbosity=0)
    importer = DocumentImport(actor=system_actor(), create_meetings=True)
    start = time.perf_counter()
    with path.open(newline="") as stream:
        report = importer.run(progress(read_rows(stream), start))
    return time.perf_counter() - start, report.summary()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--large-only", action="store_true", help="skip the run of 1/10")
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    print(f"database: {os.environ['DATABASE_URL'].split('@')[-1]}")
    for total in (args.rows,) if args.large_only else (args.rows // 10, args.rows):
        path = WORK / f"rows-{total}.csv"
        write_csv(path, total)
        seconds, summary = timed_import(path)
        print(f"{total:>7} rows  {seconds:8.1f} s  {total / seconds:7.0f} rows/s  {summary}")


if __name__ == "__main__":
    main()
