"""Turn the citations in a document's stored (sanitized) HTML into links.

The text is walked node by node with the standard HTML parser: tags are written back as the
sanitizer left them, and only text nodes are searched for citations. Every piece of text is
escaped again on the way out, so nothing a person typed can become markup. Text that is
already inside a link is left alone.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from documents.references import extract_references
from documents.symbols import parse_symbol

# Elements without an end tag: they never open a nesting level.
_VOID = {"br", "hr", "img", "wbr", "col", "area", "input", "meta", "link", "source"}


@dataclass(frozen=True)
class CitationLink:
    """How one cited key is shown: a link (``url``), or a marked span with a ``title``."""

    url: str = ""
    title: str = ""
    css_class: str = "citation"


class _Linker(HTMLParser):
    def __init__(self, resolve: Callable[[str, str], CitationLink | None]):
        super().__init__(convert_charrefs=True)
        self.resolve = resolve
        self.out: list[str] = []
        self.in_link = 0

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.in_link += 1
        self.out.append(self.get_starttag_text() or "")

    def handle_startendtag(self, tag, attrs):
        self.out.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag):
        if tag == "a" and self.in_link:
            self.in_link -= 1
        if tag not in _VOID:
            self.out.append(f"</{tag}>")

    def handle_data(self, data):
        if self.in_link:
            self.out.append(escape(data, quote=False))
            return
        position = 0
        for citation in extract_references(data):
            link = self.resolve(citation.key, citation.kind)
            # the documents inside a range share the span of "to": link it once
            if link is None or citation.start < position:
                continue
            self.out.append(escape(data[position : citation.start], quote=False))
            shown = escape(citation.text, quote=False)
            title = f' title="{escape(link.title)}"' if link.title else ""
            if link.url:
                self.out.append(
                    f'<a class="{escape(link.css_class)}" href="{escape(link.url)}"{title}>'
                    f"{shown}</a>"
                )
            else:
                self.out.append(f'<span class="{escape(link.css_class)}"{title}>{shown}</span>')
            position = citation.end
        self.out.append(escape(data[position:], quote=False))


def link_citations(html: str, links: Mapping[str, CitationLink]) -> SafeString:
    """``html`` (already sanitized) with each citation whose key is in ``links`` made into
    a link or a marked span. Keys not in ``links`` stay plain text."""
    parser = _Linker(lambda key, kind: links.get(key))
    parser.feed(html or "")
    parser.close()
    return mark_safe("".join(parser.out))  # noqa: S308 - tags from nh3, text escaped above


_UN_RESOLUTIONS = {
    "A": gettext_noop("United Nations General Assembly resolution %(number)s"),
    "E": gettext_noop("ECOSOC resolution %(number)s"),
    "S": gettext_noop("Security Council resolution %(number)s"),
}


def citation_name(key: str, kind: str) -> str:
    """The canonical name of the instrument or UN document ``key`` ("" for ITU documents)."""
    parsed = parse_symbol(key) if "/" in key else None
    if parsed is None or parsed.system != "un":
        return key if kind != "document" else ""
    parts = parsed.series.split("/")
    if parts[0] == "RES" and parsed.prefix in _UN_RESOLUTIONS and not parsed.suffixes:
        return _(_UN_RESOLUTIONS[parsed.prefix]) % {"number": "/".join(parts[1:])}
    return _("United Nations document %(symbol)s") % {"symbol": key}


def un_url(key: str) -> str:
    """Where the United Nations publish the UN symbol ``key`` ("" for anything else)."""
    parsed = parse_symbol(key) if "/" in key else None
    return f"https://undocs.org/{key}" if parsed is not None and parsed.system == "un" else ""
