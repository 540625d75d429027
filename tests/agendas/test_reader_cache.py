"""A member's whole agenda page is kept for them (issue 15): a warm visit sends bytes made
before, with no template and no query of the agenda; with a shared cache not even the session,
the user or the roles are read. Whatever the page depends on about the reader (who they are,
their roles, their browser's CSRF token, a message waiting) still shows at once."""

import gzip
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from agendas import services
from documents.enums import Access
from meetings.enums import Role
from meetings.models import Membership
from tests.factories.agendas import SYSTEM, document_for

AGENDA = "/b/cwg-internet/21/agenda/"
GZIP = {"Accept-Encoding": "gzip, deflate, br"}


@pytest.fixture
def issued(agenda, meeting, people):
    services.agenda_fixed_items_add(agenda=agenda, actor=SYSTEM)
    secret = document_for(meeting, "Note for members", access=Access.RESTRICTED)
    services.agenda_item_add(
        agenda=agenda, actor=SYSTEM, title="Report on the activities", documents=[secret]
    )
    return services.agenda_issue_revision(agenda=agenda, user=people["secretariat"])


@pytest.fixture
def shared_cache(tmp_path, settings):
    """A cache every process would share (files here; Redis in production), and the sessions
    kept in it, as config/settings.py sets them up for CACHE_URL=redis://..."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "cache"),
        }
    }
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"


def _browser(user) -> Client:
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(user)
    return browser


def _visit(browser, **headers) -> tuple[str, list[str]]:
    with CaptureQueriesContext(connection) as ctx:
        response = browser.get(AGENDA, headers=headers)
    assert response.status_code == 200
    body = response.content
    if response.get("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    return body.decode(), [q["sql"] for q in ctx.captured_queries]


def _token(page: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


def test_a_warm_visit_reads_only_who_is_reading(issued, people):
    browser = _browser(people["delegate"])
    first, _ = _visit(browser)  # gets its CSRF cookie
    _visit(browser)  # makes the reader's page
    again, queries = _visit(browser)
    tables = sorted(re.search(r'FROM "(\w+)"', sql).group(1) for sql in queries)
    assert tables == ["auth_user", "django_session", "meetings_membership"]
    assert again == first.replace(_token(first), _token(again))
    assert "Note for members" in again
    assert "Signed in as delegate" in again


def test_the_kept_page_goes_out_compressed_and_plain(issued, people):
    browser = _browser(people["delegate"])
    for _ in range(2):
        _visit(browser)
    response = browser.get(AGENDA, headers=GZIP)
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert "Report on the activities" in gzip.decompress(response.content).decode()
    plain = browser.get(AGENDA)
    assert not plain.has_header("Content-Encoding")
    assert "Report on the activities" in plain.content.decode()


def test_the_token_in_a_kept_page_posts_and_the_message_is_shown_once(issued, people, agenda):
    services.agenda_item_add(agenda=agenda, actor=SYSTEM, title="Outcome of the review")
    browser = _browser(people["chair"])
    for _ in range(2):
        _visit(browser)
    page, _ = _visit(browser)  # from the reader's entry
    response = browser.post(f"{AGENDA}adopt/", {"csrfmiddlewaretoken": _token(page)}, follow=True)
    assert response.status_code == 200
    assert "is adopted" in response.content.decode()
    after, _ = _visit(browser)
    assert "is adopted" not in after


def test_another_browser_of_the_same_person_gets_its_own_token(issued, people):
    first, second = _browser(people["chair"]), _browser(people["chair"])
    pages = []
    for browser in (first, second):
        for _ in range(3):
            page, _ = _visit(browser)
        pages.append(page)
    assert _token(pages[0]) != _token(pages[1])
    # Each browser's token is the one its own cookie accepts.
    for browser, page in zip((first, second), pages, strict=True):
        response = browser.post(f"{AGENDA}adopt/", {"csrfmiddlewaretoken": _token(page)})
        assert response.status_code == 302


def test_a_renamed_reader_sees_the_new_name_at_once(issued, people):
    delegate = people["delegate"]
    browser = _browser(delegate)
    for _ in range(3):
        _visit(browser)
    delegate.username = "delegate-of-brazil"
    delegate.save()
    page, _ = _visit(browser)
    assert "Signed in as delegate-of-brazil" in page


def test_with_a_shared_cache_a_warm_visit_asks_the_database_nothing(shared_cache, issued, people):
    browser = _browser(people["delegate"])
    for _ in range(2):
        _visit(browser, **GZIP)
    page, queries = _visit(browser, **GZIP)
    assert queries == []
    assert "Note for members" in page
    assert "Signed in as delegate" in page


def test_with_a_shared_cache_a_removed_role_and_a_deactivated_user_count_at_once(
    shared_cache, issued, people, body
):
    delegate = people["delegate"]
    browser = _browser(delegate)
    for _ in range(3):
        page, _ = _visit(browser)
    assert "Note for members" in page
    held = Membership.objects.get(user=delegate, body=body)
    held.delete()
    page, _ = _visit(browser)
    assert "Note for members" not in page
    assert "Signed in as delegate" in page

    Membership.objects.create(
        user=delegate, body=body, role=Role.DELEGATE, member_state=held.member_state
    )
    for _ in range(2):
        page, _ = _visit(browser)
    assert "Note for members" in page
    delegate.is_active = False
    delegate.save()
    page, _ = _visit(browser)
    assert "Note for members" not in page
    assert "Signed in as" not in page


def test_with_a_shared_cache_a_logout_ends_the_session_everywhere(shared_cache, issued, people):
    browser = _browser(people["delegate"])
    for _ in range(3):
        _visit(browser)
    stolen = browser.cookies["sessionid"].value
    browser.post("/accounts/logout/", {"csrfmiddlewaretoken": browser.cookies["csrftoken"].value})
    thief = Client()
    thief.cookies["sessionid"] = stolen
    page = thief.get(AGENDA).content.decode()
    assert "Note for members" not in page
    assert "Signed in as" not in page
