"""The official-document PDF as a reader sees it, and the renderer's refusal to load
anything but the project's own static files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.conf import settings

from documents.models import Document
from documents.rendering import RenderRefused, render_document, render_pdf
from meetings.enums import MeetingMode
from tests.documents.publishing_support import (
    ARABIC,
    CHINESE,
    ENGLISH,
    RUSSIAN,
    TITLE,
    RecordingServer,
    line_positions,
    make_document,
    pdf_fonts,
    pdf_text,
)
from tests.factories import BodyFactory, MeetingFactory

PASSWD_LINE = Path("/etc/passwd").read_text().splitlines()[0]


@pytest.fixture
def scenario_meeting(body):
    return MeetingFactory(
        body=body,
        number=21,
        start_date=dt.date(2025, 2, 10),
        end_date=dt.date(2025, 2, 11),
        venue="ITU Headquarters, Geneva",
        mode=MeetingMode.HYBRID,
    )


def test_pdf_reads_like_an_official_document(scenario_meeting):
    document = make_document(scenario_meeting)
    pdf = render_document(document)
    text = pdf_text(pdf.content)

    assert "Council Working Group on international" in text
    assert "21st meeting of CWG-Internet, Geneva, 10-11 February" in text
    assert "Document CWG-Internet-21/1" in text
    assert "14 January 2025" in text
    assert "Original: English" in text
    assert "English only" in text
    assert "Contribution from the Russian Federation" in text
    assert TITLE in text
    assert "Purpose For decision" in text
    assert ENGLISH in text
    assert ARABIC in text
    assert CHINESE in text
    assert RUSSIAN in text
    assert "CWG-Internet-21/1 page 1 of 1" in text
    assert pdf.pages == 1


def test_chinese_arabic_and_russian_have_real_glyphs(scenario_meeting):
    """Text extraction prints Chinese even from empty boxes: the fonts tell the truth."""
    pdf = render_document(make_document(scenario_meeting))
    fonts = pdf_fonts(pdf.content)
    assert fonts.get("WenQuanYi-Micro-Hei") is True, fonts
    assert fonts.get("DejaVu-Sans") is True, fonts


def test_arabic_paragraph_runs_right_to_left(scenario_meeting):
    pdf = render_document(make_document(scenario_meeting))
    starts = line_positions(pdf.content)
    english = next(x for line, x in starts.items() if line.startswith(ENGLISH[:30]))
    russian = next(x for line, x in starts.items() if line.startswith(RUSSIAN[:20]))
    arabic = next(x for line, x in starts.items() if ARABIC.split()[0] in line)
    # Latin and Cyrillic lines start at the left margin; the Arabic one is set from the
    # right margin, so it starts far to the right.
    assert abs(english - russian) < 1
    assert arabic > english + 150


def test_a_long_document_numbers_its_pages(scenario_meeting):
    text = "".join(f"<p>Paragraph {n}. {ENGLISH * 6}</p>" for n in range(1, 60))
    pdf = render_document(make_document(scenario_meeting, text=text))
    content = pdf_text(pdf.content)
    assert pdf.pages >= 3
    assert f"page 1 of {pdf.pages}" in content
    assert f"CWG-Internet-21/1 page {pdf.pages} of {pdf.pages}" in content
    assert "Paragraph 59." in content


def test_report_of_the_secretary_general_in_several_languages(db):
    body = BodyFactory(
        acronym="CWG-WSIS&SDG",
        name="Council Working Group on the World Summit on the Information Society",
        symbol_prefix="CWG-WSIS&SDG",
        slug="cwg-wsis-sdg",
    )
    meeting = MeetingFactory(
        body=body, number=42, mode=MeetingMode.VIRTUAL, start_date=dt.date(2025, 2, 10)
    )
    document = make_document(
        meeting,
        title="Draft outline WSIS+20 Report",
        source="Secretary-General",
        doc_type="report",
        purpose="discussion",
        original_language="fr",
        languages=["en", "fr", "es"],
    )
    text = pdf_text(render_document(document).content)
    assert "Document CWG-WSIS&SDG-42/1" in text
    assert "42nd meeting of CWG-WSIS&SDG, virtual meeting" in text
    assert "Report by the Secretary-General" in text
    assert "Original: French" in text
    assert "English, French, Spanish" in text
    assert "Purpose For discussion" in text


def test_user_text_is_printed_not_run(scenario_meeting):
    """Markup and template syntax typed by a user come out as the characters typed."""
    document = make_document(
        scenario_meeting,
        title="<script>alert('title')</script> {{ settings.SECRET_KEY }}",
        text="Plain text with <script>alert('x')</script> and {{ document.created_by }} "
        "and {% now 'Y' %}.",
    )
    text = pdf_text(render_document(document).content)
    assert "<script>alert('title')</script> {{ settings.SECRET_KEY }}" in text
    assert "<script>alert('x')</script> and {{ document.created_by }} and {% now 'Y' %}." in text
    assert settings.SECRET_KEY not in text


def test_text_stored_without_sanitizing_is_sanitized_at_render_time(scenario_meeting):
    """Text written into the database by another path (an import, an old version) still
    cannot load files or run scripts: the renderer sanitizes again."""
    document = make_document(scenario_meeting, text="<p>Before.</p>")
    Document.objects.filter(pk=document.pk).update(
        text='<p>Before.</p><img src="file:///etc/passwd"><script>alert("x")</script>'
        '<link rel="attachment" href="file:///etc/passwd"><p>After.</p>'
    )
    document.refresh_from_db()
    pdf = render_document(document)
    text = pdf_text(pdf.content)
    assert "Before." in text
    assert "After." in text
    assert "alert" not in text
    assert PASSWD_LINE.encode() not in pdf.content


# --- the URL fetcher: the last line of defence --------------------------------------------


def _page(body: str) -> str:
    return f"<!doctype html><html><head></head><body><p>Visible text.</p>{body}</body></html>"


@pytest.mark.parametrize(
    "markup",
    [
        '<img src="file:///etc/passwd">',
        '<link rel="attachment" href="file:///etc/passwd">',
        '<a rel="attachment" href="file:///etc/passwd">passwd</a>',
        '<object data="file:///etc/passwd" type="image/png"></object>',
        '<embed src="file:///etc/passwd" type="image/png">',
        '<div style="background: url(file:///etc/passwd)">x</div>',
        '<style>@import url("file:///etc/passwd");</style>',
        '<img src="static/../../../../etc/passwd">',
        '<img src="https://agendum.invalid/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd">',
        f'<link rel="stylesheet" href="file://{settings.BASE_DIR}/static/css/pdf.css">',
        '<svg width="9" height="9"><image href="file:///etc/passwd" width="9" height="9"/></svg>',
    ],
)
def test_renderer_refuses_local_files(markup):
    with pytest.raises(RenderRefused) as refused:
        render_pdf(_page(markup))
    assert "which publications may not load" in str(refused.value)
    assert str(refused.value).startswith("The text refers to ")


def test_refusal_names_the_file_in_a_sentence():
    with pytest.raises(RenderRefused) as refused:
        render_pdf(_page('<img src="file:///etc/passwd">'))
    assert str(refused.value) == (
        "The text refers to file:///etc/passwd, which publications may not load."
    )


@pytest.mark.parametrize(
    "markup",
    [
        '<link rel="stylesheet" href="{url}/x.css">',
        '<img src="{url}/logo.png">',
        '<style>@import url("{url}/imported.css");</style>',
        '<style>@font-face {{ font-family: Evil; src: url("{url}/font.woff"); }} '
        "p {{ font-family: Evil }}</style>",
        '<div style="background-image: url({url}/bg.png)">x</div>',
        '<link rel="attachment" href="{url}/secret.txt">',
    ],
)
def test_renderer_never_contacts_the_network(markup):
    with RecordingServer() as server:
        with pytest.raises(RenderRefused) as refused:
            render_pdf(_page(markup.format(url=server.url)))
        assert server.requests == []
    assert f"The text refers to {server.url}/" in str(refused.value)


def test_renderer_serves_the_projects_own_stylesheet():
    """The one thing it may load: the static pdf.css gives the page its footer."""
    pdf = render_pdf(
        '<html><head><link rel="stylesheet" href="css/pdf.css"></head>'
        '<body><p>Only text.</p><span class="doc-symbol">TEST/1</span></body></html>'
    )
    assert "TEST/1 page 1 of 1" in pdf_text(pdf.content)


def test_missing_static_file_is_a_readable_failure():
    with pytest.raises(RenderRefused) as refused:
        render_pdf('<html><head><link rel="stylesheet" href="css/no-such.css"></head></html>')
    assert "needs the static file css/no-such.css, which does not exist" in str(refused.value)
