"""The editor's htmx endpoints: each change is saved at once and answers the re-rendered tree
with the numbers updated; every changing view refuses the roles DESIGN.md does not allow."""

import re

import pytest
from django.urls import reverse

from agendas import services
from agendas.enums import AgendaState
from agendas.models import Agenda, AgendaItem, AgendaRevision
from documents.enums import Access
from tests.conftest import ROLE_NAMES
from tests.factories.agendas import SYSTEM, document_for, items, numbered
from tests.factories.meetings import BodyFactory, MeetingFactory, SessionFactory, registrar

HTMX = {"HTTP_HX_REQUEST": "true"}


def url(name: str, meeting, **kwargs) -> str:
    return reverse(
        f"agendas:{name}", kwargs={"body": meeting.body.slug, "number": meeting.number, **kwargs}
    )


def shown_numbers(html: str) -> list[tuple[str, str]]:
    """(number, title) pairs as the tree fragment shows them."""
    numbers = re.findall(r"<span class=item-num>([^<]*)<", html)
    titles = re.findall(r"<div class=item-title><span>([^<]+)<", html)
    return list(zip(numbers, [t.strip() for t in titles], strict=True))


@pytest.fixture
def secretariat(client_for):
    return client_for("secretariat")


# ------------------------------------------------------------------------------ htmx answers


def test_editor_page_shows_the_numbered_tree(secretariat, agenda, meeting):
    a, _b = items(agenda, "Reports", "Closing")
    items(agenda, "Report of the Secretary-General", parent=a)
    page = secretariat.get(url("agenda_editor", meeting)).content.decode()
    assert shown_numbers(page) == [
        ("1", "Reports"),
        ("1.1", "Report of the Secretary-General"),
        ("2", "Closing"),
    ]
    # Their buttons come from the page's template (tests/agendas/test_editor_markup.py).
    assert '<template id="agenda-item-tools">' in page
    assert "Sortable.min.js" in page


def test_adding_an_item_answers_the_tree_with_its_number(secretariat, agenda, meeting):
    services.agenda_fixed_items_add(agenda=agenda, actor=SYSTEM)
    response = secretariat.post(
        url("agenda_item_add", meeting), {"title": "WSIS+20 report", "parent": ""}, **HTMX
    )
    html = response.content.decode()
    assert shown_numbers(html)[2:] == [
        ("3", "WSIS+20 report"),
        ("4", "Any other business"),
        ("5", "Closing of the meeting"),
    ]
    assert "Item 3 “WSIS+20 report” was added." in html
    assert '<template id="agenda-status-next">' in html
    assert "<html" not in html


def test_adding_a_sub_item_with_a_session(secretariat, agenda, meeting):
    (reports,) = items(agenda, "Reports")
    session = SessionFactory(meeting=meeting, title="Afternoon session")
    secretariat.post(
        url("agenda_item_add", meeting),
        {"title": "Report of the chair", "parent": reports.pk, "session": session.pk},
        **HTMX,
    )
    item = AgendaItem.objects.get(title="Report of the chair")
    assert (item.parent, item.session) == (reports, session)
    assert numbered(agenda) == [("1", "Reports"), ("1.1", "Report of the chair")]


def test_an_empty_title_keeps_the_form_with_its_error(secretariat, agenda, meeting):
    response = secretariat.post(url("agenda_item_add", meeting), {"title": "  "}, **HTMX)
    html = response.content.decode()
    assert "The item was not added: see the form." in html
    assert "This field is required." in html
    assert numbered(agenda) == []


def test_the_usual_items_button(secretariat, agenda, meeting):
    html = secretariat.post(url("agenda_fixed_items_add", meeting), **HTMX).content.decode()
    assert [t for _, t in shown_numbers(html)] == [
        "Opening of the meeting",
        "Adoption of the agenda",
        "Any other business",
        "Closing of the meeting",
    ]
    assert "Add the usual items" not in html


@pytest.mark.parametrize(
    ("direction", "moved", "expected", "message"),
    [
        ("up", "C", ["A", "C", "B"], "Item 3 is now item 2."),
        ("down", "A", ["B", "A", "C"], "Item 1 is now item 2."),
        ("indent", "B", ["A", "B", "C"], "Item 2 is now item 1.1."),
    ],
)
def test_keyboard_moves_answer_the_renumbered_tree(
    secretariat, agenda, meeting, direction, moved, expected, message
):
    made = dict(zip("ABC", items(agenda, "A", "B", "C"), strict=True))
    html = secretariat.post(
        url("agenda_item_move", meeting, item=made[moved].pk), {"direction": direction}, **HTMX
    ).content.decode()
    assert [t for _, t in shown_numbers(html)] == expected
    assert message in html
    assert f'data-focus="move-{direction}-{made[moved].pk}"' in html


def test_outdent_button(secretariat, agenda, meeting):
    a, _b = items(agenda, "A", "B")
    (a1,) = items(agenda, "A1", parent=a)
    html = secretariat.post(
        url("agenda_item_move", meeting, item=a1.pk), {"direction": "outdent"}, **HTMX
    ).content.decode()
    assert shown_numbers(html) == [("1", "A"), ("2", "A1"), ("3", "B")]


def test_drag_and_drop_posts_parent_and_index(secretariat, agenda, meeting):
    a, _b, c = items(agenda, "A", "B", "C")
    html = secretariat.post(
        url("agenda_item_move", meeting, item=c.pk), {"parent": a.pk, "index": 1}, **HTMX
    ).content.decode()
    assert shown_numbers(html) == [("1", "A"), ("1.1", "C"), ("2", "B")]
    assert f'data-focus="handle-{c.pk}"' in html


def test_moving_an_item_deleted_meanwhile_is_refused_with_the_fresh_tree(
    secretariat, agenda, meeting
):
    a, _b = items(agenda, "A", "B")
    services.agenda_item_delete(agenda=agenda, actor=SYSTEM, item_id=a.pk)  # by the other editor
    html = secretariat.post(
        url("agenda_item_move", meeting, item=a.pk), {"direction": "down"}, **HTMX
    ).content.decode()
    assert "This item was deleted by someone else meanwhile" in html
    assert 'role="alert"' in html
    assert shown_numbers(html) == [("1", "B")]


def test_editing_in_place(secretariat, agenda, meeting):
    (item,) = items(agenda, "Reprot")
    form = secretariat.get(url("agenda_item_edit", meeting, item=item.pk), **HTMX)
    assert 'value="Reprot"' in form.content.decode()
    html = secretariat.post(
        url("agenda_item_edit", meeting, item=item.pk),
        {"title": "Report", "description": "For information."},
        **HTMX,
    ).content.decode()
    assert shown_numbers(html) == [("1", "Report")]
    assert "For information." in html
    assert "Item 1 was saved." in html


def test_an_invalid_edit_answers_the_form_in_place(secretariat, agenda, meeting):
    (item,) = items(agenda, "Report")
    response = secretariat.post(
        url("agenda_item_edit", meeting, item=item.pk), {"title": ""}, **HTMX
    )
    assert response["HX-Retarget"] == f"#row-{item.pk}"
    assert "This field is required." in response.content.decode()
    item.refresh_from_db()
    assert item.title == "Report"


def test_deleting(secretariat, agenda, meeting):
    a, _b = items(agenda, "A", "B")
    html = secretariat.post(url("agenda_item_delete", meeting, item=a.pk), **HTMX).content.decode()
    assert shown_numbers(html) == [("1", "B")]
    assert "Item 1 “A” was deleted." in html


def test_without_javascript_a_change_comes_back_to_the_editor(secretariat, agenda, meeting):
    response = secretariat.post(url("agenda_item_add", meeting), {"title": "Report"}, follow=True)
    assert response.redirect_chain[-1][0] == url("agenda_editor", meeting)
    assert "Item 1 “Report” was added." in response.content.decode()


# ------------------------------------------------------------------------------ documents


def test_search_finds_visible_documents_by_symbol_or_title(secretariat, agenda, meeting, body):
    (item,) = items(agenda, "Reports")
    document_for(meeting, "ITU activities on Internet-related public policy issues")
    document_for(meeting, "Restricted note of the group", access=Access.RESTRICTED)
    other_body = BodyFactory(acronym="CWG-Other", slug="cwg-other", symbol_prefix="CWG-Other")
    document_for(
        MeetingFactory(body=other_body, number=3), "Restricted elsewhere", access=Access.RESTRICTED
    )
    search = url("agenda_document_search", meeting)
    html = secretariat.get(search, {"q": "activities", "item": item.pk}).content.decode()
    assert "CWG-Internet-21/2" in html
    assert "ITU activities on Internet-related public policy issues" in html
    html = secretariat.get(search, {"q": "restricted", "item": item.pk}).content.decode()
    assert "Restricted note of the group" in html
    assert "Restricted elsewhere" not in html
    html = secretariat.get(search, {"q": "21/2", "item": item.pk}).content.decode()
    assert "ITU activities" in html
    assert "at least two characters" in secretariat.get(search, {"q": "I"}).content.decode()
    assert "No document you may see matches" in (
        secretariat.get(search, {"q": "zzz", "item": item.pk}).content.decode()
    )


def test_search_leaves_out_documents_already_allocated(secretariat, agenda, meeting):
    doc = document_for(meeting, "Report of the Secretary-General")
    item = services.agenda_item_add(agenda=agenda, actor=SYSTEM, title="Reports", documents=[doc])
    html = secretariat.get(
        url("agenda_document_search", meeting), {"q": "Secretary", "item": item.pk}
    ).content.decode()
    assert "No document you may see matches" in html


def test_allocating_and_removing_a_document(secretariat, agenda, meeting):
    (item,) = items(agenda, "Reports")
    doc = document_for(meeting, "Report of the Secretary-General")
    html = secretariat.post(
        url("agenda_allocation_add", meeting, item=item.pk), {"document": doc.pk}, **HTMX
    ).content.decode()
    assert "CWG-Internet-21/2 was allocated to item 1." in html
    # What agenda-editor.js makes the link and the Remove button of (the browser tests).
    assert f"<li data-doc={doc.pk}><a>CWG-Internet-21/2</a> Report of the Secretary-General" in (
        html
    )
    html = secretariat.post(
        url("agenda_allocation_remove", meeting, item=item.pk, document=doc.pk), **HTMX
    ).content.decode()
    assert "CWG-Internet-21/2 was removed from item 1." in html
    assert not item.allocations.exists()


def test_a_document_the_user_may_not_see_cannot_be_allocated(client_for, agenda, meeting):
    other_body = BodyFactory(acronym="CWG-Other", slug="cwg-other", symbol_prefix="CWG-Other")
    hidden = document_for(
        MeetingFactory(body=other_body, number=3), "Restricted elsewhere", access=Access.RESTRICTED
    )
    (item,) = items(agenda, "Reports")
    html = (
        client_for("secretariat")
        .post(url("agenda_allocation_add", meeting, item=item.pk), {"document": hidden.pk}, **HTMX)
        .content.decode()
    )
    assert "That document was not found." in html
    assert not item.allocations.exists()


# ------------------------------------------------------------------------------ issue, adopt


def test_issue_button_issues_and_shows_the_revision(secretariat, agenda, meeting):
    items(agenda, "Opening of the meeting")
    response = secretariat.post(url("agenda_issue", meeting), {"note": ""}, follow=True)
    page = response.content.decode()
    assert "First issue was issued as CWG-Internet-21/1; its PDF is being made." in page
    assert "Opening of the meeting" in page
    response = secretariat.post(url("agenda_issue", meeting), {"back": "editor"}, follow=True)
    assert "Nothing has changed since the first issue." in response.content.decode()
    assert response.redirect_chain[-1][0] == url("agenda_editor", meeting)


def test_adopt_button(client_for, agenda, meeting, people):
    items(agenda, "Opening of the meeting")
    services.agenda_issue_revision(agenda=agenda, user=people["secretariat"])
    response = client_for("chair").post(url("agenda_adopt", meeting), follow=True)
    assert "The agenda of the 21st meeting of CWG-Internet is adopted." in (
        response.content.decode()
    )
    response = client_for("vice_chair").post(url("agenda_adopt", meeting), follow=True)
    assert "The agenda was already adopted on" in response.content.decode()


# ------------------------------------------------------------------------------ permissions

EDITORS = {"secretariat", "superuser"}
PRESIDING = {"chair", "vice_chair", "superuser"}


def _setup(agenda, meeting, people):
    a, b = items(agenda, "A", "B")
    doc = document_for(meeting, "Report")
    services.agenda_allocation_add(agenda=agenda, actor=SYSTEM, item_id=a.pk, document=doc)
    return {"a": a, "b": b, "doc": doc}


CHANGES = {
    # name: (url name, url kwargs, POST data, who may, what changed)
    "add": (
        "agenda_item_add",
        lambda o: {},
        lambda o: {"title": "New"},
        EDITORS,
        lambda agenda, o: AgendaItem.objects.filter(title="New").exists(),
    ),
    "edit": (
        "agenda_item_edit",
        lambda o: {"item": o["a"].pk},
        lambda o: {"title": "A edited"},
        EDITORS,
        lambda agenda, o: AgendaItem.objects.filter(title="A edited").exists(),
    ),
    "delete": (
        "agenda_item_delete",
        lambda o: {"item": o["b"].pk},
        lambda o: {},
        EDITORS,
        lambda agenda, o: not AgendaItem.objects.filter(pk=o["b"].pk).exists(),
    ),
    "move": (
        "agenda_item_move",
        lambda o: {"item": o["b"].pk},
        lambda o: {"direction": "up"},
        EDITORS,
        lambda agenda, o: numbered(agenda) == [("1", "B"), ("2", "A")],
    ),
    "fixed": (
        "agenda_fixed_items_add",
        lambda o: {},
        lambda o: {},
        EDITORS,
        lambda agenda, o: AgendaItem.objects.filter(fixed="opening").exists(),
    ),
    "allocate": (
        "agenda_allocation_add",
        lambda o: {"item": o["b"].pk},
        lambda o: {"document": o["doc"].pk},
        EDITORS,
        lambda agenda, o: o["b"].allocations.exists(),
    ),
    "unallocate": (
        "agenda_allocation_remove",
        lambda o: {"item": o["a"].pk, "document": o["doc"].pk},
        lambda o: {},
        EDITORS,
        lambda agenda, o: not o["a"].allocations.exists(),
    ),
    "issue": (
        "agenda_issue",
        lambda o: {},
        lambda o: {},
        EDITORS,
        lambda agenda, o: AgendaRevision.objects.filter(agenda=agenda).exists(),
    ),
}


@pytest.mark.parametrize("role", ROLE_NAMES)
@pytest.mark.parametrize("change", sorted(CHANGES))
def test_who_may_change_the_agenda(client_for, agenda, meeting, people, role, change):
    name, kwargs, data, allowed, changed = CHANGES[change]
    objects = _setup(agenda, meeting, people)
    response = client_for(role).post(url(name, meeting, **kwargs(objects)), data(objects), **HTMX)
    if role in allowed:
        assert response.status_code in (200, 302)
        assert changed(agenda, objects)
    else:
        assert response.status_code == (302 if role == "anonymous" else 403)
        if role == "anonymous":
            assert response["Location"].startswith("/accounts/login/")
        assert not changed(agenda, objects)


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_who_may_adopt_the_agenda(client_for, agenda, meeting, people, role):
    items(agenda, "Opening of the meeting")
    services.agenda_issue_revision(agenda=agenda, user=people["secretariat"])
    response = client_for(role).post(url("agenda_adopt", meeting))
    agenda.refresh_from_db()
    if role in PRESIDING:
        assert response.status_code == 302
        assert agenda.state == AgendaState.ADOPTED
    else:
        assert response.status_code == (302 if role == "anonymous" else 403)
        assert agenda.state == AgendaState.DRAFT


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_who_may_create_the_agenda(client_for, meeting, people, role):
    response = client_for(role).post(url("agenda_create", meeting))
    exists = Agenda.objects.filter(meeting=meeting).exists()
    assert exists is (role in EDITORS)
    if role in EDITORS:
        assert response["Location"] == url("agenda_editor", meeting)


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_who_may_open_the_editor_and_search(client_for, agenda, meeting, people, role):
    items(agenda, "A")
    editor = client_for(role).get(url("agenda_editor", meeting))
    search = client_for(role).get(url("agenda_document_search", meeting), {"q": "Draft"})
    if role in EDITORS:
        assert editor.status_code == 200
        assert "CWG-Internet-21/1" in search.content.decode()
    else:
        assert editor.status_code == search.status_code == (302 if role == "anonymous" else 403)


def test_the_editor_shows_changes_made_elsewhere(secretariat, agenda, meeting):
    """The editor's rendering is cached; a document or session edited in its own pages shows
    at once all the same."""
    from documents.services import document_update
    from meetings.services import session_update

    session = SessionFactory(meeting=meeting, title="Morning session")
    doc = document_for(meeting, "Report of the Secretary-General")
    services.agenda_item_add(
        agenda=agenda, actor=SYSTEM, title="Reports", documents=[doc], session=session
    )
    editor = url("agenda_editor", meeting)
    assert "Report of the Secretary-General" in secretariat.get(editor).content.decode()
    document_update(
        actor=registrar(), document=doc, title="Revised report of the Secretary-General"
    )
    session_update(actor=registrar(), session=session, title="Afternoon session")
    page = secretariat.get(editor).content.decode()
    assert "Revised report of the Secretary-General" in page
    assert "Session: Afternoon session" in page
