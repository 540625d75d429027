"""Issue 14 in a real browser, at desktop (1280 px) and phone (390 px) width: from logging
in to a saved draft through "My meetings" (3), a half-written draft that saves (1), and the
error summary that takes the focus after a refused save (2). Screenshots in var/screenshots.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from agendas.enums import ProposalState
from agendas.models import Proposal
from tests.browser.helpers import login
from tests.factories.proposals import proposal_in_state
from tests.shots import SHOTS

S = ProposalState
pytestmark = pytest.mark.browser
WIDTHS = {"desktop": 1280, "phone": 390}


def shot(page, name: str) -> None:
    page.screenshot(path=SHOTS / f"{name}.png", full_page=True)


@pytest.fixture(params=list(WIDTHS))
def width(request):
    return request.param


def login_at(page, live_server, username: str, width: str) -> None:
    """Log in (the user menu the helper waits for is folded away on a phone), then take
    the width of the test."""
    page.set_viewport_size({"width": 1280, "height": 900})
    login(page, live_server, username)
    page.set_viewport_size({"width": WIDTHS[width], "height": 844})


def test_from_login_to_a_half_written_draft(page, live_server, people, meeting, width):
    proposal_in_state(S.REJECTED, people=people, meeting=meeting, title="An earlier idea")
    login_at(page, live_server, "delegate", width)
    page.goto(f"{live_server.url}/")

    # (3) "My meetings": the meeting, its deadline with the time left, the unread decision.
    expect(page.get_by_role("heading", name="My meetings")).to_be_visible()
    row = page.get_by_test_id("my-meeting").filter(has_text=meeting.display_name)
    expect(row.get_by_test_id("deadline")).to_contain_text(re.compile(r"Deadline .* \(in .*\)"))
    expect(page.get_by_test_id("unread-count")).to_contain_text("1")
    shot(page, f"day_my_meetings_{width}")

    # The meeting page offers "Propose an agenda item" among the first few Tab stops.
    page.get_by_role("link", name=meeting.display_name).first.click()
    propose = page.get_by_test_id("meeting-actions").get_by_role(
        "link", name="Propose an agenda item"
    )
    expect(propose).to_be_in_viewport()
    stops = 0
    while stops < 12:
        page.keyboard.press("Tab")
        stops += 1
        if propose.evaluate("el => el === document.activeElement"):
            break
    assert propose.evaluate("el => el === document.activeElement"), "not within 12 Tab stops"
    shot(page, f"day_meeting_page_{width}")

    # (1) A draft with a title only is saved; what a submission needs is listed.
    propose.click()
    expect(page.get_by_test_id("deadline")).to_contain_text("deadline")
    page.get_by_label("Title of the proposed agenda item").fill("Half-written idea")
    page.get_by_role("button", name="Save draft").click()
    expect(
        page.get_by_role("alert").filter(has_text="Your draft proposal was saved.")
    ).to_be_visible()
    expect(page.get_by_test_id("missing")).to_have_text(
        "Before submitting, write the purpose, the action required and the proposals."
    )
    shot(page, f"day_half_written_draft_{width}")
    assert Proposal.objects.filter(title="Half-written idea", state=S.DRAFT).exists()


def test_a_refused_save_focuses_the_error_summary(page, live_server, people, meeting, width):
    login_at(page, live_server, "delegate", width)
    page.goto(f"{live_server.url}/b/{meeting.body.slug}/{meeting.number}/proposals/new/")
    page.get_by_label("Title of the proposed agenda item").fill("With a wrong annex")
    page.get_by_label("Add an annex").set_input_files(
        {"name": "minutes.pdf", "mimeType": "application/pdf", "buffer": b"MZ not a pdf"}
    )
    page.get_by_role("button", name="Save draft").click()

    # (2) At the top, announced, focused and on screen even on a phone; its link leads to
    # the field.
    summary = page.get_by_test_id("error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_be_in_viewport()
    expect(summary).to_have_attribute("role", "alert")
    expect(summary).to_contain_text("“minutes.pdf” is not a PDF or Word (DOCX, DOC) file")
    shot(page, f"day_error_summary_{width}")
    summary.get_by_role("link", name="Add an annex").click()
    expect(page.get_by_label("Add an annex")).to_be_focused()
    # What was typed is kept; nothing was saved.
    expect(page.get_by_label("Title of the proposed agenda item")).to_have_value(
        "With a wrong annex"
    )
    assert not Proposal.objects.exists()


def test_the_secretariat_returns_a_proposal_from_the_queue(
    page, live_server, people, meeting, width
):
    proposal_in_state(S.UNDER_CONSIDERATION, people=people, meeting=meeting, title="Considered")
    waiting = proposal_in_state(S.SUBMITTED, people=people, meeting=meeting, title="Too long")
    login_at(page, live_server, "secretariat", width)
    page.goto(f"{live_server.url}/proposals/queue/")
    expect(page.get_by_test_id("queue-row")).to_have_count(1)
    page.get_by_label("State").select_option(label="All states")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_test_id("queue-row")).to_have_count(2)
    shot(page, f"day_queue_all_states_{width}")

    row = page.get_by_test_id("queue-row").filter(has_text="Too long")
    row.get_by_role("link", name="Return for changes").click()
    page.get_by_role("button", name="Return to the proposer").click()
    # No note: refused, with the summary focused.
    expect(page.get_by_test_id("error-summary")).to_be_focused()
    page.get_by_label("What should the proposer change?").fill("Shorten the introduction.")
    page.get_by_role("button", name="Return to the proposer").click()
    expect(page.get_by_role("alert").filter(has_text="returned to its proposer")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/proposals/queue/\?.*state=all$"))
    waiting.refresh_from_db()
    assert waiting.state == S.RETURNED
    assert waiting.events.last().note == "Shorten the introduction."
