"""A registry through which later apps add sections to the meeting page.

A provider is ``provider(request, meeting) -> dict | None``; the dict has ``template`` and
``context``. Apps register in their ``AppConfig.ready``. This keeps meetings free of imports
from agendas and documents.
"""

from __future__ import annotations

from collections.abc import Callable

MEETING_PANELS: list[Callable] = []


def register_meeting_panel(provider: Callable) -> Callable:
    if provider not in MEETING_PANELS:
        MEETING_PANELS.append(provider)
    return provider


# Navigation links that later apps add: ``provider(request) -> list[dict(label, url)]``,
# returning only what the user's roles allow.
NAV_PROVIDERS: list[Callable] = []


def register_nav(provider: Callable) -> Callable:
    if provider not in NAV_PROVIDERS:
        NAV_PROVIDERS.append(provider)
    return provider
