"""Six language versions: each with its title, text, status and PDF; the original is the
document itself; the page switches language and says which are pending; the PDF of a
version has its masthead in that language and the language letter in its file name;
search finds a document by a word of any version."""

from __future__ import annotations

import datetime as dt

import pytest

from documents import services
from documents.enums import VersionStatus
from documents.exceptions import InvalidDocument, PublicationError
from documents.models import Publication
from documents.publishing import download_filename, publication_request
from documents.rendering import render_document
from tests.documents.publishing_support import make_document, pdf_text
from tests.factories.meetings import registrar

pytestmark = pytest.mark.django_db

FRENCH_TITLE = "Proposition d'un nouveau point de l'ordre du jour"


@pytest.fixture
def document(meeting):
    document = make_document(meeting, languages=["en", "fr", "es"])
    services.document_version_set(
        actor=registrar(),
        document=document,
        language="fr",
        title=FRENCH_TITLE,
        text="Le Groupe est invité à examiner la gouvernance de l'internet.",
    )
    return document


def test_a_version_with_title_and_text_is_available_and_one_without_is_pending(document):
    spanish = services.document_version_set(
        actor=registrar(), document=document, language="es", title="Propuesta"
    )
    assert document.versions.get(language="fr").status == VersionStatus.AVAILABLE
    assert spanish.status == VersionStatus.PENDING


def test_the_original_is_the_document_itself(document):
    with pytest.raises(InvalidDocument, match="The original is the document itself"):
        services.document_version_set(
            actor=registrar(), document=document, language="en", title="Again"
        )


def test_the_page_switches_language_and_says_which_are_pending(client, document):
    english = client.get(document.get_absolute_url()).content.decode()
    assert "Proposal for a new agenda item" in english
    assert 'English <span class="small">(original)</span>' in english
    french = client.get(document.get_absolute_url(), {"lang": "fr"}).content.decode()
    assert FRENCH_TITLE.replace("'", "&#x27;") in french
    assert "gouvernance de l" in french
    spanish = client.get(document.get_absolute_url(), {"lang": "es"}).content.decode()
    assert "The Spanish version is pending." in spanish


def test_the_french_pdf_has_a_french_masthead(document):
    text = pdf_text(render_document(document, language="fr").content)
    assert f"Document {document.symbol}" in text
    assert "14 janvier 2025" in text
    assert "Original : anglais" in text
    assert "Proposition d'un nouveau point" in text
    english = pdf_text(render_document(document).content)
    assert "Original: English" in english
    assert "14 January 2025" in english


@pytest.mark.parametrize(
    ("language", "word", "original"),
    [
        ("es", "Documento", "Original: inglés"),
        ("ru", "Документ", "Оригинал: английский"),
    ],
)
def test_each_language_has_its_own_masthead_words(meeting, language, word, original):
    document = make_document(meeting, languages=["en", language])
    services.document_version_set(
        actor=registrar(), document=document, language=language, title="X", text="Y"
    )
    text = pdf_text(render_document(document, language=language).content)
    assert word in text
    assert original in text


def test_the_french_pdf_file_name_has_the_language_letter(document):
    publication = publication_request(document=document, user=registrar(), language="fr")
    assert publication.language == "fr"
    assert download_filename(publication) == f"{document.symbol.replace('/', '-')}-F.pdf"
    # The English PDF of the same text is a publication of its own.
    assert publication_request(document=document, user=registrar()).pk != publication.pk
    assert Publication.objects.filter(document=document).count() == 2


def test_a_pending_version_cannot_be_published(document):
    with pytest.raises(PublicationError, match=r"The Spanish version of .* is not available yet"):
        publication_request(document=document, user=registrar(), language="es")


def test_search_finds_a_document_by_a_word_of_its_french_version(client, document):
    page = client.get("/documents/", {"q": "gouvernance"}).content.decode()
    assert document.symbol in page
    # The row's snippet is the French passage that matched, the word marked.
    assert "examiner la <mark>gouvernance</mark> de l" in page


def test_english_only_is_a_fact_of_the_languages(meeting):
    document = make_document(meeting, languages=["en"], date=dt.date(2025, 1, 14))
    assert document.languages_line == "English only"


@pytest.mark.postgres
def test_a_word_of_the_french_version_finds_it_and_postgresql_stems_it(client, document):
    from django.db import connection

    # The French version says "gouvernance": every database finds the word as written...
    assert document.symbol in client.get("/documents/", {"q": "gouvernance"}).content.decode()
    if connection.vendor == "postgresql":
        # ...and PostgreSQL's French configuration stems an inflected form to the same word
        # (SQLite's fallback matches words as written: there is no stemming to check there).
        page = client.get("/documents/", {"q": "gouvernances"}).content.decode()
        assert document.symbol in page
    # A word of no version still finds nothing.
    assert document.symbol not in client.get("/documents/", {"q": "budgétaires"}).content.decode()
