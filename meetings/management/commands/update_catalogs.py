"""Brings the interface's catalogs (locale/<language>/LC_MESSAGES/django.po) up to date with the
code: the strings marked for translation in Python and templates, for the six languages.

    manage.py update_catalogs

New strings arrive untranslated and changed ones are left for a translator (no fuzzy guesses);
strings no longer used are dropped. English is its own translation. It ends with each
catalog's statistics: tests/i18n fails while any catalog has an untranslated string.
"""

from __future__ import annotations

import datetime
import re
import subprocess
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.core.management.commands.makemessages import Command as MakeMessages
from django.utils.translation import to_locale

IGNORED = [".venv*", "var/*", "tests/*", "bench/*", "deploy/*", "node_modules/*", "locale/*"]


def catalog_path(code: str) -> Path:
    return Path(settings.LOCALE_PATHS[0]) / to_locale(code) / "LC_MESSAGES" / "django.po"


def tidy_header(path: Path, code: str) -> None:
    """makemessages leaves a template's header: name the project and the language."""
    text = path.read_text(encoding="utf-8")
    head, sep, rest = text.partition('\nmsgid ""\n')
    head = re.sub(r"(?m)^#, fuzzy\n?", "", head) + sep
    head = "# Agendum, the interface in the languages of the Union.\n" + re.sub(
        r"(?m)^# (SOME DESCRIPTIVE TITLE|Copyright \(C\) YEAR|This file is distributed|"
        r"FIRST AUTHOR|Agendum, the interface).*\n",
        "",
        head,
    )
    rest = rest.replace(
        '"Project-Id-Version: PACKAGE VERSION\\n"', '"Project-Id-Version: Agendum\\n"'
    )
    rest = re.sub(r'"Language: [^"]*\\n"', f'"Language: {code}\\\\n"', rest, count=1)
    today = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M+0000")
    rest = rest.replace("YEAR-MO-DA HO:MI+ZONE", today)
    rest = rest.replace("FULL NAME <EMAIL@ADDRESS>", "Agendum")
    rest = rest.replace("LANGUAGE <LL@li.org>", f"Agendum ({code})")
    path.write_text(head + rest, encoding="utf-8")


class _MakeMessages(MakeMessages):
    # A guess at a changed string would be marked fuzzy and read as untranslated anyway.
    msgmerge_options = [*MakeMessages.msgmerge_options, "--no-fuzzy-matching"]


class Command(BaseCommand):
    help = "Brings locale/*/LC_MESSAGES/django.po up to date with the strings of the code."

    def handle(self, *args, **options):
        codes = [code for code, _ in settings.LANGUAGES]
        call_command(
            _MakeMessages(),
            locale=[to_locale(c) for c in codes],
            ignore_patterns=IGNORED,
            no_obsolete=True,
            add_location="file",
            verbosity=0,
        )
        for code in codes:
            path = catalog_path(code)
            if code == settings.LANGUAGE_CODE:
                subprocess.run(["msgen", "--force-po", "-o", str(path), str(path)], check=True)
            tidy_header(path, code)
            stats = subprocess.run(
                ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(path)],
                capture_output=True,
                text=True,
            )
            self.stdout.write(f"{code:8} {(stats.stderr or stats.stdout).strip()}")
