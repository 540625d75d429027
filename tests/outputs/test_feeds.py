"""Atom feeds, read back with feedparser as a feed reader would: documents of a body and of
a meeting (public ones only, whoever asks), and decisions on proposals (only for those who
may read the proposals)."""

from __future__ import annotations

import feedparser
import pytest
from django.urls import reverse

from agendas.enums import ProposalState
from documents import services as document_services
from documents.enums import Access
from tests.factories import MeetingFactory
from tests.factories.documents import DocumentFactory, derive
from tests.factories.meetings import registrar
from tests.factories.proposals import proposal_in_state

S = ProposalState


def _feed(client, url):
    response = client.get(url)
    assert response["Content-Type"].startswith("application/atom+xml")
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    return parsed


def _meeting_feed(meeting) -> str:
    return reverse(
        "documents:meeting_feed", kwargs={"body": meeting.body.slug, "number": meeting.number}
    )


@pytest.fixture
def documents(meeting):
    public = DocumentFactory(meeting=meeting, title="Draft outline of the report")
    restricted = DocumentFactory(
        meeting=meeting, title="Confidential note to members", access=Access.RESTRICTED
    )
    return public, restricted


def test_meeting_feed_lists_public_documents_only_even_for_members(client_for, meeting, documents):
    for role in ("anonymous", "secretariat"):
        parsed = _feed(client_for(role), _meeting_feed(meeting))
        assert parsed.feed.title == "New and revised documents of the 21st meeting of CWG-Internet"
        assert [e.title for e in parsed.entries] == [
            "CWG-Internet-21/1: Draft outline of the report"
        ]
    entry = parsed.entries[0]
    assert entry.link == "http://testserver/documents/d/CWG-Internet-21/1"
    assert "Source: Secretariat" in entry.summary
    assert "Confidential" not in str(parsed)


def test_a_revised_document_comes_back_as_an_update_and_a_revision_as_a_new_entry(
    client, meeting, documents
):
    public = documents[0]
    before = _feed(client, _meeting_feed(meeting)).entries[0]
    document_services.document_update(
        actor=registrar(), document=public, title="Outline of the WSIS+20 report"
    )
    derive(public, title="Outline of the WSIS+20 report, revised")
    parsed = _feed(client, _meeting_feed(meeting))
    by_title = {e.title: e for e in parsed.entries}
    updated = by_title["CWG-Internet-21/1: Outline of the WSIS+20 report"]
    assert updated.id == before.id
    assert updated.updated_parsed >= before.updated_parsed
    assert "Revised (version 2)" in updated.summary
    assert "CWG-Internet-21/1(Rev.1): Outline of the WSIS+20 report, revised" in by_title


def test_meeting_feed_includes_documents_listed_for_it_from_other_meetings(
    client, meeting, meeting42, documents
):
    outline = DocumentFactory(meeting=meeting42, title="Draft outline WSIS+20 Report")
    document_services.document_list_for_meeting(
        actor=registrar(), document=outline, meeting=meeting
    )
    titles = [e.title for e in _feed(client, _meeting_feed(meeting)).entries]
    assert f"{outline.symbol}: Draft outline WSIS+20 Report" in titles


def test_body_feed_gathers_the_public_documents_of_every_meeting(client, body, meeting, documents):
    other = MeetingFactory(body=body, number=22)
    DocumentFactory(meeting=other, title="Contribution to the 22nd meeting")
    parsed = _feed(client, reverse("documents:body_feed", kwargs={"body": body.slug}))
    assert parsed.feed.title == "New and revised documents of CWG-Internet"
    assert sorted(e.title for e in parsed.entries) == [
        "CWG-Internet-21/1: Draft outline of the report",
        "CWG-Internet-22/1: Contribution to the 22nd meeting",
    ]


def _decisions_url(meeting) -> str:
    return reverse(
        "agendas:meeting_decisions_feed",
        kwargs={"body": meeting.body.slug, "number": meeting.number},
    )


@pytest.fixture
def decided(meeting, people):
    return {
        state: proposal_in_state(state, people=people, meeting=meeting, title=f"Item {state}")
        for state in (S.INCLUDED, S.REJECTED, S.DEFERRED, S.UNDER_CONSIDERATION)
    }


@pytest.mark.parametrize("role", ["delegate", "secretariat", "chair", "superuser"])
def test_decisions_feed_shows_members_each_decision_with_its_rationale(
    client_for, meeting, decided, role
):
    parsed = _feed(client_for(role), _decisions_url(meeting))
    assert parsed.feed.title == "Decisions on proposals for the 21st meeting of CWG-Internet"
    by_title = {e.title: e for e in parsed.entries}
    assert set(by_title) == {
        "Included: Item included",
        "Rejected: Item rejected",
        "Deferred: Item deferred",
    }
    assert "Rationale: Rationale for include." in by_title["Included: Item included"].summary
    deferred = by_title["Deferred: Item deferred"].summary
    assert "Deferred to the 22nd meeting of CWG-Internet" in deferred
    assert by_title["Included: Item included"].link.startswith("http://testserver/proposals/")


@pytest.mark.parametrize("role", ["anonymous", "outsider", "other_body_secretariat"])
def test_decisions_feed_shows_nothing_to_those_the_proposal_pages_refuse(
    client_for, meeting, decided, role
):
    client = client_for(role)
    parsed = _feed(client, _decisions_url(meeting))
    assert parsed.entries == []
    body_feed = reverse("agendas:body_decisions_feed", kwargs={"body": meeting.body.slug})
    assert _feed(client, body_feed).entries == []


def test_body_decisions_feed_lists_decisions_of_every_meeting(client_for, meeting, decided):
    parsed = _feed(
        client_for("chair"),
        reverse("agendas:body_decisions_feed", kwargs={"body": meeting.body.slug}),
    )
    assert len(parsed.entries) == 3
    assert parsed.feed.title == "Decisions on proposals in CWG-Internet"


def _link(title: str, href: str) -> str:
    return f'<link rel="alternate" type="application/atom+xml" title="{title}" href="{href}">'


def test_pages_announce_their_feeds_in_the_head(client_for, meeting):
    page = client_for("delegate").get(meeting.get_absolute_url()).content.decode()
    head = page.split("</head>")[0]
    documents_title = "New and revised documents of the 21st meeting of CWG-Internet"
    assert _link(documents_title, _meeting_feed(meeting)) in head
    decisions_title = "Decisions on proposals for the 21st meeting of CWG-Internet"
    assert _link(decisions_title, _decisions_url(meeting)) in head
    public_head = client_for("anonymous").get(meeting.get_absolute_url()).content.decode()
    assert _link(documents_title, _meeting_feed(meeting)) in public_head.split("</head>")[0]
    assert _decisions_url(meeting) not in public_head
    body_head = client_for("anonymous").get(meeting.body.get_absolute_url()).content.decode()
    feed = reverse("documents:body_feed", kwargs={"body": meeting.body.slug})
    assert _link("New and revised documents of CWG-Internet", feed) in body_head.split("</head>")[0]


def test_feeds_cost_the_same_queries_for_1_and_20_rows(
    client_for, meeting, people, django_assert_max_num_queries
):
    client = client_for("chair")
    urls = [
        _meeting_feed(meeting),
        reverse("documents:body_feed", kwargs={"body": meeting.body.slug}),
        _decisions_url(meeting),
    ]
    proposal_in_state(S.REJECTED, people=people, meeting=meeting, title="First")
    counts = {}
    for url in urls:
        with django_assert_max_num_queries(6) as captured:
            assert len(_feed(client, url).entries) >= 1
        counts[url] = len(captured)
    for n in range(19):
        proposal_in_state(S.REJECTED, people=people, meeting=meeting, title=f"Item {n}")
    for url in urls:
        with django_assert_max_num_queries(counts[url]):
            assert len(_feed(client, url).entries) == 20
