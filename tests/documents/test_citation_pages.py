"""Citations as a reader meets them (issue 8): symbols typed or cited in any printed form
lead to the registered document, a renamed group's old symbols lead to the same series, and
the document page names resolutions and UN documents canonically."""

from __future__ import annotations

from django.urls import reverse

from documents.models import Reference
from tests.documents.test_registry_pages import page_text
from tests.factories.documents import DocumentFactory


def test_go_to_box_reads_printed_forms(client, meeting):
    DocumentFactory(meeting=meeting)
    document = DocumentFactory(meeting=meeting)
    assert document.symbol == "CWG-Internet-21/2"
    for typed in ["CWG-Internet 21/002-E", "cwg\u2011internet-21/2", "СWG-Internet-21/2"]:
        response = client.get(reverse("documents:goto"), {"symbol": typed})
        assert response["Location"] == document.get_absolute_url(), typed


def test_go_to_box_finds_a_renamed_groups_document_under_its_other_name(client, meeting42):
    for _ in range(13):
        outline = DocumentFactory(meeting=meeting42, title="Draft outline WSIS+20 Report")
    assert outline.symbol == "CWG-WSIS&SDG-42/13"
    response = client.get(reverse("documents:goto"), {"symbol": "CWG-WSIS-42/13"}, follow=True)
    assert "Draft outline WSIS+20 Report" in page_text(response)
    assert response.redirect_chain[-1][0] == outline.get_absolute_url()

    response = client.get("/documents/d/CWG-WSIS-42/13", follow=True)
    assert response.redirect_chain[-1][0] == outline.get_absolute_url()
    assert "Draft outline WSIS+20 Report" in page_text(response)
    assert client.get("/documents/d/CWG-WSIS-42/14").status_code == 404


def test_old_symbol_cited_before_the_document_is_registered_resolves_then(client, meeting):
    citing = DocumentFactory(
        meeting=meeting,
        title="Proposal",
        text="As noted in WG-Internet 21/2-E and in Documents C24/12 to 14.",
    )
    keys = list(Reference.objects.filter(source=citing).values_list("key", flat=True))
    assert keys == ["WG-Internet-21/2", "C24/12", "C24/13", "C24/14"]
    text = page_text(client.get(citing.get_absolute_url()))
    assert "WG-Internet-21/2 not in the registry" in text

    cited = DocumentFactory(meeting=meeting, title="Report by the Secretary-General")
    assert cited.symbol == "CWG-Internet-21/2"
    html = client.get(citing.get_absolute_url()).content.decode()
    assert f'href="{cited.get_absolute_url()}"' in html
    assert "Cites Documents CWG-Internet-21/2 Report by the Secretary-General" in page_text(
        client.get(citing.get_absolute_url())
    )
    assert "Cited by CWG-Internet-21/1 Proposal" in page_text(client.get(cited.get_absolute_url()))


def test_page_names_un_symbols_and_resolutions_canonically(client, meeting):
    document = DocumentFactory(
        meeting=meeting,
        text="Recalling General Assembly resolution 70/125, the report A/72/301 and "
        "Résolution 102 (Rév. Bucarest, 2022).",
    )
    text = page_text(client.get(document.get_absolute_url()))
    assert "Cites Documents A/72/301 United Nations document A/72/301" in text
    assert "United Nations General Assembly resolution 70/125 (A/RES/70/125)" in text
    assert "PP Resolution 102 (Rev. Bucharest, 2022) not yet recorded" in text
    html = client.get(document.get_absolute_url()).content.decode()
    assert (
        '<a class="citation citation-instrument" href="https://undocs.org/A/RES/70/125" '
        'title="United Nations General Assembly resolution 70/125">'
        "General Assembly resolution 70/125</a>"
    ) in html
