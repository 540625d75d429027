"""Registering, editing, deriving and listing documents through the registry's forms:
who may, what the secretariat sees before saving, and what happens with bad input or a
form sent twice."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from documents import services
from documents.enums import Access
from documents.models import Document, DocumentListing
from tests.conftest import ROLE_NAMES
from tests.documents.test_registry_pages import page_text
from tests.factories.documents import DocumentFactory, derive
from tests.factories.meetings import registrar

REGISTER = "/documents/new/"
CAN_MANAGE = {"secretariat", "superuser"}


def token_of(response) -> str:
    return re.search(r'name="token" value="([0-9a-f]+)"', response.content.decode()).group(1)


def register_data(meeting, **overrides) -> dict:
    data = {
        "meeting": meeting.pk,
        "series": "",
        "doc_type": "contribution",
        "purpose": "decision",
        "title": "Proposal for a new agenda item on the WSIS+20 report",
        "source": "Russian Federation",
        "date": "2025-03-03",
        "original_language": "ru",
        "languages": ["en", "ru"],
        "access": "public",
        "text": "Purpose\n\nTo include a new item.\n\nReferences: Document CWG-Internet-21/1.",
        "token": "a" * 32,
    }
    data.update(overrides)
    return data


def expect_refused(response, role: str) -> None:
    if role == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
    elif response.status_code == 403:
        assert "You cannot do this" in page_text(response)
    else:
        # The form opens again with the reason (a meeting the person does not register for).
        assert response.status_code == 200
        assert "Select a valid choice" in page_text(response)


def expect_forbidden(response) -> None:
    """Refused with the page a person reads, not only a code."""
    assert response.status_code == 403
    assert "You cannot do this" in page_text(response)


def expect_not_found(response) -> None:
    assert response.status_code == 404
    assert "Page not found" in page_text(response)


# ------------------------------------------------------------------------------- register


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_only_the_secretariat_of_the_body_registers_documents(client_for, meeting, meeting42, role):
    client = client_for(role)
    response = client.post(REGISTER, register_data(meeting))
    if role in CAN_MANAGE:
        document = Document.objects.get()
        assert response["Location"] == document.get_absolute_url()
        page = page_text(client.get(document.get_absolute_url()))
        assert "CWG-Internet-21/1 was registered." in page
        assert "Original: Russian" in page
        return
    expect_refused(response, role)
    assert not Document.objects.exists()
    if role == "other_body_secretariat":
        # The form opens for a secretary of another body, with only that body's meetings.
        assert "Select a valid choice" in page_text(response)
        form = page_text(client.get(REGISTER))
        assert "Will be registered as CWG-WSIS&SDG-42/1" in form
        assert "CWG-Internet-21 —" not in form
    elif role != "anonymous":
        expect_forbidden(response)
        expect_forbidden(client.get(REGISTER))


def test_register_form_shows_the_symbol_before_saving(client_for, meeting, meeting42):
    client = client_for("superuser")
    response = client.get(f"{REGISTER}?meeting={meeting.pk}")
    assert "Will be registered as CWG-Internet-21/1" in page_text(response)
    DocumentFactory(meeting=meeting)
    assert "Will be registered as CWG-Internet-21/2" in page_text(
        client.get(f"{REGISTER}?meeting={meeting.pk}")
    )
    # htmx asks again when the meeting or the series changes.
    preview = reverse("documents:next_symbol")
    assert "Will be registered as CWG-Internet-21/INF/1" in page_text(
        client.get(preview, {"meeting": meeting.pk, "series": "INF"}, HTTP_HX_REQUEST="true")
    )
    assert "Will be registered as CWG-WSIS&SDG-42/1" in page_text(
        client.get(preview, {"meeting": meeting42.pk, "series": ""}, HTTP_HX_REQUEST="true")
    )
    form = response.content.decode()
    assert 'hx-get="/documents/new/symbol/"' in form
    assert 'hx-target="#next-symbol"' in form


def test_symbol_preview_is_only_for_meetings_the_user_registers_for(client_for, meeting42):
    response = client_for("secretariat").get(
        reverse("documents:next_symbol"), {"meeting": meeting42.pk}
    )
    assert "Will be registered as" not in page_text(response)
    expect_forbidden(client_for("delegate").get(reverse("documents:next_symbol")))


def test_registration_keeps_paragraphs_and_drops_dangerous_html(client_for, meeting):
    client = client_for("secretariat")
    client.post(
        REGISTER,
        register_data(
            meeting,
            text="<p>First <strong>point</strong>.</p><script>alert(1)</script>"
            '<p onclick="x()">Second point.</p>',
        ),
    )
    document = Document.objects.get()
    assert document.text == "<p>First <strong>point</strong>.</p><p>Second point.</p>"
    assert "First point. Second point." in page_text(client.get(document.get_absolute_url()))


def test_a_document_needs_text_or_a_file(client_for, meeting):
    response = client_for("secretariat").post(REGISTER, register_data(meeting, text=""))
    assert "Give the text of the document, or upload its file." in page_text(response)
    assert not Document.objects.exists()


def test_an_information_document_is_numbered_in_its_own_series(client_for, meeting):
    client = client_for("secretariat")
    client.post(REGISTER, register_data(meeting, token="1" * 32))
    client.post(REGISTER, register_data(meeting, series="INF", token="2" * 32))
    assert sorted(Document.objects.values_list("symbol", flat=True)) == [
        "CWG-Internet-21/1",
        "CWG-Internet-21/INF/1",
    ]


@pytest.mark.parametrize(
    ("name", "content", "sentence"),
    [
        (
            "annex.exe",
            b"MZ\x90\x00",
            "“annex.exe” is not a kind of file the registry keeps. Upload PDF, Word",
        ),
        (
            "annex.pdf",
            b"<html>not a pdf</html>",
            "“annex.pdf” does not look like a PDF file; it may be damaged",
        ),
        ("notes.txt", b"\xff\xfe\x00bad", "“notes.txt” is not plain text in UTF-8."),
    ],
)
def test_unknown_kinds_of_file_are_refused(client_for, meeting, name, content, sentence):
    data = register_data(meeting, text="")
    data["file"] = SimpleUploadedFile(name, content)
    response = client_for("secretariat").post(REGISTER, data)
    assert sentence in page_text(response)
    assert not Document.objects.exists()


def test_an_oversized_upload_is_refused_with_a_sentence_and_nothing_typed_is_lost(
    client_for, meeting, settings
):
    settings.MAX_UPLOAD_BYTES = 2048
    data = register_data(meeting, title="Report with a very large annex")
    data["file"] = SimpleUploadedFile("annex.pdf", b"%PDF-1.7\n" + b"0" * 5000)
    response = client_for("secretariat").post(REGISTER, data)
    text = page_text(response)
    assert (
        "The file “annex.pdf” is 4.9 KB; files of up to 2.0 KB can be uploaded. Make it "
        "smaller (for example save it as PDF) or paste the text instead."
    ) in text
    html = response.content.decode()
    assert 'value="Report with a very large annex"' in html
    assert 'value="Russian Federation"' in html
    assert "To include a new item." in html
    assert re.search(r'value="ru"[^>]*checked|checked[^>]*value="ru"', html)
    assert "Will be registered as CWG-Internet-21/1" in text
    assert not Document.objects.exists()


def test_a_pdf_upload_is_kept_and_offered_for_download(client_for, meeting):
    data = register_data(meeting, text="")
    data["file"] = SimpleUploadedFile("outline.pdf", b"%PDF-1.7 the outline")
    client = client_for("secretariat")
    response = client.post(REGISTER, data, follow=True)
    assert "Download the file outline" in page_text(response)
    download = client.get(reverse("documents:file", kwargs={"symbol": "CWG-Internet-21/1"}))
    assert b"".join(download.streaming_content) == b"%PDF-1.7 the outline"


def test_the_same_form_sent_twice_registers_one_document(client_for, meeting):
    client = client_for("secretariat")
    token = token_of(client.get(REGISTER))
    first = client.post(REGISTER, register_data(meeting, token=token))
    second = client.post(REGISTER, register_data(meeting, token=token), follow=True)
    assert Document.objects.count() == 1
    document = Document.objects.get()
    assert first["Location"] == document.get_absolute_url()
    assert "This form was already sent: it registered CWG-Internet-21/1." in page_text(second)
    # No number was used up by the second copy.
    client.post(REGISTER, register_data(meeting, token=token_of(client.get(REGISTER))))
    assert sorted(Document.objects.values_list("number", flat=True)) == [1, 2]


# ----------------------------------------------------------------------------------- edit


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_only_the_secretariat_edits_a_document(client_for, meeting, role):
    document = DocumentFactory(meeting=meeting, title="Old title", text="Old text.")
    url = reverse("documents:edit", kwargs={"symbol": document.symbol})
    client = client_for(role)
    data = {
        "doc_type": "report",
        "purpose": "information",
        "status": "issued",
        "title": "New title",
        "source": "Secretary-General",
        "date": "2025-01-21",
        "original_language": "en",
        "languages": ["en", "fr"],
        "access": "public",
        "text": "New text citing Document CWG-Internet-21/5.",
        "version": document.version,
    }
    response = client.post(url, data)
    document.refresh_from_db()
    if role in CAN_MANAGE:
        assert response["Location"] == document.get_absolute_url()
        assert (document.title, document.version) == ("New title", 2)
        page = page_text(client.get(document.get_absolute_url()))
        assert "New title" in page
        assert "Issued in: English, French" in page
        assert "CWG-Internet-21/5 not in the registry" in page
    else:
        expect_refused(response, role)
        assert document.title == "Old title"
        if role != "anonymous":
            expect_forbidden(response)


def test_restricted_document_cannot_be_edited_by_those_who_cannot_see_it(client_for, meeting):
    secret = DocumentFactory(meeting=meeting, access=Access.RESTRICTED)
    url = reverse("documents:edit", kwargs={"symbol": secret.symbol})
    expect_not_found(client_for("other_body_secretariat").get(url))
    expect_not_found(client_for("outsider").get(url))
    expect_forbidden(client_for("chair").get(url))
    assert secret.title not in page_text(client_for("outsider").get(url))


def test_edit_shows_plain_text_as_typed(client_for, meeting):
    document = DocumentFactory(meeting=meeting, text="First line\nsecond line\n\nA & B <c>")
    html = client_for("secretariat").get(
        reverse("documents:edit", kwargs={"symbol": document.symbol})
    )
    assert "First line\nsecond line\n\nA &amp; B &lt;c&gt;</textarea>" in html.content.decode()


def test_an_edit_on_a_stale_form_is_refused_and_keeps_what_was_typed(client_for, meeting):
    document = DocumentFactory(meeting=meeting, title="Original title")
    opened_version = document.version
    services.document_update(actor=registrar(), document=document, title="Changed by a colleague")
    response = client_for("secretariat").post(
        reverse("documents:edit", kwargs={"symbol": document.symbol}),
        {
            "doc_type": "contribution",
            "status": "issued",
            "title": "My change",
            "source": "Secretariat",
            "date": "2025-01-20",
            "original_language": "en",
            "languages": ["en"],
            "access": "public",
            "text": "My text.",
            "version": opened_version,
        },
    )
    assert (
        "CWG-Internet-21/1 was changed by someone else after you opened this form; reload the "
        "page to see their changes, then make yours again."
    ) in page_text(response)
    assert 'value="My change"' in response.content.decode()
    document.refresh_from_db()
    assert document.title == "Changed by a colleague"


# --------------------------------------------------------------------------------- derive


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_only_the_secretariat_registers_a_revision(client_for, meeting, role):
    base = DocumentFactory(meeting=meeting, title="Contribution from Brazil")
    url = reverse("documents:derive", kwargs={"symbol": base.symbol})
    client = client_for(role)
    response = client.post(
        url,
        {
            "kind": "Rev",
            "title": "Contribution from Brazil",
            "date": "2025-02-03",
            "languages": ["en"],
            "text": "The revised text.",
            "token": "b" * 32,
        },
    )
    if role in CAN_MANAGE:
        revision = Document.objects.get(symbol="CWG-Internet-21/1(Rev.1)")
        assert response["Location"] == revision.get_absolute_url()
        page = page_text(client.get(revision.get_absolute_url()))
        assert "Revises CWG-Internet-21/1 (Contribution from Brazil)." in page
        assert "The revised text." in page
    else:
        expect_refused(response, role)
        assert Document.objects.count() == 1
        if role != "anonymous":
            expect_forbidden(response)


def test_derive_form_shows_the_next_symbols_and_starts_from_the_latest_text(client_for, meeting):
    base = DocumentFactory(meeting=meeting, text="Original text.")
    derive(base, "Rev", text="Text of the first revision.")
    client = client_for("secretariat")
    response = client.get(reverse("documents:derive", kwargs={"symbol": base.symbol}))
    text = page_text(response)
    assert (
        "The next revision will be CWG-Internet-21/1(Rev.2), the next addendum "
        "CWG-Internet-21/1(Add.1) and the next corrigendum CWG-Internet-21/1(Corr.1)."
    ) in text
    assert "Text of the first revision.</textarea>" in response.content.decode()
    # Deriving from a revision derives from its base.
    revision_url = reverse("documents:derive", kwargs={"symbol": "CWG-Internet-21/1(Rev.1)"})
    assert "CWG-Internet-21/1(Rev.2)" in page_text(client.get(revision_url))


def test_the_same_revision_form_sent_twice_registers_one_revision(client_for, meeting):
    base = DocumentFactory(meeting=meeting)
    client = client_for("secretariat")
    url = reverse("documents:derive", kwargs={"symbol": base.symbol})
    data = {
        "kind": "Add",
        "title": "Annex",
        "date": "2025-02-03",
        "languages": ["en"],
        "text": "The annex.",
        "token": token_of(client.get(url)),
    }
    client.post(url, data)
    client.post(url, data)
    assert list(base.derived.values_list("symbol", flat=True)) == ["CWG-Internet-21/1(Add.1)"]


# ----------------------------------------------------------------- list for another meeting


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_only_the_secretariat_of_the_receiving_body_lists_a_document(
    client_for, meeting, meeting42, role
):
    outline = DocumentFactory(meeting=meeting42, title="Draft outline WSIS+20 Report")
    url = reverse("documents:list_for_meeting", kwargs={"symbol": outline.symbol})
    client = client_for(role)
    response = client.post(url, {"meeting": meeting.pk, "note": "Proposal 2.2"})
    if role in CAN_MANAGE:
        assert DocumentListing.objects.filter(document=outline, meeting=meeting).exists()
        page = page_text(client.get(outline.get_absolute_url()))
        assert "CWG-WSIS&SDG-42/1 is now also an official document of the 21st meeting" in page
        assert "Also an official document of the 21st meeting of CWG-Internet" in page
    else:
        expect_refused(response, role)
        assert not DocumentListing.objects.exists()
        if role != "anonymous":
            expect_forbidden(response)


def test_listing_twice_lists_once(client_for, meeting, meeting42):
    outline = DocumentFactory(meeting=meeting42)
    url = reverse("documents:list_for_meeting", kwargs={"symbol": outline.symbol})
    client = client_for("secretariat")
    form = page_text(client.get(url))
    assert "marked “Listed from CWG-WSIS&SDG-42”" in form
    client.post(url, {"meeting": meeting.pk})
    client.post(url, {"meeting": meeting.pk})
    assert DocumentListing.objects.filter(document=outline).count() == 1


def test_the_document_page_offers_the_actions_to_the_secretariat_only(client_for, meeting):
    document = DocumentFactory(meeting=meeting, date=dt.date(2025, 1, 1))
    secretariat = page_text(client_for("secretariat").get(document.get_absolute_url()))
    for action in ("Edit", "New revision / addendum / corrigendum", "List for another meeting"):
        assert action in secretariat
    delegate = page_text(client_for("delegate").get(document.get_absolute_url()))
    assert "New revision / addendum / corrigendum" not in delegate
    assert "List for another meeting" not in delegate
