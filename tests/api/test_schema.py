"""Schemathesis against /api/v1/schema: for a bounded number of generated requests per
operation, no answer is a server error and every documented answer matches the schema."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import response_schema_conformance

from agendas.services import agenda_issue_revision
from tests.factories.agendas import document_for, items
from tests.factories.proposals import proposal_in_state

CHECKS = [schemathesis.checks.not_a_server_error, response_schema_conformance]


@pytest.fixture
def _keep_connection():
    """The WSGI app closes the database connection at the end of each request, which would
    close the test's transaction: like Django's test client, keep it open."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def chair_token(db, _keep_connection, people, meeting, token_of):
    """The chair's token, over a meeting with an issued agenda, a restricted document and
    proposals in several states to find."""
    from tests.factories.agendas import agenda_for

    agenda = agenda_for(meeting)
    items(agenda, "Opening of the meeting", "Any other business")
    document_for(meeting, "Restricted draft", access="restricted")
    agenda_issue_revision(agenda=agenda, user=people["secretariat"])
    for state in ("submitted", "under_consideration", "included"):
        proposal_in_state(state, people=people, meeting=meeting)
    return token_of("chair")


def _load_schema():
    # Read from the application itself: fetching the schema touches no database.
    from config.wsgi import application

    return schemathesis.openapi.from_wsgi("/api/v1/schema", application)


schema = _load_schema()


@schema.parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_answer_matches_the_schema(case, chair_token):
    response = case.call(headers={"Authorization": f"Bearer {chair_token}"})
    case.validate_response(response, checks=CHECKS)
