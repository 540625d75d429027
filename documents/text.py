"""Document text: what users may write (sanitized HTML) and its plain-text form."""

from __future__ import annotations

import html
import re

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

_TAG = re.compile(r"<[^>]+>")
_BLOCK_END = re.compile(r"</(p|li|h[2-4]|tr|blockquote)>|<br\s*/?>", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\u00a0]+")


def sanitize_html(value: str) -> str:
    """Keep the structure of a contribution (paragraphs, lists, tables, emphasis) and drop
    everything that could run, load or reach out: scripts, styles, images, iframes, forms."""
    return nh3.clean(
        value or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


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
