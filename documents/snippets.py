"""The passage of a found document that matches the search, with the words marked.

PostgreSQL cuts it with ``ts_headline`` (the same parser and query as the search itself);
SQLite, which has no such function, gets a plain excerpt around the first word found. Either
way the text is escaped here and only our own ``<mark>`` tags are added, so a document's
text can never put markup on the results page."""

from __future__ import annotations

import re

from django.db import connection
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from documents.models import Document

# Private-use characters: they never occur in a document's text, so after escaping they are
# the only places where a <mark> may go.
START, STOP, LT, GT = "\ue000", "\ue001", "\ue002", "\ue003"
WIDTH = 220  # characters of a plain excerpt
_HEADLINE = (
    f"StartSel={START}, StopSel={STOP}, MaxWords=30, MinWords=12, "
    'MaxFragments=2, FragmentDelimiter=" … "'
)
_WORD = re.compile(r"[^\W_]+(?:[-'’.&+/][^\W_]+)*", re.UNICODE)


def _body(search_text: str) -> str:
    # search_text is symbol, title and source on their own lines, then the text: a row
    # already shows the first three.
    parts = search_text.split("\n", 3)
    return " ".join((parts[3] if len(parts) == 4 else search_text).split())


def _marked(raw: str) -> SafeString:
    html = escape(raw).replace(START, "<mark>").replace(STOP, "</mark>")
    return mark_safe(html)  # noqa: S308 - escaped above; only our own tags added


def _plain_excerpt(body: str, terms: list[str]) -> str:
    if not body:
        return ""
    pattern = re.compile("|".join(re.escape(t) for t in terms), re.IGNORECASE) if terms else None
    found = pattern.search(body) if pattern else None
    start = 0
    if found and found.start() > WIDTH // 3:
        # A third of the excerpt before the word, starting on a word.
        start = body.rfind(" ", 0, found.start() - WIDTH // 3) + 1
    excerpt = body[start : start + WIDTH]
    if start + WIDTH < len(body):
        excerpt = excerpt.rsplit(" ", 1)[0] + " …"
    if start:
        excerpt = "… " + excerpt
    if pattern:
        excerpt = pattern.sub(lambda m: f"{START}{m.group(0)}{STOP}", excerpt)
    return excerpt


def _postgres_headlines(ids: list[int], q: str) -> dict[int, str]:
    with connection.cursor() as cursor:
        cursor.execute(
            # Lines 4 onwards: the text after symbol, title and source (see _body).
            # ts_headline's parser drops anything that looks like a tag ("a <b> tag"):
            # angle brackets go in as other private-use characters and come back after.
            "SELECT id, ts_headline('simple'::regconfig, "
            "translate(array_to_string((string_to_array(search_text, E'\\n'))[4:], ' '), "
            "'<>', %s), websearch_to_tsquery('simple'::regconfig, %s), %s) "
            "FROM documents_document WHERE id = ANY(%s)",
            [LT + GT, q, _HEADLINE, ids],
        )
        return {pk: text.replace(LT, "<").replace(GT, ">") for pk, text in cursor.fetchall()}


def search_snippets(*, documents: list[Document], q: str) -> dict[int, SafeString]:
    """For each document, the passage that matches ``q``, escaped, the words in ``<mark>``.
    One query for the whole page."""
    ids = [d.pk for d in documents]
    if not ids or not q.strip():
        return {}
    if connection.vendor == "postgresql":
        raw = _postgres_headlines(ids, q)
    else:
        terms = _WORD.findall(q)[:8]
        texts = Document.objects.filter(pk__in=ids).values_list("pk", "search_text")
        raw = {pk: _plain_excerpt(_body(text), terms) for pk, text in texts}
    return {pk: _marked(text) for pk, text in raw.items() if text}
