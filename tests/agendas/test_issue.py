"""Issuing revisions (frozen, published as PDF), refusing an unchanged issue, adoption."""

import pytest
from django.utils import timezone

from agendas import services
from agendas.enums import AgendaState
from agendas.exceptions import AgendaError, NothingToIssue
from agendas.models import AgendaRevision
from documents.enums import Access, PublicationState
from documents.models import Publication
from tests.factories.agendas import SYSTEM, document_for
from tests.factories.meetings import SessionFactory
from tests.shots import SHOTS


@pytest.fixture
def drafted(agenda, meeting):
    """The usual items around two real ones, one with a document and a session."""
    services.agenda_fixed_items_add(agenda=agenda, actor=SYSTEM)
    session = SessionFactory(meeting=meeting, title="Morning session")
    report = document_for(meeting, "ITU activities on Internet-related public policy issues")
    services.agenda_item_add(
        agenda=agenda,
        actor=SYSTEM,
        title="Report on the activities of CWG-Internet",
        documents=[report],
        session=session,
    )
    services.agenda_item_add(agenda=agenda, actor=SYSTEM, title="Online open consultation")
    return agenda


def test_first_issue_freezes_the_items_in_the_agenda_document(drafted, people):
    revision = services.agenda_issue_revision(agenda=drafted, user=people["secretariat"])
    assert revision.number == 0
    assert revision.label == "First issue"
    assert revision.document == drafted.document
    assert revision.document.symbol == "CWG-Internet-21/1"
    assert [(i["number"], i["title"]) for i in revision.items] == [
        ("1", "Opening of the meeting"),
        ("2", "Adoption of the agenda"),
        ("3", "Report on the activities of CWG-Internet"),
        ("4", "Online open consultation"),
        ("5", "Any other business"),
        ("6", "Closing of the meeting"),
    ]
    report = revision.items[2]
    assert report["documents"] == [
        {
            "symbol": "CWG-Internet-21/2",
            "title": "ITU activities on Internet-related public policy issues",
            "restricted": False,
        }
    ]
    assert report["session"].startswith("Morning session (")
    assert report["depth"] == 0
    assert report["is_late"] is False
    assert report["proposal"] is None


def test_the_revision_document_text_lists_items_and_documents(drafted, people):
    revision = services.agenda_issue_revision(agenda=drafted, user=people["secretariat"])
    text = revision.document.text
    assert "Report on the activities of CWG-Internet" in text
    # A real agenda prints symbols, not titles, unless asked.
    assert "CWG-Internet-21/2" in text
    assert "ITU activities on Internet-related public policy issues" not in text
    assert "<table>" in text
    assert "First issue" in text


def test_document_titles_and_the_note_are_printed_as_asked(drafted, people):
    revision = services.agenda_issue_revision(
        agenda=drafted,
        user=people["secretariat"],
        note="Internal remark",
        print_note=False,
        document_titles=True,
    )
    text = revision.document.text
    assert "CWG-Internet-21/2: ITU activities on Internet-related public policy issues" in text
    assert "Internal remark" not in text
    assert revision.note == "Internal remark"


def test_issuing_requests_the_pdf_after_commit(drafted, people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        revision = services.agenda_issue_revision(agenda=drafted, user=people["secretariat"])
    publication = Publication.objects.get(document=revision.document)
    assert publication.state == PublicationState.QUEUED
    assert publication.version == revision.document.version
    # After commit: the render is enqueued and the visitors' cached agenda page dropped.
    assert len(callbacks) == 2


def test_the_published_pdf_shows_the_items(drafted, people, django_capture_on_commit_callbacks):
    from documents.publishing import publication_run
    from tests.documents.publishing_support import pdf_text

    with django_capture_on_commit_callbacks(execute=False):
        revision = services.agenda_issue_revision(agenda=drafted, user=people["secretariat"])
    publication = Publication.objects.get(document=revision.document)
    publication_run(publication_id=publication.pk)
    publication.refresh_from_db()
    assert publication.state == PublicationState.PUBLISHED, publication.error
    with publication.file.open("rb") as fh:
        data = fh.read()
    text = pdf_text(data)
    (SHOTS / "agenda_first_issue.pdf").write_bytes(data)
    # Cells wrap: check words that fit on one line of their column.
    assert "3 Report on the activities of" in text
    assert "4 Online open consultation" in text
    assert "CWG-Internet-21/2" in text
    assert "ITU activities on" not in text  # symbols, not titles, unless asked
    assert "6 Closing of the meeting" in text


def test_issuing_twice_without_a_change_is_refused(drafted, people):
    services.agenda_issue_revision(agenda=drafted, user=people["secretariat"])
    with pytest.raises(NothingToIssue, match=r"Nothing has changed since the first issue\."):
        services.agenda_issue_revision(agenda=drafted, user=people["secretariat"])
    services.agenda_item_add(agenda=drafted, actor=SYSTEM, title="WSIS+20 report")
    services.agenda_issue_revision(agenda=drafted, user=people["secretariat"])
    with pytest.raises(NothingToIssue, match=r"Nothing has changed since Rev\.1\."):
        services.agenda_issue_revision(agenda=drafted, user=people["secretariat"])
    assert AgendaRevision.objects.filter(agenda=drafted).count() == 2


def test_an_empty_agenda_cannot_be_issued(agenda, people):
    with pytest.raises(AgendaError, match="Add at least one item"):
        services.agenda_issue_revision(agenda=agenda, user=people["secretariat"])


def test_later_issues_are_rev_documents_derived_from_the_agenda(drafted, people):
    services.agenda_issue_revision(agenda=drafted, user=people["secretariat"])
    services.agenda_item_add(agenda=drafted, actor=SYSTEM, title="WSIS+20 report")
    rev1 = services.agenda_issue_revision(agenda=drafted, user=people["secretariat"])
    services.agenda_item_add(agenda=drafted, actor=SYSTEM, title="Future meetings")
    rev2 = services.agenda_issue_revision(agenda=drafted, user=people["secretariat"])
    assert (rev1.number, rev1.label, rev1.document.symbol) == (
        1,
        "Rev.1",
        "CWG-Internet-21/1(Rev.1)",
    )
    assert rev2.document.symbol == "CWG-Internet-21/1(Rev.2)"
    assert rev2.document.parent == drafted.document
    assert "WSIS+20 report" in rev1.document.text
    assert "Future meetings" not in rev1.document.text
    assert "Future meetings" in rev2.document.text


def test_the_frozen_content_does_not_change_when_items_change_later(drafted, people):
    revision = services.agenda_issue_revision(agenda=drafted, user=people["secretariat"])
    frozen = [dict(item) for item in revision.items]
    report = next(i for i in frozen if i["title"].startswith("Report"))
    services.agenda_item_update(agenda=drafted, actor=SYSTEM, item_id=report["id"], title="Renamed")
    services.agenda_item_delete(agenda=drafted, actor=SYSTEM, item_id=frozen[0]["id"])
    services.agenda_item_add(agenda=drafted, actor=SYSTEM, title="New")
    revision = AgendaRevision.objects.get(pk=revision.pk)
    assert revision.items == frozen
    assert "Report on the activities of CWG-Internet" in revision.document.text


def test_a_restricted_document_is_listed_without_its_title_in_the_pdf(agenda, meeting, people):
    secret = document_for(meeting, "Confidential note", access=Access.RESTRICTED)
    services.agenda_item_add(agenda=agenda, actor=SYSTEM, title="Closed item", documents=[secret])
    revision = services.agenda_issue_revision(agenda=agenda, user=people["secretariat"])
    assert "CWG-Internet-21/2 (restricted to members)" in revision.document.text
    assert "Confidential note" not in revision.document.text


def test_the_chair_adopts_the_issued_agenda(drafted, people):
    services.agenda_issue_revision(agenda=drafted, user=people["secretariat"])
    adopted = services.agenda_adopt(agenda=drafted, user=people["chair"])
    assert adopted.state == AgendaState.ADOPTED
    assert adopted.adopted_by == people["chair"]
    assert adopted.adopted_at <= timezone.now()


def test_an_agenda_never_issued_cannot_be_adopted(drafted, people):
    with pytest.raises(AgendaError, match="Issue the agenda before adopting it"):
        services.agenda_adopt(agenda=drafted, user=people["chair"])
    drafted.refresh_from_db()
    assert drafted.state == AgendaState.DRAFT


def test_adopting_twice_is_refused(drafted, people):
    services.agenda_issue_revision(agenda=drafted, user=people["secretariat"])
    services.agenda_adopt(agenda=drafted, user=people["chair"])
    with pytest.raises(AgendaError, match="already adopted on"):
        services.agenda_adopt(agenda=drafted, user=people["vice_chair"])
    drafted.refresh_from_db()
    assert drafted.adopted_by == people["chair"]


def test_a_revision_after_adoption_says_so(drafted, people):
    first = services.agenda_issue_revision(agenda=drafted, user=people["secretariat"])
    services.agenda_adopt(agenda=drafted, user=people["chair"])
    services.agenda_item_add(agenda=drafted, actor=SYSTEM, title="Urgent matter")
    rev1 = services.agenda_issue_revision(agenda=drafted, user=people["secretariat"])
    assert first.adopted is False
    assert rev1.adopted is True
    assert rev1.content["revised_after_adoption"] is True
    assert "Revised after adoption" in rev1.document.text
    assert "Urgent matter" in rev1.document.text


def test_the_note_is_kept_with_the_revision(drafted, people):
    revision = services.agenda_issue_revision(
        agenda=drafted, user=people["secretariat"], note="After the chair's decision."
    )
    assert revision.note == "After the chair's decision."
    assert "<p>After the chair's decision.</p>" in revision.document.text
