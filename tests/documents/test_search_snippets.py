"""Search results show the passage that matches, the words marked, the text escaped:
ts_headline on PostgreSQL, a plain excerpt on SQLite (run this file on both)."""

from __future__ import annotations

import re

from django.urls import reverse

from tests.documents.publishing_support import make_document

FILLER = " ".join(f"Paragraph {n} of the preliminary considerations." for n in range(40))
TEXT = (
    f"<p>{FILLER}</p><p>Operators &amp; regulators note that a &lt;b&gt; tag stays text, "
    "and that broadband access in rural areas remains uneven across regions.</p>"
)


def _snippets(client, q: str) -> list[str]:
    html = client.get(reverse("documents:list"), {"q": q}).content.decode()
    return re.findall(r'data-testid="snippet">(.*?)</div>', html, re.S)


def test_a_hit_shows_the_matching_passage_with_the_word_marked(client, meeting):
    make_document(meeting, title="Access in rural areas", text=TEXT)
    (snippet,) = _snippets(client, "broadband")
    assert re.search(r"<mark>broadband</mark> access in rural areas", snippet)
    # The passage is the one that matches, not the start of the text.
    assert "Paragraph 0 " not in snippet


def test_the_snippet_escapes_the_text_of_the_document(client, meeting):
    make_document(meeting, title="Access in rural areas", text=TEXT)
    (snippet,) = _snippets(client, "regulators")
    assert "&lt;b&gt; tag stays text" in snippet
    assert "<b>" not in snippet
    assert "&amp;" in snippet
    assert "<mark>regulators</mark>" in snippet


def test_browsing_without_words_shows_no_snippet(client, meeting):
    make_document(meeting, text=TEXT)
    html = client.get(reverse("documents:list")).content.decode()
    assert 'data-testid="snippet"' not in html
