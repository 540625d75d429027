"""What a reader sees of a page, and whether English is left in it where the page is French.

The visible text of a page is its text nodes (not scripts or styles) and the attributes that
are shown or read out. What the users of the demo wrote (titles, texts, names, symbols) is
data: it is in English because it was written in English, so it is set aside before looking.
What is left must not read as English: a node that is a whole string of the catalog (whose
French differs) was not translated when the page was made; a node with English function words
was never marked.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

from django.apps import apps
from django.db import models

SHOWN_ATTRIBUTES = {"title", "aria-label", "placeholder", "alt", "aria-description"}
# Words that English needs in a sentence and French never uses.
_ENGLISH = """
the of and to is are this that your you with has have will can from be been was were which
there yet not by it its an no for at all any each when what who how into than only more
here must may should would could them they their these those our we if do does did being
after before about without yours please
"""
ENGLISH_WORDS = frozenset(_ENGLISH.split())
_JOINS = re.compile(r"\s*[·…|—:]\s*")
_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class _Text(HTMLParser):
    """Text nodes and shown attributes, leaving out scripts, styles and whatever an element
    declares to be in another language (``lang="en"`` on the switcher's "English")."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self._open: list[tuple[str, bool]] = []  # (tag, hidden) of the elements still open
        self._page_language = ""

    def _hidden(self) -> bool:
        return any(hidden for _, hidden in self._open)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self._page_language = attrs.get("lang") or ""
            return
        foreign = bool(attrs.get("lang")) and attrs["lang"] != self._page_language
        # A textarea holds a field's value: text a person writes (or a draft in the language
        # of the document it becomes), not the interface's words. A <template> is read: what
        # it holds is shown once a script copies it in (the editor's buttons, its status).
        hidden = tag in ("script", "style", "textarea") or foreign
        if not (hidden or self._hidden()):
            self.pieces.extend(v for k, v in attrs.items() if k in SHOWN_ATTRIBUTES and v)
        if tag not in VOID:
            self._open.append((tag, hidden))

    def handle_endtag(self, tag):
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index][0] == tag:
                del self._open[index:]
                break

    def handle_data(self, data):
        if not self._hidden():
            self.pieces.append(data)


def _norm(text: str) -> str:
    return " ".join(unescape(text).split()).strip(" …:·,.;()[]«»\"'")


def visible_text(html: str) -> list[str]:
    parser = _Text()
    parser.feed(html)
    return [t for t in (_norm(p) for p in parser.pieces) if t]


def data_strings() -> list[str]:
    """Every text the database holds (the demo's users wrote them), longest first."""
    found: set[str] = set()
    for model in apps.get_models():
        if model._meta.app_label not in {"meetings", "documents", "agendas", "auth"}:
            continue
        fields = [
            f.attname
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField) and not f.choices
        ]
        if not fields:
            continue
        for row in model.objects.values_list(*fields):
            for value in row:
                if value and len(value) > 1:
                    found.add(" ".join(value.split()))
                    found.update(_norm(line) for line in value.splitlines() if _norm(line))
    return sorted(found, key=len, reverse=True)


class EnglishFinder:
    """Finds English in a page rendered in another language."""

    def __init__(self, *, catalog: dict[str, str], data: list[str]):
        # Whole strings of the catalog whose translation is not the English itself.
        self.untranslated = {_norm(k) for k, v in catalog.items() if v and _norm(k) != _norm(v)}
        self.data = data
        self._data_text = "\n".join(data)
        self._data_lines = set(data)
        self._joined = [v for v in data if _JOINS.search(v)]

    def _without_data(self, text: str) -> str:
        """``text`` less what users wrote: whole values, and pieces between the marks that
        join or cut them ("Title of a docu… · Agendum": a cut title is part of a value)."""
        if text in self._data_text:
            return ""
        # Values the marks would cut in two go first ("Contribution from Brazil: …"), then
        # each piece loses a value cut short at its end, then the values inside it.
        for value in self._joined:
            text = text.replace(value, " ")
        left = []
        for piece in _JOINS.split(text):
            piece = self._without_cut_value(piece.strip())
            for value in self.data:
                if len(value) > 2 and value in piece:
                    piece = piece.replace(value, " ")
            left.append(piece.strip())
        return " ".join(p for p in left if p)

    def _without_cut_value(self, piece: str) -> str:
        """``piece`` less the end of it that is the start of a value cut short ("Sub-item of
        5.1 Outcome of the online open consul")."""
        words = piece.split(" ")
        for start in range(len(words)):
            tail = " ".join(words[start:])
            if (len(tail) >= 12 and tail in self._data_text) or tail in self._data_lines:
                return " ".join(words[:start])
        return piece

    def english(self, html: str) -> list[str]:
        left = []
        for text in visible_text(html):
            rest = self._without_data(text)
            if not rest.strip():
                continue
            if text in self.untranslated:
                left.append(text)
                continue
            words = [w.lower() for w in _WORD.findall(rest)]
            if any(w in ENGLISH_WORDS for w in words):
                left.append(text)
        return left
