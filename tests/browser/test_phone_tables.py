"""Issue 14, item 12: on a phone (390 px) the document tables of the meeting page and the
registry, and the agenda's table in its document text, are stacked cards: a title gets the
whole width, the symbol no longer takes half of it, "No." is never cut one letter a line.
At desktop width they stay tables. Screenshots in var/screenshots."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from agendas.services import agenda_issue_revision
from tests.documents.publishing_support import make_document
from tests.factories.agendas import agenda_for, items
from tests.shots import SHOTS

pytestmark = pytest.mark.browser
WIDTHS = {"desktop": 1280, "phone": 390}
LONG_TITLE = (
    "Proposal for a new agenda item on the WSIS+20 report on ITU's contribution to the "
    "implementation of and follow-up to the WSIS outcomes"
)


@pytest.fixture(params=list(WIDTHS))
def width(request):
    return request.param


def _box(locator) -> dict:
    return locator.bounding_box()


def _check_rows(page, width: str) -> None:
    table = page.get_by_test_id("documents")
    row = table.locator("tbody tr").first
    symbol, title = row.locator("td").nth(0), row.locator("td").nth(1)
    expect(title).to_contain_text(LONG_TITLE)
    symbol_box, title_box = _box(symbol), _box(title)
    if width == "phone":
        # Stacked: the title under the symbol, both the width of the card.
        assert title_box["y"] >= symbol_box["y"] + symbol_box["height"] - 1
        assert abs(title_box["width"] - symbol_box["width"]) < 2
        assert title_box["width"] > 300
        assert _box(table)["width"] <= 390
    else:
        # A table: the symbol beside the title, on the same line.
        assert title_box["x"] > symbol_box["x"] + symbol_box["width"] - 1
        assert abs(title_box["y"] - symbol_box["y"]) < 2


def test_meeting_page_and_registry_stack_their_rows_on_a_phone(page, live_server, meeting, width):
    for n in range(3):
        make_document(meeting, title=f"{LONG_TITLE} ({n})")
    page.set_viewport_size({"width": WIDTHS[width], "height": 844})
    page.goto(f"{live_server.url}{meeting.get_absolute_url()}")
    _check_rows(page, width)
    page.get_by_test_id("meeting-documents").scroll_into_view_if_needed()
    page.screenshot(path=SHOTS / f"phone_tables_meeting_{width}.png", full_page=True)

    page.goto(f"{live_server.url}/documents/?q=WSIS")
    _check_rows(page, width)
    # 22 hits made a 5,876 px page at 390 px; three stacked cards fit in a screen or two.
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < 2600, height
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTHS[width]
    page.screenshot(path=SHOTS / f"phone_tables_registry_{width}.png", full_page=True)


def test_the_agenda_table_keeps_its_numbers_whole_on_a_phone(
    page, live_server, meeting, people, width
):
    agenda = agenda_for(meeting)
    items(agenda, "Opening of the meeting", "Adoption of the agenda", LONG_TITLE)
    revision = agenda_issue_revision(agenda=agenda, user=people["secretariat"])
    page.set_viewport_size({"width": WIDTHS[width], "height": 844})
    page.goto(f"{live_server.url}{revision.document.get_absolute_url()}")
    row = page.locator(".document-text tbody tr").nth(2)
    number, item = row.locator("td").nth(0), row.locator("td").nth(1)
    expect(number).to_have_text("3")
    expect(item).to_contain_text(LONG_TITLE)
    number_box, item_box = _box(number), _box(item)
    # The number on one line, beside the item; the item takes the rest of the card.
    lines = number.evaluate(
        "el => { const r = document.createRange(); r.selectNodeContents(el);"
        " return r.getClientRects().length; }"
    )
    assert lines == 1
    assert item_box["x"] > number_box["x"]
    assert abs(item_box["y"] - number_box["y"]) < 4
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTHS[width]
    if width == "phone":
        assert item_box["width"] > 250
    page.locator(".document-text").scroll_into_view_if_needed()
    page.screenshot(path=SHOTS / f"phone_tables_agenda_{width}.png", full_page=True)
