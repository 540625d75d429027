"""Issue 14, item 14: axe-core (vendored in static/vendor/axe, loaded from our own static
files, so the page's CSP stays as it is) over every page of the demo, as each role, at
desktop and phone width: no serious or critical violation. The pages are listed by role so
the sweep stays bounded; each must open (a page a role may not see is not in its list)."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import expect

from agendas.models import AgendaRevision, Proposal
from documents.enums import DocumentType
from documents.models import Document
from meetings.demo import DEMO_PASSWORD
from tests.browser.helpers import login

pytestmark = pytest.mark.browser
WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}
BLOCKING = ("serious", "critical")


def _pages() -> dict[str, list[str]]:
    proposal = Proposal.objects.select_related("meeting__body").order_by("pk").first()
    meeting = proposal.meeting
    revision = AgendaRevision.objects.filter(agenda__meeting=meeting).order_by("pk").first()
    contribution = Document.objects.filter(
        meeting=meeting, doc_type=DocumentType.CONTRIBUTION
    ).first()
    base = meeting.get_absolute_url()
    public = [
        "/",
        meeting.body.get_absolute_url(),
        base,
        f"{base}agenda/",
        revision.get_absolute_url(),
        f"{base}agenda/diff/",
        "/documents/",
        "/documents/?q=internet",
        contribution.get_absolute_url(),
    ]
    member = [*public, "/accounts/me/", reverse("password_change")]
    return {
        "anonymous": [*public, "/accounts/login/"],
        "delegate": [
            *member,
            "/proposals/",
            "/proposals/new/",
            proposal.get_absolute_url(),
            f"/proposals/{proposal.pk}/edit/",
        ],
        "secretariat": [
            *member,
            "/proposals/queue/",
            proposal.get_absolute_url(),
            f"{base}agenda/edit/",
            f"{base}decisions/summary/",
            "/documents/new/",
        ],
        "chair": [
            *member,
            "/proposals/queue/",
            "/proposals/decisions/",
            proposal.get_absolute_url(),
        ],
    }


def _log_in(page, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def _violations(page, base_url: str, path: str) -> list[str]:
    response = page.goto(f"{base_url}{path}")
    if response is None or response.status >= 400:
        return [f"{path}: answered {response and response.status} (not a page of this role)"]
    page.add_script_tag(url=f"{base_url}/static/vendor/axe/axe.min.js")
    found = page.evaluate("async () => (await axe.run(document)).violations")
    return [
        f"{path}: {v['impact']} {v['id']} ({len(v['nodes'])}×) e.g. "
        f"{v['nodes'][0]['target']} {v['nodes'][0].get('failureSummary', '')[:160]!r}"
        for v in found
        if v["impact"] in BLOCKING
    ]


@pytest.mark.parametrize("width", list(WIDTHS))
def test_no_serious_or_critical_violation_on_any_demo_page(browser, live_server, width):
    call_command("load_demo", stdout=io.StringIO())
    pages = _pages()
    problems: list[str] = []
    w, h = WIDTHS[width]
    for role, paths in pages.items():
        context = browser.new_context(viewport={"width": w, "height": h})
        page = context.new_page()
        page.set_default_timeout(15_000)
        if role != "anonymous":
            _log_in(page, live_server.url, role)
        for path in paths:
            problems += [f"{role} {width} {p}" for p in _violations(page, live_server.url, path)]
        context.close()
    assert problems == [], "\n".join(problems)


def test_the_user_menu_arrow_keys_reach_log_out(page, live_server, people):
    login(page, live_server, "delegate")
    page.get_by_test_id("user-menu").focus()
    page.keyboard.press("Enter")
    for _ in range(10):
        page.keyboard.press("ArrowDown")
        if page.evaluate("document.activeElement.textContent.trim()") == "Log out":
            break
    expect(page.get_by_test_id("log-out")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("link", name="Log in")).to_be_visible()


def test_every_page_links_a_favicon_that_exists(page, live_server, people):
    page.goto(f"{live_server.url}/accounts/login/")
    href = page.locator('link[rel="icon"]').get_attribute("href")
    response = page.request.get(f"{live_server.url}{href}")
    assert response.status == 200
    assert "<svg" in response.text()
