"""What changed between two revisions, as the diff page reports it."""

import pytest

from agendas import services
from agendas.diff import revision_diff
from tests.factories.agendas import SYSTEM, document_for, items


def frozen(*rows):
    """Frozen items from (id, number, title[, symbols]) rows."""
    out = []
    for row in rows:
        pk, number, title, *rest = row
        out.append(
            {
                "id": pk,
                "number": number,
                "depth": number.count("."),
                "title": title,
                "description": "",
                "session": "",
                "documents": [{"symbol": s, "title": s} for s in (rest[0] if rest else [])],
                "proposal": None,
                "is_late": False,
            }
        )
    return out


def test_an_added_item_renumbers_the_following_ones_without_moving_them():
    old = frozen((1, "1", "Opening"), (2, "2", "Adoption"), (3, "3", "AOB"))
    new = frozen((1, "1", "Opening"), (2, "2", "Adoption"), (9, "3", "WSIS+20"), (3, "4", "AOB"))
    diff = revision_diff(old, new)
    assert [(c.number, c.title) for c in diff.added] == [("3", "WSIS+20")]
    assert diff.moved == []
    assert [(c.old_number, c.number) for c in diff.renumbered] == [("3", "4")]
    assert diff.removed == []
    assert diff.retitled == []


def test_a_removed_item():
    old = frozen((1, "1", "Opening"), (2, "2", "Old item"), (3, "3", "AOB"))
    new = frozen((1, "1", "Opening"), (3, "2", "AOB"))
    diff = revision_diff(old, new)
    assert [(c.number, c.title) for c in diff.removed] == [("2", "Old item")]
    assert [(c.old_number, c.number) for c in diff.renumbered] == [("3", "2")]


def test_a_swap_is_a_move():
    old = frozen((1, "1", "A"), (2, "2", "B"), (3, "3", "C"))
    new = frozen((1, "1", "A"), (3, "2", "C"), (2, "3", "B"))
    diff = revision_diff(old, new)
    moved = [(c.title, c.old_number, c.number) for c in diff.moved]
    renumbered = [(c.title, c.old_number, c.number) for c in diff.renumbered]
    # One of the two changed place relative to the others; the other follows from it.
    assert len(moved) == 1
    assert len(moved) + len(renumbered) == 2
    assert {m[0] for m in moved + renumbered} == {"B", "C"}


def test_becoming_a_sub_item_is_a_move():
    old = frozen((1, "1", "Reports"), (2, "2", "Report of the chair"))
    new = frozen((1, "1", "Reports"), (2, "1.1", "Report of the chair"))
    diff = revision_diff(old, new)
    assert [(c.old_number, c.number) for c in diff.moved] == [("2", "1.1")]


def test_retitled_and_documents_allocated_or_removed():
    old = frozen((1, "1", "Reprot", ["CWG-Internet-21/2"]))
    new = frozen((1, "1", "Report", ["CWG-Internet-21/3"]))
    diff = revision_diff(old, new)
    assert [(c.old_title, c.title) for c in diff.retitled] == [("Reprot", "Report")]
    (change,) = diff.documents
    assert [d["symbol"] for d in change.documents_added] == ["CWG-Internet-21/3"]
    assert [d["symbol"] for d in change.documents_removed] == ["CWG-Internet-21/2"]
    assert diff.change_count == 2


def test_identical_revisions_have_no_change():
    items_ = frozen((1, "1", "A"), (2, "2", "B"))
    assert revision_diff(items_, items_).is_empty


@pytest.fixture
def two_revisions(agenda, meeting, people):
    services.agenda_fixed_items_add(agenda=agenda, actor=SYSTEM)
    report = services.agenda_item_add(agenda=agenda, actor=SYSTEM, title="Reprot on activities")
    first = services.agenda_issue_revision(agenda=agenda, user=people["secretariat"])
    doc = document_for(meeting, "Draft outline WSIS+20 report")
    services.agenda_item_add(agenda=agenda, actor=SYSTEM, title="WSIS+20 report", documents=[doc])
    services.agenda_item_update(
        agenda=agenda, actor=SYSTEM, item_id=report.pk, title="Report on activities"
    )
    opening = agenda.items.get(fixed="opening")
    services.agenda_item_shift(agenda=agenda, actor=SYSTEM, item_id=opening.pk, direction="down")
    rev1 = services.agenda_issue_revision(agenda=agenda, user=people["secretariat"])
    return first, rev1


def test_diff_of_real_revisions(two_revisions):
    first, rev1 = two_revisions
    diff = revision_diff(first.items, rev1.items)
    assert [(c.number, c.title) for c in diff.added] == [("4", "WSIS+20 report")]
    assert [(c.old_title, c.title) for c in diff.retitled] == [
        ("Reprot on activities", "Report on activities")
    ]
    moved = {(c.title, c.old_number, c.number) for c in diff.moved + diff.renumbered}
    assert ("Opening of the meeting", "1", "2") in moved
    assert ("Adoption of the agenda", "2", "1") in moved
    assert ("Any other business", "4", "5") in {
        (c.title, c.old_number, c.number) for c in diff.renumbered
    }


def test_diff_page_shows_the_changes(client, two_revisions, meeting):
    page = client.get("/b/cwg-internet/21/agenda/diff/?from=0&to=1").content.decode()
    assert "From <a" in page
    assert "WSIS+20 report" in page
    assert "<del>Reprot on activities</del>" in page
    assert "<ins>Report on activities</ins>" in page
    assert 'with <span class="symbol">CWG-Internet-21/2</span>' in page
    assert "Opening of the meeting: item 1" in page


def test_diff_page_with_one_revision_says_there_is_nothing_to_compare(client, agenda, people):
    items(agenda, "Opening")
    services.agenda_issue_revision(agenda=agenda, user=people["secretariat"])
    page = client.get("/b/cwg-internet/21/agenda/diff/").content.decode()
    assert "Only one revision has been issued: there is nothing to compare yet." in page
