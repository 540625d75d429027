"""PDF rendering of documents with WeasyPrint.

The renderer is the last line of defence against document text that tries to read files or
reach the network: its URL fetcher answers only the project's own static files, addressed
under a made-up origin (``https://agendum.invalid/static/``), and refuses everything else —
``file://``, ``data:``, any host. A refusal stops the render with a sentence saying what was
refused; it is never silently skipped.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from documents.enums import Access, DocumentType, Language
from documents.exceptions import PublicationError
from documents.mastheads import masthead
from documents.text import sanitize_html
from meetings.enums import MeetingMode
from meetings.templatetags.meeting_dates import date_range

# Not a real host (.invalid is reserved, RFC 2606): nothing under it can ever be fetched
# from the network, and the fetcher maps it to the static files finders.
STATIC_ORIGIN = "https://agendum.invalid"
STATIC_BASE_URL = f"{STATIC_ORIGIN}/static/"
PDF_TEMPLATE = "documents/pdf/document.html"


class RenderRefused(PublicationError):
    """The HTML asked for a resource the renderer may not load. Permanent: retrying the
    same document gives the same answer."""


class RenderFailed(PublicationError):
    """WeasyPrint could not lay the document out."""


@dataclass(frozen=True)
class RenderedPdf:
    content: bytes
    pages: int


def _shorten(url: str, limit: int = 120) -> str:
    return url if len(url) <= limit else url[: limit - 1] + "…"


def static_path_for(url: str) -> str | None:
    """The static file path (``css/pdf.css``) that ``url`` names, or None when the URL is
    anything but a plain path under ``STATIC_BASE_URL``."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme != "https" or parts.netloc != "agendum.invalid":
        return None
    if parts.username or parts.password or parts.port:
        return None
    path = unquote(parts.path)
    if not path.startswith("/static/") or "\\" in path or "\x00" in path:
        return None
    relative = path.removeprefix("/static/")
    if not relative or relative != posixpath.normpath(relative) or relative.startswith(".."):
        return None
    return relative


def render_pdf(html: str) -> RenderedPdf:
    """Lay out a complete HTML page as a PDF. Relative URLs resolve under STATIC_BASE_URL.

    Raises RenderRefused when the page asks for anything but the project's static files,
    RenderFailed when WeasyPrint cannot lay it out.
    """
    # Imported here: WeasyPrint (and fontTools with it, ~50 MB) belongs to the worker that
    # renders, not to every web process that imports this module for prepare_text.
    from weasyprint import HTML
    from weasyprint.urls import FatalURLFetchingError

    from documents.fetcher import StaticFilesOnlyFetcher

    fetcher = StaticFilesOnlyFetcher()
    try:
        laid_out = HTML(string=html, base_url=STATIC_BASE_URL, url_fetcher=fetcher).render()
        content = laid_out.write_pdf()
    except FatalURLFetchingError as exc:
        raise RenderRefused(
            fetcher.problem() or _("The renderer refused a resource: %(error)s.") % {"error": exc}
        ) from exc
    except (ValueError, TypeError, LookupError, AssertionError, RecursionError) as exc:
        raise RenderFailed(
            _("WeasyPrint could not lay out the document (%(error)s).")
            % {"error": f"{type(exc).__name__}: {exc}"}
        ) from exc
    if problem := fetcher.problem():
        raise RenderRefused(problem)
    return RenderedPdf(content=content, pages=len(laid_out.pages))


# --- the official-document template -----------------------------------------------------

# Sources that take "the" in an official heading ("Contribution from the Russian Federation",
# "Report by the Secretary-General").
_ARTICLE_WORDS = (
    "Secretary-General",
    "Secretariat",
    "Chair",
    "Vice-Chair",
    "Director",
    "Federation",
    "Republic",
    "Kingdom",
    "United States",
    "Emirates",
    "Islands",
    "Netherlands",
    "Philippines",
    "Holy See",
    "Bahamas",
    "Gambia",
    "Comoros",
    "Maldives",
    "Sudan",
    "Niger",
)
# The heading above the title, by type, without and with "the" before the source. Whole
# sentences, so that each language words them its own way.
_SOURCE_LINES = {
    DocumentType.CONTRIBUTION: (
        gettext_lazy("Contribution from %(source)s"),
        # Translators: the source is a Member State or an officer: "the Russian Federation".
        gettext_lazy("Contribution from the %(source)s"),
    ),
    DocumentType.REPORT: (
        gettext_lazy("Report by %(source)s"),
        gettext_lazy("Report by the %(source)s"),
    ),
}
_NOTE_LINES = (gettext_lazy("Note by %(source)s"), gettext_lazy("Note by the %(source)s"))


def source_line(*, doc_type: str, source: str) -> str:
    """'Contribution from the Russian Federation', 'Report by the Secretary-General'."""
    source = source.strip()
    if not source:
        return ""
    first = source.split(",")[0]
    needs_article = not source.lower().startswith("the ") and any(
        word in first for word in _ARTICLE_WORDS
    )
    sentence = _SOURCE_LINES.get(doc_type, _NOTE_LINES)[1 if needs_article else 0]
    return str(sentence) % {"source": source}


def languages_line(codes: list[str]) -> str:
    """'English only'; 'Arabic, English, French'; nothing when issued in all six."""
    names = {code: str(label) for code, label in Language.choices}
    if len(codes) == 1:
        return _("%(language)s only") % {"language": names.get(codes[0], codes[0])}
    if set(codes) >= set(Language.values):
        return ""
    return ", ".join(names.get(code, code) for code in codes)


def meeting_parts(meeting) -> list[str]:
    """['21st meeting of CWG-Internet', 'Geneva', '10-11 February 2025']."""
    if meeting.mode == MeetingMode.VIRTUAL:
        place = _("virtual meeting")
    else:
        # "ITU Headquarters, Geneva" -> "Geneva": the heading names the city.
        place = meeting.venue.split(",")[-1].strip() if meeting.venue else ""
    parts = [meeting.display_name, place, date_range(meeting.start_date, meeting.end_date)]
    return [part for part in parts if part]


def meeting_line(meeting) -> str:
    """'21st meeting of CWG-Internet, Geneva, 10-11 February 2025'."""
    return ", ".join(meeting_parts(meeting))


def long_date(value) -> str:
    return f"{value.day} {value:%B %Y}"


# --- writing direction and language of the text -----------------------------------------


_SCRIPTS = (
    (
        "ar",
        re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]"),
    ),
    ("zh-CN", re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")),
    ("ru", re.compile("[\u0400-\u052f]")),
)
_LETTER = re.compile(r"[^\W\d_]")


def text_language(text: str) -> tuple[str | None, str | None]:
    """(lang, dir) for a run of text written mostly in Arabic, Chinese or Russian; (None,
    None) for Latin script or no letters. "Mostly" means more than half of its letters.
    (Regular expressions count in C: a 50-page text costs milliseconds, not a loop over
    every character in Python.)"""
    letters = len(_LETTER.findall(text))
    if not letters:
        return None, None
    for lang, pattern in _SCRIPTS:
        if len(pattern.findall(text)) * 2 > letters:
            return lang, "rtl" if lang == "ar" else None
    return None, None


_VOID = frozenset({"br", "hr", "img", "wbr"})
# Blocks whose language and direction are set from their own text.
_BLOCKS = frozenset({"p", "li", "h2", "h3", "h4", "blockquote", "ul", "ol", "table", "td", "th"})


class _Node:
    __slots__ = ("attrs", "children", "tag")

    def __init__(self, tag: str | None, attrs: list[tuple[str, str | None]]) -> None:
        self.tag = tag
        self.attrs = attrs
        self.children: list[_Node | str] = []


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node(None, [])
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = _Node(tag, attrs)
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(_Node(tag, attrs))

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def _block_texts(root: _Node) -> dict[int, str]:
    """The text of every block (by id of its node), children before parents, with an
    explicit stack: text nested hundreds deep must not exhaust Python's recursion limit."""
    texts: dict[int, str] = {}
    stack: list[tuple[_Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if not children_done:
            stack.append((node, True))
            stack.extend((c, False) for c in node.children if not isinstance(c, str))
            continue
        texts[id(node)] = "".join(c if isinstance(c, str) else texts[id(c)] for c in node.children)
    return texts


def _open_tag(node: _Node, texts: dict[int, str]) -> str:
    attrs = dict(node.attrs)
    if node.tag in _BLOCKS and "lang" not in attrs and "dir" not in attrs:
        lang, direction = text_language(texts[id(node)])
        if lang:
            attrs["lang"] = lang
        if direction:
            attrs["dir"] = direction
    rendered = "".join(
        f" {name}" if value is None else f' {name}="{escape(value)}"'
        for name, value in attrs.items()
    )
    return f"<{node.tag}{rendered}>"


def _serialize(root: _Node, out: list[str]) -> None:
    """Write the tree back as HTML, iteratively (see _block_texts)."""
    texts = _block_texts(root)
    stack: list[_Node | str | tuple[str]] = [root]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            out.append(escape(item, quote=False))
        elif isinstance(item, tuple):
            out.append(f"</{item[0]}>")
        else:
            if item.tag is not None:
                out.append(_open_tag(item, texts))
                if item.tag not in _VOID:
                    stack.append((item.tag,))
            stack.extend(reversed(item.children))


def prepare_text(value: str) -> SafeString:
    """The document's text, sanitized again (the stored text already was: this is the
    renderer not trusting its input), with ``lang`` and ``dir`` set on every block written
    mostly in Arabic (right to left), Chinese or Russian, so each gets its glyphs and
    direction."""
    builder = _TreeBuilder()
    builder.feed(sanitize_html(value))
    builder.close()
    out: list[str] = []
    _serialize(builder.root, out)
    # Safe: built from sanitize_html's output, with every text and attribute escaped again.
    return mark_safe("".join(out))  # noqa: S308


def document_context(document, language: str = "") -> dict:
    """The PDF template's context; with ``language``, that version's title, text and a
    masthead in that language (documents.mastheads)."""
    version = document.versions.filter(language=language).first() if language else None
    title = (version.title if version else "") or document.title
    lang, direction = text_language(title)
    own = language or "en"
    context = {
        "document": document,
        "static_base": STATIC_BASE_URL,
        "body_name": document.body.name,
        "meeting_line": meeting_line(document.meeting),
        "meeting_parts": meeting_parts(document.meeting),
        "date": long_date(document.date),
        "original": Language(document.original_language).label,
        "languages": languages_line(document.language_codes),
        "source_line": source_line(doc_type=document.doc_type, source=document.source),
        "title_lang": lang,
        "title_dir": direction,
        "restricted": document.access == Access.RESTRICTED,
        "text": prepare_text(version.text if version else document.text),
        "title": title,
        "masthead": masthead(language=own, original=document.original_language, date=document.date),
        "file_name": _file_name(version if version and version.file else document),
        "base": document.parent if document.parent_id else None,
    }
    return context


def _file_name(holder) -> str:
    return Path(holder.file.name).name if holder.file else ""


# The interface's code of each language a version is written in (documents.enums.Language).
INTERFACE_LANGUAGES = {"ar": "ar", "zh": "zh-hans", "en": "en", "fr": "fr", "ru": "ru", "es": "es"}


def pdf_language(language: str = "") -> str:
    """The interface language a PDF's fixed words are written in: its version's, whoever
    asks for it. The original's PDF is in English, like its masthead (``document_context``)."""
    return INTERFACE_LANGUAGES.get(language or "en", "en")


def page_footer() -> SafeString:
    """The CSS ``content`` of the page footer, "page 1 of 3", in the active language: the
    sentence is translated whole and its two numbers become the page counters."""
    # Translators: the footer of every page of a PDF: "page 1 of 3".
    sentence = _("page %(page)s of %(pages)s") % {"page": "\x00page\x00", "pages": "\x00pages\x00"}
    parts = []
    # Odd pieces are the counters' names, even ones the words around them.
    for index, piece in enumerate(re.split("\x00(pages?)\x00", sentence)):
        if index % 2:
            parts.append(f"counter({piece})")
        elif piece:
            # A CSS string: quotes, backslashes, line breaks and "<" (never "</style>") escaped.
            escaped = "".join(c if c.isalnum() or c == " " else f"\\{ord(c):x} " for c in piece)
            parts.append(f'"{escaped}"')
    # Safe: only counters and CSS strings whose every other character is escaped.
    return mark_safe(" ".join(parts))  # noqa: S308


def render_document_html(document, language: str = "") -> str:
    """The complete HTML page of ``document`` (in ``language``, the version's) as the PDF
    template lays it out. Its fixed words ("page 1 of 3", "Purpose", "Revision 1 to
    Document") are in that version's language, whatever the interface language of whoever
    asked for it."""
    with translation.override(pdf_language(language)):
        context = document_context(document, language)
        context["page_footer"] = page_footer()
        return render_to_string(PDF_TEMPLATE, context)


def render_document(document, language: str = "") -> RenderedPdf:
    """The PDF of ``document`` or of its version in ``language``. Raises RenderRefused or
    RenderFailed."""
    return render_pdf(render_document_html(document, language))
