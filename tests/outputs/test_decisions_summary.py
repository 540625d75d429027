"""The summary of decisions: drafted from the records (agenda items, their documents, the
decisions on proposals with their rationale, what was deferred here), edited, registered as
a report of the meeting and queued for publication; the secretariat of the body only."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from agendas.decisions.selectors import summary_records
from agendas.decisions.text import draft_text, to_html
from agendas.enums import ProposalState
from agendas.models import Proposal
from agendas.proposals.demo import SCENARIO_TITLE
from agendas.proposals.services import proposal_decide, proposal_submit, proposal_withdraw
from documents.enums import DocumentType, PublicationState
from documents.models import Document, Publication
from meetings.models import Meeting
from tests.factories.agendas import agenda_for
from tests.factories.proposals import ProposalFactory, proposal_in_state

S = ProposalState
RATIONALE = "The WSIS+20 review is within the mandate of the group."


def _urls(meeting) -> tuple[str, str]:
    kwargs = {"body": meeting.body.slug, "number": meeting.number}
    return (
        reverse("agendas:decisions_summary", kwargs=kwargs),
        reverse("agendas:decisions_summary_register", kwargs=kwargs),
    )


@pytest.fixture
def demo_after_the_chair(db):
    """The demo as `make run` loads it, after the chair included the WSIS+20 proposal."""
    call_command("load_demo", stdout=io.StringIO())
    scenario = Proposal.objects.get(title=SCENARIO_TITLE)
    proposal_decide(
        proposal=scenario,
        actor=get_user_model().objects.get(username="chair"),
        decision="include",
        rationale=RATIONALE,
    )
    return Meeting.objects.get(body__acronym="CWG-Internet", number=21)


def test_summary_of_the_21st_cwg_internet_lists_the_wsis_item_as_included_with_rationale(
    client, demo_after_the_chair
):
    meeting = demo_after_the_chair
    client.force_login(get_user_model().objects.get(username="secretariat"))
    page = client.get(_urls(meeting)[0]).content.decode()
    text = client.get(_urls(meeting)[0]).context["form"].initial["text"]

    assert text.startswith(
        "Council Working Group on international Internet-related public policy issues, "
    )
    assert "Agenda CWG-Internet-21/1, draft as it stands; not yet adopted." in text
    section = text.split(f"## 6 {SCENARIO_TITLE}")[1].split("\n## ")[0]
    assert "- CWG-Internet-21/2 " in section
    assert "- CWG-WSIS&SDG-42/13 " in section
    assert (
        "Proposal of Russian Federation (CWG-Internet-21/2): Included in the agenda on " in section
    )
    assert f"Rationale: {RATIONALE}" in section
    # The items around it keep their numbers and documents.
    assert "## 1 Opening of the meeting" in text
    assert "## 7 Any other business" in text
    # The demo's rejected proposal is recorded with its own rationale.
    not_included = text.split("# Proposals not included in the agenda")[1]
    assert "Open consultation on the environmental footprint" in not_included
    assert "Rejected on " in not_included
    assert "chosen by Council" in not_included
    # The page shows the records the draft is made from.
    assert "Register and publish as PDF" in page
    assert "Included" in page


def test_deferred_and_withdrawn_proposals_are_recorded_where_they_belong(meeting, people):
    agenda_for(meeting)
    deferred = proposal_in_state(S.DEFERRED, people=people, meeting=meeting, title="Later item")
    withdrawn = proposal_submit(
        proposal=ProposalFactory(
            meeting=meeting,
            proposer=people["delegate"],
            member_state=deferred.member_state,
            title="Item withdrawn after submission",
        ),
        actor=people["delegate"],
    )
    proposal_withdraw(proposal=withdrawn, actor=people["delegate"])
    # A draft withdrawn before submission was never before the meeting.
    proposal_in_state(S.WITHDRAWN, people=people, meeting=meeting, title="Never submitted")

    text = draft_text(summary_records(meeting=meeting))
    not_included = text.split("# Proposals not included in the agenda")[1]
    assert "- Later item, proposal of Russian Federation (CWG-Internet-21/" in not_included
    assert "Deferred to the 22nd meeting of CWG-Internet on " in not_included
    assert "Rationale: Rationale for defer." in not_included
    assert "Item withdrawn after submission" in not_included
    assert "Withdrawn by the proposer." in not_included
    assert "Never submitted" not in text

    later = deferred.deferred_to
    later_text = draft_text(summary_records(meeting=later))
    deferred_section = later_text.split("# Deferred from earlier meetings")[1]
    assert "Later item" in deferred_section
    assert "deferred from the 21st meeting of CWG-Internet" in deferred_section
    assert "The meeting has no agenda." in later_text


def test_edited_text_becomes_headings_lists_and_escaped_paragraphs():
    html = to_html(
        "# Summary\n\nIntro line one\nline two\n\n## 1 Opening <b>\nDocuments:\n- A/1 One\n- A/2"
    )
    assert html == (
        "<h2>Summary</h2>\n<p>Intro line one<br>line two</p>\n<h3>1 Opening &lt;b&gt;</h3>\n"
        "<p>Documents:</p>\n<ul><li>A/1 One</li><li>A/2</li></ul>"
    )


def test_secretariat_registers_the_edited_summary_as_a_report_queued_for_publication(
    client_for, meeting, people
):
    agenda_for(meeting)
    included = proposal_in_state(S.INCLUDED, people=people, meeting=meeting, title="New item")
    client = client_for("secretariat")
    form = client.get(_urls(meeting)[0]).context["form"]
    edited = form.initial["text"] + "\nThe meeting closed at 17:30.\n"
    response = client.post(
        _urls(meeting)[1],
        {
            "title": form.initial["title"],
            "text": edited,
            "access": "public",
            "token": form.initial["token"],
        },
    )
    document = Document.objects.get(
        title="Summary of decisions of the 21st meeting of CWG-Internet"
    )
    assert response.url == document.get_absolute_url()
    assert document.symbol == f"CWG-Internet-21/{document.number}"
    assert document.number > included.document.number
    assert document.doc_type == DocumentType.REPORT
    assert "<h3>" in document.text
    assert "The meeting closed at 17:30." in document.text
    assert "Rationale for include." in document.text
    assert Publication.objects.get(document=document).state == PublicationState.QUEUED
    # The same form sent again registers nothing more; the page lists what is registered.
    client.post(_urls(meeting)[1], {**form.initial, "text": edited, "access": "public"})
    assert Document.objects.filter(title__startswith="Summary of decisions").count() == 1
    page = client.get(_urls(meeting)[0]).content.decode()
    assert "Already registered:" in page
    assert document.symbol in page
    detail = client.get(document.get_absolute_url()).content.decode()
    assert "The meeting closed at 17:30." in detail


def test_a_summary_without_text_is_refused_with_a_sentence(client_for, meeting):
    agenda_for(meeting)
    client = client_for("secretariat")
    title = "Summary of decisions of the 21st meeting of CWG-Internet"
    response = client.post(
        _urls(meeting)[1], {"title": title, "text": "   ", "access": "public", "token": "t1"}
    )
    assert "This field is required." in response.content.decode()
    response = client.post(
        _urls(meeting)[1],
        {"title": "Minutes", "text": "Some text", "access": "public", "token": "t2"},
    )
    assert "The title of a summary of decisions starts" in response.content.decode()
    assert not Document.objects.filter(doc_type=DocumentType.REPORT).exists()


REFUSED = ["chair", "vice_chair", "delegate", "outsider", "other_body_secretariat"]


@pytest.mark.parametrize("role", ["anonymous", "secretariat", "superuser", *REFUSED])
def test_only_the_secretariat_of_the_body_may_generate_and_register(client_for, meeting, role):
    agenda_for(meeting)
    client = client_for(role)
    draft_url, register_url = _urls(meeting)
    data = {
        "title": "Summary of decisions of the 21st meeting of CWG-Internet",
        "text": "# Summary\n\nNo decision was taken.",
        "access": "public",
        "token": f"token-{role}",
    }
    draft = client.get(draft_url)
    registered = client.post(register_url, data)
    summaries = Document.objects.filter(doc_type=DocumentType.REPORT)
    if role in ("secretariat", "superuser"):
        assert "Register and publish as PDF" in draft.content.decode()
        assert summaries.get().get_absolute_url() == registered.url
    elif role == "anonymous":
        assert draft.url.startswith(reverse("login"))
        assert registered.url.startswith(reverse("login"))
        assert not summaries.exists()
    else:
        sentence = "Only the secretariat of CWG-Internet can prepare the summary of decisions."
        assert draft.status_code == registered.status_code == 403
        assert sentence in draft.content.decode()
        assert not summaries.exists()


def test_meeting_page_links_the_summary_for_its_secretariat_only(client_for, meeting):
    for role, shown in [("secretariat", True), ("chair", False), ("anonymous", False)]:
        page = client_for(role).get(meeting.get_absolute_url()).content.decode()
        assert (_urls(meeting)[0] in page) is shown, role


def test_summary_page_queries_do_not_grow_with_the_items(
    client_for, meeting, people, django_assert_max_num_queries
):
    agenda_for(meeting)
    client = client_for("secretariat")
    proposal_in_state(S.INCLUDED, people=people, meeting=meeting, title="First")
    with django_assert_max_num_queries(11):
        client.get(_urls(meeting)[0])
    for n in range(6):
        proposal_in_state(S.INCLUDED, people=people, meeting=meeting, title=f"Item {n}")
        proposal_in_state(S.REJECTED, people=people, meeting=meeting, title=f"No {n}")
    with django_assert_max_num_queries(11):
        page = client.get(_urls(meeting)[0]).content.decode()
    assert "Item 5" in page
    assert "No 5" in page


def test_the_service_refuses_everyone_but_the_secretariat(meeting, people):
    from agendas.decisions.services import decisions_summary_register
    from agendas.exceptions import TransitionNotAllowed

    for role in ("chair", "delegate", "other_body_secretariat"):
        with pytest.raises(TransitionNotAllowed, match="Only the secretariat of CWG-Internet"):
            decisions_summary_register(
                meeting=meeting,
                actor=people[role],
                title="Summary of decisions of the 21st meeting",
                text="Text",
            )
    assert not Document.objects.filter(doc_type=DocumentType.REPORT).exists()
