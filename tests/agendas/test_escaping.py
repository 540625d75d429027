"""User text is escaped on every agenda and proposal page: a title that looks like markup
shows as text and never runs."""

from __future__ import annotations

import pytest
from django.urls import reverse

from agendas.enums import ProposalState
from agendas.services import agenda_issue_revision, agenda_item_add
from tests.factories.agendas import SYSTEM, agenda_for, items
from tests.factories.proposals import proposal_in_state

EVIL = '<script>alert("x")</script><img src=x onerror=alert(1)>'
ESCAPED = "&lt;script&gt;alert("


@pytest.fixture
def hostile_agenda(meeting, people):
    agenda = agenda_for(meeting, user=people["secretariat"])
    items(agenda, f"Opening {EVIL}")
    agenda_issue_revision(agenda=agenda, user=people["secretariat"])
    return agenda


@pytest.mark.parametrize(
    ("role", "url_name"),
    [
        ("anonymous", "agendas:agenda"),
        ("secretariat", "agendas:agenda"),
        ("secretariat", "agendas:agenda_editor"),
    ],
)
def test_item_titles_are_escaped_on_agenda_pages(client_for, hostile_agenda, role, url_name):
    meeting = hostile_agenda.meeting
    url = reverse(url_name, kwargs={"body": meeting.body.slug, "number": meeting.number})
    page = client_for(role).get(url).content.decode()
    assert ESCAPED in page
    assert EVIL not in page
    assert "<img src=x" not in page


def test_proposal_text_is_escaped_on_its_page_and_in_the_queue(client_for, people, meeting):
    proposal = proposal_in_state(
        ProposalState.SUBMITTED,
        people=people,
        meeting=meeting,
        title=f"Item {EVIL}",
        purpose=f"Purpose {EVIL}",
    )
    for role, url in [
        ("secretariat", reverse("agendas:proposal_detail", kwargs={"pk": proposal.pk})),
        ("secretariat", reverse("agendas:proposal_queue")),
        ("delegate", reverse("agendas:my_proposals")),
    ]:
        page = client_for(role).get(url).content.decode()
        assert ESCAPED in page, url
        assert EVIL not in page, url
        assert "<img src=x" not in page, url


def test_a_code_of_its_own_is_escaped_where_the_number_shows(client_for, meeting, people):
    """An item's code ("PL 2.4") is written by the secretariat and shown as its number: in
    the editor and in the live draft beside the issued agenda."""
    agenda = agenda_for(meeting, user=people["secretariat"])
    items(agenda, "Opening")
    agenda_issue_revision(agenda=agenda, user=people["secretariat"])
    agenda_item_add(agenda=agenda, actor=SYSTEM, title="Reports", code="<b>PL 1</b>")
    for role, url_name in [
        ("secretariat", "agendas:agenda_editor"),
        ("secretariat", "agendas:agenda"),
        ("delegate", "agendas:agenda"),
    ]:
        url = reverse(url_name, kwargs={"body": meeting.body.slug, "number": meeting.number})
        page = client_for(role).get(url).content.decode()
        assert "&lt;b&gt;PL 1&lt;/b&gt;" in page, (role, url_name)
        assert "<b>PL 1</b>" not in page, (role, url_name)
