from __future__ import annotations

import os

import pytest

# Playwright's sync API runs an event loop in the test thread; Django's ORM must still be
# allowed there for live_server tests.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"

# Fixtures of the PDF publication tests (media folder, flaky storage, a recording server),
# shared by tests/documents and tests/browser.
pytest_plugins = ["tests.documents.publishing_support"]


def pytest_configure(config):
    from django.conf import settings
    from django.core.management import call_command

    # What `make test` prepares, for a bare `pytest` too: var/ for the SQLite test database,
    # the broker folders the worker tests consume from.
    call_command("prepare_var", verbosity=0)
    # In CI the run must use the real services; fail before any test if it does not.
    if os.environ.get("AGENDUM_REQUIRE_SERVICES") != "1":
        return

    engine = settings.DATABASES["default"]["ENGINE"]
    broker = settings.CELERY_BROKER_URL
    if "postgresql" not in engine or not broker.startswith("redis://"):
        raise pytest.UsageError(
            f"AGENDUM_REQUIRE_SERVICES=1 but the database is {engine} and the broker {broker}; "
            "CI must run against PostgreSQL and Redis."
        )


@pytest.fixture(autouse=True)
def _english_between_tests():
    """A request leaves its language active in the thread that served it (as Django does):
    every test starts and ends in the default language, whatever the one before asked for."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts and ends with an empty cache, so no test sees what another cached
    (rendered revisions, counters) whatever order they run in."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium package.")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1280, "height": 900}}


@pytest.fixture
def celery_worker_thread(transactional_db):
    """A real Celery worker consuming from the configured broker (filesystem or Redis),
    in a thread of the test process so it sees the test database."""
    from celery.contrib.testing.worker import start_worker

    from config.celery import app

    # Messages left in the broker by earlier runs or by tests that enqueued without a
    # worker would name rows of other tests' databases; this worker starts from an empty
    # queue.
    app.control.purge()
    with start_worker(app, perform_ping_check=False, pool="solo", loglevel="WARNING") as worker:
        yield worker


ROLE_NAMES = [
    "anonymous",
    "outsider",
    "delegate",
    "secretariat",
    "chair",
    "vice_chair",
    "other_body_secretariat",
    "superuser",
]


@pytest.fixture
def body(db):
    from tests.factories import BodyFactory

    return BodyFactory(
        acronym="CWG-Internet",
        name="Council Working Group on international Internet-related public policy issues",
        slug="cwg-internet",
        symbol_prefix="CWG-Internet",
    )


@pytest.fixture
def meeting(body):
    from tests.factories import MeetingFactory

    return MeetingFactory(body=body, number=21)


@pytest.fixture
def people(body):
    """One user for every kind of person the permissions distinguish, for ``body``."""
    from meetings.enums import Role
    from tests.factories import BodyFactory, MembershipFactory, MemberStateFactory, UserFactory

    other = BodyFactory(acronym="CWG-WSIS&SDG", slug="cwg-wsis-sdg", symbol_prefix="CWG-WSIS&SDG")
    state = MemberStateFactory(name="Russian Federation", iso_code="RUS")
    users = {"anonymous": None, "outsider": UserFactory(username="outsider")}
    users["delegate"] = MembershipFactory(
        user=UserFactory(username="delegate"), body=body, role=Role.DELEGATE, member_state=state
    ).user
    for name, role in [
        ("secretariat", Role.SECRETARIAT),
        ("chair", Role.CHAIR),
        ("vice_chair", Role.VICE_CHAIR),
    ]:
        users[name] = MembershipFactory(
            user=UserFactory(username=name), body=body, role=role, member_state=None
        ).user
    users["other_body_secretariat"] = MembershipFactory(
        user=UserFactory(username="other_secretariat"),
        body=other,
        role=Role.SECRETARIAT,
        member_state=None,
    ).user
    users["superuser"] = UserFactory(username="root", is_superuser=True, is_staff=True)
    return users


@pytest.fixture
def client_for(client, people):
    """``client_for("chair")``: the test client logged in as that person."""

    def make(role: str):
        from django.test import Client

        c = Client()
        if people[role] is not None:
            c.force_login(people[role])
        return c

    return make
