"""``manage.py import_agenda --body CWG-Internet --meeting 21 [--kind agenda] [--create]
FILE.txt``: read an agenda as printed (see ``agendas.paste``), save it as the meeting's agenda
of that kind, and print it read back from the database, one item a line: number (or code),
a tab, the title, a tab, the document symbols separated by "; "."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.text import slugify

from agendas import services
from agendas.enums import AgendaKind
from agendas.exceptions import AgendaError
from agendas.models import Agenda
from agendas.paste import agenda_paste, parse_agenda, registered
from agendas.selectors import agenda_tree
from config.actors import system_actor
from meetings.models import Body, Meeting
from meetings.services import body_create, meeting_create


class Command(BaseCommand):
    help = "Import an agenda pasted as plain text (one item a line) into a meeting."

    def add_arguments(self, parser):
        parser.add_argument("file", help="The agenda as plain text, one item a line.")
        parser.add_argument("--body", required=True, help="The body's acronym (CWG-Internet).")
        parser.add_argument("--meeting", required=True, help="The meeting's number (21).")
        parser.add_argument("--kind", default=AgendaKind.AGENDA, choices=AgendaKind.values)
        parser.add_argument(
            "--create", action="store_true", help="Create the body or the meeting if missing."
        )

    def handle(self, *args, **options):
        text = Path(options["file"]).read_text(encoding="utf-8")
        pasted = parse_agenda(text)
        if not pasted.rows:
            raise CommandError("No item found in the file.")
        actor = system_actor()
        try:
            with transaction.atomic():
                meeting = _meeting(options["body"], options["meeting"], options["create"], actor)
                agenda = _agenda(meeting, options["kind"], actor)
                agenda_paste(agenda=agenda, actor=actor, pasted=pasted)
        except AgendaError as exc:
            raise CommandError(str(exc)) from None
        symbols = [s for row in pasted.rows for s in row.symbols]
        missing = sorted(set(symbols) - set(registered(symbols)))
        if missing:
            self.stderr.write("Not registered, left out: " + "; ".join(missing))
        self.stdout.write(read_back(Agenda.objects.get(pk=agenda.pk)))


def read_back(agenda: Agenda) -> str:
    """The saved agenda as the command prints it."""
    lines = []
    for node in agenda_tree(agenda=agenda).flat():
        symbols = "; ".join(a.document.symbol for a in node.allocations)
        lines.append(f"{node.number}\t{node.item.title}\t{symbols}")
    return "\n".join(lines)


def _meeting(acronym: str, ident: str, create: bool, actor) -> Meeting:
    body = Body.objects.filter(acronym__iexact=acronym).first()
    if body is None:
        if not create:
            raise CommandError(f"No body {acronym}; --create makes it.")
        body = body_create(
            actor=actor,
            acronym=acronym,
            name=acronym,
            slug=slugify(acronym),
            symbol_prefix=acronym,
        )
    if not ident.isdigit():
        raise CommandError("Give the meeting by its number (21) or year (2025).")
    meeting = Meeting.objects.filter(body=body, number=int(ident)).first()
    if meeting is None:
        if not create:
            raise CommandError(f"{body.acronym} has no meeting {ident}; --create makes it.")
        today = dt.date.today()
        meeting = meeting_create(
            actor=actor, body=body, number=int(ident), start_date=today, end_date=today
        )
    return meeting


def _agenda(meeting: Meeting, kind: str, actor) -> Agenda:
    if kind == AgendaKind.AGENDA:
        return services.agenda_get_or_create(meeting=meeting, user=actor)
    return services.agenda_create(meeting=meeting, actor=actor, kind=kind)
