"""Issue 14, the delegate's and the secretariat's day: drafts that save anything, the
return for changes, deleting a draft, annexes, citations as links, "My meetings", the
queue by state, and the address of mail links."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.urls import reverse

from agendas.enums import ProposalEventKind, ProposalState
from agendas.exceptions import InvalidProposal, InvalidTransition, TransitionNotAllowed
from agendas.models import Proposal, ProposalAnnex
from agendas.proposals.services import (
    proposal_annex_add,
    proposal_delete,
    proposal_return,
    proposal_submit,
    proposal_update,
)
from agendas.tasks import send_proposal_notification
from documents.models import Document
from tests.conftest import ROLE_NAMES
from tests.factories.documents import DocumentFactory, derive
from tests.factories.proposals import proposal_in_state, scenario_fields

S = ProposalState
PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Uploaded annexes land in a folder of the test, not in var/media."""
    settings.MEDIA_ROOT = tmp_path


def _run_enqueued(callbacks, monkeypatch) -> None:
    monkeypatch.setattr(
        send_proposal_notification, "delay", lambda **kw: send_proposal_notification(**kw)
    )
    for callback in callbacks:
        callback()


# ------------------------------------------------------------------------------ 1. drafts


def test_a_half_written_draft_is_saved_and_the_preview_lists_what_is_missing(
    client_for, people, meeting
):
    state = people["delegate"].memberships.get().member_state
    c = client_for("delegate")
    response = c.post(
        reverse("agendas:proposal_create", kwargs={"body": "cwg-internet", "number": 21}),
        {"meeting": meeting.pk, "member_state": state.pk, "title": "An idea", "preview": "1"},
        follow=True,
    )
    proposal = Proposal.objects.get()
    assert proposal.title == "An idea"
    page = response.content.decode()
    assert "Your draft proposal was saved." in page
    assert "Before submitting, write the purpose, the action required and the proposals." in page
    response = c.post(reverse("agendas:proposal_submit", args=[proposal.pk]), follow=True)
    assert "Before submitting, write the purpose, the action required and the proposals." in (
        response.content.decode()
    )
    assert Proposal.objects.get().state == S.DRAFT


# ------------------------------------------------------------------------------ 9. return


def test_the_secretariat_returns_a_proposal_with_a_note_and_the_proposer_is_mailed(
    people, meeting, mailoutbox, django_capture_on_commit_callbacks, monkeypatch, settings
):
    settings.SITE_URL = "https://agendum.example.org"
    proposal = proposal_in_state(S.SUBMITTED, people=people, meeting=meeting)
    with django_capture_on_commit_callbacks() as callbacks:
        proposal_return(
            proposal=proposal, actor=people["secretariat"], note="Cite the Council decision."
        )
    _run_enqueued(callbacks, monkeypatch)
    proposal.refresh_from_db()
    assert proposal.state == S.RETURNED
    event = proposal.events.order_by("pk").last()
    assert event.kind == ProposalEventKind.RETURNED
    assert (event.from_state, event.to_state) == (S.SUBMITTED, S.RETURNED)
    assert [m.to for m in mailoutbox] == [["delegate@example.org"]]
    assert "was returned for changes" in mailoutbox[0].subject
    assert "Note:\nCite the Council decision." in mailoutbox[0].body

    # The proposer edits and submits again: same document, not late a second time.
    symbol = proposal.document.symbol
    proposal_update(proposal=proposal, actor=people["delegate"], references="Council Decision 5")
    again = proposal_submit(proposal=proposal, actor=people["delegate"])
    assert again.state == S.SUBMITTED
    assert again.document.symbol == symbol
    assert "Council Decision 5" in Document.objects.get(pk=again.document_id).text


def test_a_return_needs_a_note_and_a_submitted_proposal(people, meeting):
    proposal = proposal_in_state(S.SUBMITTED, people=people, meeting=meeting)
    with pytest.raises(InvalidProposal, match="Say what the proposer should change"):
        proposal_return(proposal=proposal, actor=people["secretariat"], note=" ")
    draft = proposal_in_state(S.DRAFT, people=people, meeting=meeting)
    with pytest.raises(InvalidTransition, match="has not been submitted yet"):
        proposal_return(proposal=draft, actor=people["secretariat"], note="x")
    with pytest.raises(TransitionNotAllowed):
        proposal_return(proposal=proposal, actor=people["delegate"], note="x")
    assert Proposal.objects.get(pk=proposal.pk).state == S.SUBMITTED


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_who_may_return_a_proposal(role, client_for, people, meeting):
    proposal = proposal_in_state(S.SUBMITTED, people=people, meeting=meeting)
    client_for(role).post(
        reverse("agendas:proposal_return", args=[proposal.pk]), {"note": "Shorten it."}
    )
    returned = Proposal.objects.get(pk=proposal.pk).state == S.RETURNED
    assert returned == (role in {"secretariat", "chair", "superuser"})


def test_the_queue_shows_every_state_by_filter_in_flat_queries(
    client_for, people, meeting, django_assert_max_num_queries
):
    c = client_for("secretariat")
    proposal_in_state(S.UNDER_CONSIDERATION, people=people, meeting=meeting, title="Considered")
    proposal_in_state(S.DRAFT, people=people, meeting=meeting, title="Secret draft")
    with django_assert_max_num_queries(12):
        page = c.get(reverse("agendas:proposal_queue"), {"state": "all"}).content.decode()
    assert "Considered" in page
    assert "Secret draft" not in page
    assert "Return for changes" in page
    for n in range(19):
        proposal_in_state(S.SUBMITTED, people=people, meeting=meeting, title=f"Waiting {n}")
    with django_assert_max_num_queries(12):
        page = c.get(
            reverse("agendas:proposal_queue"), {"state": "all", "meeting": meeting.pk}
        ).content.decode()
    assert page.count('data-testid="queue-row"') == 20
    waiting = c.get(reverse("agendas:proposal_queue")).content.decode()
    assert "Waiting 3" in waiting
    assert "Considered" not in waiting


# ------------------------------------------------------------------------------ 6. delete


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_only_the_proposer_deletes_a_withdrawn_draft(role, client_for, people, meeting):
    proposal = proposal_in_state(S.WITHDRAWN, people=people, meeting=meeting)
    client_for(role).post(reverse("agendas:proposal_delete", args=[proposal.pk]))
    assert Proposal.objects.filter(pk=proposal.pk).exists() == (role != "delegate")


def test_a_submitted_proposal_cannot_be_deleted(people, meeting):
    proposal = proposal_in_state(S.WITHDRAWN, people=people, meeting=meeting)
    submitted = proposal_in_state(S.SUBMITTED, people=people, meeting=meeting)
    with pytest.raises(TransitionNotAllowed, match="can be withdrawn, not deleted"):
        proposal_delete(proposal=submitted, actor=people["delegate"])
    proposal_delete(proposal=proposal, actor=people["delegate"])
    assert list(Proposal.objects.all()) == [submitted]


def test_the_delete_page_asks_first(client_for, people, meeting):
    proposal = proposal_in_state(S.DRAFT, people=people, meeting=meeting, title="Old idea")
    page = client_for("delegate").get(reverse("agendas:proposal_delete", args=[proposal.pk]))
    assert "Delete the draft “Old idea”?" in page.content.decode()
    assert Proposal.objects.filter(pk=proposal.pk).exists()


# ------------------------------------------------------------------------------ 4. annexes


def test_an_annex_is_attached_listed_and_part_of_the_contribution(client_for, people, meeting):
    proposal = proposal_in_state(S.SUBMITTED, people=people, meeting=meeting)
    c = client_for("delegate")
    data = {"meeting": meeting.pk, **scenario_fields(), "save": "1"}
    data["annex"] = SimpleUploadedFile("Statistics.pdf", PDF, content_type="application/pdf")
    c.post(reverse("agendas:proposal_edit", args=[proposal.pk]), data)
    annex = ProposalAnnex.objects.get()
    assert (annex.name, annex.kind) == ("Statistics.pdf", "pdf")
    assert "Annex 1: Statistics.pdf" in Document.objects.get(pk=proposal.document_id).text
    page = c.get(proposal.get_absolute_url()).content.decode()
    assert "Statistics.pdf" in page
    download = c.get(reverse("agendas:proposal_annex", args=[annex.pk]))
    assert b"".join(download.streaming_content) == PDF


def test_an_annex_that_is_not_pdf_or_word_is_refused_with_a_sentence(people, meeting, settings):
    proposal = proposal_in_state(S.DRAFT, people=people, meeting=meeting)
    renamed = SimpleUploadedFile("report.docx", b"MZ\x90\x00 an executable")
    with pytest.raises(InvalidProposal, match="is not a PDF or Word"):
        proposal_annex_add(proposal=proposal, actor=people["delegate"], upload=renamed)
    settings.MAX_UPLOAD_BYTES = 10
    with pytest.raises(InvalidProposal, match="annexes of up to 10"):
        proposal_annex_add(
            proposal=proposal, actor=people["delegate"], upload=SimpleUploadedFile("a.pdf", PDF)
        )
    assert not ProposalAnnex.objects.exists()


def test_the_form_shows_the_deadline(client_for, people, meeting):
    page = client_for("delegate").get(
        reverse("agendas:proposal_create", kwargs={"body": "cwg-internet", "number": 21})
    )
    deadline = meeting.contribution_deadline
    assert f"deadline {deadline.day} {deadline:%B %Y}" in page.content.decode()


# ------------------------------------------------------------------------------ 5. citations


def test_citations_are_links_and_a_revised_document_is_flagged(client_for, people, meeting):
    cited = DocumentFactory(meeting=meeting, title="Report of the Secretary-General")
    revision = derive(cited, title="Report of the Secretary-General (revised)")
    proposal = proposal_in_state(
        S.SUBMITTED, people=people, meeting=meeting, references=f"Document {cited.symbol}"
    )
    page = client_for("secretariat").get(proposal.get_absolute_url()).content.decode()
    text = page[page.index('class="contribution-text"') :]
    assert f'href="{cited.get_absolute_url()}"' in text[: text.index("</article>")]
    assert f"{cited.symbol} is replaced by {revision.symbol}" in page


# ------------------------------------------------------------------------------ 3. home


def test_home_is_the_body_list_for_visitors_and_my_meetings_for_members(
    client_for, people, meeting
):
    anonymous = client_for("anonymous").get("/").content.decode()
    assert "Bodies and meetings" in anonymous
    assert "My meetings" not in anonymous
    page = client_for("delegate").get("/").content.decode()
    assert "My meetings" in page
    assert meeting.display_name in page
    assert "Propose an agenda item" in page
    assert "Deadline " in page


def test_my_meetings_counts_unread_decisions_until_opened(
    client_for, people, meeting, django_assert_max_num_queries
):
    c = client_for("delegate")
    proposal = proposal_in_state(S.REJECTED, people=people, meeting=meeting)
    with django_assert_max_num_queries(14):
        page = c.get("/").content.decode()
    assert 'data-testid="unread-count">1' in page
    for _ in range(19):
        proposal_in_state(S.SUBMITTED, people=people, meeting=meeting)
    with django_assert_max_num_queries(14):
        page = c.get("/").content.decode()
    assert page.count('data-state="submitted"') >= 1
    c.get(proposal.get_absolute_url())
    assert 'data-testid="unread-count"' not in c.get("/").content.decode()


def test_the_meeting_page_offers_propose_first(client_for, people, meeting):
    page = client_for("delegate").get(meeting.get_absolute_url()).content.decode()
    actions = page[page.index('data-testid="meeting-actions"') :]
    assert actions.index("Propose an agenda item") < actions.index("Sessions")


# ------------------------------------------------------------------------------ 2. errors


def test_a_refused_login_shows_the_error_summary(client, db):
    page = client.post(reverse("login"), {"username": "nobody", "password": "x"}).content
    page = page.decode()
    assert 'role="alert"' in page
    assert 'data-testid="error-summary"' in page
    assert "Please enter a correct username and password" in page


# ------------------------------------------------------------------------------ 11. SITE_URL


def test_a_notification_link_has_the_host_of_the_configured_site(
    client_for,
    people,
    meeting,
    mailoutbox,
    django_capture_on_commit_callbacks,
    monkeypatch,
    settings,
):
    settings.SITE_URL = "https://agendum.example.org"
    proposal = proposal_in_state(S.SUBMITTED, people=people, meeting=meeting)
    with django_capture_on_commit_callbacks() as callbacks:
        client_for("secretariat").post(reverse("agendas:proposal_consider", args=[proposal.pk]))
    _run_enqueued(callbacks, monkeypatch)
    links = [w for w in mailoutbox[0].body.split() if w.startswith("http")]
    assert links
    assert {urlsplit(link).netloc for link in links} == {"agendum.example.org"}
    assert links[0].endswith(proposal.get_absolute_url())


def test_without_site_url_the_link_takes_the_host_of_the_request(
    client_for,
    people,
    meeting,
    mailoutbox,
    django_capture_on_commit_callbacks,
    monkeypatch,
    settings,
):
    settings.SITE_URL = ""
    proposal = proposal_in_state(S.SUBMITTED, people=people, meeting=meeting)
    with django_capture_on_commit_callbacks() as callbacks:
        client_for("secretariat").post(reverse("agendas:proposal_consider", args=[proposal.pk]))
    _run_enqueued(callbacks, monkeypatch)
    assert f"http://testserver{proposal.get_absolute_url()}" in mailoutbox[0].body


def test_the_deploy_check_refuses_a_production_without_site_url(settings):
    settings.DEBUG = False
    settings.SITE_URL = ""
    with pytest.raises(SystemCheckError, match="SITE_URL is not set"):
        call_command("check", "--deploy", "--tag", "security")
    settings.SITE_URL = "https://agendum.example.org"
    call_command("check", "--deploy", "--tag", "security", "--fail-level", "ERROR")


def test_the_proposer_removes_an_annex_from_a_draft(client_for, people, meeting):
    proposal = proposal_in_state(S.DRAFT, people=people, meeting=meeting)
    annex = proposal_annex_add(
        proposal=proposal,
        actor=people["delegate"],
        upload=SimpleUploadedFile("Old figures.pdf", PDF),
    )
    client_for("secretariat").post(reverse("agendas:proposal_annex_remove", args=[annex.pk]))
    assert ProposalAnnex.objects.filter(pk=annex.pk).exists()
    response = client_for("delegate").post(
        reverse("agendas:proposal_annex_remove", args=[annex.pk]), follow=True
    )
    assert "“Old figures.pdf” was removed." in response.content.decode()
    assert not ProposalAnnex.objects.exists()
