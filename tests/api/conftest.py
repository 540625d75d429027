import pytest
from django.test import Client


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate-limit counters and cached agenda pieces live in the cache: each test starts
    without what earlier ones left."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def token_of(people):
    """``token_of("chair")``: a new personal API token of that person (its key)."""
    from meetings.services import api_token_create

    def make(role: str) -> str:
        _token, key = api_token_create(user=people[role], name=f"{role}'s script")
        return key

    return make


@pytest.fixture
def api_as(token_of):
    """``api_as("delegate")``: a client that sends that person's token on every request
    (no session, no cookie): the API alone."""

    def make(role: str) -> Client:
        if role == "anonymous":
            return Client()
        return Client(headers={"Authorization": f"Bearer {token_of(role)}"})

    return make
