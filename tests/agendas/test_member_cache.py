"""Members read the issued agenda from the cache too (issue 15): one entry per audience, the
header and the CSRF token made for each reader, and a new issue or a draft change seen at once."""

import gzip
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agendas import caching, services
from documents.enums import Access
from meetings.enums import Role
from tests.factories import MembershipFactory, UserFactory
from tests.factories.agendas import SYSTEM, document_for

AGENDA = "/b/cwg-internet/21/agenda/"


@pytest.fixture
def issued(agenda, meeting, people):
    services.agenda_fixed_items_add(agenda=agenda, actor=SYSTEM)
    secret = document_for(meeting, "Note for members", access=Access.RESTRICTED)
    services.agenda_item_add(
        agenda=agenda, actor=SYSTEM, title="Report on the activities", documents=[secret]
    )
    return services.agenda_issue_revision(agenda=agenda, user=people["secretariat"])


def _agenda_queries(client) -> tuple[str, list[str]]:
    with CaptureQueriesContext(connection) as ctx:
        page = client.get(AGENDA).content.decode()
    return page, [q["sql"] for q in ctx.captured_queries if "agendas_" in q["sql"]]


def test_a_members_second_visit_reads_nothing_of_the_agenda(client_for, issued):
    delegate = client_for("delegate")
    first, _ = _agenda_queries(delegate)
    again, queries = _agenda_queries(delegate)
    assert queries == []  # only the session, the user and the reader's roles are read
    assert "Note for members" in again
    assert "Live draft" in again
    assert again.count("Report on the activities") == first.count("Report on the activities")


def test_members_of_one_audience_share_the_content_but_not_the_header(client_for, issued, body):
    other = MembershipFactory(
        user=UserFactory(username="second-delegate"), body=body, role=Role.DELEGATE
    ).user
    client_for("delegate").get(AGENDA)
    from django.test import Client

    second = Client()
    second.force_login(other)
    page, queries = _agenda_queries(second)
    assert queries == []  # the first delegate's visit filled the audience's entry
    assert "Signed in as second-delegate" in page
    assert "Signed in as delegate<" not in page
    assert "Note for members" in page


def test_each_reader_gets_a_token_of_their_own(client_for, issued):
    pages = [client_for("secretariat").get(AGENDA).content.decode() for _ in range(2)]
    tokens = [re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', p) for p in pages]
    assert all(tokens)
    assert tokens[0][0] != tokens[1][0]
    assert caching.CSRF_PLACEHOLDER not in pages[0] + pages[1]


def test_issuing_rev2_is_seen_by_members_at_once(client_for, issued, agenda, people):
    delegate = client_for("delegate")
    services.agenda_item_add(agenda=agenda, actor=SYSTEM, title="WSIS+20 report")
    services.agenda_issue_revision(agenda=agenda, user=people["secretariat"])
    page = delegate.get(AGENDA).content.decode()
    assert "Rev.1" in page
    services.agenda_item_add(agenda=agenda, actor=SYSTEM, title="Outcome of the review")
    draft = delegate.get(AGENDA).content.decode()
    assert "Outcome of the review" in draft  # the live draft, at once
    assert "Rev.2" not in draft
    services.agenda_issue_revision(agenda=agenda, user=people["secretariat"])
    page = delegate.get(AGENDA).content.decode()
    assert "Rev.2" in page
    assert "No change since Rev.2: the draft is the agenda above." in page


def test_restricted_titles_stay_with_members_after_they_cached_the_page(client, client_for, issued):
    client_for("delegate").get(AGENDA)
    client_for("outsider").get(AGENDA)
    assert "Note for members" not in client_for("outsider").get(AGENDA).content.decode()
    assert "Note for members" not in client.get(AGENDA).content.decode()
    assert "Note for members" in client_for("chair").get(AGENDA).content.decode()


def test_every_html_page_is_sent_compressed_to_browsers_that_accept_it(client_for, issued):
    for who, address in [("secretariat", f"{AGENDA}edit/"), ("delegate", AGENDA)]:
        response = client_for(who).get(address, headers={"Accept-Encoding": "gzip, deflate"})
        assert response["Content-Encoding"] == "gzip"
        assert "Report on the activities" in gzip.decompress(response.content).decode()
        plain = client_for(who).get(address)
        assert not plain.has_header("Content-Encoding")
        assert "Report on the activities" in plain.content.decode()
