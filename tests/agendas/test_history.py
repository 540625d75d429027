"""The audit trail of the agenda: issuing, adoption and the PDF's states leave lines that a
member reads as "History" on the agenda page and on the document page."""

import re

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from agendas import services
from documents.models import DocumentEvent, Publication
from documents.publishing import publication_run
from tests.factories.agendas import SYSTEM, items


def _history(html: str) -> list[str]:
    block = html.split('data-testid="history"', 1)[1].split("</ul>", 1)[0]
    lines = re.findall(r"<li>(.*?)</li>", block, flags=re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", line).split()) for line in lines]


def _agenda_url(meeting) -> str:
    return reverse("agendas:agenda", kwargs={"body": meeting.body.slug, "number": meeting.number})


@pytest.fixture
def issued_twice(agenda, people, django_capture_on_commit_callbacks):
    items(agenda, "Opening of the meeting")
    with django_capture_on_commit_callbacks(execute=False):
        services.agenda_issue_revision(agenda=agenda, user=people["secretariat"])
    items(agenda, "WSIS+20 report")
    with django_capture_on_commit_callbacks(execute=False):
        rev1 = services.agenda_issue_revision(agenda=agenda, user=people["secretariat"])
    return rev1


def test_members_read_who_issued_and_adopted_on_the_agenda_page(
    agenda, meeting, people, client_for, issued_twice
):
    services.agenda_adopt(agenda=agenda, user=people["chair"])
    secretariat, chair = people["secretariat"].get_full_name(), people["chair"].get_full_name()
    lines = _history(client_for("delegate").get(_agenda_url(meeting)).content.decode())
    # Newest first, each with the symbol it concerns: the adoption came last.
    assert [line.split(" ", 4)[-1] for line in lines] == [
        f"CWG-Internet-21/1 Agenda adopted, recorded by {chair}",
        f"CWG-Internet-21/1(Rev.1) PDF requested by {secretariat}",
        f"CWG-Internet-21/1(Rev.1) Rev.1 issued by {secretariat}",
        f"CWG-Internet-21/1 PDF requested by {secretariat}",
        f"CWG-Internet-21/1 Agenda issued by {secretariat}",
    ]


def test_visitors_do_not_see_who_did_what(meeting, client, issued_twice):
    html = client.get(_agenda_url(meeting)).content.decode()
    assert "Rev.1" in html
    assert 'data-testid="history"' not in html


def test_the_document_page_shows_the_pdf_states(client_for, people, issued_twice):
    publication = Publication.objects.get(document=issued_twice.document)
    publication_run(publication_id=publication.pk)
    html = client_for("secretariat").get(issued_twice.document.get_absolute_url()).content.decode()
    secretariat = people["secretariat"].get_full_name()
    assert [line.split(" ", 4)[-1] for line in _history(html)] == [
        "PDF published",
        "PDF being made",
        f"PDF requested by {secretariat}",
        f"Rev.1 issued by {secretariat}",
    ]


def test_a_failed_pdf_is_a_line_of_the_history(issued_twice, monkeypatch):
    from documents import publishing
    from documents.rendering import RenderFailed

    def broken(document):
        raise RenderFailed("The layout could not be made.")

    monkeypatch.setattr(publishing, "render_document", broken)
    publication = Publication.objects.get(document=issued_twice.document)
    publication_run(publication_id=publication.pk)
    kinds = list(
        DocumentEvent.objects.filter(document=issued_twice.document).values_list("kind", flat=True)
    )
    assert kinds[0] == "pdf_failed"


def test_a_refused_issue_leaves_no_line(agenda, people):
    items(agenda, "Opening of the meeting")
    with pytest.raises(PermissionDenied, match="secretariat"):
        services.agenda_issue_revision(agenda=agenda, user=people["delegate"])
    assert not DocumentEvent.objects.exists()


@pytest.mark.parametrize("events", [1, 20])
def test_history_costs_the_same_queries_for_1_and_20_lines(
    agenda, meeting, people, client_for, django_assert_max_num_queries, events
):
    items(agenda, "Opening of the meeting")
    services.agenda_issue_revision(agenda=agenda, user=people["secretariat"])
    for n in range(events):
        services.agenda_item_add(agenda=agenda, actor=SYSTEM, title=f"Item {n}")
        services.agenda_issue_revision(agenda=agenda, user=people["secretariat"])
    client = client_for("secretariat")
    with django_assert_max_num_queries(20):
        html = client.get(_agenda_url(meeting)).content.decode()
    assert f"Rev.{events} issued by {people['secretariat'].get_full_name()}" in html
