"""Issue 10's journey in a real browser with a real worker and WeasyPrint: the chair
includes a proposal as sub-item 3.1 in the afternoon session; the agenda page shows it under
that session; Rev.1's PDF, read back, shows it and cites itself under "Adoption of the
agenda"."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from agendas.enums import FixedItem, ProposalState
from agendas.models import AgendaRevision
from agendas.services import agenda_get_or_create, agenda_issue_revision, agenda_item_add
from tests.browser.helpers import login
from tests.browser.test_scenario_end_to_end import _published
from tests.documents.publishing_support import pdf_text
from tests.factories.agendas import SYSTEM
from tests.factories.meetings import SessionFactory
from tests.factories.proposals import proposal_in_state
from tests.shots import SHOTS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.worker,
    pytest.mark.usefixtures("pdf_media", "celery_worker_thread"),
]


def test_the_chair_places_a_proposal_as_sub_item_3_1_in_the_afternoon(
    page, live_server, people, meeting
):
    secretariat = people["secretariat"]
    morning = SessionFactory(meeting=meeting, title="Morning session")
    afternoon = SessionFactory(
        meeting=meeting,
        title="Afternoon session",
        start_time=dt.time(14, 30),
        end_time=dt.time(17, 30),
    )
    agenda = agenda_get_or_create(meeting=meeting, user=secretariat)
    for title, fixed, session in [
        ("Opening of the meeting", FixedItem.OPENING, morning),
        ("Adoption of the agenda", FixedItem.ADOPTION, morning),
        ("Reports", "", afternoon),
        ("Any other business", FixedItem.AOB, afternoon),
    ]:
        agenda_item_add(agenda=agenda, actor=SYSTEM, title=title, fixed=fixed, session=session)
    _published(agenda_issue_revision(agenda=agenda, user=secretariat).document)
    proposal = proposal_in_state(
        ProposalState.UNDER_CONSIDERATION,
        people=people,
        meeting=meeting,
        title="Oral report on the WSIS+20 review",
    )

    login(page, live_server, "chair")
    page.goto(f"{live_server.url}{proposal.get_absolute_url()}")
    form = page.get_by_test_id("decision-form")
    form.get_by_label("Include in the agenda").check()
    form.get_by_label("Rationale").fill("An oral addition under item 3.")
    form.get_by_label("Place it").select_option(label="As a sub-item under 3 Reports")
    form.get_by_label("Taken in the session").select_option(label=str(afternoon))
    form.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_role("alert")).to_contain_text("is included")

    login(page, live_server, "secretariat")
    page.goto(f"{live_server.url}/b/cwg-internet/21/agenda/")
    page.get_by_role("button", name="Issue Rev.1").click()
    expect(page.get_by_role("alert")).to_contain_text("Rev.1 was issued")
    revision = AgendaRevision.objects.get(agenda=agenda, number=1)
    publication = _published(revision.document)
    page.goto(f"{live_server.url}{revision.get_absolute_url()}")
    items = page.get_by_test_id("agenda-items")
    # Grouped by session: the new sub-item sits under the afternoon's heading.
    expect(items.get_by_test_id("agenda-session")).to_have_count(2)
    listed = items.inner_text()
    afternoon_part = listed.split("Afternoon session", 1)[1]
    assert "3.1" in afternoon_part
    assert "Oral report on the WSIS+20 review" in afternoon_part
    page.screenshot(path=SHOTS / "agenda_placement_rev1.png", full_page=True)

    with publication.file.open("rb") as fh:
        content = fh.read()
    (SHOTS / "agenda_placement_rev1.pdf").write_bytes(content)
    text = pdf_text(content)
    assert re.search(r"3\.1\s+Oral report on the WSIS\+20 review", text), text
    adoption = text.split("Adoption of the agenda", 1)[1].split("Afternoon session", 1)[0]
    assert "CWG-Internet-21/1(Rev.1)" in adoption
    assert text.index("Afternoon session") < text.index("Oral report on the WSIS+20")
