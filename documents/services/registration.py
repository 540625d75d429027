"""Registration of a meeting's documents (under the next number or a given one), derived
documents (revisions, addenda, corrigenda), edits and listings for other meetings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from config.actors import person_of
from documents.allocation import (
    agenda_number,
    allocate_number,
    clash,
    derived_symbol,
    given_number,
    lock_counter,
    number_holder,
    symbol_for,
)
from documents.enums import Access, DocumentStatus, DocumentType, Language, SuffixKind
from documents.exceptions import InvalidDocument, StaleDocument
from documents.models import Document, DocumentListing
from documents.services.checks import clean_languages, clean_text, require, search_text, staff_only
from documents.services.references import references_resolve_to, references_sync
from meetings.models import Meeting, MemberState


def _state_named(source: str) -> MemberState | None:
    """The Member State a source names, when it is exactly one ("Russian Federation")."""
    return MemberState.objects.filter(name__iexact=(source or "").strip()).first()


def _submitted(token: str) -> Document | None:
    return Document.objects.filter(submission_token=token).first()


# Which permission lets a person register a document of this type (documents/rules.py).
REGISTER_PERMISSION = {
    DocumentType.CONTRIBUTION: "documents.register_contribution",
    DocumentType.AGENDA: "documents.register_agenda",
}


def _checked_series(series: str, *, title: str) -> str:
    """The series in capitals; refuses one that is not letters, and an empty title."""
    series = (series or "").strip().upper()
    if series and not series.isalpha():
        raise InvalidDocument(_("A series is letters only, such as INF."))
    if not title.strip():
        raise InvalidDocument(_("A document needs a title."))
    return series


@transaction.atomic
def document_register(
    *,
    actor,
    meeting: Meeting,
    title: str,
    source: str,
    doc_type: str = DocumentType.CONTRIBUTION,
    series: str = "",
    date: dt.date | None = None,
    original_language: str = Language.ENGLISH,
    languages: Iterable[str] = (),
    access: str = Access.PUBLIC,
    purpose: str = "",
    text: str = "",
    file=None,
    source_state: MemberState | None = None,
    submission_token: str | None = None,
    number: int | None = None,
    symbol: str | None = None,
) -> Document:
    """Register a document of ``meeting`` under the next free symbol of its series, or under
    the ``number`` or full ``symbol`` the secretariat gives (a number assigned elsewhere,
    imported history; a number in use is refused with a sentence naming its holder), and
    store the citations found in its text (resolved where the cited document exists). An
    agenda takes ``/1`` where its meeting keeps it.

    With a ``submission_token`` (one per form), sending the same form again returns the
    document it registered the first time instead of registering another one."""
    perm = REGISTER_PERMISSION.get(doc_type, "documents.add_document")
    require(actor, perm, meeting, staff_only(meeting.body))
    series = _checked_series(series, title=title)
    counter = lock_counter(meeting=meeting, series=series)
    # Checked under the counter lock: a second copy of the form sent at the same moment
    # waits for the first to commit and then finds its document.
    if submission_token and (existing := _submitted(submission_token)) is not None:
        return existing
    given = given_number(meeting=meeting, series=series, number=number, symbol=symbol)
    if given is not None:
        series, number, symbol = given
        if series != counter.series:
            lock_counter(meeting=meeting, series=series)
        if (holder := number_holder(meeting=meeting, series=series, number=number)) is not None:
            raise clash(holder)
        if Document.objects.filter(symbol=symbol).exists():
            raise clash(Document.objects.get(symbol=symbol))
    else:
        number = agenda_number(meeting=meeting, series=series, doc_type=doc_type)
        if number is None:
            number = allocate_number(meeting=meeting, series=series, counter=counter)
        symbol = symbol_for(meeting=meeting, series=series, number=number)
    if source_state is None:
        source_state = _state_named(source)
    document = Document(
        body_id=meeting.body_id,
        meeting=meeting,
        series=series,
        number=number,
        symbol=symbol,
        title=title.strip(),
        source=source.strip(),
        source_state=source_state,
        doc_type=doc_type,
        purpose=purpose,
        date=date or timezone.localdate(),
        original_language=original_language,
        languages=clean_languages(languages or [original_language], original_language),
        access=access,
        status=DocumentStatus.ISSUED,
        text=clean_text(text),
        created_by=person_of(actor),
        submission_token=submission_token or None,
    )
    if file is not None:
        document.file = file
    document.search_text = search_text(document)
    document.save()
    references_sync(document=document)
    references_resolve_to(document=document)
    return document


@transaction.atomic
def document_derive(
    *,
    base: Document,
    kind: str,
    title: str | None = None,
    text: str | None = None,
    date: dt.date | None = None,
    languages: Iterable[str] | None = None,
    actor,
    submission_token: str | None = None,
    number: int | None = None,
) -> Document:
    """Register a revision, addendum or corrigendum of ``base``: CWG-Internet-21/3(Rev.1).

    Numbered in turn per kind, or under the ``number`` given (imported history; one in use
    is refused naming its holder); the base row is locked so two at once get 1 and 2. The
    same ``submission_token`` sent twice returns the document of the first time."""
    if kind not in {SuffixKind.REVISION, SuffixKind.ADDENDUM, SuffixKind.CORRIGENDUM}:
        raise InvalidDocument(_("A derived document is a revision, an addendum or a corrigendum."))
    require(actor, "documents.add_document", base, staff_only(base.body))
    base = Document.objects.select_for_update().get(pk=base.base.pk)
    if submission_token and (existing := _submitted(submission_token)) is not None:
        return existing
    last = (
        Document.objects.filter(parent=base, suffix_kind=kind)
        .order_by("-suffix_number")
        .values_list("suffix_number", flat=True)
        .first()
    )
    if number is not None:
        holder = Document.objects.filter(parent=base, suffix_kind=kind, suffix_number=number)
        if (held := holder.only("symbol", "title").first()) is not None:
            raise clash(held)
    else:
        number = (last or 0) + 1
    source_text = text if text is not None else base.text
    document = Document(
        body_id=base.body_id,
        meeting_id=base.meeting_id,
        series=base.series,
        number=base.number,
        parent=base,
        suffix_kind=kind,
        suffix_number=number,
        symbol=derived_symbol(base=base, kind=kind, number=number),
        title=(title or base.title).strip(),
        source=base.source,
        source_state_id=base.source_state_id,
        doc_type=base.doc_type,
        purpose=base.purpose,
        date=date or timezone.localdate(),
        original_language=base.original_language,
        languages=clean_languages(
            languages if languages is not None else base.language_codes, base.original_language
        ),
        access=base.access,
        status=DocumentStatus.ISSUED,
        text=clean_text(source_text) if text is not None else base.text,
        created_by=person_of(actor),
        submission_token=submission_token or None,
    )
    document.search_text = search_text(document)
    document.save()
    references_sync(document=document)
    references_resolve_to(document=document)
    return document


# The one list of what a person may set on a document, in the order the admin and the forms
# show it (a tuple shares a row). The symbol fields are allocated, the record fields kept by
# these services; document_update refuses anything else, the admin shows the rest read-only
# and the registry's forms offer these fields (documents/forms.py; ``source_state`` follows
# from ``source`` there).
DESCRIPTION_FIELDS: tuple = (
    "title",
    ("source", "source_state"),
    ("doc_type", "purpose"),
    "date",
    ("original_language", "languages"),
    ("access", "status"),
)
CONTENT_FIELDS: tuple = ("text", "file")


def _flat(layout: tuple) -> tuple[str, ...]:
    return tuple(name for row in layout for name in ((row,) if isinstance(row, str) else row))


EDITABLE_FIELD_NAMES = _flat(DESCRIPTION_FIELDS + CONTENT_FIELDS)
EDITABLE_FIELDS = frozenset(EDITABLE_FIELD_NAMES)


@transaction.atomic
def document_update(
    *, actor, document: Document, expected_version: int | None = None, **fields
) -> Document:
    """Change a document's metadata or content. A change of content (title, text, file,
    languages) bumps ``version`` so the next publication renders it afresh.

    ``expected_version`` is the version the editor's form was opened on: if someone saved
    the document since, nothing is changed and ``StaleDocument`` says so."""
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"document_update() got unexpected fields: {sorted(unknown)}")
    perm = (
        "documents.change_contribution"
        if document.doc_type == DocumentType.CONTRIBUTION
        else "documents.change_document"
    )
    require(actor, perm, document, staff_only(document.body))
    if expected_version is not None:
        current = (
            Document.objects.select_for_update()
            .values_list("version", flat=True)
            .get(pk=document.pk)
        )
        if current != expected_version:
            raise StaleDocument(
                _(
                    "%(symbol)s was changed by someone else after you opened this form; "
                    "reload the page to see their changes, then make yours again."
                )
                % {"symbol": document.symbol}
            )
    if "source" in fields and "source_state" not in fields:
        fields["source_state"] = _state_named(fields["source"])
    if "text" in fields:
        fields["text"] = clean_text(fields["text"])
    if "languages" in fields:
        fields["languages"] = clean_languages(
            fields["languages"], fields.get("original_language", document.original_language)
        )
    if "title" in fields and not fields["title"].strip():
        raise InvalidDocument(_("A document needs a title."))
    changed = []
    for name, value in fields.items():
        if name == "file" and not value:
            continue
        if getattr(document, name) != value:
            setattr(document, name, value)
            changed.append(name)
    if not changed:
        return document
    if set(changed) & {"title", "text", "file", "languages", "source", "date"}:
        document.version = F("version") + 1
        changed.append("version")
    document.search_text = search_text(document)
    changed += ["search_text", "updated_at"]
    document.save(update_fields=changed)
    document.refresh_from_db(fields=["version"])
    if "text" in changed:
        references_sync(document=document)
    return document


@transaction.atomic
def document_list_for_meeting(*, actor, document: Document, meeting: Meeting, note: str = ""):
    """List ``document`` as an official document of another body's (or the same body's other)
    meeting. Listing it twice changes nothing."""
    require(
        actor,
        "documents.list_document",
        meeting,
        _("Only the secretariat of %(body)s lists documents for its meetings.")
        % {"body": meeting.body.acronym},
    )
    if document.meeting_id == meeting.pk:
        raise InvalidDocument(
            _("%(symbol)s is already a document of %(meeting)s.")
            % {"symbol": document.symbol, "meeting": meeting}
        )
    listing, _created = DocumentListing.objects.get_or_create(
        document=document, meeting=meeting, defaults={"note": note, "listed_by": person_of(actor)}
    )
    return listing
