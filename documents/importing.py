"""Import of a secretariat's document history from a CSV file.

Columns: ``symbol,title,date,source,type,languages,original_language,access,url,file``; only
``symbol`` and ``title`` are required. ``symbol`` is read as printed by the symbol grammar
(``documents.symbols``) or as an external document's symbol (``documents.external``). Each
row is its own transaction and lands under its exact (canonical) symbol through the
registry's services, so citations are extracted and resolved as for any registration. A
second run updates what changed and creates nothing twice. ``manage.py import_documents``
and the admin's import page both use ``DocumentImport``."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from documents import services
from documents.enums import Access, DocumentType, Language
from documents.exceptions import DocumentsError
from documents.external import external_symbol
from documents.models import Document, ExternalDocument
from documents.symbols import FORMER_PREFIXES, ParsedSymbol, parse_symbol, same_series_keys
from meetings import services as meeting_services
from meetings.enums import MeetingIdentity
from meetings.exceptions import MeetingsError
from meetings.models import Body, Meeting

COLUMNS = (
    "symbol",
    "title",
    "date",
    "source",
    "type",
    "languages",
    "original_language",
    "access",
    "url",
    "file",
    # Not among the columns, read when present: the text, whose citations are kept.
    "text",
)
CREATED, UPDATED, UNCHANGED, REFUSED = "created", "updated", "unchanged", "refused"
ATTACHABLE = {".pdf", ".doc", ".docx"}
# Rows committed together: one commit (and fsync) per batch instead of per row, each row
# still in its own savepoint, so a refused row is rolled back alone and the others land.
BATCH = 500


def _english_words(choices) -> dict[str, str]:
    """The English labels of ``choices`` (casefolded) to their codes: a file's words are
    English whatever the language of the person who imports it."""
    with translation.override(None):
        return {str(label).casefold(): code for code, label in choices}


# Language as the document lists print it: letters of the symbol suffix, codes or names.
_LANGUAGE_WORDS = {
    **{code: code for code in Language.values},
    **{"a": "ar", "c": "zh", "e": "en", "f": "fr", "r": "ru", "s": "es"},
    **_english_words(Language.choices),
}
_TYPE_WORDS = {v: v for v in DocumentType.values} | _english_words(DocumentType.choices)


class Refused(Exception):
    """A row that cannot be imported; the message is the sentence of the report."""


class _DryRun(Exception):
    """Rolls back the whole run of ``--dry-run`` once every row has been tried."""


@dataclass
class RowResult:
    line: int
    symbol: str
    outcome: str
    reason: str = ""


@dataclass
class ImportReport:
    rows: list[RowResult] = field(default_factory=list)

    @property
    def counts(self) -> Counter:
        return Counter(row.outcome for row in self.rows)

    @property
    def refused(self) -> list[RowResult]:
        return [row for row in self.rows if row.outcome == REFUSED]

    def summary(self) -> str:
        c = self.counts
        return _(
            "%(created)d created, %(updated)d updated, %(unchanged)d unchanged, "
            "%(refused)d refused."
        ) % {
            "created": c[CREATED],
            "updated": c[UPDATED],
            "unchanged": c[UNCHANGED],
            "refused": c[REFUSED],
        }


def read_rows(stream: Iterable[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) of a CSV text whose first line names the columns."""
    reader = csv.DictReader(stream)
    missing = {"symbol", "title"} - {(name or "").strip() for name in reader.fieldnames or ()}
    if missing:
        raise Refused(_("The CSV file needs the columns symbol and title."))
    for row in reader:
        clean = {(k or "").strip(): (v or "").strip() for k, v in row.items() if k}
        yield reader.line_num, clean


def _date(value: str) -> dt.date | None:
    if not value:
        return None
    for pattern in ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y", "%d %B %Y", "%d %b %Y"):
        try:
            return dt.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise Refused(_("The date “%(value)s” is not a date such as 2024-06-12.") % {"value": value})


def _languages(value: str) -> list[str]:
    words = [w for w in value.replace(";", ",").replace("/", ",").replace(" ", ",").split(",") if w]
    words = [w for w in words if w.casefold() != "only"]
    codes = [_LANGUAGE_WORDS.get(w.casefold()) for w in words]
    if None in codes:
        raise Refused(_("The languages “%(value)s” are not among the six.") % {"value": value})
    return codes


def _doc_type(value: str) -> str:
    return _TYPE_WORDS.get(value.casefold(), DocumentType.OTHER) if value else DocumentType.OTHER


def _access(value: str) -> str:
    if not value or value.casefold() in {"public", "yes"}:
        return Access.PUBLIC
    return Access.RESTRICTED


class DocumentImport:
    """One run of the import: ``run(rows)`` tries every row and returns the report."""

    def __init__(
        self,
        *,
        actor,
        create_meetings: bool = False,
        dry_run: bool = False,
        base_dir: Path | None = None,
        allow_files: bool = True,
    ):
        self.actor = actor
        self.create_meetings = create_meetings
        self.dry_run = dry_run
        self.base_dir = base_dir or Path.cwd()
        # A file path names a file on the server: only the command, run there, may read it.
        self.allow_files = allow_files
        self._bodies: dict[str, Body] | None = None
        self._meetings: dict[tuple[int, str], Meeting] = {}
        # Symbols of the current batch already registered (None: look every row up).
        self._known: set[str] | None = None

    # ----------------------------------------------------------------------- the run
    def run(self, rows: Iterable[tuple[int, dict[str, str]]]) -> ImportReport:
        report = ImportReport()
        try:
            # A dry run tries every row for real, inside one transaction it then rolls back:
            # later rows see what earlier ones would have made.
            with transaction.atomic(durable=False) if self.dry_run else _nothing():
                for batch in _batches(rows, BATCH):
                    with transaction.atomic():
                        self._prefetch(batch)
                        report.rows.extend(self.import_row(line, row) for line, row in batch)
                if self.dry_run:
                    raise _DryRun
        except _DryRun:
            self._bodies, self._meetings = None, {}
        return report

    def _prefetch(self, batch: list[tuple[int, dict[str, str]]]) -> None:
        """The symbols of the batch already registered, in one query: a row whose symbol is
        not among them skips the look-up of the document it would update."""
        keys: set[str] = set()
        for _line, row in batch:
            parsed = parse_symbol(row.get("symbol", ""))
            if parsed is not None:
                keys.update(same_series_keys(parsed.key))
        self._known = set(Document.objects.filter(symbol__in=keys).values_list("symbol", flat=True))

    def import_row(self, line: int, row: dict[str, str]) -> RowResult:
        printed = row.get("symbol", "")
        try:
            with transaction.atomic():
                outcome, symbol = self._row(row)
        except (Refused, DocumentsError, MeetingsError, PermissionDenied, ValidationError) as exc:
            self._forget_uncommitted()
            return RowResult(line, printed, REFUSED, _reason(exc))
        except IntegrityError:
            self._forget_uncommitted()
            return RowResult(line, printed, REFUSED, _("Its symbol is held by another document."))
        return RowResult(line, symbol, outcome)

    # ----------------------------------------------------------------------- one row
    def _row(self, row: dict[str, str]) -> tuple[str, str]:
        printed, title = row.get("symbol", ""), row.get("title", "")
        if not printed:
            raise Refused(_("The row has no symbol."))
        if not title:
            raise Refused(_("The row has no title."))
        if (external := external_symbol(printed)) is not None:
            return self._external(external[0], row)
        parsed = parse_symbol(printed)
        if parsed is None:
            raise Refused(
                _("“%(symbol)s” is not a symbol the registry reads.") % {"symbol": printed}
            )
        if parsed.system not in {"body", "council"} or not parsed.meeting:
            raise Refused(
                _("%(symbol)s names no meeting: register it from its meeting.")
                % {"symbol": parsed.key}
            )
        series_keys = same_series_keys(parsed.key)
        existing = None
        if self._known is None or self._known.intersection(series_keys):
            existing = Document.objects.filter(symbol__in=series_keys).first()
        if existing is not None:
            return self._update(existing, row), existing.symbol
        if parsed.suffixes:
            return CREATED, self._remember(self._derived(parsed, row).symbol)
        meeting = self._meeting(parsed, _date(row.get("date", "")))
        document = services.document_register(
            actor=self.actor,
            meeting=meeting,
            symbol=printed,
            title=title,
            source=row.get("source", ""),
            doc_type=_doc_type(row.get("type", "")),
            date=_date(row.get("date", "")),
            **self._languages(row),
            access=_access(row.get("access", "")),
            text=row.get("text", ""),
            file=self._file(row.get("file", "")),
        )
        return CREATED, self._remember(document.symbol)

    def _remember(self, symbol: str) -> str:
        # A later row of the batch with the same symbol updates this one, not creates it.
        if self._known is not None:
            self._known.add(symbol)
        return symbol

    def _languages(self, row: dict[str, str]) -> dict:
        original = _languages(row.get("original_language", "")) or [Language.ENGLISH]
        return {
            "original_language": original[0],
            "languages": _languages(row.get("languages", "")) or original[:1],
        }

    def _fields(self, row: dict[str, str]) -> dict:
        fields = {"title": row["title"], "access": _access(row.get("access", ""))}
        if row.get("source"):
            fields["source"] = row["source"]
        if row.get("type"):
            fields["doc_type"] = _doc_type(row["type"])
        if row.get("date"):
            fields["date"] = _date(row["date"])
        if row.get("languages") or row.get("original_language"):
            langs = self._languages(row)
            fields["original_language"] = langs["original_language"]
            fields["languages"] = sorted(set(langs["languages"]) | {langs["original_language"]})
        return fields

    def _update(self, document: Document, row: dict[str, str]) -> str:
        fields = self._fields(row)
        current = {name: getattr(document, name) for name in fields}
        if "languages" in current:
            current["languages"] = sorted(document.language_codes)
        changed = {name: value for name, value in fields.items() if current[name] != value}
        if not changed:
            return UNCHANGED
        services.document_update(actor=self.actor, document=document, **changed)
        return UPDATED

    def _derived(self, parsed: ParsedSymbol, row: dict[str, str]) -> Document:
        kind, number = parsed.suffixes[-1]
        if len(parsed.suffixes) > 1 or not number.isdigit():
            raise Refused(
                _("%(symbol)s: only one numbered revision, addendum or corrigendum is read.")
                % {"symbol": parsed.key}
            )
        base = Document.objects.filter(symbol__in=same_series_keys(parsed.base().key)).first()
        if base is None:
            raise Refused(
                _("The base document %(base)s of %(symbol)s is not registered; import it first.")
                % {"base": parsed.base().key, "symbol": parsed.key}
            )
        return services.document_derive(
            actor=self.actor,
            base=base,
            kind=kind,
            number=int(number),
            title=row["title"],
            date=_date(row.get("date", "")),
        )

    def _external(self, symbol: str, row: dict[str, str]) -> tuple[str, str]:
        before = ExternalDocument.objects.filter(symbol=symbol).values().first()
        external, created = services.external_document_register(
            actor=self.actor,
            symbol=symbol,
            title=row["title"],
            date=_date(row.get("date", "")),
            issuer=row.get("source", ""),
            url=row.get("url", ""),
        )
        if created:
            return CREATED, external.symbol
        after = ExternalDocument.objects.filter(pk=external.pk).values().first()
        return (UNCHANGED if before == after else UPDATED), external.symbol

    def _file(self, value: str):
        if not value:
            return None
        if not self.allow_files:
            raise Refused(_("Files are attached with manage.py import_documents, not here."))
        path = (self.base_dir / value).resolve()
        if path.suffix.casefold() not in ATTACHABLE or not path.is_file():
            raise Refused(
                _("The file %(file)s is not a PDF or Word file that can be read.") % {"file": value}
            )
        return File(path.open("rb"), name=path.name)

    # ------------------------------------------------------------------ meetings, bodies
    def bodies(self) -> dict[str, Body]:
        if self._bodies is None:
            self._bodies = {
                prefix.casefold(): body
                for body in Body.objects.all()
                for prefix in body.all_prefixes
            }
        return self._bodies

    def _meeting(self, parsed: ParsedSymbol, date: dt.date | None) -> Meeting:
        body = self.bodies().get(parsed.prefix.casefold()) or self.bodies().get(
            parsed.body_prefix.casefold()
        )
        if body is None:
            body = self._new_body(parsed)
        key = (body.pk, parsed.meeting)
        if key not in self._meetings:
            self._meetings[key] = self._find_meeting(body, parsed) or self._new_meeting(
                body, parsed, date
            )
        return self._meetings[key]

    def _find_meeting(self, body: Body, parsed: ParsedSymbol) -> Meeting | None:
        code = int(parsed.meeting)
        candidates = Meeting.objects.filter(body=body, number__in={code, _year(parsed)})
        head = parsed.key.split("/", 1)[0].casefold()
        for meeting in candidates.select_related("body"):
            if meeting.symbol_stem.casefold() == head or meeting.number == code:
                return meeting
        return next(iter(candidates), None)

    def _new_body(self, parsed: ParsedSymbol) -> Body:
        if not self.create_meetings:
            raise Refused(
                _("No body has the symbol prefix %(prefix)s (import with --create-meetings).")
                % {"prefix": parsed.prefix}
            )
        present = FORMER_PREFIXES.get(parsed.prefix, parsed.prefix)
        council = parsed.system == "council"
        former = ", ".join(old for old, new in FORMER_PREFIXES.items() if new == present)
        body = meeting_services.body_create(
            actor=self.actor,
            acronym="Council" if council else present,
            name=_("ITU Council") if council else present,
            slug=slugify(present.replace("&", "-")) or "council",
            symbol_prefix="C" if council else present,
            symbol_joiner="" if council else "-",
            former_prefixes=former,
        )
        self._bodies = None
        return body

    def _new_meeting(self, body: Body, parsed: ParsedSymbol, date: dt.date | None) -> Meeting:
        if not self.create_meetings:
            raise Refused(
                _("%(body)s has no meeting %(meeting)s (import with --create-meetings).")
                % {"body": body.acronym, "meeting": parsed.meeting}
            )
        council = parsed.system == "council"
        number = _year(parsed) if council else int(parsed.meeting)
        day = date or (dt.date(number, 1, 1) if council else dt.date.today())
        return meeting_services.meeting_create(
            actor=self.actor,
            body=body,
            number=number,
            identity_kind=MeetingIdentity.YEAR if council else MeetingIdentity.ORDINAL,
            start_date=day,
            end_date=day,
        )

    def _forget_uncommitted(self) -> None:
        """A refused row rolls back what it created: forget the bodies and meetings cached."""
        self._bodies, self._meetings = None, {}


def _batches(rows: Iterable, size: int) -> Iterator[list]:
    batch = []
    for item in rows:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _year(parsed: ParsedSymbol) -> int:
    code = int(parsed.meeting)
    if len(parsed.meeting) == 4:
        return code
    return 2000 + code if code < 80 else 1900 + code


def _reason(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return " ".join(exc.messages)
    return str(exc)


class _nothing:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def import_text(text: str, **options) -> ImportReport:
    """Import a CSV given as text (the admin's upload)."""
    return DocumentImport(**options).run(read_rows(io.StringIO(text)))
