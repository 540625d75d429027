"""The registry of demo loaders, so the ``load_demo`` command (in meetings) imports
nothing from documents or agendas.

Each app registers its loader in ``AppConfig.ready()`` with an explicit ``order`` (the
order the data depends on: bodies and people, then documents, then agendas). A loader is
``load(*, stdout, context: dict) -> dict | None``: it reads what earlier loaders returned
from ``context`` and returns what it adds.
"""

from __future__ import annotations

from collections.abc import Callable

_LOADERS: dict[Callable, int] = {}


def register_demo(loader: Callable, *, order: int) -> None:
    _LOADERS[loader] = order


def demo_loaders() -> list[Callable]:
    return sorted(_LOADERS, key=_LOADERS.__getitem__)
