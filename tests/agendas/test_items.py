"""The agenda services seen through the numbers people read: 1, 2, 2.1 ..."""

import pytest

from agendas import services
from agendas.exceptions import AgendaError, ItemGone
from agendas.models import AgendaItem
from agendas.selectors import agenda_tree
from tests.factories.agendas import SYSTEM, document_for, items, numbered
from tests.factories.meetings import MeetingFactory, SessionFactory

USUAL = [
    ("1", "Opening of the meeting"),
    ("2", "Adoption of the agenda"),
    ("3", "Any other business"),
    ("4", "Closing of the meeting"),
]


def test_the_agenda_is_document_1_of_the_meeting(agenda):
    assert agenda.document.symbol == "CWG-Internet-21/1"
    assert agenda.document.title == "Draft agenda of the 21st meeting of CWG-Internet"


def test_numbers_follow_the_positions_in_the_tree(agenda):
    _first, second, _third = items(agenda, "Opening", "Reports", "Closing")
    items(agenda, "Report of the Secretary-General", "Report of the chair", parent=second)
    assert numbered(agenda) == [
        ("1", "Opening"),
        ("2", "Reports"),
        ("2.1", "Report of the Secretary-General"),
        ("2.2", "Report of the chair"),
        ("3", "Closing"),
    ]


def test_the_usual_items_are_added_in_one_click(agenda):
    added = services.agenda_fixed_items_add(agenda=agenda, actor=SYSTEM)
    assert [item.title for item in added] == [title for _, title in USUAL]
    assert numbered(agenda) == USUAL


def test_the_usual_items_go_around_the_items_already_there(agenda):
    items(agenda, "Report on the activities of CWG-Internet")
    services.agenda_fixed_items_add(agenda=agenda, actor=SYSTEM)
    assert numbered(agenda) == [
        ("1", "Opening of the meeting"),
        ("2", "Adoption of the agenda"),
        ("3", "Report on the activities of CWG-Internet"),
        ("4", "Any other business"),
        ("5", "Closing of the meeting"),
    ]


def test_adding_the_usual_items_twice_adds_nothing(agenda):
    services.agenda_fixed_items_add(agenda=agenda, actor=SYSTEM)
    assert services.agenda_fixed_items_add(agenda=agenda, actor=SYSTEM) == []
    assert numbered(agenda) == USUAL


def test_only_the_missing_usual_items_are_added(agenda):
    services.agenda_fixed_items_add(agenda=agenda, actor=SYSTEM)
    aob = AgendaItem.objects.get(agenda=agenda, title="Any other business")
    services.agenda_item_delete(agenda=agenda, actor=SYSTEM, item_id=aob.pk)
    added = services.agenda_fixed_items_add(agenda=agenda, actor=SYSTEM)
    assert [item.title for item in added] == ["Any other business"]
    assert numbered(agenda) == USUAL


def test_a_new_item_lands_before_any_other_business_and_closing(agenda):
    services.agenda_fixed_items_add(agenda=agenda, actor=SYSTEM)
    services.agenda_item_add(agenda=agenda, actor=SYSTEM, title="Online open consultation")
    services.agenda_item_add(agenda=agenda, actor=SYSTEM, title="WSIS+20 report")
    assert numbered(agenda) == [
        ("1", "Opening of the meeting"),
        ("2", "Adoption of the agenda"),
        ("3", "Online open consultation"),
        ("4", "WSIS+20 report"),
        ("5", "Any other business"),
        ("6", "Closing of the meeting"),
    ]


def test_an_item_can_be_inserted_before_a_given_one(agenda):
    _first, second = items(agenda, "Opening", "Closing")
    services.agenda_item_add(agenda=agenda, actor=SYSTEM, title="Reports", before=second)
    assert numbered(agenda) == [("1", "Opening"), ("2", "Reports"), ("3", "Closing")]


def test_an_item_is_added_with_its_documents_and_session(agenda, meeting):
    session = SessionFactory(meeting=meeting, title="Morning session")
    doc = document_for(meeting, "Report of the Secretary-General")
    item = services.agenda_item_add(
        agenda=agenda, actor=SYSTEM, title="Report", documents=[doc, doc], session=session
    )
    node = agenda_tree(agenda=agenda).by_id[item.pk]
    assert [a.document.symbol for a in node.allocations] == ["CWG-Internet-21/2"]
    assert node.item.session.title == "Morning session"


def test_an_item_needs_a_title(agenda):
    with pytest.raises(AgendaError, match=r"An item needs a title\."):
        services.agenda_item_add(agenda=agenda, actor=SYSTEM, title="   ")
    assert numbered(agenda) == []


def test_a_session_of_another_meeting_is_refused(agenda, body):
    other = SessionFactory(meeting=MeetingFactory(body=body, number=22))
    with pytest.raises(AgendaError, match="another meeting"):
        services.agenda_item_add(agenda=agenda, actor=SYSTEM, title="Report", session=other)


def test_editing_an_item_changes_title_description_and_session(agenda, meeting):
    (item,) = items(agenda, "Reprot")
    session = SessionFactory(meeting=meeting)
    services.agenda_item_update(
        agenda=agenda,
        actor=SYSTEM,
        item_id=item.pk,
        title="Report",
        description="For information.",
        session=session,
    )
    item.refresh_from_db()
    assert (item.title, item.description, item.session) == ("Report", "For information.", session)


def test_deleting_an_item_renumbers_the_following_ones(agenda):
    _first, second, _third = items(agenda, "Opening", "Reports", "Closing")
    items(agenda, "Sub-item", parent=second)
    assert services.agenda_item_delete(agenda=agenda, actor=SYSTEM, item_id=second.pk) == "Reports"
    assert numbered(agenda) == [("1", "Opening"), ("2", "Closing")]
    assert AgendaItem.objects.filter(agenda=agenda).count() == 2


def test_moving_up_and_down_swaps_with_the_neighbour(agenda):
    a, _b, c = items(agenda, "A", "B", "C")
    services.agenda_item_shift(agenda=agenda, actor=SYSTEM, item_id=c.pk, direction="up")
    assert numbered(agenda) == [("1", "A"), ("2", "C"), ("3", "B")]
    services.agenda_item_shift(agenda=agenda, actor=SYSTEM, item_id=a.pk, direction="down")
    assert numbered(agenda) == [("1", "C"), ("2", "A"), ("3", "B")]


def test_moving_past_the_edge_changes_nothing(agenda):
    a, b = items(agenda, "A", "B")
    services.agenda_item_shift(agenda=agenda, actor=SYSTEM, item_id=a.pk, direction="up")
    services.agenda_item_shift(agenda=agenda, actor=SYSTEM, item_id=b.pk, direction="down")
    assert numbered(agenda) == [("1", "A"), ("2", "B")]


def test_indent_makes_an_item_the_last_sub_item_of_the_one_above(agenda):
    a, b, _c = items(agenda, "Reports", "Report of the chair", "Closing")
    items(agenda, "Report of the Secretary-General", parent=a)
    services.agenda_item_shift(agenda=agenda, actor=SYSTEM, item_id=b.pk, direction="indent")
    assert numbered(agenda) == [
        ("1", "Reports"),
        ("1.1", "Report of the Secretary-General"),
        ("1.2", "Report of the chair"),
        ("2", "Closing"),
    ]


def test_the_first_item_of_a_level_cannot_be_indented(agenda):
    (a,) = items(agenda, "A")
    with pytest.raises(AgendaError, match="no item above it"):
        services.agenda_item_shift(agenda=agenda, actor=SYSTEM, item_id=a.pk, direction="indent")


def test_outdent_puts_the_item_right_after_its_parent(agenda):
    a, _b = items(agenda, "Reports", "Closing")
    x, _y = items(agenda, "Report X", "Report Y", parent=a)
    services.agenda_item_shift(agenda=agenda, actor=SYSTEM, item_id=x.pk, direction="outdent")
    assert numbered(agenda) == [
        ("1", "Reports"),
        ("1.1", "Report Y"),
        ("2", "Report X"),
        ("3", "Closing"),
    ]


def test_outdent_of_a_top_level_item_changes_nothing(agenda):
    _a, b = items(agenda, "A", "B")
    services.agenda_item_shift(agenda=agenda, actor=SYSTEM, item_id=b.pk, direction="outdent")
    assert numbered(agenda) == [("1", "A"), ("2", "B")]


def test_an_item_moves_with_its_sub_items(agenda):
    a, _b = items(agenda, "A", "B")
    items(agenda, "A one", "A two", parent=a)
    services.agenda_item_move(agenda=agenda, actor=SYSTEM, item_id=a.pk, parent_id=None, index=2)
    assert numbered(agenda) == [("1", "B"), ("2", "A"), ("2.1", "A one"), ("2.2", "A two")]


def test_drag_and_drop_move_into_another_parent_renumbers_both_levels(agenda):
    a, b = items(agenda, "A", "B")
    a1, _a2 = items(agenda, "A one", "A two", parent=a)
    services.agenda_item_move(agenda=agenda, actor=SYSTEM, item_id=a1.pk, parent_id=b.pk, index=1)
    assert numbered(agenda) == [("1", "A"), ("1.1", "A two"), ("2", "B"), ("2.1", "A one")]
    positions = sorted(AgendaItem.objects.filter(parent=a).values_list("position", flat=True))
    assert positions == [1]


def test_an_item_cannot_go_under_itself_or_its_sub_items(agenda):
    (a,) = items(agenda, "A")
    (a1,) = items(agenda, "A one", parent=a)
    with pytest.raises(AgendaError, match="sub-item of itself"):
        services.agenda_item_move(
            agenda=agenda, actor=SYSTEM, item_id=a.pk, parent_id=a1.pk, index=1
        )
    assert numbered(agenda) == [("1", "A"), ("1.1", "A one")]


def test_nesting_stops_at_three_levels(agenda):
    a, b = items(agenda, "A", "B")
    (a1,) = items(agenda, "A1", parent=a)
    (a11,) = items(agenda, "A11", parent=a1)
    with pytest.raises(AgendaError, match="3 levels"):
        services.agenda_item_add(agenda=agenda, actor=SYSTEM, title="Too deep", parent=a11)
    (b1,) = items(agenda, "B1", parent=b)
    with pytest.raises(AgendaError, match="3 levels"):
        services.agenda_item_move(
            agenda=agenda, actor=SYSTEM, item_id=b.pk, parent_id=a1.pk, index=1
        )
    node = agenda_tree(agenda=agenda).by_id[b1.pk]
    assert node.number == "2.1"


def test_a_move_index_out_of_range_goes_to_the_end(agenda):
    a, _b, _c = items(agenda, "A", "B", "C")
    services.agenda_item_move(agenda=agenda, actor=SYSTEM, item_id=a.pk, parent_id=None, index=99)
    assert numbered(agenda) == [("1", "B"), ("2", "C"), ("3", "A")]


def test_a_change_to_a_deleted_item_is_refused(agenda):
    a, _b = items(agenda, "A", "B")
    services.agenda_item_delete(agenda=agenda, actor=SYSTEM, item_id=a.pk)
    for call in (
        lambda: services.agenda_item_shift(
            agenda=agenda, actor=SYSTEM, item_id=a.pk, direction="down"
        ),
        lambda: services.agenda_item_update(agenda=agenda, actor=SYSTEM, item_id=a.pk, title="A!"),
        lambda: services.agenda_item_delete(agenda=agenda, actor=SYSTEM, item_id=a.pk),
    ):
        with pytest.raises(ItemGone, match="deleted by someone else"):
            call()
    assert numbered(agenda) == [("1", "B")]


def test_documents_are_allocated_in_order_and_removed(agenda, meeting):
    (item,) = items(agenda, "Reports")
    first = document_for(meeting, "Report of the Secretary-General")
    second = document_for(meeting, "Report of the chair")
    services.agenda_allocation_add(agenda=agenda, actor=SYSTEM, item_id=item.pk, document=second)
    services.agenda_allocation_add(agenda=agenda, actor=SYSTEM, item_id=item.pk, document=first)
    node = agenda_tree(agenda=agenda).by_id[item.pk]
    assert [a.document.title for a in node.allocations] == [
        "Report of the chair",
        "Report of the Secretary-General",
    ]
    services.agenda_allocation_remove(
        agenda=agenda, actor=SYSTEM, item_id=item.pk, document_id=second.pk
    )
    node = agenda_tree(agenda=agenda).by_id[item.pk]
    assert [a.document.title for a in node.allocations] == ["Report of the Secretary-General"]


def test_a_document_is_allocated_once_per_item(agenda, meeting):
    (item,) = items(agenda, "Reports")
    doc = document_for(meeting, "Report")
    services.agenda_allocation_add(agenda=agenda, actor=SYSTEM, item_id=item.pk, document=doc)
    with pytest.raises(AgendaError, match="CWG-Internet-21/2 is already allocated"):
        services.agenda_allocation_add(agenda=agenda, actor=SYSTEM, item_id=item.pk, document=doc)


def test_every_change_bumps_the_agenda_version(agenda):
    version = agenda.version
    (a,) = items(agenda, "A")
    services.agenda_item_update(agenda=agenda, actor=SYSTEM, item_id=a.pk, title="A!")
    agenda.refresh_from_db()
    assert agenda.version == version + 2


def test_the_tree_is_read_in_a_fixed_number_of_queries(agenda, meeting, django_assert_num_queries):
    session = SessionFactory(meeting=meeting)
    docs = [document_for(meeting, f"Doc {n}") for n in range(5)]
    for n in range(20):
        parent = services.agenda_item_add(
            agenda=agenda, actor=SYSTEM, title=f"Item {n}", documents=docs, session=session
        )
        services.agenda_item_add(
            agenda=agenda, actor=SYSTEM, title=f"Sub {n}", parent=parent, documents=docs
        )
    with django_assert_num_queries(2):
        tree = agenda_tree(agenda=agenda)
        flat = tree.flat()
        assert [len(n.allocations) for n in flat] == [5] * 40
        assert flat[-1].number == "20.1"
        assert all(n.item.session_id is None or n.item.session.room for n in flat)
