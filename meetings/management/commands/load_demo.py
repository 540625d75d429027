"""Load the demo data of every app, in dependency order. Safe to run again."""

from __future__ import annotations

import importlib
import importlib.util

from django.apps import apps
from django.core.management.base import BaseCommand

from meetings.demo import DEMO_PASSWORD


class Command(BaseCommand):
    help = "Load the Agendum demo: bodies, meetings, users, documents and the scenario."

    def handle(self, *args, **options):
        context: dict = {}
        # Each app that has a ``demo`` module contributes; meetings does not import the
        # others, so they are found by name. INSTALLED_APPS order is dependency order.
        for config in apps.get_app_configs():
            module_name = f"{config.name}.demo"
            if importlib.util.find_spec(module_name) is None:
                continue
            module = importlib.import_module(module_name)
            result = module.load(stdout=self.stdout, context=context)
            if isinstance(result, dict):
                context.update(result)
        self.stdout.write(self.style.SUCCESS("Demo data is loaded."))
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
        for username, roles in context.get("logins", []):
            self.stdout.write(f"  {username:<12} {roles}")
