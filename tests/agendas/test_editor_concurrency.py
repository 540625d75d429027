"""Two secretariat members editing the same agenda at once must not corrupt its order.

The first tests interleave two editors' requests step by step (each editor's page was loaded
before the other's change). The threaded tests release several editors together: on
PostgreSQL the agenda row lock (SELECT ... FOR UPDATE) makes them queue, on SQLite the
IMMEDIATE transactions do; the positions must end as 1..n in every list, with no duplicate.
"""

from __future__ import annotations

import contextlib
import random
import threading
from collections import defaultdict

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from agendas import services
from agendas.exceptions import AgendaError, ItemGone
from agendas.models import AgendaItem
from meetings.enums import Role
from tests.factories.agendas import SYSTEM, items, numbered
from tests.factories.meetings import MembershipFactory, UserFactory

HTMX = {"HTTP_HX_REQUEST": "true"}


def url(name: str, meeting, **kwargs) -> str:
    return reverse(
        f"agendas:{name}", kwargs={"body": meeting.body.slug, "number": meeting.number, **kwargs}
    )


def assert_compact(agenda) -> None:
    """Positions 1..n among the children of every item, and of the top level."""
    by_parent = defaultdict(list)
    for parent_id, position in AgendaItem.objects.filter(agenda=agenda).values_list(
        "parent_id", "position"
    ):
        by_parent[parent_id].append(position)
    for parent_id, positions in by_parent.items():
        assert sorted(positions) == list(range(1, len(positions) + 1)), (parent_id, positions)


@pytest.fixture
def two_editors(client_for, body):
    second = MembershipFactory(
        user=UserFactory(username="secretariat2"), body=body, role=Role.SECRETARIAT
    ).user
    other = Client()
    other.force_login(second)
    return client_for("secretariat"), other


@pytest.mark.django_db
def test_interleaved_edits_of_two_editors_keep_the_order(two_editors, agenda, meeting):
    anna, ben = two_editors
    a, b, c, d = items(agenda, "A", "B", "C", "D")
    # Both open the editor and see 1 A, 2 B, 3 C, 4 D.
    assert anna.get(url("agenda_editor", meeting)).status_code == 200
    assert ben.get(url("agenda_editor", meeting)).status_code == 200

    ben.post(url("agenda_item_move", meeting, item=d.pk), {"direction": "up"}, **HTMX)
    # Anna still sees D as item 4 and drags C to the end of her (stale) list.
    html = anna.post(
        url("agenda_item_move", meeting, item=c.pk), {"parent": "", "index": 4}, **HTMX
    ).content.decode()
    assert numbered(agenda) == [("1", "A"), ("2", "B"), ("3", "D"), ("4", "C")]
    assert "Item 4 is now item 4." not in html  # she is told where it really went
    assert_compact(agenda)

    # Ben deletes B; Anna, not knowing, moves B and retitles it.
    ben.post(url("agenda_item_delete", meeting, item=b.pk), **HTMX)
    html = anna.post(
        url("agenda_item_move", meeting, item=b.pk), {"direction": "down"}, **HTMX
    ).content.decode()
    assert "This item was deleted by someone else meanwhile" in html
    assert "D" in html  # the fresh tree comes with the refusal
    html = anna.post(
        url("agenda_item_edit", meeting, item=b.pk), {"title": "B renamed"}, **HTMX
    ).content.decode()
    assert "deleted by someone else" in html
    assert numbered(agenda) == [("1", "A"), ("2", "D"), ("3", "C")]

    # Both retitle A: the last one to save wins.
    anna.post(url("agenda_item_edit", meeting, item=a.pk), {"title": "Opening (Anna)"}, **HTMX)
    ben.post(url("agenda_item_edit", meeting, item=a.pk), {"title": "Opening (Ben)"}, **HTMX)
    assert numbered(agenda)[0] == ("1", "Opening (Ben)")

    # Anna indents C under D while Ben adds a new item: both land, numbers stay consistent.
    anna.post(url("agenda_item_move", meeting, item=c.pk), {"direction": "indent"}, **HTMX)
    ben.post(url("agenda_item_add", meeting), {"title": "E"}, **HTMX)
    assert numbered(agenda) == [("1", "Opening (Ben)"), ("2", "D"), ("2.1", "C"), ("3", "E")]
    assert_compact(agenda)


@pytest.mark.django_db
def test_dropping_under_an_item_deleted_meanwhile_is_refused(two_editors, agenda, meeting):
    anna, ben = two_editors
    a, b = items(agenda, "A", "B")
    ben.post(url("agenda_item_delete", meeting, item=a.pk), **HTMX)
    html = anna.post(
        url("agenda_item_move", meeting, item=b.pk), {"parent": a.pk, "index": 1}, **HTMX
    ).content.decode()
    assert "The item you moved it under was deleted meanwhile." in html
    assert numbered(agenda) == [("1", "B")]


def run_at_once(work, threads: int) -> list[BaseException]:
    barrier = threading.Barrier(threads)
    errors: list[BaseException] = []

    def runner(i: int) -> None:
        try:
            barrier.wait(timeout=30)
            work(i)
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    pool = [threading.Thread(target=runner, args=(i,)) for i in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in pool), "a thread did not finish"
    return errors


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_moves_leave_positions_1_to_n(meeting):
    agenda = services.agenda_get_or_create(meeting=meeting, user=SYSTEM)
    made = [
        services.agenda_item_add(agenda=agenda, actor=SYSTEM, title=f"Item {n}") for n in range(12)
    ]
    ids = [item.pk for item in made]

    def editor(i: int) -> None:
        rng = random.Random(i)
        for _ in range(15):
            item_id = rng.choice(ids)
            try:
                if rng.random() < 0.5:
                    services.agenda_item_shift(
                        agenda=agenda,
                        actor=SYSTEM,
                        item_id=item_id,
                        direction=rng.choice(["up", "down", "indent", "outdent"]),
                    )
                else:
                    services.agenda_item_move(
                        agenda=agenda,
                        actor=SYSTEM,
                        item_id=item_id,
                        parent_id=rng.choice([None, None, rng.choice(ids)]),
                        index=rng.randint(1, 12),
                    )
            except AgendaError:
                pass  # too deep, under itself: refused, and refusing changes nothing

    errors = run_at_once(editor, threads=6)
    assert not errors, errors
    assert_compact(agenda)
    numbers = [number for number, _ in numbered(agenda)]
    assert len(numbers) == 12
    assert len(set(numbers)) == 12
    assert sorted(title for _, title in numbered(agenda)) == sorted(i.title for i in made)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_adds_and_deletes_keep_the_order(meeting):
    agenda = services.agenda_get_or_create(meeting=meeting, user=SYSTEM)
    services.agenda_fixed_items_add(agenda=agenda, actor=SYSTEM)
    doomed = [
        services.agenda_item_add(agenda=agenda, actor=SYSTEM, title=f"Old {n}") for n in range(6)
    ]

    def editor(i: int) -> None:
        services.agenda_item_add(agenda=agenda, actor=SYSTEM, title=f"New {i}")
        # Two editors delete each old item: the second is told it is gone.
        with contextlib.suppress(ItemGone):
            services.agenda_item_delete(agenda=agenda, actor=SYSTEM, item_id=doomed[i % 6].pk)

    errors = run_at_once(editor, threads=8)
    assert not errors, errors
    assert_compact(agenda)
    titles = [title for _, title in numbered(agenda)]
    assert titles[:2] == ["Opening of the meeting", "Adoption of the agenda"]
    assert titles[-2:] == ["Any other business", "Closing of the meeting"]
    assert sorted(titles[2:-2]) == sorted(f"New {i}" for i in range(8))
