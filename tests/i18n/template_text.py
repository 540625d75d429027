"""Finds the visible text a template shows outside a translation tag.

A template's text is what is left once the template language, comments, scripts, styles and
markup are taken away: if a word remains, a reader of another language meets English there.
Attributes that are read out or shown (aria-label, title, placeholder, alt) count as text too,
and so does a literal given to ``default``. Marks, numbers and the product's name do not.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE_DIRS = [ROOT / "templates"]

# The product's name and words that are the same in every language the Union uses.
ALLOWED = {"Agendum", "PDF", "CSV", "API", "ICS", "RSS", "Atom", "ITU", "UIT", "MSIE"}

_BLOCK_TRANSLATE = re.compile(
    r"{%-?\s*blocktrans(?:late)?\b.*?%}.*?{%-?\s*endblocktrans(?:late)?\s*-?%}", re.S
)
_COMMENT_BLOCK = re.compile(r"{%\s*comment\s*%}.*?{%\s*endcomment\s*%}", re.S)
_COMMENT = re.compile(r"{#.*?#}", re.S)
_VERBATIM_CODE = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.S | re.I)
_TAG_OR_VAR = re.compile(r"{%.*?%}|{{.*?}}", re.S)
_DEFAULT_LITERAL = re.compile(r"\|\s*default(?:_if_none)?\s*:\s*([\"'])(.*?)\1")
_HTML_TAG = re.compile(r"<[^>]*>", re.S)
_SHOWN_ATTRIBUTE = re.compile(
    r"\b(aria-label|aria-description|aria-roledescription|title|placeholder|alt)\s*=\s*"
    r"(\"[^\"]*\"|'[^']*')",
    re.I,
)
_WORD = re.compile(r"[^\W\d_]{2,}")


def _words(text: str) -> list[str]:
    return [w for w in _WORD.findall(html.unescape(text)) if w not in ALLOWED]


def untranslated_text(source: str) -> list[str]:
    """The pieces of ``source`` a reader sees in English whatever their language."""
    found: list[str] = []
    for match in _TAG_OR_VAR.finditer(source):
        for literal in _DEFAULT_LITERAL.finditer(match.group(0)):
            if _words(literal.group(2)):
                found.append(f"default:{literal.group(1)}{literal.group(2)}{literal.group(1)}")
    text = _COMMENT_BLOCK.sub(" ", source)
    text = _COMMENT.sub(" ", text)
    text = _BLOCK_TRANSLATE.sub(" ", text)
    text = _VERBATIM_CODE.sub(" ", text)
    text = _TAG_OR_VAR.sub(" ", text)
    for tag in _HTML_TAG.findall(text):
        for name, value in _SHOWN_ATTRIBUTE.findall(tag):
            if _words(value[1:-1]):
                found.append(f"{name}={value}")
    for piece in _HTML_TAG.sub("\n", text).split("\n"):
        piece = " ".join(piece.split())
        if _words(piece):
            found.append(piece)
    return found


def templates() -> list[Path]:
    return sorted(p for d in TEMPLATE_DIRS for p in d.rglob("*.html"))
