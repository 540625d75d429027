"""The probe's hostile texts (issue 11, items 1 and 5): a few bytes must neither jam a
worker nor break the document page. Renders run here, in the test process, through the
real task; each ends published (bounded texts lay out in seconds) or failed with a
sentence."""

from __future__ import annotations

import pytest
from django.core.files.storage import default_storage

from documents.enums import PublicationState
from documents.models import Publication
from documents.publishing import publication_request
from documents.rendering import prepare_text
from documents.tasks import publish_document
from documents.text import MAX_DEPTH, MAX_SPAN, MAX_TEXT_CHARS, TextTooLong, check_text_size
from tests.documents.publishing_support import make_document, pdf_text

pytestmark = [pytest.mark.faults, pytest.mark.usefixtures("pdf_media")]

HUGE_SPAN_ROW = '<tr><td colspan="100000" rowspan="100000">x</td></tr>'
DEEP = "<ul><li>" * 400 + "The deepest point." + "</li></ul>" * 400


def publish_here(document, people) -> Publication:
    publication = publication_request(document=document, user=people["secretariat"])
    publish_document.apply(kwargs={"publication_id": publication.pk})
    publication.refresh_from_db()
    return publication


def test_huge_spans_are_capped_when_the_text_is_saved(meeting):
    document = make_document(meeting, text=f"<table>{HUGE_SPAN_ROW}</table>")
    assert f'colspan="{MAX_SPAN}"' in document.text
    assert f'rowspan="{MAX_SPAN}"' in document.text
    assert "100000" not in document.text


@pytest.mark.parametrize("rows", [1, 5])
def test_text_with_huge_spans_publishes_a_small_pdf(meeting, people, rows):
    """Five such rows rendered for more than 6 minutes before the bound."""
    document = make_document(meeting, text=f"<table>{HUGE_SPAN_ROW * rows}</table><p>End.</p>")
    publication = publish_here(document, people)
    assert publication.state == PublicationState.PUBLISHED, publication.error
    assert publication.pages <= 3
    with default_storage.open(publication.file.name, "rb") as handle:
        assert "End." in pdf_text(handle.read())


def test_text_stored_before_the_bound_is_bounded_again_when_rendered(meeting, people):
    """A text saved by an older version (or straight into the database) is sanitized again
    by the renderer, so the bound holds for it too."""
    document = make_document(meeting)
    type(document).objects.filter(pk=document.pk).update(text=f"<table>{HUGE_SPAN_ROW}</table>")
    document.refresh_from_db()
    assert f'colspan="{MAX_SPAN}"' in prepare_text(document.text)
    assert publish_here(document, people).state == PublicationState.PUBLISHED


def test_text_nested_400_deep_keeps_its_words_and_loses_the_extra_levels(meeting):
    document = make_document(meeting, text=DEEP)
    assert "The deepest point." in document.text
    assert document.text.count("<ul>") == MAX_DEPTH // 2


def test_document_page_with_text_nested_400_deep_is_shown_to_everyone(client_for, meeting, people):
    """Depth 400 made the page answer 500 for everyone, for good (RecursionError)."""
    document = make_document(meeting)
    type(document).objects.filter(pk=document.pk).update(text=DEEP)  # stored before the bound
    for role in ("anonymous", "delegate", "secretariat"):
        response = client_for(role).get(document.get_absolute_url())
        assert response.status_code == 200
        assert "The deepest point." in response.content.decode()


def test_text_nested_400_deep_publishes(meeting, people):
    document = make_document(meeting)
    type(document).objects.filter(pk=document.pk).update(text=DEEP)
    publication = publish_here(document, people)
    assert publication.state == PublicationState.PUBLISHED, publication.error
    with default_storage.open(publication.file.name, "rb") as handle:
        assert "The deepest point." in pdf_text(handle.read())


def test_text_over_the_size_limit_is_refused_with_the_limit():
    with pytest.raises(TextTooLong, match=f"at most {MAX_TEXT_CHARS:,} fit in one document"):
        check_text_size("x" * (MAX_TEXT_CHARS + 1))
    check_text_size("x" * MAX_TEXT_CHARS)  # the limit itself is fine
