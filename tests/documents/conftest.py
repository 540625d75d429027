"""Fixtures of the registry tests: the bodies and meetings of the scenario."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.factories.meetings import BodyFactory, MeetingFactory


@pytest.fixture
def wsis_body(db):
    # The same body as the ``people`` fixture's "other body" (looked up by acronym).
    return BodyFactory(
        acronym="CWG-WSIS&SDG",
        name="Council Working Group on the World Summit on the Information Society and the "
        "Sustainable Development Goals",
        slug="cwg-wsis-sdg",
        symbol_prefix="CWG-WSIS&SDG",
    )


@pytest.fixture
def meeting42(wsis_body):
    return MeetingFactory(
        body=wsis_body,
        number=42,
        start_date=dt.date(2025, 2, 10),
        end_date=dt.date(2025, 2, 11),
        contribution_deadline=None,
    )


@pytest.fixture
def council25(db):
    council = BodyFactory(
        acronym="Council", name="ITU Council", slug="council", symbol_prefix="C", symbol_joiner=""
    )
    return MeetingFactory(
        body=council,
        number=25,
        start_date=dt.date(2025, 6, 17),
        end_date=dt.date(2025, 6, 27),
        contribution_deadline=None,
    )
