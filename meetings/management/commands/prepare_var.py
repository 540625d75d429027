"""Make what the embedded run keeps on disk: var/, the media folder, the filesystem broker's
folders and the secret key file. Settings only name these paths (importing them writes
nothing); `make run` and `make test` call this first. Safe to run again."""

from __future__ import annotations

import secrets
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand


def folders() -> list[Path]:
    wanted = [Path(settings.VAR_DIR), Path(settings.MEDIA_ROOT)]
    options = settings.CELERY_BROKER_TRANSPORT_OPTIONS
    if settings.CELERY_BROKER_URL.startswith("filesystem://"):
        wanted += [
            Path(options[key])
            for key in ("data_folder_in", "data_folder_out", "processed_folder", "control_folder")
        ]
    return wanted


class Command(BaseCommand):
    help = "Create var/ (database folder, media, broker folders) and the secret key file."

    def handle(self, *args, **options):
        for folder in folders():
            folder.mkdir(parents=True, exist_ok=True)
        key_file = settings.SECRET_KEY_FILE
        if key_file is not None and not Path(key_file).exists():
            # Written before it is readable by others: the key signs sessions.
            Path(key_file).touch(mode=0o600)
            Path(key_file).write_text(secrets.token_urlsafe(50))
            self.stdout.write(f"Wrote a new secret key to {key_file}.")
