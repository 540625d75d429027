"""Load the demo data of every app, in dependency order. Safe to run again."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from config.demo import demo_loaders
from meetings.demo import DEMO_PASSWORD


class Command(BaseCommand):
    help = "Load the Agendum demo: bodies, meetings, users, documents and the scenario."

    def handle(self, *args, **options):
        context: dict = {}
        # Each app registers its loader in ready() (config/demo.py), so this command
        # imports nothing from the apps that depend on meetings.
        for load in demo_loaders():
            result = load(stdout=self.stdout, context=context)
            if isinstance(result, dict):
                context.update(result)
        self.stdout.write(self.style.SUCCESS("Demo data is loaded."))
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
        for username, roles in context.get("logins", []):
            self.stdout.write(f"  {username:<12} {roles}")
