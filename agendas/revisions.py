"""Issuing and adopting the agenda: each issue freezes the live draft as a revision (the
first issue in the agenda's own document, then Rev.N documents) and requests its PDF; the
chair records the adoption. Part of the agenda's services (``agendas.services`` re-exports
them), apart so that neither module outgrows a reader.

Permissions: as in ``agendas.services``, every write checks its ``rules`` permission itself.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from agendas import actors, positions
from agendas.actors import require
from agendas.caching import forget_public_page
from agendas.enums import AgendaState
from agendas.exceptions import AgendaError, NothingToIssue
from agendas.models import Agenda, AgendaRevision
from agendas.selectors import agenda_content, agenda_tree
from config.actors import person_of
from documents.enums import DocumentEventKind, SuffixKind
from documents.models import Document
from documents.rendering import pdf_language
from documents.services import (
    derived_symbol,
    document_derive,
    document_event_record,
    document_update,
)
from meetings.models import Meeting


def document_language(code: str) -> translation.override:
    """Words written into a document (its text, the titles of the usual items) in the
    document's language, whatever the language of the interface of whoever writes them."""
    return translation.override(pdf_language(code))


def agenda_document_html(*, agenda: Agenda, content: dict, language: str = "en") -> str:
    """The agenda as the text of its document, in the document's ``language``: what the PDF
    shows."""
    with document_language(language):
        return render_to_string(
            "agendas/agenda_document_text.html", {"agenda": agenda, "content": content}
        )


def _revision_document(
    agenda: Agenda, base: Document, number: int, content: dict, person
) -> tuple[Document, int]:
    """The document a revision is issued as, with the agenda as its text: the agenda's own
    document for the first issue, a derived Rev.N after. Fills ``content``'s symbol."""
    language = base.original_language
    if number == 0:
        content["symbol"] = base.symbol
        html = agenda_document_html(agenda=agenda, content=content, language=language)
        return document_update(actor=person, document=base, text=html), 0
    symbol = derived_symbol(base=base, kind=SuffixKind.REVISION, number=number)
    content["symbol"] = symbol
    document = document_derive(
        base=base,
        kind=SuffixKind.REVISION,
        text=agenda_document_html(agenda=agenda, content=content, language=language),
        title=f"{base.title} (Rev.{number})",
        actor=person,
    )
    if document.symbol != symbol:
        # Someone derived a revision of the agenda document by hand: follow its numbering
        # so the revision's label matches its symbol.
        number = document.suffix_number
        with document_language(language):
            label = _("Rev.%(number)s") % {"number": number}
        content.update(symbol=document.symbol, label=label)
        document = document_update(
            actor=person,
            document=document,
            text=agenda_document_html(agenda=agenda, content=content, language=language),
        )
    return document, number


@transaction.atomic
def agenda_issue_revision(
    *,
    agenda: Agenda,
    user,
    note: str = "",
    print_note: bool = True,
    document_titles: bool = False,
) -> AgendaRevision:
    """Freeze the live draft as the next revision: the first issue is the agenda's own
    document (CWG-Internet-21/1), later ones derive Rev.N documents (…/1(Rev.1)). The
    document's text becomes the rendered agenda and its PDF publication is requested (the
    render runs in Celery after commit). Refused when nothing changed since the last issue
    or when the agenda has no item. Adds an "agenda issued" line to the revision document's
    history. The PDF prints the note unless ``print_note`` is off, and the documents' titles
    beside their symbols only with ``document_titles``."""
    from documents.publishing import publication_request

    require(user, actors.ISSUE, agenda)
    agenda = positions.lock(agenda)
    meeting = Meeting.objects.select_related("body").get(pk=agenda.meeting_id)
    agenda.meeting = meeting
    base = Document.objects.get(pk=agenda.document_id)
    # The frozen items are the document's words ("3 (cont'd)"): in its language.
    with document_language(base.original_language):
        items = agenda_content(tree=agenda_tree(agenda=agenda))
    if not items:
        raise AgendaError(_("Add at least one item before issuing the agenda."))
    last = AgendaRevision.objects.filter(agenda=agenda).order_by("-number").first()
    if last is not None and last.items == items:
        if last.number == 0:
            raise NothingToIssue(_("Nothing has changed since the first issue."))
        raise NothingToIssue(_("Nothing has changed since %(label)s.") % {"label": last.label})
    revised_after_adoption = agenda.state == AgendaState.ADOPTED
    number = 0 if last is None else last.number + 1
    with document_language(base.original_language):
        label = _("First issue") if number == 0 else _("Rev.%(number)s") % {"number": number}
    content = {
        "items": items,
        "meeting": meeting.display_name,
        "body": meeting.body.name,
        "label": label,
        "revised_after_adoption": revised_after_adoption,
        "note": note.strip(),
        "print_note": print_note,
        "document_titles": document_titles,
    }
    document, number = _revision_document(agenda, base, number, content, user)
    revision = AgendaRevision.objects.create(
        agenda=agenda,
        number=number,
        document=document,
        content=content,
        adopted=revised_after_adoption,
        note=note.strip()[:500],
        issued_by=person_of(user),
    )
    document_event_record(
        kind=DocumentEventKind.AGENDA_ISSUED,
        document=document,
        actor=person_of(user),
        # The first issue: "Agenda issued". The note is kept as written, in no one language.
        note=f"Rev.{revision.number}" if revision.number else "",
    )
    publication_request(document=document, user=person_of(user))
    forget_public_page(agenda=agenda)
    return revision


@transaction.atomic
def agenda_adopt(*, agenda: Agenda, user, at: dt.datetime | None = None) -> Agenda:
    """The chair records that the meeting adopted its agenda (the latest issued revision),
    now or ``at`` the time it happened. Later changes can still be issued; those revisions
    say "Revised after adoption". Adds an "agenda adopted" line to the document's history."""
    require(user, actors.ADOPT, agenda)
    agenda = positions.lock(agenda)
    if agenda.state == AgendaState.ADOPTED:
        raise AgendaError(
            _("The agenda was already adopted on %(date)s.")
            % {"date": date_format(agenda.adopted_at, "d F Y")}
        )
    if not AgendaRevision.objects.filter(agenda=agenda).exists():
        raise AgendaError(
            _("Issue the agenda before adopting it: no revision has been issued yet.")
        )
    agenda.state = AgendaState.ADOPTED
    agenda.adopted_at = at or timezone.now()
    agenda.adopted_by = person_of(user)
    agenda.save(update_fields=["state", "adopted_at", "adopted_by", "updated_at"])
    document_event_record(
        kind=DocumentEventKind.AGENDA_ADOPTED, document=agenda.document, actor=person_of(user)
    )
    forget_public_page(agenda=agenda)
    return agenda
