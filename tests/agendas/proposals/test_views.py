"""The proposal pages: who may see and do what, what each page says, and query counts."""

from __future__ import annotations

import datetime as dt
import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from agendas.enums import ProposalState
from agendas.models import AgendaItem, Proposal, ProposalEvent
from agendas.services import agenda_get_or_create
from meetings.enums import Role
from tests.conftest import ROLE_NAMES
from tests.factories.meetings import MeetingFactory, MembershipFactory, MemberStateFactory
from tests.factories.proposals import proposal_in_state, scenario_fields

S = ProposalState


def _form_data(meeting, state, **overrides) -> dict:
    data = {"meeting": meeting.pk, "member_state": state.pk, **scenario_fields()}
    data.update(overrides)
    return data


def _refused(response, role, *, hidden: bool, sentence: str = ""):
    """How a refusal looks: log in first, "not found" for who may not see the proposal,
    "You cannot do this" with the sentence for who may see it but not take the step."""
    if role == "anonymous":
        assert response.status_code == 302
        assert reverse("login") in response["Location"]
    elif hidden:
        assert response.status_code == 404
    else:
        assert response.status_code == 403
        page = response.content.decode()
        assert "You cannot do this" in page
        if sentence:
            assert sentence in page


def _state_of(proposal) -> str:
    return Proposal.objects.get(pk=proposal.pk).state


# ------------------------------------------------------------------------------ permissions


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_create_a_proposal(role, client_for, people, meeting):
    url = reverse("agendas:proposal_create", kwargs={"body": "cwg-internet", "number": 21})
    state = people["delegate"].memberships.get().member_state
    response = client_for(role).post(url, _form_data(meeting, state, save="1"))
    created = Proposal.objects.filter(meeting=meeting).first()
    if role == "delegate":
        assert response.status_code == 302
        assert created.proposer == people["delegate"]
        assert created.state == S.DRAFT
        assert response["Location"] == created.get_absolute_url()
    else:
        _refused(
            response,
            role,
            hidden=False,
            sentence="Only delegates of CWG-Internet can propose agenda items",
        )
        assert created is None


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_edit_a_draft(role, client_for, people, meeting):
    proposal = proposal_in_state(S.DRAFT, people=people, meeting=meeting)
    url = reverse("agendas:proposal_edit", kwargs={"pk": proposal.pk})
    data = _form_data(meeting, proposal.member_state, title="A better title", save="1")
    response = client_for(role).post(url, data)
    title = Proposal.objects.get(pk=proposal.pk).title
    if role == "delegate":
        assert response.status_code == 302
        assert title == "A better title"
    else:
        # A draft is its writer's alone: even the superuser, who reads it, may not edit it.
        _refused(response, role, hidden=role != "superuser", sentence="can edit it")
        assert title != "A better title"


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_submit(role, client_for, people, meeting):
    proposal = proposal_in_state(S.DRAFT, people=people, meeting=meeting)
    url = reverse("agendas:proposal_submit", kwargs={"pk": proposal.pk})
    response = client_for(role).post(url)
    if role == "delegate":
        assert response.status_code == 302
        assert _state_of(proposal) == S.SUBMITTED
    else:
        _refused(response, role, hidden=role != "superuser", sentence="can submit it")
        assert _state_of(proposal) == S.DRAFT


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_put_under_consideration(role, client_for, people, meeting):
    proposal = proposal_in_state(S.SUBMITTED, people=people, meeting=meeting)
    url = reverse("agendas:proposal_consider", kwargs={"pk": proposal.pk})
    response = client_for(role).post(url)
    if role in {"secretariat", "chair", "superuser"}:
        assert response.status_code == 302
        assert _state_of(proposal) == S.UNDER_CONSIDERATION
    else:
        _refused(
            response,
            role,
            hidden=role in {"outsider", "other_body_secretariat"},
            sentence="Only the secretariat or the chair of CWG-Internet",
        )
        assert _state_of(proposal) == S.SUBMITTED


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_decide(role, client_for, people, meeting):
    proposal = proposal_in_state(S.UNDER_CONSIDERATION, people=people, meeting=meeting)
    url = reverse("agendas:proposal_decide", kwargs={"pk": proposal.pk})
    prefix = f"decide-{proposal.pk}"
    response = client_for(role).post(
        url, {f"{prefix}-decision": "include", f"{prefix}-rationale": "Within the mandate."}
    )
    if role in {"chair", "vice_chair"}:
        assert response.status_code == 302
        assert _state_of(proposal) == S.INCLUDED
        assert AgendaItem.objects.filter(proposal=proposal).exists()
    else:
        _refused(
            response,
            role,
            hidden=role in {"outsider", "other_body_secretariat"},
            sentence="Only the chair or a vice-chair of CWG-Internet can decide on proposals.",
        )
        assert _state_of(proposal) == S.UNDER_CONSIDERATION
        assert not AgendaItem.objects.exists()


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_withdraw(role, client_for, people, meeting):
    proposal = proposal_in_state(S.SUBMITTED, people=people, meeting=meeting)
    url = reverse("agendas:proposal_withdraw", kwargs={"pk": proposal.pk})
    response = client_for(role).post(url, {"note": "Overtaken by events."})
    if role == "delegate":
        assert response.status_code == 302
        assert _state_of(proposal) == S.WITHDRAWN
    else:
        _refused(
            response,
            role,
            hidden=role in {"outsider", "other_body_secretariat"},
            sentence="can withdraw it",
        )
        assert _state_of(proposal) == S.SUBMITTED


VIEWERS_OF_SUBMITTED = {"delegate", "secretariat", "chair", "vice_chair", "superuser"}


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_who_sees_a_submitted_proposal(role, client_for, people, meeting):
    proposal = proposal_in_state(S.SUBMITTED, people=people, meeting=meeting)
    response = client_for(role).get(proposal.get_absolute_url())
    if role in VIEWERS_OF_SUBMITTED:
        assert response.status_code == 200
        assert proposal.title in response.content.decode()
    elif role == "anonymous":
        assert reverse("login") in response["Location"]
    else:
        assert response.status_code == 404
        assert proposal.title not in response.content.decode()


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_a_draft_is_seen_by_its_writer_only(role, client_for, people, meeting):
    proposal = proposal_in_state(S.DRAFT, people=people, meeting=meeting)
    response = client_for(role).get(proposal.get_absolute_url())
    if role in {"delegate", "superuser"}:
        assert response.status_code == 200
        assert "This is a draft: only you can see it." in response.content.decode()
    elif role == "anonymous":
        assert reverse("login") in response["Location"]
    else:
        assert response.status_code == 404


def test_another_delegate_of_the_body_sees_submitted_proposals_not_drafts(client, people, meeting):
    other = MembershipFactory(
        body=meeting.body, role=Role.DELEGATE, member_state=MemberStateFactory(name="Brazil")
    ).user
    client.force_login(other)
    draft = proposal_in_state(S.DRAFT, people=people, meeting=meeting)
    submitted = proposal_in_state(S.SUBMITTED, people=people, meeting=meeting)
    assert client.get(draft.get_absolute_url()).status_code == 404
    page = client.get(submitted.get_absolute_url())
    assert page.status_code == 200
    assert "Withdraw" not in page.content.decode()
    assert client.post(reverse("agendas:proposal_withdraw", args=[submitted.pk])).status_code == 403


# ------------------------------------------------------------------------------ the pages


def test_the_delegate_writes_previews_and_submits(client_for, people, meeting):
    agenda_get_or_create(meeting=meeting, user=people["secretariat"])
    c = client_for("delegate")
    state = people["delegate"].memberships.get().member_state
    form = c.get(reverse("agendas:proposal_create", kwargs={"body": "cwg-internet", "number": 21}))
    page = form.content.decode()
    assert "Propose a new agenda item" in page
    assert "Title of the proposed agenda item" in page
    assert 'disabled id="id_member_state"' in page or "disabled" in page
    response = c.post(
        reverse("agendas:proposal_create", kwargs={"body": "cwg-internet", "number": 21}),
        _form_data(meeting, state, preview="1"),
        follow=True,
    )
    proposal = Proposal.objects.get()
    assert response.redirect_chain[-1][0] == reverse("agendas:proposal_preview", args=[proposal.pk])
    preview = response.content.decode()
    assert "This proposal cites:" in preview
    assert "Document CWG-Internet-21/1" in preview
    assert "(registered: " in preview
    assert "Draft agenda of the 21st meeting" in preview
    assert "Document CWG-WSIS&amp;SDG-42/13" in preview
    assert "not registered yet" in preview
    assert "PP Resolution 102 (Rev. Bucharest, 2022)" in preview
    assert '<mark class="citation"' in preview
    assert "Submit the proposal" in preview

    response = c.post(reverse("agendas:proposal_submit", args=[proposal.pk]), follow=True)
    page = response.content.decode()
    assert "Your proposal was submitted and registered as CWG-Internet-21/2." in page
    assert "Submitted" in page
    assert "CWG-Internet-21/2" in page
    proposal.refresh_from_db()
    assert proposal.state == S.SUBMITTED


def test_the_member_state_is_fixed_for_a_delegate_of_one_state(client_for, people, meeting):
    page = (
        client_for("delegate")
        .get(reverse("agendas:proposal_create", kwargs={"body": "cwg-internet", "number": 21}))
        .content.decode()
    )
    assert "The Member State you represent." in page
    assert "Russian Federation" in page


def test_a_past_meeting_takes_no_new_proposal(client_for, people, body):
    MeetingFactory(
        body=body,
        number=20,
        start_date=timezone.localdate() - dt.timedelta(days=60),
        end_date=timezone.localdate() - dt.timedelta(days=59),
    )
    response = client_for("delegate").get(
        reverse("agendas:proposal_create", kwargs={"body": "cwg-internet", "number": 20}),
        follow=True,
    )
    assert "The 20th meeting of CWG-Internet is over" in response.content.decode()


def test_a_form_error_keeps_what_was_typed(client_for, people, meeting):
    state = people["delegate"].memberships.get().member_state
    fake = SimpleUploadedFile("annex.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = client_for("delegate").post(
        reverse("agendas:proposal_create", kwargs={"body": "cwg-internet", "number": 21}),
        _form_data(meeting, state, purpose="", save="1", annex=fake),
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "“annex.pdf” is not a PDF or Word (DOCX, DOC) file" in page
    # The summary at the top names the problem and links to the field.
    assert 'data-testid="error-summary"' in page
    assert 'href="#id_annex"' in page
    assert "Resolution 102 (Rev.\u00a0Bucharest, 2022) resolves" in page
    assert not Proposal.objects.exists()


def test_a_late_submission_says_so_on_its_pages(client_for, people, meeting):
    deadline = timezone.make_aware(dt.datetime(2026, 12, 15, 23, 59))
    meeting.contribution_deadline = deadline
    meeting.save()
    proposal = proposal_in_state(S.DRAFT, people=people, meeting=meeting)
    c = client_for("delegate")
    preview = c.get(reverse("agendas:proposal_preview", args=[proposal.pk])).content.decode()
    if timezone.now() > deadline:
        assert "a proposal submitted now is accepted but marked late" in preview
    Proposal.objects.filter(pk=proposal.pk).update(is_late=True, state=S.SUBMITTED)
    for url in (proposal.get_absolute_url(), reverse("agendas:my_proposals")):
        page = c.get(url).content.decode()
        assert "Late" in page
    page = c.get(proposal.get_absolute_url()).content.decode()
    assert "Submitted after the deadline of 15 December 2026, 23:59 CET: marked late." in page


def test_submitting_after_the_deadline_tells_the_delegate(client_for, people, meeting):
    meeting.contribution_deadline = timezone.now() - dt.timedelta(hours=2)
    meeting.save()
    proposal = proposal_in_state(S.DRAFT, people=people, meeting=meeting)
    response = client_for("delegate").post(
        reverse("agendas:proposal_submit", args=[proposal.pk]), follow=True
    )
    page = response.content.decode()
    assert "Submitted after the deadline of" in page
    assert ": marked late." in page


def test_a_double_click_on_submit_says_it_was_already_done(client_for, people, meeting):
    proposal = proposal_in_state(S.DRAFT, people=people, meeting=meeting)
    c = client_for("delegate")
    url = reverse("agendas:proposal_submit", args=[proposal.pk])
    c.post(url)
    response = c.post(url, follow=True)
    assert response.status_code == 200
    assert "This proposal has already been submitted." in response.content.decode()
    assert ProposalEvent.objects.filter(proposal=proposal).count() == 1


def test_deciding_a_withdrawn_proposal_shows_a_sentence_not_an_error(client_for, people, meeting):
    proposal = proposal_in_state(S.UNDER_CONSIDERATION, people=people, meeting=meeting)
    client_for("delegate").post(reverse("agendas:proposal_withdraw", args=[proposal.pk]))
    prefix = f"decide-{proposal.pk}"
    response = client_for("chair").post(
        reverse("agendas:proposal_decide", args=[proposal.pk]),
        {f"{prefix}-decision": "include", f"{prefix}-rationale": "Yes."},
        follow=True,
    )
    assert response.status_code == 200
    assert "This proposal was withdrawn by its proposer: it can no longer be included." in (
        response.content.decode()
    )
    assert not AgendaItem.objects.exists()


def test_the_queue_lists_submitted_proposals_with_a_button(client_for, people, meeting):
    proposal = proposal_in_state(S.SUBMITTED, people=people, meeting=meeting)
    proposal_in_state(S.DRAFT, people=people, meeting=meeting, title="Secret draft")
    c = client_for("secretariat")
    page = c.get(reverse("agendas:proposal_queue")).content.decode()
    assert proposal.title in page
    assert proposal.document.symbol in page
    assert "Secret draft" not in page
    assert "Put under consideration" in page
    response = c.post(
        reverse("agendas:proposal_consider", args=[proposal.pk]),
        {"next": reverse("agendas:proposal_queue")},
        follow=True,
    )
    page = response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("agendas:proposal_queue")
    assert "is under consideration; the chair can now decide on it." in page
    assert "No submitted proposal is waiting." in page


@pytest.mark.parametrize(
    ("role", "status"),
    [("delegate", 403), ("vice_chair", 403), ("anonymous", 302), ("outsider", 403)],
)
def test_the_queue_is_for_secretariat_and_chairs(role, status, client_for, people):
    assert client_for(role).get(reverse("agendas:proposal_queue")).status_code == status


def test_the_other_bodys_secretariat_sees_an_empty_queue(client_for, people, meeting):
    proposal_in_state(S.SUBMITTED, people=people, meeting=meeting, title="Not yours")
    page = client_for("other_body_secretariat").get(reverse("agendas:proposal_queue"))
    assert "Not yours" not in page.content.decode()
    assert "No submitted proposal is waiting." in page.content.decode()


def test_the_chair_includes_from_the_decisions_page(client_for, people, meeting):
    agenda_get_or_create(meeting=meeting, user=people["secretariat"])
    proposal = proposal_in_state(
        S.UNDER_CONSIDERATION, people=people, meeting=meeting, **scenario_fields()
    )
    c = client_for("chair")
    page = c.get(reverse("agendas:proposal_decisions")).content.decode()
    assert html.escape(proposal.title) in page
    assert "Include in the agenda" in page
    assert "Defer to a later meeting" in page
    assert "Record the decision" in page
    prefix = f"decide-{proposal.pk}"
    response = c.post(
        reverse("agendas:proposal_decide", args=[proposal.pk]),
        {
            f"{prefix}-decision": "include",
            f"{prefix}-rationale": "Within the mandate of the group.",
            "next": reverse("agendas:proposal_decisions"),
        },
        follow=True,
    )
    page = response.content.decode()
    assert "is included: item 1 " in page
    assert "No proposal is waiting for a decision." in page
    detail = c.get(proposal.get_absolute_url()).content.decode()
    assert "Included as <strong>item 1</strong> of the draft agenda" in detail
    assert "Within the mandate of the group." in detail


def test_defer_without_a_meeting_is_a_form_error(client_for, people, meeting):
    proposal = proposal_in_state(S.UNDER_CONSIDERATION, people=people, meeting=meeting)
    prefix = f"decide-{proposal.pk}"
    response = client_for("chair").post(
        reverse("agendas:proposal_decide", args=[proposal.pk]),
        {f"{prefix}-decision": "defer", f"{prefix}-rationale": "Later."},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Choose the later meeting to which it is deferred." in page
    assert "No later meeting of CWG-Internet is scheduled yet" in page
    assert _state_of(proposal) == S.UNDER_CONSIDERATION


def test_defer_to_a_later_meeting(client_for, people, meeting):
    later = MeetingFactory(
        body=meeting.body, number=22, start_date=meeting.start_date + dt.timedelta(days=150)
    )
    proposal = proposal_in_state(S.UNDER_CONSIDERATION, people=people, meeting=meeting)
    prefix = f"decide-{proposal.pk}"
    response = client_for("vice_chair").post(
        reverse("agendas:proposal_decide", args=[proposal.pk]),
        {
            f"{prefix}-decision": "defer",
            f"{prefix}-rationale": "After the WSIS+20 review.",
            f"{prefix}-deferred_to": later.pk,
        },
        follow=True,
    )
    assert "is deferred to the 22nd meeting of CWG-Internet." in response.content.decode()
    assert Proposal.objects.get(pk=proposal.pk).deferred_to == later


def test_the_proposal_page_shows_text_document_citations_and_history(client_for, people, meeting):
    agenda_get_or_create(meeting=meeting, user=people["secretariat"])
    proposal = proposal_in_state(S.INCLUDED, people=people, meeting=meeting, **scenario_fields())
    page = client_for("vice_chair").get(proposal.get_absolute_url()).content.decode()
    assert "I\u2003Introduction" in page
    assert "II\u2003Proposals" in page
    assert "2.2\u2003To publish the Secretary-General Report" in page
    assert f'href="{proposal.document.get_absolute_url()}"' in page
    # Citations: the agenda (registered, linked), CWG-WSIS&SDG-42/13 (not yet), resolutions.
    agenda_url = proposal.meeting.agendas.get(kind="agenda").document.get_absolute_url()
    assert f'href="{agenda_url}">CWG-Internet-21/1</a>' in page
    assert 'CWG-WSIS&amp;SDG-42/13</span> <span class="text-body-secondary">not registered' in (
        page
    )
    assert "PP Resolution 140 (Rev. Bucharest, 2022)" in page
    for step in ("Submitted", "Put under consideration", "Included in the agenda"):
        assert step in page
    assert "Rationale for include." in page


def test_my_proposals_lists_states_and_history(client_for, people, meeting):
    proposal_in_state(S.DRAFT, people=people, meeting=meeting, title="First idea")
    proposal_in_state(S.REJECTED, people=people, meeting=meeting, title="Second idea")
    page = client_for("delegate").get(reverse("agendas:my_proposals")).content.decode()
    assert "First idea" in page
    assert "Second idea" in page
    assert "Not submitted yet." in page
    assert "Rationale for reject." in page
    # The count is the number of rows the history shows: drafted, submitted, considered,
    # rejected for the second; drafted alone for the first.
    rejected_part = page[page.index("Second idea") :]
    rows_shown = rejected_part[: rejected_part.index("</details>")].count('class="history-row"')
    assert rows_shown == 4
    assert "History (4 steps)" in page
    assert "History (1 step)" in page


def test_my_proposals_empty_state_says_what_to_do(client_for, people):
    page = client_for("delegate").get(reverse("agendas:my_proposals")).content.decode()
    assert "You have not proposed any agenda item yet." in page
    page = client_for("chair").get(reverse("agendas:my_proposals")).content.decode()
    assert "Only delegates of a body propose agenda items." in page


# ------------------------------------------------------------------------------ meeting page


def test_the_meeting_page_counts_proposals_for_members(client_for, people, meeting):
    proposal_in_state(S.SUBMITTED, people=people, meeting=meeting)
    proposal_in_state(S.SUBMITTED, people=people, meeting=meeting)
    proposal_in_state(S.REJECTED, people=people, meeting=meeting)
    proposal_in_state(S.DRAFT, people=people, meeting=meeting)
    page = client_for("delegate").get(meeting.get_absolute_url()).content.decode()
    assert "Agenda-item proposals" in page
    assert 'data-state="submitted">Submitted</span> <span class="fw-semibold">2</span>' in page
    assert 'data-state="rejected">Rejected</span> <span class="fw-semibold">1</span>' in page
    assert 'data-state="draft"' not in page
    assert "Propose an agenda item" in page
    secretariat = client_for("secretariat").get(meeting.get_absolute_url()).content.decode()
    assert "Proposal queue (2 waiting)" in secretariat
    assert "Propose an agenda item" not in secretariat


@pytest.mark.parametrize("role", ["anonymous", "outsider", "other_body_secretariat"])
def test_the_public_sees_no_proposal_panel(role, client_for, people, meeting):
    proposal_in_state(S.SUBMITTED, people=people, meeting=meeting)
    page = client_for(role).get(meeting.get_absolute_url()).content.decode()
    assert "Agenda-item proposals" not in page


def test_no_propose_button_once_the_meeting_is_over(client_for, people, body):
    past = MeetingFactory(
        body=body,
        number=20,
        start_date=timezone.localdate() - dt.timedelta(days=60),
        end_date=timezone.localdate() - dt.timedelta(days=59),
    )
    page = client_for("delegate").get(past.get_absolute_url()).content.decode()
    assert "Agenda-item proposals" in page
    assert "Propose an agenda item" not in page


@pytest.mark.parametrize(
    ("role", "links"),
    [
        ("delegate", ["My proposals"]),
        ("secretariat", ["Proposal queue"]),
        ("chair", ["Proposal queue", "Decisions"]),
        ("vice_chair", ["Decisions"]),
        ("superuser", ["Proposal queue"]),
        ("outsider", []),
        ("anonymous", []),
    ],
)
def test_navigation_links_follow_the_roles(role, links, client_for, people):
    page = client_for(role).get("/").content.decode()
    for label in ("My proposals", "Proposal queue", "Decisions"):
        shown = 'class="nav-link" href="/proposals/' in page and f">{label}</a>" in page
        assert shown == (label in links), label


# ------------------------------------------------------------------------------ query counts


def _many(n: int, people, meeting, state):
    for i in range(n):
        proposal_in_state(state, people=people, meeting=meeting, title=f"Proposal {i}")


@pytest.mark.parametrize("rows", [1, 20])
def test_my_proposals_query_count_is_flat(
    rows, client_for, people, meeting, django_assert_max_num_queries
):
    _many(rows, people, meeting, S.UNDER_CONSIDERATION)
    c = client_for("delegate")
    with django_assert_max_num_queries(12):
        page = c.get(reverse("agendas:my_proposals")).content.decode()
    assert page.count('data-testid="proposal-row"') == rows


@pytest.mark.parametrize("rows", [1, 20])
def test_queue_query_count_is_flat(
    rows, client_for, people, meeting, django_assert_max_num_queries
):
    _many(rows, people, meeting, S.SUBMITTED)
    c = client_for("secretariat")
    with django_assert_max_num_queries(10):
        page = c.get(reverse("agendas:proposal_queue")).content.decode()
    assert page.count('data-testid="queue-row"') == rows


@pytest.mark.parametrize("rows", [1, 20])
def test_decisions_query_count_is_flat(
    rows, client_for, people, meeting, django_assert_max_num_queries
):
    MeetingFactory(body=meeting.body, number=22, start_date=meeting.start_date + dt.timedelta(90))
    _many(rows, people, meeting, S.UNDER_CONSIDERATION)
    c = client_for("chair")
    with django_assert_max_num_queries(11):
        page = c.get(reverse("agendas:proposal_decisions")).content.decode()
    shown = min(rows, 10)  # ten decision forms a page
    assert page.count('data-testid="decision-card"') == shown
    assert page.count("22nd meeting of CWG-Internet") == shown


@pytest.mark.parametrize("rows", [1, 20])
def test_proposal_page_query_count_is_flat(
    rows, client_for, people, meeting, django_assert_max_num_queries
):
    """1 or 20 events in the history, 1 or 20 co-sponsors, 1 or 20 citations."""
    agenda_get_or_create(meeting=meeting, user=people["secretariat"])
    sponsors = [MemberStateFactory() for _ in range(rows)]
    references = ", ".join(f"Document CWG-Internet-21/{n}" for n in range(1, rows + 1))
    proposal = proposal_in_state(
        S.SUBMITTED, people=people, meeting=meeting, co_sponsors=sponsors, references=references
    )
    for i in range(rows - 1):
        ProposalEvent.objects.create(
            proposal=proposal,
            from_state=S.SUBMITTED,
            to_state=S.SUBMITTED,
            actor=people["delegate"],
            note=f"Edit {i}",
        )
    c = client_for("chair")
    with django_assert_max_num_queries(12):
        page = c.get(proposal.get_absolute_url()).content.decode()
    assert page.count('class="history-row"') == rows + 1  # + "Drafted by"
    assert page.count("CWG-Internet-21/") >= rows


def test_long_queue_is_paged(client_for, people, meeting):
    """Thirty submitted proposals: 25 on the first page, the last 5 on the second."""
    _many(30, people, meeting, S.SUBMITTED)
    c = client_for("secretariat")
    first = c.get(reverse("agendas:proposal_queue")).content.decode()
    assert first.count('data-testid="queue-row"') == 25
    assert "Page 1 of 2" in first
    # The range is isolated (<bdi>) so it reads 1–25 in a right-to-left page too.
    assert "<bdi>1–25</bdi> of 30" in first
    second = c.get(reverse("agendas:proposal_queue") + "?page=2").content.decode()
    assert second.count('data-testid="queue-row"') == 5
    # A page past the end shows the last page instead of an error.
    beyond = c.get(reverse("agendas:proposal_queue") + "?page=99").content.decode()
    assert "Page 2 of 2" in beyond


def test_long_decision_list_is_paged(client_for, people, meeting):
    _many(12, people, meeting, S.UNDER_CONSIDERATION)
    c = client_for("chair")
    first = c.get(reverse("agendas:proposal_decisions")).content.decode()
    assert first.count('data-testid="decision-card"') == 10
    second = c.get(reverse("agendas:proposal_decisions") + "?page=2").content.decode()
    assert second.count('data-testid="decision-card"') == 2
