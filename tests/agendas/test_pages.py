"""The agenda as people read it: the public page (latest issued revision, from the cache), the
meeting page's panel, revision pages, and flat query counts as the agenda grows."""

import gzip

import pytest
from django.urls import reverse

from agendas import services
from agendas.models import AgendaRevision
from documents.enums import Access
from tests.factories.agendas import SYSTEM, agenda_for, document_for, items
from tests.factories.meetings import SessionFactory

AGENDA = "/b/cwg-internet/21/agenda/"


def test_without_an_agenda_the_page_says_none_was_issued(client, client_for, meeting):
    assert "No agenda has been issued yet." in client.get(AGENDA).content.decode()
    page = client_for("secretariat").get(AGENDA).content.decode()
    assert "Create the draft agenda" in page


def test_a_draft_never_issued_is_not_shown_to_the_public(client, client_for, agenda):
    items(agenda, "Secret draft item")
    public = client.get(AGENDA).content.decode()
    assert "No agenda has been issued yet." in public
    assert "Secret draft item" not in public
    delegate = client_for("delegate").get(AGENDA).content.decode()
    assert "Live draft" in delegate
    assert "Secret draft item" in delegate
    assert "Open the editor" not in delegate
    secretariat = client_for("secretariat").get(AGENDA).content.decode()
    assert "Open the editor" in secretariat
    assert "Issue the agenda" in secretariat


@pytest.fixture
def issued(agenda, meeting, people):
    services.agenda_fixed_items_add(agenda=agenda, actor=SYSTEM)
    public_doc = document_for(meeting, "ITU activities on Internet-related public policy issues")
    secret = document_for(meeting, "Note for members", access=Access.RESTRICTED)
    services.agenda_item_add(
        agenda=agenda,
        actor=SYSTEM,
        title="Report on the activities of CWG-Internet",
        documents=[public_doc, secret],
    )
    return services.agenda_issue_revision(agenda=agenda, user=people["secretariat"])


def test_the_public_reads_the_latest_issued_revision(client, issued):
    page = client.get(AGENDA).content.decode()
    assert "First issue" in page
    assert "Report on the activities of CWG-Internet" in page
    assert "ITU activities on Internet-related public policy issues" in page
    assert 'href="/documents/d/CWG-Internet-21/2"' in page
    assert "Live draft" not in page


def test_restricted_documents_show_their_title_to_members_only(client, client_for, issued):
    public = client.get(AGENDA).content.decode()
    assert "CWG-Internet-21/3" in public
    assert "Restricted to members" in public
    assert "Note for members" not in public
    assert "Note for members" in client_for("delegate").get(AGENDA).content.decode()


def test_the_issued_agenda_is_served_from_the_cache(client, issued, django_assert_num_queries):
    client.get(AGENDA)
    # Issued revisions never change; the cached rendering is what readers get.
    AgendaRevision.objects.filter(pk=issued.pk).update(content={"items": []})
    assert "Report on the activities of CWG-Internet" in client.get(AGENDA).content.decode()


def test_staff_see_the_live_draft_beside_the_issued_agenda(client_for, issued, agenda):
    services.agenda_item_add(agenda=agenda, actor=SYSTEM, title="WSIS+20 report")
    page = client_for("secretariat").get(AGENDA).content.decode()
    assert page.index("First issue") < page.index("Live draft") < page.index("WSIS+20 report")
    assert "Issue Rev.1" in page


def test_every_revision_stays_readable(client, issued, agenda, people):
    services.agenda_item_add(agenda=agenda, actor=SYSTEM, title="WSIS+20 report")
    services.agenda_issue_revision(agenda=agenda, user=people["secretariat"])
    first = client.get(f"{AGENDA}rev/0/").content.decode()
    rev1 = client.get(f"{AGENDA}rev/1/").content.decode()
    assert "WSIS+20 report" not in first.split("All revisions")[0]
    assert "WSIS+20 report" in rev1
    assert "CWG-Internet-21/1(Rev.1)" in rev1
    assert "What changed since First issue" in rev1
    listing = client.get(AGENDA).content.decode()
    assert "Rev.1" in listing
    assert "Compare revisions" in listing
    assert client.get(f"{AGENDA}rev/7/").status_code == 404


def test_the_revision_page_links_to_the_document_and_shows_the_pdf_state(client, issued):
    page = client.get(f"{AGENDA}rev/0/").content.decode()
    assert 'href="/documents/d/CWG-Internet-21/1"' in page
    assert "Queued" in page


def test_revised_after_adoption_shows_on_the_pages(client, issued, agenda, people):
    services.agenda_adopt(agenda=agenda, user=people["chair"])
    services.agenda_item_add(agenda=agenda, actor=SYSTEM, title="Urgent matter")
    services.agenda_issue_revision(agenda=agenda, user=people["secretariat"])
    page = client.get(AGENDA).content.decode()
    assert "Revised after adoption" in page
    assert "Adopted" in page
    assert "Revised after adoption" in client.get(f"{AGENDA}rev/1/").content.decode()


def test_the_meeting_page_shows_the_agenda_panel(client, client_for, meeting, agenda, people):
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "No agenda has been issued yet." in page
    items(agenda, "Opening of the meeting")
    services.agenda_issue_revision(agenda=agenda, user=people["secretariat"])
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Opening of the meeting" in page
    assert "See the live draft" not in page
    assert (
        "See the live draft"
        in client_for("delegate").get(meeting.get_absolute_url()).content.decode()
    )
    staff = client_for("secretariat").get(meeting.get_absolute_url()).content.decode()
    assert "Edit the draft agenda" in staff


def test_the_meeting_panel_offers_to_create_the_agenda(client_for, meeting):
    page = client_for("secretariat").get(meeting.get_absolute_url()).content.decode()
    assert "Create the draft agenda" in page


# ------------------------------------------------------------------------------ query counts


def build(meeting, people, size: int):
    """An agenda of ``size`` items, each with two documents, a session and a sub-item,
    issued twice (so the diff has something to compare)."""
    agenda = agenda_for(meeting)
    session = SessionFactory(meeting=meeting)
    docs = [document_for(meeting, f"Document {n}") for n in range(2)]
    parents = []
    for n in range(size):
        parent = services.agenda_item_add(
            agenda=agenda, actor=SYSTEM, title=f"Item {n}", documents=docs, session=session
        )
        services.agenda_item_add(agenda=agenda, actor=SYSTEM, title=f"Sub-item {n}", parent=parent)
        parents.append(parent)
    services.agenda_issue_revision(agenda=agenda, user=people["secretariat"])
    # Every item changes, so the diff grows with the agenda too.
    for n, parent in enumerate(parents):
        services.agenda_item_update(
            agenda=agenda, actor=SYSTEM, item_id=parent.pk, title=f"Item {n} (revised)"
        )
    services.agenda_item_add(agenda=agenda, actor=SYSTEM, title="Late addition", is_late=True)
    services.agenda_issue_revision(agenda=agenda, user=people["secretariat"])
    return agenda


PAGES = [
    # (who, address, max queries). Logged-in pages pay for the session, the user and roles.
    ("anonymous", AGENDA, 5),
    # Members also read the history (one query, however long).
    ("delegate", AGENDA, 11),
    ("secretariat", AGENDA, 11),
    # The editor also reads the tree, the pending proposals and the last issue for its notices.
    ("secretariat", f"{AGENDA}edit/", 15),
    ("anonymous", f"{AGENDA}rev/1/", 5),
    ("anonymous", f"{AGENDA}diff/?from=0&to=1", 4),
    # The meeting page also carries the other apps' panels.
    ("anonymous", "/b/cwg-internet/21/", 8),
    ("secretariat", "/b/cwg-internet/21/", 14),
]


@pytest.mark.parametrize("size", [1, 20])
@pytest.mark.parametrize(("who", "address", "limit"), PAGES)
def test_query_counts_do_not_grow_with_the_agenda(
    client_for, meeting, people, django_assert_max_num_queries, size, who, address, limit
):
    build(meeting, people, size)
    client = client_for(who)
    with django_assert_max_num_queries(limit):
        response = client.get(address)
    assert response.status_code == 200
    assert f"Item {size - 1} (revised)" in response.content.decode()


def test_the_editor_url_names(meeting):
    assert reverse("agendas:agenda", kwargs={"body": "cwg-internet", "number": 21}) == AGENDA


def test_visitors_get_the_whole_page_from_the_cache_until_the_next_issue(
    client, issued, agenda, people, django_assert_num_queries
):
    first = client.get(AGENDA)
    assert "Report on the activities of CWG-Internet" in first.content.decode()
    assert "Cookie" in first["Vary"]
    with django_assert_num_queries(0):
        again = client.get(AGENDA).content.decode()
    assert "Report on the activities of CWG-Internet" in again
    # The same page for every visitor: nobody's CSRF token is in it.
    assert '"X-CSRFToken": ""' in again
    assert "csrftoken" not in client.cookies
    zipped = client.get(AGENDA, headers={"Accept-Encoding": "gzip, deflate, br"})
    assert zipped["Content-Encoding"] == "gzip"
    assert "Report on the activities of CWG-Internet" in gzip.decompress(zipped.content).decode()
    assert "Accept-Encoding" in zipped["Vary"]
    services.agenda_item_add(agenda=agenda, actor=SYSTEM, title="WSIS+20 report")
    assert "WSIS+20 report" not in client.get(AGENDA).content.decode()  # not issued yet
    services.agenda_issue_revision(agenda=agenda, user=people["secretariat"])
    page = client.get(AGENDA).content.decode()
    assert "WSIS+20 report" in page
    assert "Rev.1" in page


def test_a_visitors_browser_reuses_the_page_until_the_next_issue(client, issued, agenda, people):
    first = client.get(AGENDA)
    etag = first["ETag"]
    again = client.get(AGENDA, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""  # the browser shows the copy it has
    services.agenda_item_add(agenda=agenda, actor=SYSTEM, title="WSIS+20 report")
    services.agenda_issue_revision(agenda=agenda, user=people["secretariat"])
    fresh = client.get(AGENDA, headers={"If-None-Match": etag})
    assert "WSIS+20 report" in fresh.content.decode()
    assert fresh["ETag"] != etag


def test_members_get_no_etag_so_their_draft_is_always_fresh(client_for, issued):
    assert not client_for("delegate").get(AGENDA).has_header("ETag")


def test_logged_in_members_never_get_the_visitors_page(client, client_for, issued):
    client.get(AGENDA)
    assert "Live draft" in client_for("delegate").get(AGENDA).content.decode()


def test_members_are_told_when_the_draft_is_what_was_issued(client_for, issued, agenda):
    page = client_for("secretariat").get(AGENDA).content.decode()
    assert "No change since First issue: the draft is the agenda above." in page
    assert "Issue Rev.1" not in page
    services.agenda_item_add(agenda=agenda, actor=SYSTEM, title="WSIS+20 report")
    page = client_for("secretariat").get(AGENDA).content.decode()
    assert "No change since" not in page
    assert "Issue Rev.1" in page
