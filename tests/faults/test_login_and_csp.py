"""Issue 11, items 6 and 9: login throttling (django-axes) and a Content-Security-Policy
without inline scripts (django-csp)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories.meetings import PASSWORD

pytestmark = pytest.mark.faults
LOGIN = "/accounts/login/"


def attempt(client, password: str):
    return client.post(LOGIN, {"username": "delegate", "password": password})


def test_wrong_passwords_pause_logging_in_and_say_until_when(client, people, settings):
    """120 wrong passwords in 35 s, then the right one worked."""
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = attempt(client, "guess")
        assert "Please enter a correct username and password" in response.content.decode()
    response = attempt(client, "guess")
    page = response.content.decode()
    assert response.status_code == 429
    assert "The password was wrong 5 times in a row for this user name" in page
    assert "is paused for 15 minutes, until " in page
    assert "ask the secretariat: they can lift the pause" in page

    # Even the right password does not log in while the pause lasts.
    response = attempt(client, PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_staff_lift_the_pause_and_the_right_password_works(client, people, settings):
    from axes.utils import reset

    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "guess")
    assert attempt(client, PASSWORD).status_code == 429
    reset(username="delegate")  # what the admin's "Access attempts" deletion does
    response = attempt(client, PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(people["delegate"].pk)


@pytest.mark.parametrize("path", ["/", LOGIN, "/documents/"])
def test_every_page_carries_a_policy_without_inline_scripts(client, db, path):
    response = client.get(path)
    policy = response["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";") if d.strip())
    assert directives["script-src"] == "'self'"
    assert directives["default-src"] == "'self'"
    assert "unsafe-inline" not in directives["script-src"]
    assert "unsafe-eval" not in directives["script-src"]
    assert "<script>" not in response.content.decode()


def test_decision_page_loads_its_script_from_a_file(client_for, meeting, people):
    response = client_for("chair").get(reverse("agendas:proposal_decisions"))
    page = response.content.decode()
    assert "js/decision-form.js" in page
    assert "<script>" not in page
