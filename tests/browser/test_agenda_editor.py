"""The secretariat edits the draft agenda in a real browser (headless Chromium): reorders it
by drag and drop and by keyboard, allocates a document with the search box, issues Rev.1;
every change is saved at once, the numbers update without a reload."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.utils import translation
from playwright.sync_api import expect

from agendas import selectors, services
from tests.browser.helpers import login
from tests.factories.agendas import SYSTEM, document_for, numbered
from tests.factories.meetings import SessionFactory
from tests.shots import SHOTS

pytestmark = pytest.mark.browser


def shot(page, name: str) -> None:
    page.screenshot(path=SHOTS / f"{name}.png", full_page=True)


def shown(page) -> list[tuple[str, str]]:
    """(number, title) of every item as the editor shows it now."""
    tree = page.get_by_test_id("agenda-tree")
    numbers = tree.locator(".item-row > .item-num").all_inner_texts()
    titles = tree.locator(".item-title > span:first-child").all_inner_texts()
    return [(n.strip(), t.strip()) for n, t in zip(numbers, titles, strict=True)]


def mark_page(page) -> None:
    """A flag that a full reload would wipe out."""
    page.evaluate("window.__noReload = true")


def not_reloaded(page) -> bool:
    return page.evaluate("window.__noReload === true")


@pytest.fixture
def draft(meeting, people):
    agenda = services.agenda_get_or_create(meeting=meeting, user=people["secretariat"])
    services.agenda_fixed_items_add(agenda=agenda, actor=SYSTEM)
    session = SessionFactory(meeting=meeting, title="Morning session")
    report = document_for(meeting, "ITU activities on Internet-related public policy issues")
    services.agenda_item_add(
        agenda=agenda,
        actor=SYSTEM,
        title="Report on the activities of CWG-Internet",
        description="The Chair reports on the work of the Group since its 20th meeting.",
        session=session,
        documents=[report],
    )
    services.agenda_item_add(agenda=agenda, actor=SYSTEM, title="Online open consultation")
    services.agenda_item_add(agenda=agenda, actor=SYSTEM, title="Future meetings")
    document_for(meeting, "Outcome of the online open consultation on meaningful connectivity")
    return agenda


def editor_url(live_server) -> str:
    return f"{live_server.url}/b/cwg-internet/21/agenda/edit/"


def say(language: str, msgid: str, **values) -> str:
    """``msgid`` as the catalog of ``language`` has it, filled in as the page fills it."""
    with translation.override(language):
        return translation.gettext(msgid) % values


def assert_every_control(page, agenda, language: str = "en") -> None:
    """Every item of the live draft shows every control, by its accessible name in
    ``language``, allowed or not (aria-disabled) as the server's tree says, and each
    allocated document its link and its Remove button (the controls are made in the browser
    from the page's template: see tests/agendas/test_editor_markup.py)."""
    for node in selectors.agenda_tree(agenda=agenda).flat():
        number = node.number
        group = page.get_by_role(
            "group", name=say(language, "Actions for item %(number)s", number=number), exact=True
        )
        expect(group).to_have_count(1)
        indent = (
            say(
                language,
                "Indent item %(number)s under item %(previous)s",
                number=number,
                previous=node.previous_number,
            )
            if node.previous_number
            else say(language, "Indent item %(number)s", number=number)
        )
        for name, allowed in [
            (say(language, "Move item %(number)s up", number=number), not node.is_first),
            (say(language, "Move item %(number)s down", number=number), not node.is_last),
            (indent, node.can_indent),
            (say(language, "Outdent item %(number)s", number=number), node.can_outdent),
        ]:
            button = group.get_by_role("button", name=name, exact=True)
            expect(button).to_have_count(1)
            if allowed:
                expect(button).not_to_have_attribute("aria-disabled", "true")
            else:
                expect(button).to_have_attribute("aria-disabled", "true")
        for msgid, text in [("Edit item %(number)s", "Edit"), ("Delete item %(number)s", "Delete")]:
            expect(
                group.get_by_role("button", name=say(language, msgid, number=number), exact=True)
            ).to_have_text(say(language, text))
        handle = say(language, "Drag item %(number)s to move it", number=number)
        expect(page.get_by_role("button", name=handle, exact=True)).to_have_attribute(
            "title", say(language, "Drag to move")
        )
        allocate = say(language, "Allocate a document") + " "
        allocate += say(language, "to item %(number)s", number=number)
        expect(page.get_by_text(allocate, exact=True)).to_have_count(1)
        for allocation in node.allocations:
            symbol = allocation.document.symbol
            remove = say(
                language, "Remove %(symbol)s from item %(number)s", symbol=symbol, number=number
            )
            expect(page.get_by_role("button", name=remove, exact=True)).to_have_text(
                say(language, "Remove")
            )
            expect(page.get_by_role("link", name=symbol, exact=True)).to_have_attribute(
                "href", allocation.document.get_absolute_url()
            )
    # Every list of sub-items, empty or not, names its item as the parent of what is dropped
    # into it (SortableJS posts it).
    assert page.evaluate(
        """() => Array.from(document.querySelectorAll("#agenda-tree li[data-id] > ol"))
            .every((list) => list.dataset.parent === list.parentElement.dataset.id)"""
    )


def test_every_item_has_its_controls_after_load_and_after_each_change(page, live_server, draft):
    report = draft.items.get(title__startswith="Report on")
    services.agenda_item_add(
        agenda=draft,
        actor=SYSTEM,
        title="Report of the Secretary-General",
        parent=report,
        documents=[document_for(draft.meeting, "Annual report")],
    )
    login(page, live_server, "secretariat")
    page.goto(editor_url(live_server))
    assert_every_control(page, draft)
    page.get_by_role("button", name="Move item 4 up").click()
    expect(page.get_by_role("status")).to_contain_text("Item 4 is now item 3.")
    assert_every_control(page, draft)
    page.get_by_role("button", name="Indent item 4 under item 3").click()
    expect(page.get_by_role("status")).to_contain_text("Item 4 is now item 3.1.")
    assert_every_control(page, draft)
    # The confirmation names the item, and its sub-items when it has some.
    messages = []

    def answer(dialog) -> None:
        messages.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", answer)
    page.get_by_role("button", name="Delete item 3", exact=True).click()
    page.get_by_role("button", name="Delete item 3.1", exact=True).click()
    page.get_by_role("button", name="Delete item 4", exact=True).click()
    assert messages == [
        "Delete item 3 “Online open consultation” and its sub-items?",
        "Delete item 3.1 “Report on the activities of CWG-Internet” and its sub-items?",
        "Delete item 4 “Future meetings”?",
    ]
    assert len(selectors.agenda_tree(agenda=draft)) == 8  # nothing deleted


def test_the_editor_in_arabic_mirrored_with_every_control_named(page, live_server, draft):
    login(page, live_server, "secretariat")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(editor_url(live_server))
    shot(page, "agenda_editor_desktop")
    page.get_by_test_id("language-menu").click()
    page.get_by_test_id("language-switcher").get_by_role("button", name="العربيّة").click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    assert_every_control(page, draft, "ar")
    # The indent arrow (→) points the other way in right-to-left, as the sentence says.
    arrow = page.locator("#agenda-tree [data-move=indent] span").first
    assert "matrix(-1" in arrow.evaluate("el => getComputedStyle(el).transform")
    shot(page, "agenda_editor_arabic")
    page.get_by_role("button", name=say("ar", "Move item %(number)s down", number="3")).click()
    expect(page.get_by_role("status")).to_contain_text(
        say("ar", "Item %(old)s is now item %(new)s.", old="3", new="4")
    )
    assert_every_control(page, draft, "ar")


def test_secretariat_reorders_by_drag_and_drop(page, live_server, draft):
    login(page, live_server, "secretariat")
    page.goto(editor_url(live_server))
    mark_page(page)
    shot(page, "agenda_editor")
    assert [t for _, t in shown(page)][2:5] == [
        "Report on the activities of CWG-Internet",
        "Online open consultation",
        "Future meetings",
    ]
    handle = page.get_by_role("button", name="Drag item 5 to move it")
    target = page.locator(".item-row").filter(has_text="Report on the activities").first
    box, goal = handle.bounding_box(), target.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    # SortableJS in fallback mode follows mouse moves; go up in steps onto the target row.
    steps = 12
    for i in range(1, steps + 1):
        y = box["y"] + (goal["y"] + goal["height"] * 0.3 - box["y"]) * i / steps
        page.mouse.move(box["x"] + box["width"] / 2, y)
        page.wait_for_timeout(30)
    page.mouse.up()
    expect(page.get_by_role("status")).to_contain_text("Item 5 is now item 3.")
    assert shown(page)[2:5] == [
        ("3", "Future meetings"),
        ("4", "Report on the activities of CWG-Internet"),
        ("5", "Online open consultation"),
    ]
    assert not_reloaded(page)
    assert numbered(draft)[2] == ("3", "Future meetings")


def test_secretariat_reorders_by_keyboard_and_focus_stays(page, live_server, draft):
    login(page, live_server, "secretariat")
    page.goto(editor_url(live_server))
    mark_page(page)
    report = next(i for i in draft.items.all() if i.title.startswith("Report"))
    button = page.get_by_role("button", name="Move item 3 down")
    button.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("Item 3 is now item 4.")
    assert shown(page)[2:4] == [
        ("3", "Online open consultation"),
        ("4", "Report on the activities of CWG-Internet"),
    ]
    # Focus stays on the moved item's control, which now names its new number.
    focused = page.evaluate("document.activeElement.id")
    assert focused == f"move-down-{report.pk}"
    expect(page.locator(f"#move-down-{report.pk}")).to_have_attribute(
        "aria-label", "Move item 4 down"
    )
    # Pressing Enter again keeps moving the same item.
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("Item 4 is now item 5.")
    expect(page.get_by_role("button", name="Move item 5 down")).to_be_focused()
    # Indent it under the item above, then take it out again, from the keyboard.
    page.locator(f"#move-indent-{report.pk}").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("Item 5 is now item 4.1.")
    expect(page.get_by_role("button", name="Indent item 4.1")).to_be_focused()
    shot(page, "agenda_editor_indented")
    page.locator(f"#move-outdent-{report.pk}").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("Item 4.1 is now item 5.")
    expect(page.get_by_role("button", name="Outdent item 5")).to_be_focused()
    assert not_reloaded(page)
    assert ("5", "Report on the activities of CWG-Internet") in numbered(draft)


def test_secretariat_allocates_a_document_with_the_search_box(page, live_server, draft):
    login(page, live_server, "secretariat")
    page.goto(editor_url(live_server))
    mark_page(page)
    page.get_by_text("Allocate a document to item 4").click()
    search = page.get_by_role("searchbox", name="Search documents to allocate to item 4")
    search.fill("consultation")
    hit = page.get_by_role("button", name="CWG-Internet-21/3 Outcome of the online")
    expect(hit).to_be_visible()
    shot(page, "agenda_editor_search")
    hit.click()
    expect(page.get_by_role("status")).to_contain_text("CWG-Internet-21/3 was allocated to item 4.")
    row = page.locator(".item-row").filter(has_text="Online open consultation")
    expect(row).to_contain_text("CWG-Internet-21/3")
    expect(row.get_by_role("button", name="Remove CWG-Internet-21/3 from item 4")).to_be_visible()
    assert not_reloaded(page)


def test_secretariat_adds_edits_and_deletes_inline(page, live_server, draft):
    login(page, live_server, "secretariat")
    page.goto(editor_url(live_server))
    mark_page(page)
    page.get_by_label("Title of the new item").fill("WSIS+20 report")
    page.get_by_role("button", name="Add item").click()
    expect(page.get_by_role("status")).to_contain_text("Item 6 “WSIS+20 report” was added.")
    assert shown(page)[5:] == [
        ("6", "WSIS+20 report"),
        ("7", "Any other business"),
        ("8", "Closing of the meeting"),
    ]
    page.get_by_role("button", name="Edit item 6").click()
    title = page.locator("form.item-edit").get_by_label("Title")
    expect(title).to_be_focused()
    title.fill("WSIS+20 review")
    page.get_by_role("button", name="Save item 6").click()
    expect(page.get_by_role("status")).to_contain_text("Item 6 was saved.")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Delete item 5").click()
    expect(page.get_by_role("status")).to_contain_text("Item 5 “Future meetings” was deleted.")
    assert shown(page)[4] == ("5", "WSIS+20 review")
    assert not_reloaded(page)


def test_secretariat_issues_rev_1_and_sees_it_listed(page, live_server, draft, people):
    services.agenda_issue_revision(agenda=draft, user=people["secretariat"])
    login(page, live_server, "secretariat")
    page.goto(editor_url(live_server))
    page.get_by_role("button", name="Move item 4 up").click()
    expect(page.get_by_role("status")).to_contain_text("Item 4 is now item 3.")
    page.get_by_label("Note (optional)").fill("Items 3 and 4 swapped at the chair's request.")
    page.get_by_role("button", name="Issue Rev.1").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "Rev.1 was issued as CWG-Internet-21/1(Rev.1); its PDF is being made."
    )
    expect(page.get_by_role("heading", name="Rev.1 of the agenda")).to_be_visible()
    revisions = page.get_by_test_id("revisions")
    expect(revisions).to_contain_text("Rev.1")
    expect(revisions).to_contain_text("First issue")
    shot(page, "agenda_revision")
    page.get_by_role("link", name="What changed since First issue").click()
    expect(page.get_by_test_id("diff")).to_contain_text("Online open consultation: item 4")
    shot(page, "agenda_diff")
    page.get_by_role("link", name="Agenda", exact=True).click()
    expect(page.get_by_test_id("revisions")).to_contain_text("CWG-Internet-21/1(Rev.1)")
    shot(page, "agenda_page_staff")
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/b/cwg-internet/21/agenda/")
    expect(page.get_by_test_id("agenda-items")).to_contain_text("Online open consultation")
    shot(page, "agenda_page_public")


def test_agenda_pages_fit_a_phone_screen(page, live_server, draft, people):
    services.agenda_issue_revision(agenda=draft, user=people["secretariat"])
    services.agenda_item_add(agenda=draft, actor=SYSTEM, title="WSIS+20 report")
    services.agenda_issue_revision(agenda=draft, user=people["secretariat"])
    login(page, live_server, "secretariat")
    page.set_viewport_size({"width": 390, "height": 844})
    for name, address in [
        ("agenda_editor_mobile", "agenda/edit/"),
        ("agenda_page_mobile", "agenda/"),
        ("agenda_revision_mobile", "agenda/rev/1/"),
        ("agenda_diff_mobile", "agenda/diff/"),
        ("meeting_agenda_panel_mobile", ""),
    ]:
        page.goto(f"{live_server.url}/b/cwg-internet/21/{address}")
        shot(page, name)
        if address:
            width = page.evaluate("document.documentElement.scrollWidth")
        else:
            # The meeting page also holds other sections; this checks the agenda's.
            width = page.get_by_test_id("agenda-panel").evaluate(
                "el => el.getBoundingClientRect().right"
            )
        assert width <= 390, (name, width)


@pytest.mark.worker
@pytest.mark.usefixtures("celery_worker_thread")
def test_included_proposal_is_in_the_pdf_of_rev_1(page, live_server, draft, people):
    """The end of the scenario: the chair has included the proposal; the secretariat finds
    the new item before "Any other business", issues Rev.1, and the PDF made by the worker
    lists the item."""
    from agendas.enums import ProposalState
    from tests.documents.publishing_support import pdf_text
    from tests.factories.proposals import proposal_in_state

    services.agenda_issue_revision(agenda=draft, user=people["secretariat"])
    title = (
        "WSIS+20 report on ITU's contribution to the implementation of and follow-up to WSIS "
        "outcomes and its role in achieving the SDGs"
    )
    proposal_in_state(ProposalState.INCLUDED, people=people, meeting=draft.meeting, title=title)
    login(page, live_server, "secretariat")
    page.goto(editor_url(live_server))
    assert shown(page)[5:] == [
        ("6", title),
        ("7", "Any other business"),
        ("8", "Closing of the meeting"),
    ]
    expect(page.locator(".item-row").filter(has_text=title)).to_contain_text(
        "Proposal: Russian Federation"
    )
    page.get_by_role("button", name="Issue Rev.1").click()
    expect(page.get_by_role("heading", name="Rev.1 of the agenda")).to_be_visible()
    page.get_by_role("link", name="Document page").click()
    panel = page.get_by_test_id("publications")
    expect(panel.get_by_test_id("publication-state")).to_have_text("Published", timeout=60_000)
    with page.expect_download() as download_info:
        panel.get_by_role("link", name="Download PDF").click()
    content = Path(download_info.value.path()).read_bytes()
    (SHOTS / "agenda_rev1.pdf").write_bytes(content)
    text = pdf_text(content)
    assert "Document CWG-Internet-21/1(Rev.1)" in text
    assert "Rev.1" in text
    # The title wraps inside its table cell: its first words are on one line.
    assert "6 WSIS+20 report on ITU's" in text
    assert "7 Any other business" in text
