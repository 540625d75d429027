"""Issue 10: the pages of a meeting's other agendas (committee agenda, daily agenda,
time-management plan), at /b/<body>/<n>/agenda/<id>/, the default agenda's pages unchanged."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agendas import services
from agendas.enums import AgendaKind
from tests.factories.agendas import SYSTEM, agenda_for
from tests.factories.meetings import SessionFactory


@pytest.fixture
def plan(meeting):
    return services.agenda_create(
        meeting=meeting, actor=SYSTEM, kind=AgendaKind.TIME_PLAN, title="Time-management plan"
    )


def _sessions(meeting):
    morning = SessionFactory(meeting=meeting, title="Morning session")
    afternoon = SessionFactory(
        meeting=meeting,
        title="Afternoon session",
        start_time=dt.time(14, 30),
        end_time=dt.time(17, 30),
    )
    return morning, afternoon


def _fill(plan, meeting, count: int):
    morning, afternoon = _sessions(meeting)
    for n in range(count):
        services.agenda_item_add(
            agenda=plan,
            actor=SYSTEM,
            title=f"Plan item {n}",
            session=morning if n < count // 2 else afternoon,
        )


def test_the_meeting_page_links_the_plan_and_its_page_groups_items_by_session(
    client_for, meeting, plan
):
    main = agenda_for(meeting)
    _fill(plan, meeting, 4)
    services.agenda_issue_revision(agenda=plan, user=SYSTEM)
    meeting_page = client_for("anonymous").get(meeting.get_absolute_url()).content.decode()
    assert f'href="{plan.get_absolute_url()}"' in meeting_page
    assert plan.get_absolute_url() == f"/b/cwg-internet/21/agenda/{plan.pk}/"
    # The default agenda keeps its address.
    assert main.get_absolute_url() == "/b/cwg-internet/21/agenda/"

    page = client_for("anonymous").get(plan.get_absolute_url()).content.decode()
    assert "Time-management plan" in page
    assert plan.document.symbol in page
    morning_at = page.index("Morning session")
    afternoon_at = page.index("Afternoon session")
    assert morning_at < page.index("Plan item 0") < page.index("Plan item 1") < afternoon_at
    assert afternoon_at < page.index("Plan item 2") < page.index("Plan item 3")
    # Each session is a heading once, not repeated on every item.
    assert page.count("Afternoon session") == 1
    # Visitors see what was issued, not the draft.
    assert "Live draft" not in page


def test_members_see_the_live_draft_under_its_sessions(client_for, meeting, plan):
    _fill(plan, meeting, 2)
    services.agenda_issue_revision(agenda=plan, user=SYSTEM)
    services.agenda_item_add(agenda=plan, actor=SYSTEM, title="Added after the issue")
    page = client_for("delegate").get(plan.get_absolute_url()).content.decode()
    assert "Live draft" in page
    draft = page[page.index("Live draft") :]
    assert "Added after the issue" in draft
    assert "Added after the issue" not in page[: page.index("Live draft")]


def test_an_unknown_or_other_meetings_agenda_is_not_found(client_for, meeting, plan):
    from tests.factories.meetings import MeetingFactory

    MeetingFactory(body=meeting.body, number=22)
    # The plan is the 21st meeting's: under the 22nd's address there is no such agenda.
    response = client_for("delegate").get(f"/b/cwg-internet/22/agenda/{plan.pk}/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert client_for("delegate").get(f"/b/cwg-internet/21/agenda/{plan.pk}/").status_code == 200


def test_the_main_agendas_id_leads_to_its_own_page(client_for, meeting):
    main = agenda_for(meeting)
    response = client_for("delegate").get(f"/b/cwg-internet/21/agenda/{main.pk}/")
    assert response["Location"] == "/b/cwg-internet/21/agenda/"


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        page = client.get(url).content.decode()
    assert "Plan item 1" in page
    return len(ctx.captured_queries)


def test_the_plan_page_reads_as_many_queries_for_200_items_as_for_20(client_for, body, people):
    from tests.factories.meetings import MeetingFactory

    counts = []
    for number, size in ((31, 20), (32, 200)):
        meeting = MeetingFactory(body=body, number=number)
        plan = services.agenda_create(meeting=meeting, actor=SYSTEM, kind=AgendaKind.TIME_PLAN)
        _fill(plan, meeting, size)
        services.agenda_issue_revision(agenda=plan, user=SYSTEM)
        services.agenda_item_add(agenda=plan, actor=SYSTEM, title="Not issued")
        secretariat = client_for("secretariat")
        _queries(secretariat, plan.get_absolute_url())  # warms the revision's cached HTML
        counts.append(_queries(secretariat, plan.get_absolute_url()))
    assert counts[0] == counts[1]
