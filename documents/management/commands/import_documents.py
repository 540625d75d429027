"""manage.py import_documents FILE.csv [--dry-run] [--create-meetings]"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from rich.progress import track

from config.actors import system_actor
from documents.importing import REFUSED, DocumentImport, Refused, read_rows


class Command(BaseCommand):
    help = (
        "Import documents from a CSV file with the columns symbol,title,date,source,type,"
        "languages,original_language,access,url,file (symbol and title required). A second "
        "run updates what changed and creates nothing twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--dry-run", action="store_true", help="Try every row, then change nothing."
        )
        parser.add_argument(
            "--create-meetings",
            action="store_true",
            help="Create the bodies and meetings the symbols imply.",
        )

    def handle(self, *args, file: Path, dry_run: bool, create_meetings: bool, **options):
        if not file.is_file():
            raise CommandError(f"There is no file {file}.")
        with file.open(newline="", encoding="utf-8-sig") as stream:
            total = max(sum(1 for _ in stream) - 1, 0)
            stream.seek(0)
            importer = DocumentImport(
                # A command is run by whoever may run manage.py: the application acts.
                actor=system_actor(),
                create_meetings=create_meetings,
                dry_run=dry_run,
                base_dir=file.resolve().parent,
            )
            try:
                rows = track(
                    read_rows(stream),
                    total=total,
                    description="Importing",
                    disable=options["verbosity"] == 0,
                    console=None,
                )
                report = importer.run(rows)
            except Refused as exc:
                raise CommandError(str(exc)) from None
        for row in report.rows:
            if row.outcome == REFUSED:
                self.stdout.write(f"line {row.line}: {row.symbol}: refused: {row.reason}")
        prefix = "Dry run, nothing changed: " if dry_run else ""
        self.stdout.write(prefix + report.summary())
