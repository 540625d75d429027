from __future__ import annotations

import datetime as dt

import pytest

from tests.factories.meetings import BodyFactory, MeetingFactory


@pytest.fixture(autouse=True)
def _empty_cache():
    """Agenda pages and revisions are cached; each test starts without what others cached."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def meeting42(db):
    # The same body as the ``people`` fixture's "other body" (looked up by acronym).
    wsis = BodyFactory(acronym="CWG-WSIS&SDG", slug="cwg-wsis-sdg", symbol_prefix="CWG-WSIS&SDG")
    return MeetingFactory(
        body=wsis,
        number=42,
        start_date=dt.date(2025, 2, 10),
        end_date=dt.date(2025, 2, 11),
        contribution_deadline=None,
    )
