"""The typed audit trail: each step and each edit after submission logs an event of its
kind, and the proposal's history says which, in words."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from agendas.enums import ProposalEventKind, ProposalState
from agendas.proposals.services import proposal_consider, proposal_decide, proposal_update
from agendas.services import agenda_get_or_create
from tests.factories.proposals import proposal_in_state

S = ProposalState
K = ProposalEventKind


def _history(page: str) -> list[str]:
    """What each row of the history says, in order (the words of its kind)."""
    block = page.split('data-testid="history"', 1)[1].split("</ol>", 1)[0]
    return re.findall(r'class="history-what" data-kind="[a-z_]+">([^<]+)</span>', block)


@pytest.mark.parametrize(
    ("state", "kinds"),
    [
        (S.SUBMITTED, [K.SUBMITTED]),
        (S.UNDER_CONSIDERATION, [K.SUBMITTED, K.CONSIDERED]),
        (S.INCLUDED, [K.SUBMITTED, K.CONSIDERED, K.INCLUDED]),
        (S.REJECTED, [K.SUBMITTED, K.CONSIDERED, K.REJECTED]),
        (S.DEFERRED, [K.SUBMITTED, K.CONSIDERED, K.DEFERRED]),
        (S.WITHDRAWN, [K.WITHDRAWN]),
    ],
)
def test_each_step_logs_an_event_of_its_kind(state, kinds, people, meeting):
    agenda_get_or_create(meeting=meeting, user=people["secretariat"])
    proposal = proposal_in_state(state, people=people, meeting=meeting)
    assert list(proposal.events.values_list("kind", flat=True)) == kinds


def test_an_edit_after_submission_is_an_event_of_kind_edited(people, meeting):
    proposal = proposal_in_state(S.SUBMITTED, people=people, meeting=meeting)
    proposal_update(proposal=proposal, actor=people["delegate"], purpose="A clearer purpose.")
    event = proposal.events.last()
    assert event.kind == K.EDITED
    assert event.to_state == S.SUBMITTED


def test_the_history_of_an_edited_proposal_says_edited_and_no_state_change(
    client_for, people, meeting
):
    edited = proposal_in_state(S.SUBMITTED, people=people, meeting=meeting)
    proposal_update(proposal=edited, actor=people["delegate"], purpose="A clearer purpose.")
    page = client_for("chair").get(edited.get_absolute_url()).content.decode()
    assert _history(page) == ["Submitted", "Edited after submission"]
    # A step shows the states it went between; an edit, which changes none, does not.
    assert "(Draft → Submitted)" in page
    assert "(Submitted → Submitted)" not in page


def test_a_proposal_edited_and_then_included_shows_both_in_its_history(client_for, people, meeting):
    agenda_get_or_create(meeting=meeting, user=people["secretariat"])
    proposal = proposal_in_state(S.SUBMITTED, people=people, meeting=meeting)
    proposal_update(proposal=proposal, actor=people["delegate"], purpose="A clearer purpose.")
    proposal_consider(proposal=proposal, actor=people["secretariat"])
    proposal_decide(
        proposal=proposal, actor=people["chair"], decision="include", rationale="Agreed."
    )
    page = client_for("delegate").get(proposal.get_absolute_url()).content.decode()
    assert _history(page) == [
        "Submitted",
        "Edited after submission",
        "Put under consideration",
        "Included in the agenda",
    ]


@pytest.mark.django_db(transaction=True)
def test_the_migration_names_the_kind_of_events_logged_before_it():
    """Rows written before ``kind`` existed: an edit was from == to, a step is named by the
    state it led to."""
    from tests.factories.proposals import ProposalFactory

    # Made with today's model, before the tables go back to 0002 (which later columns lack).
    proposal = ProposalFactory()
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes("agendas")
    executor.migrate([("agendas", "0002_proposal_event_notified_at")])
    apps = executor.loader.project_state([("agendas", "0002_proposal_event_notified_at")]).apps
    Event = apps.get_model("agendas", "ProposalEvent")
    rows = [
        ("draft", "submitted"),
        ("submitted", "submitted"),
        ("submitted", "under_consideration"),
        ("under_consideration", "included"),
        ("under_consideration", "rejected"),
        ("under_consideration", "deferred"),
        ("submitted", "withdrawn"),
    ]
    for before, after in rows:
        Event.objects.create(proposal_id=proposal.pk, from_state=before, to_state=after)

    executor = MigrationExecutor(connection)
    executor.migrate([("agendas", "0003_proposal_event_kind")])
    from agendas.models import ProposalEvent

    assert list(
        ProposalEvent.objects.filter(proposal_id=proposal.pk)
        .order_by("pk")
        .values_list("kind", flat=True)
    ) == [
        K.SUBMITTED,
        K.EDITED,
        K.CONSIDERED,
        K.INCLUDED,
        K.REJECTED,
        K.DEFERRED,
        K.WITHDRAWN,
    ]
    MigrationExecutor(connection).migrate(latest)
