"""Document text: what users may write (sanitized HTML) and its plain-text form.

Sanitizing also bounds what a few bytes can cost the renderer (issue 11): a cell spanning
100,000 columns took WeasyPrint minutes and gigabytes, and text nested hundreds deep broke
every recursive walk over it. So spans are capped at MAX_SPAN, elements nested deeper than
MAX_DEPTH lose their tags (their text stays), and the text as a whole is refused past
MAX_TEXT_CHARS. Images are not allowed at all (``img`` is not in ALLOWED_TAGS), so there is
no image size to bound.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import nh3

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "sub",
    "sup",
    "blockquote",
    "ul",
    "ol",
    "li",
    "h2",
    "h3",
    "h4",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "a",
    "hr",
    "span",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start", "type"},
    "span": {"lang", "dir"},
    "p": {"lang", "dir"},
}
# Only web and mail links survive; file:, data:, javascript: and the like are dropped.
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}

# Real contributions span a few columns of a table; 50 is far above any we have seen.
MAX_SPAN = 50
# Lists in lists in tables: real texts stay under 10 levels.
MAX_DEPTH = 40
# About 500 pages of text; the form says so and keeps what was typed.
MAX_TEXT_CHARS = 2_000_000
_SPAN_ATTRS = frozenset({"colspan", "rowspan"})
_VOID = frozenset({"br", "hr", "img", "wbr"})

_TAG = re.compile(r"<[^>]+>")
_BLOCK_END = re.compile(r"</(p|li|h[2-4]|tr|blockquote)>|<br\s*/?>", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\u00a0]+")


class TextTooLong(ValueError):
    """The text is longer than MAX_TEXT_CHARS."""


def text_too_long_message(length: int) -> str:
    from django.utils.translation import gettext

    return gettext(
        "The text has %(length)s characters; at most %(limit)s fit in one document. "
        "Split it into an addendum, or attach it as a file."
    ) % {"length": f"{length:,}", "limit": f"{MAX_TEXT_CHARS:,}"}


def check_text_size(value: str) -> None:
    """Raise TextTooLong with a sentence when ``value`` is over MAX_TEXT_CHARS."""
    if value and len(value) > MAX_TEXT_CHARS:
        raise TextTooLong(text_too_long_message(len(value)))


def sanitize_html(value: str) -> str:
    """Keep the structure of a contribution (paragraphs, lists, tables, emphasis) and drop
    everything that could run, load or reach out: scripts, styles, images, iframes, forms.
    Then bound it: spans at MAX_SPAN, nesting at MAX_DEPTH (see the module's docstring)."""
    cleaned = nh3.clean(
        value or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
    bounder = _Bounder()
    bounder.feed(cleaned)
    bounder.close()
    return "".join(bounder.out)


def _span(value: str | None) -> str:
    try:
        number = int((value or "1").strip())
    except ValueError:
        return "1"
    return str(min(max(number, 1), MAX_SPAN))


class _Bounder(HTMLParser):
    """Writes nh3's (well-formed) output back with spans capped and the tags of elements
    deeper than MAX_DEPTH dropped. Event by event, with an explicit stack: no recursion."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []
        self.stack: list[tuple[str, bool]] = []  # (tag, whether it was written)

    def _start(self, tag: str, attrs, *, void: bool) -> bool:
        depth = sum(1 for _, kept in self.stack if kept)
        if depth >= MAX_DEPTH:
            return False
        rendered = "".join(
            f" {name}"
            if value is None
            else f' {name}="{html.escape(_span(value) if name in _SPAN_ATTRS else value)}"'
            for name, value in attrs
        )
        self.out.append(f"<{tag}{rendered}>")
        return True

    def handle_starttag(self, tag, attrs):
        kept = self._start(tag, attrs, void=tag in _VOID)
        if tag not in _VOID:
            self.stack.append((tag, kept))

    def handle_startendtag(self, tag, attrs):
        self._start(tag, attrs, void=True)

    def handle_endtag(self, tag):
        while self.stack:
            open_tag, kept = self.stack.pop()
            if kept:
                self.out.append(f"</{open_tag}>")
            if open_tag == tag:
                return

    def handle_data(self, data):
        self.out.append(data)

    def handle_entityref(self, name):
        self.out.append(f"&{name};")

    def handle_charref(self, name):
        self.out.append(f"&#{name};")


def looks_like_html(value: str) -> bool:
    return bool(re.search(r"<(p|br|ul|ol|li|table|h[1-6]|div|strong|em|b|i)\b", value or "", re.I))


def plain_to_html(value: str) -> str:
    """Plain text as typed (or pasted from a word processor) to paragraphs."""
    paragraphs = re.split(r"\n\s*\n", (value or "").strip())
    return "".join(
        "<p>" + html.escape(p).replace("\n", "<br>") + "</p>" for p in paragraphs if p.strip()
    )


def html_to_text(value: str) -> str:
    """Plain text of sanitized HTML, one line per block, for search and citation offsets."""
    text = _BLOCK_END.sub("\n", value or "")
    text = html.unescape(_TAG.sub("", text))
    lines = [_SPACES.sub(" ", line).strip() for line in text.splitlines()]
    return "\n".join(line for line in lines if line)
