"""The registry through which apps add sections to the meeting page and links to the
navigation, so meetings imports nothing from agendas or documents.

Each app registers in its ``AppConfig.ready()`` with an explicit ``order``; importing a
provider module registers nothing. The page shows panels (and the bar shows links) sorted
by order, whatever order the apps were loaded in.

- a meeting panel is ``provider(request, meeting) -> dict | None``, the dict having
  ``template`` and ``context``;
- a nav provider is ``provider(request) -> list[dict(label, url)]``, returning only what
  the user's roles allow.
"""

from __future__ import annotations

from collections.abc import Callable

_MEETING_PANELS: dict[Callable, int] = {}
_NAV_PROVIDERS: dict[Callable, int] = {}


def register_meeting_panel(provider: Callable, *, order: int) -> None:
    _MEETING_PANELS[provider] = order


def register_nav(provider: Callable, *, order: int) -> None:
    _NAV_PROVIDERS[provider] = order


def _by_order(registry: dict[Callable, int]) -> list[Callable]:
    return sorted(registry, key=registry.__getitem__)


def meeting_panels(request, meeting) -> list[dict]:
    """The sections other apps add to the meeting page, in their registered order."""
    return [
        panel for provider in _by_order(_MEETING_PANELS) if (panel := provider(request, meeting))
    ]


def nav_links(request) -> list[dict]:
    return [link for provider in _by_order(_NAV_PROVIDERS) for link in provider(request)]
