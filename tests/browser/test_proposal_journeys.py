"""The scenario in a real browser (headless Chromium): the delegate writes, previews and
submits the Russian Federation's proposal; the secretariat puts it under consideration from
the queue; the chair includes it and finds the new item on the draft agenda."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from agendas.enums import ProposalState
from agendas.models import AgendaItem, Proposal
from agendas.proposals.demo import SCENARIO, SCENARIO_TITLE
from agendas.services import agenda_get_or_create
from documents.models import SymbolCounter
from documents.services import document_register
from meetings.models import Body
from tests.browser.helpers import login
from tests.factories.meetings import MeetingFactory, MemberStateFactory, registrar
from tests.factories.proposals import proposal_in_state
from tests.shots import SHOTS

S = ProposalState

pytestmark = pytest.mark.browser


def shot(page, name: str) -> None:
    page.screenshot(path=SHOTS / f"{name}.png", full_page=True)


@pytest.fixture
def scenario_registry(people, meeting):
    """The 21st meeting's draft agenda (CWG-Internet-21/1) and CWG-WSIS&SDG-42/13."""
    agenda_get_or_create(meeting=meeting, user=people["secretariat"])
    wsis42 = MeetingFactory(
        body=Body.objects.get(acronym="CWG-WSIS&SDG"),
        number=42,
        start_date=dt.date(2025, 2, 10),
        end_date=dt.date(2025, 2, 11),
    )
    SymbolCounter.objects.create(meeting=wsis42, series="", last_number=12)
    return document_register(
        actor=registrar(),
        meeting=wsis42,
        title="Draft outline WSIS+20 Report on ITU's contribution to the implementation of "
        "and follow-up to the WSIS outcomes",
        source="Secretary-General",
    )


def test_the_scenario_from_proposal_to_agenda_item(
    page, live_server, people, meeting, scenario_registry
):
    MemberStateFactory(name="Brazil", iso_code="BRA")

    # (a) The delegate writes the proposal, previews it and submits it.
    login(page, live_server, "delegate")
    page.goto(f"{live_server.url}{meeting.get_absolute_url()}")
    expect(page.get_by_test_id("proposals-panel")).to_contain_text(
        "No proposal has been submitted for this meeting yet."
    )
    shot(page, "proposal_meeting_panel_empty")
    page.get_by_role("link", name="Propose an agenda item").click()
    expect(page.get_by_role("heading", name="Propose a new agenda item")).to_be_visible()
    expect(page.get_by_label("On behalf of")).to_be_disabled()
    page.get_by_label("Title of the proposed agenda item").fill(SCENARIO["title"])
    page.get_by_label("Purpose").fill(SCENARIO["purpose"])
    page.get_by_label("Action required").fill(SCENARIO["action_required"])
    page.get_by_label("References").fill(SCENARIO["references"])
    page.get_by_label("I Introduction").fill(SCENARIO["introduction"])
    page.get_by_label("II Proposals").fill(SCENARIO["proposals"])
    page.get_by_label("Brazil").check()
    shot(page, "proposal_form")
    page.get_by_role("button", name="Save and preview").click()

    expect(page).to_have_url(re.compile(r"/proposals/\d+/preview/$"))
    cited = page.get_by_test_id("cited")
    expect(cited).to_contain_text("This proposal cites:")
    expect(cited).to_contain_text(
        "Document CWG-Internet-21/1 (registered: Draft agenda of the 21st meeting of CWG-Internet)"
    )
    expect(cited).to_contain_text("Document CWG-WSIS&SDG-42/13 (registered: Draft outline WSIS+20")
    expect(cited).to_contain_text("PP Resolution 102 (Rev. Bucharest, 2022)")
    expect(cited).to_contain_text("PP Resolution 140 (Rev. Bucharest, 2022)")
    expect(page.get_by_test_id("preview-text").locator("mark.citation").first).to_be_visible()
    expect(page.get_by_test_id("preview-text")).to_contain_text("II\u2003Proposals")
    expect(page.get_by_test_id("preview-text")).to_contain_text("2.1\u2003To include the new item")
    shot(page, "proposal_preview")
    page.get_by_role("button", name="Submit the proposal").click()

    expect(page.get_by_role("alert")).to_contain_text(
        "Your proposal was submitted and registered as CWG-Internet-21/2."
    )
    expect(page.get_by_test_id("proposal-state")).to_contain_text("Submitted")
    expect(page.get_by_test_id("proposal-symbol")).to_have_text("CWG-Internet-21/2")
    expect(page.get_by_test_id("history")).to_contain_text("Submitted")
    expect(page.get_by_test_id("citations")).to_contain_text("CWG-WSIS&SDG-42/13")
    shot(page, "proposal_submitted")
    page.get_by_role("link", name="My proposals").first.click()
    expect(page.get_by_test_id("my-proposals")).to_contain_text(SCENARIO_TITLE)
    shot(page, "proposal_my_proposals")

    # (b) The secretariat puts it under consideration from the queue.
    login(page, live_server, "secretariat")
    page.get_by_role("link", name="Proposal queue").click()
    row = page.get_by_test_id("queue-row").filter(has_text="CWG-Internet-21/2")
    expect(row).to_contain_text("Russian Federation")
    expect(row).to_contain_text("Brazil")
    shot(page, "proposal_queue")
    row.get_by_role("button", name=re.compile("Put under consideration")).click()
    expect(page.get_by_role("alert")).to_contain_text("is under consideration")
    expect(page.get_by_text("No submitted proposal is waiting.")).to_be_visible()
    shot(page, "proposal_queue_empty")

    # (c) The chair includes it with a rationale and sees the item on the draft agenda.
    login(page, live_server, "chair")
    page.get_by_role("link", name="Decisions").click()
    card = page.get_by_test_id("decision-card").filter(has_text="CWG-Internet-21/2")
    card.get_by_label("Defer to a later meeting").check()
    expect(card.get_by_label("Defer to", exact=True)).to_be_visible()
    shot(page, "proposal_decisions_defer")
    card.get_by_label("Include in the agenda").check()
    expect(card.get_by_label("Defer to", exact=True)).to_be_hidden()
    card.get_by_label("Rationale").fill(
        "The WSIS+20 review is within the mandate of the group (Resolution 102)."
    )
    shot(page, "proposal_decisions")
    card.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_role("alert")).to_contain_text("CWG-Internet-21/2 is included: item 1")
    expect(page.get_by_text("No proposal is waiting for a decision.")).to_be_visible()

    proposal = Proposal.objects.get()
    page.goto(f"{live_server.url}{proposal.get_absolute_url()}")
    decision = page.get_by_test_id("decision")
    expect(decision).to_contain_text("Included as item 1 of the draft agenda")
    expect(decision).to_contain_text("within the mandate of the group")
    expect(page.get_by_test_id("history")).to_contain_text("Included in the agenda")
    shot(page, "proposal_included")
    page.get_by_role("link", name="See the draft agenda").click()
    expect(page.get_by_text(SCENARIO_TITLE).first).to_be_visible()
    shot(page, "proposal_on_the_agenda")

    item = AgendaItem.objects.get(proposal=proposal)
    assert [a.document.symbol for a in item.allocations.all()] == [
        "CWG-Internet-21/2",
        "CWG-WSIS&SDG-42/13",
    ]


def test_a_double_click_on_submit_records_one_submission(page, live_server, people, meeting):
    proposal = proposal_in_state(S.DRAFT, people=people, meeting=meeting)
    login(page, live_server, "delegate")
    page.goto(f"{live_server.url}/proposals/{proposal.pk}/preview/")
    button = page.get_by_role("button", name="Submit the proposal")
    button.dblclick()
    expect(page.get_by_test_id("proposal-state")).to_contain_text("Submitted")
    assert Proposal.objects.get(pk=proposal.pk).events.count() == 1


@pytest.mark.parametrize(
    ("name", "role", "path"),
    [
        ("form", "delegate", "/b/cwg-internet/21/proposals/new/"),
        ("preview", "delegate", "/proposals/{draft}/preview/"),
        ("detail", "vice_chair", "/proposals/{included}/"),
        ("my_proposals", "delegate", "/proposals/"),
        ("queue", "secretariat", "/proposals/queue/"),
        ("decisions", "chair", "/proposals/decisions/"),
        ("withdraw", "delegate", "/proposals/{submitted}/withdraw/"),
        ("meeting_panel", "chair", "/b/cwg-internet/21/"),
    ],
)
def test_proposal_pages_fit_a_phone_screen(page, live_server, people, meeting, name, role, path):
    """At 390 px nothing scrolls sideways."""
    agenda_get_or_create(meeting=meeting, user=people["secretariat"])
    ids = {
        "draft": proposal_in_state(S.DRAFT, people=people, meeting=meeting, **SCENARIO).pk,
        "included": proposal_in_state(S.INCLUDED, people=people, meeting=meeting, **SCENARIO).pk,
        "submitted": proposal_in_state(S.SUBMITTED, people=people, meeting=meeting).pk,
    }
    proposal_in_state(S.UNDER_CONSIDERATION, people=people, meeting=meeting, title=SCENARIO_TITLE)
    login(page, live_server, role)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + path.format(**ids))
    expect(page.get_by_role("main")).to_be_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    shot(page, f"proposal_{name}_mobile")
    # The same page in screen-high slices, to look at it at its real size.
    height = page.evaluate("document.documentElement.scrollHeight")
    for i, top in enumerate(range(0, min(height, 5 * 844), 844)):
        page.screenshot(
            path=SHOTS / "mobile" / f"proposal_{name}_{i + 1}.png",
            full_page=True,
            clip={"x": 0, "y": top, "width": 390, "height": min(844, height - top)},
        )
    assert width <= 390
