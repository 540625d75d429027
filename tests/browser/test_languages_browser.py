"""The interface in the Union's languages, in a real browser (issue 13): a delegate switches to
Arabic and submits a proposal, the page mirrored at desktop and phone width; a reader switches
to Chinese, then Russian, and reads the meeting page."""

from __future__ import annotations

import re

import pytest
from django.utils import translation
from playwright.sync_api import expect

from agendas.models import Proposal
from agendas.proposals.demo import SCENARIO
from tests.browser.helpers import login
from tests.browser.test_proposal_journeys import scenario_registry  # noqa: F401  (fixture)
from tests.factories.meetings import MemberStateFactory
from tests.shots import SHOTS

pytestmark = pytest.mark.browser
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
ARABIC_TITLE = "الاستعراض الشامل لتنفيذ نتائج القمة العالمية لمجتمع المعلومات (WSIS+20)"


def tr(language: str, text: str, context: str | None = None) -> str:
    """``text`` as the catalog of ``language`` has it (what the page must show)."""
    with translation.override(language):
        if context:
            return translation.pgettext(context, text)
        return translation.gettext(text)


def switch_to(page, name: str) -> None:
    page.get_by_test_id("language-menu").click()
    page.get_by_test_id("language-switcher").get_by_role("button", name=name).click()


def assert_nothing_overflows(page) -> None:
    """No element sticks out of the page sideways: nothing hidden off-screen or overlapping the
    edge, the usual sign of a layout that did not mirror or wrap."""
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 1, f"the page is {overflow} px wider than the window"


def test_a_delegate_switches_to_arabic_and_submits_a_proposal(
    page,
    live_server,
    people,
    meeting,
    scenario_registry,  # noqa: F811
):
    MemberStateFactory(name="Brazil", iso_code="BRA")
    login(page, live_server, "delegate")
    page.set_viewport_size(DESKTOP)
    page.goto(f"{live_server.url}{meeting.get_absolute_url()}")
    switch_to(page, "العربيّة")

    html = page.locator("html")
    expect(html).to_have_attribute("dir", "rtl")
    expect(html).to_have_attribute("lang", "ar")
    # Mirrored: the brand sits at the right edge and the user menu at the left.
    brand = page.locator(".navbar-brand").bounding_box()
    menu = page.get_by_test_id("user-menu").bounding_box()
    assert brand["x"] > DESKTOP["width"] / 2 > menu["x"]

    page.get_by_role("link", name=tr("ar", "Propose an agenda item")).first.click()
    expect(page.get_by_role("heading", name=tr("ar", "Propose a new agenda item"))).to_be_visible()
    page.get_by_label(tr("ar", "Title of the proposed agenda item")).fill(ARABIC_TITLE)
    page.get_by_label(tr("ar", "Purpose"), exact=True).fill(SCENARIO["purpose"])
    page.get_by_label(tr("ar", "Action required")).fill(SCENARIO["action_required"])
    page.get_by_label(tr("ar", "References")).fill(SCENARIO["references"])
    page.get_by_label(tr("ar", "I Introduction")).fill(SCENARIO["introduction"])
    page.get_by_label(tr("ar", "II Proposals")).fill(SCENARIO["proposals"])
    page.screenshot(path=SHOTS / "arabic_proposal_form_desktop.png", full_page=True)
    assert_nothing_overflows(page)
    page.set_viewport_size(PHONE)
    page.screenshot(path=SHOTS / "arabic_proposal_form_phone.png", full_page=True)
    assert_nothing_overflows(page)
    page.set_viewport_size(DESKTOP)

    page.get_by_role("button", name=tr("ar", "Save and preview")).click()
    expect(page).to_have_url(re.compile(r"/proposals/\d+/preview/$"))
    page.get_by_role("button", name=tr("ar", "Submit the proposal")).click()

    proposal = Proposal.objects.get()
    assert proposal.title == ARABIC_TITLE
    symbol = proposal.document.symbol
    assert symbol == "CWG-Internet-21/2"
    with translation.override("ar"):
        submitted = translation.gettext(
            "Your proposal was submitted and registered as %(symbol)s."
        ) % {"symbol": symbol}
    expect(page.get_by_role("alert")).to_contain_text(submitted)
    expect(page.get_by_test_id("proposal-symbol")).to_have_text(symbol)
    expect(page.get_by_role("heading", level=1)).to_contain_text(ARABIC_TITLE)
    page.screenshot(path=SHOTS / "arabic_proposal_submitted_desktop.png", full_page=True)
    assert_nothing_overflows(page)
    page.set_viewport_size(PHONE)
    page.screenshot(path=SHOTS / "arabic_proposal_submitted_phone.png", full_page=True)
    assert_nothing_overflows(page)


@pytest.mark.parametrize(
    ("language", "name"), [("zh-hans", "简体中文"), ("ru", "Русский")], ids=["chinese", "russian"]
)
def test_a_reader_switches_language_and_reads_the_meeting_page(
    page, live_server, people, meeting, language, name
):
    login(page, live_server, "delegate")
    page.goto(f"{live_server.url}{meeting.get_absolute_url()}")
    switch_to(page, name)
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    heading = page.get_by_role("heading", level=1)
    with translation.override(language):
        title = meeting.display_name
    assert title != "21st meeting of CWG-Internet"
    expect(heading).to_contain_text(title)
    expect(
        page.get_by_role("link", name=tr(language, "Bodies &amp; meetings").replace("&amp;", "&"))
    ).to_be_visible()
    expect(
        page.get_by_text(tr(language, "No sessions have been scheduled for this meeting yet."))
    ).to_be_visible()
    page.screenshot(path=SHOTS / f"meeting_page_{language}.png", full_page=True)
    # The address did not change, and the choice stays for the next page.
    assert page.url.endswith(meeting.get_absolute_url())
    page.goto(f"{live_server.url}/documents/")
    expect(page.locator("html")).to_have_attribute("lang", language)
