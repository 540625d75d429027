"""The draft text of a summary of decisions, and the HTML it becomes once registered.

The secretariat edits the draft as plain text in a text box, with three marks a person
reads without explanation: a line starting "# " is a section heading, "## " an item
heading, "- " an entry of a list; blank lines separate paragraphs. ``to_html`` turns that
into the sanitized HTML that documents keep (``Document.text``) and the PDF renders.
"""

from __future__ import annotations

from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.translation import gettext as _

from agendas.decisions.selectors import SummaryRecords
from agendas.enums import ProposalState
from agendas.models import Proposal
from agendas.proposals import steps

S = ProposalState


def _date(value) -> str:
    return date_format(value, "DATE_FORMAT") if value else ""


def _who(proposal: Proposal) -> str:
    who = proposal.member_state.name
    if proposal.document_id:
        who += f" ({proposal.document.symbol})"
    return who


def decision_sentence(proposal: Proposal) -> str:
    """ "Included in the agenda on 14 March 2025. Rationale: ..." for one proposal."""
    if proposal.state == S.WITHDRAWN:
        return _("Withdrawn by the proposer.")
    phrase = steps.decision_phrase(proposal)
    if proposal.decided_at:
        # Translators: %(decision)s is "included in the agenda", "rejected", "deferred to ...".
        sentence = _("%(decision)s on %(date)s.") % {
            "decision": phrase,
            "date": _date(proposal.decided_at),
        }
    else:
        sentence = _("%(decision)s.") % {"decision": phrase}
    sentence = sentence[:1].upper() + sentence[1:]
    if proposal.decision_rationale.strip():
        rationale = " ".join(proposal.decision_rationale.split())
        sentence += " " + _("Rationale: %(rationale)s") % {"rationale": rationale}
    return sentence


def _heading(records: SummaryRecords) -> list[str]:
    meeting = records.meeting
    # No title line: the document's page and its PDF print the title above the text.
    lines = [
        _("%(body)s, %(start)s to %(end)s.")
        % {
            "body": meeting.body.name,
            "start": _date(meeting.start_date),
            "end": _date(meeting.end_date),
        },
        "",
    ]
    if records.agenda is None:
        lines += [_("The meeting has no agenda."), ""]
    else:
        symbol = records.agenda.document.symbol
        lines.append(
            _("Agenda %(symbol)s, as adopted.") % {"symbol": symbol}
            if records.agenda_adopted
            else _("Agenda %(symbol)s, draft as it stands; not yet adopted.") % {"symbol": symbol}
        )
        lines.append("")
    return lines


def _items(records: SummaryRecords) -> list[str]:
    lines: list[str] = []
    for item in records.items:
        lines += [f"## {item.number} {item.title}", ""]
        if item.documents:
            lines.append(_("Documents considered:"))
            lines += [f"- {symbol} {title}" for symbol, title in item.documents]
            lines.append("")
        if item.proposal is not None:
            lines += [
                _("Proposal of %(who)s: %(decision)s")
                % {"who": _who(item.proposal), "decision": decision_sentence(item.proposal)},
                "",
            ]
    return lines


def _proposal_entries(proposals: list[Proposal], *, deferred_from: bool = False) -> list[str]:
    lines = []
    for proposal in proposals:
        values = {
            "title": proposal.title,
            "who": _who(proposal),
            "meeting": proposal.meeting.display_name,
            "decision": decision_sentence(proposal),
        }
        if deferred_from:
            entry = _("%(title)s, proposal of %(who)s, deferred from the %(meeting)s: %(decision)s")
        else:
            entry = _("%(title)s, proposal of %(who)s: %(decision)s")
        lines.append("- " + entry % values)
    return [*lines, ""]


def draft_text(records: SummaryRecords) -> str:
    """The summary as the records give it, for the secretariat to edit."""
    lines = _heading(records) + _items(records)
    if records.not_included:
        lines += ["# " + _("Proposals not included in the agenda"), ""]
        lines += _proposal_entries(records.not_included)
    if records.deferred_here:
        lines += ["# " + _("Deferred from earlier meetings"), ""]
        lines += _proposal_entries(records.deferred_here, deferred_from=True)
    return "\n".join(lines).strip() + "\n"


def to_html(text: str) -> str:
    """The edited plain text as HTML: headings, lists and paragraphs, everything escaped."""
    html: list[str] = []
    entries: list[str] = []
    paragraph: list[str] = []

    def close() -> None:
        if entries:
            html.append("<ul>" + "".join(f"<li>{e}</li>" for e in entries) + "</ul>")
            entries.clear()
        if paragraph:
            html.append("<p>" + "<br>".join(paragraph) + "</p>")
            paragraph.clear()

    for raw in text.replace("\r\n", "\n").split("\n"):
        line = raw.strip()
        if not line:
            close()
        elif line.startswith("## ") or line.startswith("# "):
            close()
            tag = "h3" if line.startswith("## ") else "h2"
            html.append(f"<{tag}>{escape(line.lstrip('#').strip())}</{tag}>")
        elif line.startswith("- "):
            if paragraph:
                close()
            entries.append(escape(line[2:].strip()))
        else:
            if entries:
                close()
            paragraph.append(escape(line))
    close()
    return "\n".join(html)
