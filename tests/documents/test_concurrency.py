"""Symbols under concurrency: many people registering at the same moment get numbers with
no gap and no duplicate.

Each thread has its own database connection. On PostgreSQL the counter row is locked with
SELECT ... FOR UPDATE and the threads really run side by side; on SQLite the connections
open IMMEDIATE transactions, so writers queue on the database lock. The same assertions
hold on both, and the tests run on both (marked ``postgres`` so that the PostgreSQL run of
CI is known to include them)."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from django.db import connection

from documents import allocation, services
from documents.models import Document
from tests.factories.documents import DocumentFactory
from tests.factories.meetings import registrar

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

THREADS = 8


def run_at_once(work: Callable[[int], list], threads: int = THREADS) -> list:
    """Run ``work(i)`` in ``threads`` threads released together; their results, in any
    order. Every thread closes its own connection; any error fails the test."""
    barrier = threading.Barrier(threads)
    results: list = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def runner(i: int) -> None:
        try:
            barrier.wait(timeout=30)
            found = work(i)
            with lock:
                results.extend(found)
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
    assert not errors, errors
    return results


def test_forty_documents_registered_from_eight_threads_get_numbers_1_to_40(meeting):
    def register_five(i: int) -> list[tuple[int, str]]:
        return [
            (
                thread_document.number,
                thread_document.symbol,
            )
            for thread_document in (
                services.document_register(
                    actor=registrar(),
                    meeting=meeting,
                    title=f"Contribution {i}.{j}",
                    source="Secretariat",
                    text=f"Text {i}.{j}",
                )
                for j in range(5)
            )
        ]

    results = run_at_once(register_five)
    numbers = sorted(number for number, _ in results)
    assert numbers == list(range(1, 41))
    assert sorted(Document.objects.values_list("number", flat=True)) == list(range(1, 41))
    assert len({symbol for _, symbol in results}) == 40
    assert Document.objects.filter(symbol="CWG-Internet-21/40").exists()
    # The next registration continues the sequence.
    assert allocation.next_symbol(meeting=meeting) == "CWG-Internet-21/41"


def test_two_series_of_one_meeting_are_numbered_apart_under_concurrency(meeting):
    def register(i: int) -> list[str]:
        series = "INF" if i % 2 else ""
        return [
            services.document_register(
                actor=registrar(),
                meeting=meeting,
                series=series,
                title=f"Document {i}.{j}",
                source="Secretariat",
            ).symbol
            for j in range(3)
        ]

    symbols = run_at_once(register)
    assert sorted(symbols) == sorted(
        [f"CWG-Internet-21/{n}" for n in range(1, 13)]
        + [f"CWG-Internet-21/INF/{n}" for n in range(1, 13)]
    )


def test_concurrent_revisions_of_one_base_are_numbered_in_turn(meeting):
    base = DocumentFactory(meeting=meeting, title="Contribution from Brazil")

    def revise_twice(i: int) -> list[str]:
        return [
            services.document_derive(
                actor=registrar(), base=base, kind="Rev", text=f"Revision by {i}, {j}"
            ).symbol
            for j in range(2)
        ]

    symbols = run_at_once(revise_twice)
    expected = [f"CWG-Internet-21/1(Rev.{n})" for n in range(1, 2 * THREADS + 1)]
    assert sorted(symbols, key=lambda s: int(s.split(".")[-1][:-1])) == expected
    assert sorted(base.derived.values_list("suffix_number", flat=True)) == list(
        range(1, 2 * THREADS + 1)
    )


def test_the_same_form_sent_from_several_threads_registers_one_document(meeting):
    def send(i: int) -> list[int]:
        document = services.document_register(
            actor=registrar(),
            meeting=meeting,
            title="Proposal sent four times",
            source="Russian Federation",
            submission_token="f" * 32,
        )
        return [document.pk]

    pks = run_at_once(send, threads=4)
    assert len(set(pks)) == 1
    assert Document.objects.count() == 1
    assert Document.objects.get().symbol == "CWG-Internet-21/1"
    assert allocation.next_symbol(meeting=meeting) == "CWG-Internet-21/2"
