"""The demo's pages as each role, in French: no English left but what the users wrote
(issue 13). Pages are those each role reaches from a fixed list and one click further, one
address of each shape, so the sweep stays bounded."""

from __future__ import annotations

import io
import re
from urllib.parse import urljoin, urlparse

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.utils import translation

from agendas.models import Proposal
from tests.i18n.page_text import EnglishFinder, data_strings

ROLES = ["anonymous", "delegate", "chair", "secretariat"]
PAGES_PER_ROLE = 60
# Not pages of the interface: files, feeds, the API, the admin, signing out.
NOT_PAGES = re.compile(
    r"^/(static|media|admin|api|healthz)/|\.(pdf|ics|csv|xml|json|docx)$|/(feed|calendar|"
    r"logout|download|file)s?/?|/pdf/"
)
_LINK = re.compile(r'href="(/[^"#]*)"')


def _shape(path: str) -> str:
    return re.sub(r"\d+", "N", urlparse(path).path) + ("?q" if "?" in path else "")


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=io.StringIO())
    proposal = Proposal.objects.select_related("meeting__body").order_by("pk").first()
    base = proposal.meeting.get_absolute_url()
    start = ["/", base, f"{base}agenda/", "/documents/", "/documents/?q=internet"]
    return {
        "start": {
            "anonymous": [*start, "/accounts/login/"],
            "delegate": [*start, "/proposals/", "/proposals/new/", "/accounts/me/"],
            "chair": [*start, "/proposals/queue/", "/proposals/decisions/"],
            "secretariat": [*start, f"{base}agenda/edit/", "/proposals/queue/", "/documents/new/"],
        },
        "finder": EnglishFinder(catalog=_french_catalog(), data=data_strings()),
    }


def _french_catalog() -> dict[str, str]:
    catalog = translation.trans_real.translation("fr")._catalog
    return {k: v for k, v in catalog.items() if isinstance(k, str)}


def _client(role: str) -> Client:
    client = Client(headers={"accept-language": "fr"})
    if role != "anonymous":
        client.force_login(get_user_model().objects.get(username=role))
    return client


@pytest.mark.parametrize("role", ROLES)
def test_no_english_is_left_on_the_demo_pages_in_french(demo, role):
    client = _client(role)
    queue = list(demo["start"][role])
    seen_shapes: set[str] = set()
    english: dict[str, list[str]] = {}
    visited = 0
    while queue and visited < PAGES_PER_ROLE:
        path = queue.pop(0)
        if _shape(path) in seen_shapes or NOT_PAGES.search(path):
            continue
        seen_shapes.add(_shape(path))
        response = client.get(path)
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue
        visited += 1
        html = response.content.decode()
        assert '<html lang="fr"' in html, path
        left = demo["finder"].english(html)
        if left:
            english[path] = left
        queue.extend(urljoin(path, link) for link in _LINK.findall(html))
    assert visited >= 5, f"only {visited} pages reached as {role}"
    assert not english, "English left in French pages:\n" + "\n".join(
        f"{path}: {texts}" for path, texts in english.items()
    )
