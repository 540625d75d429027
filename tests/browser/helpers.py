"""What every browser journey starts with."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.factories.meetings import PASSWORD


def login(page, live_server, username: str, *, timeout_ms: int = 15_000) -> None:
    """Log in through the login form as ``username`` (any earlier session is dropped)."""
    page.set_default_timeout(timeout_ms)
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_test_id("user-menu")).to_be_visible()
