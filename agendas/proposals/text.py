"""A proposal as the contribution document it becomes: its HTML text, its title and source,
and the citations the reference extractor finds in it (highlighted for the preview).

The submitted document and the preview are built by the same functions, so what the delegate
sees before submitting is what the registry stores and what gets linked.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from django.utils import timezone, translation
from django.utils.safestring import SafeString, mark_safe
from django.utils.timesince import timeuntil
from django.utils.translation import gettext, gettext_lazy, ngettext

from documents.enums import Language, ReferenceKind
from documents.models import Document, Instrument
from documents.references import extract_references
from documents.text import html_to_text
from meetings.dates import moment

# Headings of a contribution, as ITU contributions write them.
SECTIONS = (
    ("purpose", gettext_lazy("Purpose")),
    ("action_required", gettext_lazy("Action required")),
    ("references", gettext_lazy("References")),
    # Translators: a section heading of a contribution; "I" is its roman numeral, followed by
    # an em space.
    # An em space (U+2003) between numeral and title, written as the character: makemessages
    # does not read \u escapes, and the catalog would hold a string no lookup matches.
    ("introduction", gettext_lazy("I Introduction")),
    # Translators: a section heading of a contribution; "II" is its roman numeral.
    ("proposals", gettext_lazy("II Proposals")),
)
# The text fields of a Proposal, in the order of the form: the title, then the sections.
TEXT_FIELDS = ("title", *(name for name, _ in SECTIONS))
# "2.1<tab>To include ..." or "16 to prepare ...": a numbered paragraph keeps its number,
# set off by an em space as the printed contribution does.
_NUMBERED = re.compile(r"^(\d+(?:\.\d+)*)[\t ]+(\S.*)$")
_RULE = re.compile(r"^[_\-=\s]{3,}$")
DOCUMENT_TITLE_MAX = 500
SOURCE_MAX = 200
# The language of the contribution document a proposal becomes: ``document_register``
# records it as an English original, so its fixed words (title, headings, the annex list) are
# written in English whatever the proposer's interface language, and the preview shows them
# as the registry will store them.
DOCUMENT_LANGUAGE = Language.ENGLISH


def in_document_language():
    """The context in which the contribution document's fixed words are written."""
    return translation.override(DOCUMENT_LANGUAGE)


# What a proposal must hold to be submitted (a draft may hold anything), as the sentence
# listing what is missing names it.
REQUIRED_TEXT = {
    "title": gettext_lazy("the title of the proposed item"),
    "purpose": gettext_lazy("the purpose"),
    "action_required": gettext_lazy("the action required"),
    "proposals": gettext_lazy("the proposals"),
}


def missing_fields(fields: dict) -> list[str]:
    """The names of the required fields that ``fields`` leaves empty, in the form's order."""
    return [name for name in REQUIRED_TEXT if not (fields.get(name) or "").strip()]


def missing_sentence(names: list[str], *, submitted: bool = False) -> str:
    """ "Before submitting, write the purpose and the proposals." ("" when nothing is
    missing); for a proposal already submitted, what it must keep."""
    if not names:
        return ""
    labels = [str(REQUIRED_TEXT[name]) for name in names]
    listed = labels[0]
    if len(labels) > 1:
        # Translators: the last two of a list: "the purpose, the proposals and the title".
        listed = gettext("%(first)s and %(last)s") % {
            "first": ", ".join(labels[:-1]),
            "last": labels[-1],
        }
    if submitted:
        return gettext("A submitted proposal keeps %(missing)s: write it again.") % {
            "missing": listed
        }
    return gettext("Before submitting, write %(missing)s.") % {"missing": listed}


def annexes_html(annexes: list) -> str:
    """The annexes, listed at the end of the contribution document as ITU documents do."""
    if not annexes:
        return ""
    heading = html.escape(gettext("Annexes"))
    rows = "".join(
        f"<p>{html.escape(gettext('Annex %(n)s: %(name)s') % {'n': n, 'name': a.name})}</p>"
        for n, a in enumerate(annexes, start=1)
    )
    return f"<h2>{heading}</h2>{rows}"


def paragraphs(value: str) -> list[str]:
    """The paragraphs of a plain-text section: one per non-empty line (word processors
    paste one paragraph per line); separator rules of underscores are dropped."""
    lines = (line.strip() for line in (value or "").replace("\r\n", "\n").split("\n"))
    return [line for line in lines if line and not _RULE.match(line)]


def _paragraph_text(line: str) -> str:
    match = _NUMBERED.match(line)
    if match:
        return f"{match.group(1)}\u2003{match.group(2)}"
    return re.sub(r"\t+", " ", line)


def _highlight(text: str) -> str:
    """``text`` escaped, with each citation the extractor finds wrapped in <mark>."""
    out, last = [], 0
    for citation in extract_references(text):
        if citation.start < last:
            continue  # the documents inside a range share the span of "to": mark it once
        out.append(html.escape(text[last : citation.start]))
        out.append(
            f'<mark class="citation" title="{html.escape(citation.key)}">'
            f"{html.escape(citation.text)}</mark>"
        )
        last = citation.end
    out.append(html.escape(text[last:]))
    return "".join(out)


def sections_of(fields: dict) -> list[tuple[str, list[str]]]:
    """(heading, paragraphs) for each section that has text."""
    found = []
    for name, heading in SECTIONS:
        found_paragraphs = [_paragraph_text(p) for p in paragraphs(fields.get(name, ""))]
        if found_paragraphs:
            found.append((heading, found_paragraphs))
    return found


def document_html(fields: dict, *, highlight: bool = False) -> str:
    """The body of the contribution document: a heading per section, a paragraph per line."""
    escape = _highlight if highlight else html.escape
    parts = []
    for heading, found in sections_of(fields):
        parts.append(f"<h2>{html.escape(str(heading))}</h2>")
        parts.extend(f"<p>{escape(p)}</p>" for p in found)
    return "".join(parts)


def document_title(title: str) -> str:
    full = gettext("Proposal for a new agenda item: %(title)s") % {"title": title.strip()}
    return full if len(full) <= DOCUMENT_TITLE_MAX else title.strip()[:DOCUMENT_TITLE_MAX]


def source_label(member_state_name: str, co_sponsor_names: list[str]) -> str:
    """ "Russian Federation", "Russian Federation and Brazil", "Brazil, India and Kenya"."""
    names = [member_state_name, *[n for n in co_sponsor_names if n != member_state_name]]
    label = names[0]
    if len(names) > 1:
        label = gettext("%(first)s and %(last)s") % {
            "first": ", ".join(names[:-1]),
            "last": names[-1],
        }
    if len(label) > SOURCE_MAX:
        others = len(names) - 1
        label = ngettext(
            "%(state)s and %(n)s co-sponsoring Member State",
            "%(state)s and %(n)s co-sponsoring Member States",
            others,
        ) % {"state": member_state_name, "n": others}
    return label


def fields_of(proposal) -> dict:
    return {name: getattr(proposal, name) for name, _ in SECTIONS}


@dataclass(frozen=True)
class CitedItem:
    """One thing a proposal cites, as the preview lists it."""

    kind: str
    key: str
    label: str  # "Document CWG-Internet-21/1" or "PP Resolution 102 (Rev. Bucharest, 2022)"
    document: Document | None = None
    instrument: Instrument | None = None

    @property
    def is_document(self) -> bool:
        return self.kind == ReferenceKind.DOCUMENT


def cited_items(fields: dict, *, documents_qs) -> list[CitedItem]:
    """Each distinct citation of the text that ``document_html`` builds, in order, resolved
    against ``documents_qs`` (the documents the reader may see) and the known instruments.
    Two queries whatever the number of citations."""
    text = html_to_text(document_html(fields))
    keys: dict[str, str] = {}
    for citation in extract_references(text):
        keys.setdefault(citation.key, citation.kind)
    documents = {d.symbol: d for d in documents_qs.filter(symbol__in=list(keys))}
    instruments = {i.key: i for i in Instrument.objects.filter(key__in=list(keys))}
    items = []
    for key, kind in keys.items():
        if kind == ReferenceKind.DOCUMENT:
            label = gettext("Document %(symbol)s") % {"symbol": key}
            items.append(CitedItem(kind, key, label, document=documents.get(key)))
        else:
            items.append(CitedItem(kind, key, key, instrument=instruments.get(key)))
    return items


def preview_html(fields: dict) -> SafeString:
    # Every piece is escaped by document_html; only <h2>, <p> and <mark> are ours.
    with in_document_language():
        return mark_safe(document_html(fields, highlight=True))  # noqa: S308


def _when(value) -> str:
    """ "20 January 2027, 23:59 UTC", in the reader's language."""
    return moment(timezone.localtime(value))


def deadline_phrase(meeting) -> str:
    """ "deadline 20 January 2027, 23:59 UTC (in 3 weeks)", or "deadline passed on …: a
    proposal submitted now is marked late"."""
    deadline = meeting.contribution_deadline
    if deadline is None:
        return ""
    when = _when(deadline)
    if deadline <= timezone.now():
        return gettext("deadline passed on %(when)s: your submission will be late") % {"when": when}
    return gettext("deadline %(when)s (in %(left)s)") % {
        "when": when,
        "left": timeuntil(deadline, depth=1),
    }


def citation_links(items, replaced: dict) -> dict:
    """How each cited key is shown in the proposal's text, as on a document's page: a link
    to the registered document (its title, or what replaces it, on hover), to the
    instrument, or a marked span for what is not in the registry. ``items`` have ``key``,
    ``document`` and ``instrument``; ``replaced`` maps a document's pk to its latest
    revision."""
    from documents.linking import CitationLink

    links = {}
    for item in items:
        if item.document is not None:
            newer = replaced.get(item.document.pk)
            title = (
                gettext("%(old)s is replaced by %(new)s")
                % {"old": item.document.symbol, "new": newer.symbol}
                if newer
                else item.document.title
            )
            links[item.key] = CitationLink(url=item.document.get_absolute_url(), title=title)
        elif item.instrument is not None and getattr(item.instrument, "url", ""):
            links[item.key] = CitationLink(
                url=item.instrument.url,
                title=item.instrument.title or item.key,
                css_class="citation citation-instrument",
            )
        else:
            links[item.key] = CitationLink(
                title=gettext("Not in the registry"), css_class="citation citation-unresolved"
            )
    return links


def late_sentence(proposal) -> str:
    """ "Submitted after the deadline of 15 December 2026, 23:59 CET: marked late.\""""
    deadline = proposal.meeting.contribution_deadline
    if not proposal.is_late or deadline is None:
        return ""
    return gettext("Submitted after the deadline of %(when)s: marked late.") % {
        "when": _when(deadline)
    }


def deadline_warning(meeting) -> str:
    """The warning of a form or a draft once the deadline has passed (else "")."""
    deadline = meeting.contribution_deadline
    if deadline is None or not meeting.deadline_passed:
        return ""
    return gettext(
        "The deadline for contributions to the %(meeting)s was %(when)s: a proposal submitted "
        "now is accepted but marked late."
    ) % {"meeting": meeting.display_name, "when": _when(deadline)}
