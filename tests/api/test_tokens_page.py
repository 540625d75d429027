"""Personal API tokens on "My account": made, shown once, listed, revoked."""

from __future__ import annotations

import hashlib
import re

import pytest
from django.test import Client

from meetings.models import ApiToken

pytestmark = pytest.mark.django_db


def test_a_delegate_makes_a_token_and_uses_it_then_revokes_it(client_for, people):
    page = client_for("delegate")
    made = page.post("/accounts/me/", {"name": "Delegation sync"})
    html = made.content.decode()
    assert "Copy it now: it is not stored and will not be shown again." in html
    key = re.search(r'<code class="user-select-all">([^<]+)</code>', html).group(1)
    token = ApiToken.objects.get(user=people["delegate"])
    # Only the hash is kept.
    assert token.key_hash == hashlib.sha256(key.encode()).hexdigest()

    api = Client(headers={"Authorization": f"Bearer {key}"})
    assert api.get("/api/v1/proposals/").json()["results"] == []

    listed = page.get("/accounts/me/").content.decode()
    assert "Delegation sync" in listed
    assert key not in listed  # shown once only
    revoked = page.post("/accounts/me/", {"revoke": token.pk}, follow=True).content.decode()
    assert "The token “Delegation sync” was revoked." in revoked
    assert api.get("/api/v1/proposals/").status_code == 401


def test_nobody_revokes_someone_elses_token(client_for, people):
    from meetings.services import api_token_create

    token, _key = api_token_create(user=people["chair"], name="Chair's calendar")
    answer = client_for("delegate").post("/accounts/me/", {"revoke": token.pk})
    assert answer.status_code == 404
    token.refresh_from_db()
    assert token.is_active


def test_a_token_needs_a_name(client_for):
    answer = client_for("delegate").post("/accounts/me/", {"name": "  "}, follow=True)
    assert "Give the token a name, so you can tell it from others." in answer.content.decode()
    assert not ApiToken.objects.exists()
