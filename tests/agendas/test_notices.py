"""What the editor warns about (issue 14, 10) and honest revisions (issue 10, 6)."""

import datetime as dt

from django.urls import reverse

from agendas import services
from agendas.enums import ProposalState as S
from agendas.services import agenda_fixed_items_add
from tests.factories.agendas import SYSTEM, items
from tests.factories.meetings import SessionFactory
from tests.factories.proposals import proposal_in_state


def _editor(client, meeting):
    url = reverse("agendas:agenda_editor", kwargs={"body": meeting.body.slug, "number": 21})
    return client.get(url).content.decode()


def test_the_editor_shows_pending_proposals_items_after_aob_and_session_order(
    agenda, meeting, people, client_for
):
    agenda_fixed_items_add(agenda=agenda, actor=SYSTEM)
    morning = SessionFactory(meeting=meeting, start_time=dt.time(9, 30), end_time=dt.time(12))
    afternoon = SessionFactory(meeting=meeting, start_time=dt.time(14), end_time=dt.time(17))
    services.agenda_item_add(agenda=agenda, actor=SYSTEM, title="Budget", session=afternoon)
    services.agenda_item_add(agenda=agenda, actor=SYSTEM, title="Elections", session=morning)
    aob = agenda.items.get(fixed="aob")
    closing = agenda.items.get(fixed="closing")
    late = services.agenda_item_add(agenda=agenda, actor=SYSTEM, title="Stray item")
    services.agenda_item_move(agenda=agenda, actor=SYSTEM, item_id=late.pk, parent_id=None, index=6)
    assert list(agenda.items.filter(parent=None).order_by("position").values_list("pk", flat=True))[
        -3:
    ] == [aob.pk, late.pk, closing.pk]
    proposal_in_state(S.SUBMITTED, people=people, meeting=meeting)

    page = _editor(client_for("secretariat"), meeting)

    assert "1 proposal for this meeting awaits a decision" in page
    assert "Item 6 “Stray item” comes after “Any other business”." in page
    assert "Item 4 “Elections” is taken in" in page
    assert "before the session of an item above it" in page


def test_issue_and_adopt_say_how_many_changes_are_not_issued(agenda, people, client_for):
    items(agenda, "Opening", "Reports")
    services.agenda_issue_revision(agenda=agenda, user=people["secretariat"])
    items(agenda, "Budget", "Elections")
    services.agenda_issue_revision(agenda=agenda, user=people["secretariat"])  # Rev.1
    items(agenda, "Closing")

    editor = _editor(client_for("secretariat"), agenda.meeting)
    assert "1 change since Rev.1 is not issued yet." in editor
    page = client_for("chair").get(agenda.get_absolute_url()).content.decode()
    assert "1 change since Rev.1 is not issued yet." in page


def test_rev_1_cites_itself_under_adoption_of_the_agenda_and_groups_sessions(
    agenda, meeting, people
):
    morning = SessionFactory(meeting=meeting, start_time=dt.time(9, 30), end_time=dt.time(12))
    agenda_fixed_items_add(agenda=agenda, actor=SYSTEM)
    services.agenda_issue_revision(agenda=agenda, user=people["secretariat"])
    services.agenda_item_add(agenda=agenda, actor=SYSTEM, title="Budget", session=morning)
    services.agenda_item_add(agenda=agenda, actor=SYSTEM, title="Audit", session=morning)
    rev1 = services.agenda_issue_revision(agenda=agenda, user=people["secretariat"])
    text = rev1.document.text
    assert rev1.document.symbol == "CWG-Internet-21/1(Rev.1)"
    assert "<td>2</td>" in text
    adoption_row = text.split("Adoption of the agenda")[1].split("</tr>")[0]
    assert "CWG-Internet-21/1(Rev.1)" in adoption_row
    # The session is a heading once, not repeated on each of its items.
    assert text.count(str(morning)) == 1


def test_the_revision_page_cites_the_revision_under_adoption_of_the_agenda(agenda, people, client):
    agenda_fixed_items_add(agenda=agenda, actor=SYSTEM)
    services.agenda_issue_revision(agenda=agenda, user=people["secretariat"])
    items(agenda, "Budget")
    rev1 = services.agenda_issue_revision(agenda=agenda, user=people["secretariat"])
    page = client.get(rev1.get_absolute_url()).content.decode()
    adoption = page.split("Adoption of the agenda", 1)[1].split("agenda-row", 1)[0]
    assert "CWG-Internet-21/1(Rev.1)" in adoption
