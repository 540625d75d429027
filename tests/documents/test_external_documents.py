"""External documents: UN symbols, circulars and circular letters registered with their own
symbol and address, outside our counters, found by "go to symbol" and cited like any
document."""

from __future__ import annotations

import datetime as dt

import pytest

from documents import services
from documents.enums import ExternalKind
from documents.exceptions import InvalidDocument
from documents.models import SymbolCounter
from tests.factories.meetings import registrar

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("printed", "symbol", "kind"),
    [
        ("CL-24/31", "CL-24/31", ExternalKind.LETTER),
        ("DM-23/1002", "DM-23/1002", ExternalKind.LETTER),
        ("TSB Circular 210", "TSB Circular 210", ExternalKind.CIRCULAR),
        ("A/RES/72/200", "A/RES/72/200", ExternalKind.UN),
    ],
)
def test_external_documents_are_registered_under_their_own_symbol(printed, symbol, kind):
    external, created = services.external_document_register(
        actor=registrar(), symbol=printed, title="Letter", date=dt.date(2024, 3, 1)
    )
    assert (external.symbol, external.kind, created) == (symbol, kind, True)
    assert not SymbolCounter.objects.exists()


def test_go_to_symbol_reaches_an_external_document_with_its_link(client):
    services.external_document_register(
        actor=registrar(),
        symbol="CL-24/31",
        title="Council 2024 consultation",
        issuer="Secretary-General",
        url="https://www.itu.int/md/S24-CL-0031/en",
    )
    page = client.get("/documents/go/?symbol=cl-24/31", follow=True).content.decode()
    assert "Council 2024 consultation" in page
    assert "Secretary-General" in page
    assert "https://www.itu.int/md/S24-CL-0031/en" in page


def test_a_citation_of_an_external_document_is_resolved_also_when_registered_later(client, meeting):
    citing = services.document_register(
        actor=registrar(),
        meeting=meeting,
        title="Contribution",
        source="Brazil",
        text="Recalling UN General Assembly resolution A/RES/70/125 on WSIS.",
    )
    external, _ = services.external_document_register(
        actor=registrar(), symbol="A/RES/70/125", title="Outcome document of WSIS+10"
    )
    assert citing.references.get(key="A/RES/70/125").external == external
    page = client.get(external.get_absolute_url()).content.decode()
    assert citing.symbol in page


def test_a_symbol_that_is_no_external_one_is_refused():
    with pytest.raises(InvalidDocument, match="is not the symbol of a UN document"):
        services.external_document_register(actor=registrar(), symbol="hello", title="X")


def test_a_sector_document_keeps_its_symbol_as_given():
    external, _ = services.external_document_register(
        actor=registrar(), symbol="TSAG-TD  123", title="Sector", kind=ExternalKind.SECTOR
    )
    assert external.symbol == "TSAG-TD 123"
