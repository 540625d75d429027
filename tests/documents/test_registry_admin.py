"""The admin of the registry: found by symbol, corrected through the services."""

from __future__ import annotations

from django.urls import reverse

from documents.models import Document, DocumentListing, Instrument, Reference
from tests.factories.documents import DocumentFactory


def test_admin_finds_a_document_by_symbol_and_shows_its_citations(client_for, meeting):
    document = DocumentFactory(
        meeting=meeting, title="Proposal", text="See Resolution 102 (Rev. Bucharest, 2022)."
    )
    DocumentFactory(meeting=meeting, title="Another")
    client = client_for("superuser")
    changelist = client.get(reverse("admin:documents_document_changelist"), {"q": "21/1"})
    page = changelist.content.decode()
    assert "Proposal" in page
    assert "Another" not in page
    change = client.get(reverse("admin:documents_document_change", args=[document.pk]))
    assert "PP Resolution 102 (Rev. Bucharest, 2022)" in change.content.decode()
    assert "Citations in the text" in change.content.decode()


def test_admin_correction_goes_through_the_service(client_for, meeting):
    document = DocumentFactory(meeting=meeting, title="Typo in the titel", text="Text.")
    client = client_for("superuser")
    url = reverse("admin:documents_document_change", args=[document.pk])
    response = client.post(
        url,
        {
            "title": "Typo in the title",
            "source": "Secretariat",
            "doc_type": "contribution",
            "purpose": "",
            "date": "2025-01-20",
            "original_language": "en",
            "languages": ["en", "fr"],
            "access": "public",
            "status": "issued",
            "text": "Text citing Document CWG-Internet-21/1.",
            "references-TOTAL_FORMS": "0",
            "references-INITIAL_FORMS": "0",
            "listings-TOTAL_FORMS": "0",
            "listings-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    document.refresh_from_db()
    assert document.title == "Typo in the title"
    assert document.language_codes == ["en", "fr"]
    assert document.version == 2
    assert "Typo in the title" in document.search_text
    assert Reference.objects.filter(source=document, key="CWG-Internet-21/1").exists()


def test_an_instrument_added_in_the_admin_resolves_earlier_citations(client_for, meeting):
    document = DocumentFactory(meeting=meeting, text="Council Resolution 1305 (2009) applies.")
    client_for("superuser").post(
        reverse("admin:documents_instrument_add"),
        {
            "kind": "resolution",
            "key": "Council Resolution 1305 (2009)",
            "title": "Role of the dedicated group on international Internet-related public "
            "policy issues",
            "url": "",
        },
    )
    instrument = Instrument.objects.get()
    assert Reference.objects.get(source=document).instrument == instrument


def test_a_listing_added_in_the_admin_uses_the_service(client_for, meeting, meeting42):
    outline = DocumentFactory(meeting=meeting42)
    client_for("superuser").post(
        reverse("admin:documents_documentlisting_add"),
        {"document": outline.pk, "meeting": meeting.pk, "note": "Proposal 2.2"},
    )
    listing = DocumentListing.objects.get()
    assert (listing.document, listing.meeting, listing.note) == (outline, meeting, "Proposal 2.2")
    assert Document.objects.count() == 1
