"""The registry's holdings beyond a meeting's own documents: documents issued outside the
meetings (UN documents, circulars, letters) and the language versions of a document."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from config.actors import person_of
from documents.enums import ExternalKind, VersionStatus
from documents.exceptions import InvalidDocument
from documents.external import external_symbol, normalize_sector_symbol
from documents.models import Document, DocumentVersion, ExternalDocument, Reference
from documents.services.checks import (
    LANGUAGE_CODES,
    clean_languages,
    clean_text,
    require,
    search_text,
    staff_only,
)


@transaction.atomic
def external_document_register(
    *,
    actor,
    symbol: str,
    title: str,
    kind: str | None = None,
    date: dt.date | None = None,
    issuer: str = "",
    url: str = "",
) -> tuple[ExternalDocument, bool]:
    """Register, or update, a document issued outside the bodies' meetings (a UN document,
    a circular, a circular letter, a sector document) under its own symbol, and point the
    citations of that symbol at it. No counter is used. Returns (document, created)."""
    require(
        actor,
        "documents.add_instrument",
        None,
        _("Only the secretariat of a body registers external documents."),
    )
    read = external_symbol(symbol)
    if read is None and kind != ExternalKind.SECTOR:
        raise InvalidDocument(
            _("“%(symbol)s” is not the symbol of a UN document, a circular or a letter.")
            % {"symbol": symbol}
        )
    canonical, kind = read or (normalize_sector_symbol(symbol), ExternalKind.SECTOR)
    if not canonical or not title.strip():
        raise InvalidDocument(_("An external document needs its symbol and its title."))
    if Document.objects.filter(symbol=canonical).exists():
        raise InvalidDocument(
            _("%(symbol)s is a document of a meeting already.") % {"symbol": canonical}
        )
    external, created = ExternalDocument.objects.update_or_create(
        symbol=canonical,
        defaults={
            "kind": kind,
            "title": title.strip(),
            "date": date,
            "issuer": issuer.strip(),
            "url": url.strip(),
        },
        create_defaults={
            "kind": kind,
            "title": title.strip(),
            "date": date,
            "issuer": issuer.strip(),
            "url": url.strip(),
            "created_by": person_of(actor),
        },
    )
    Reference.objects.filter(key=canonical, external__isnull=True).update(external=external)
    return external, created


@transaction.atomic
def document_version_set(
    *,
    actor,
    document: Document,
    language: str,
    title: str = "",
    text: str = "",
    file=None,
    status: str | None = None,
) -> DocumentVersion:
    """Set the version of ``document`` in ``language`` (not its original, which is the
    document's own title and text): available once it has a title and a text or a file,
    pending until then unless ``status`` says otherwise. The language joins those the
    document is issued in, and the document's search text takes in the version's words."""
    require(actor, "documents.change_document", document, staff_only(document.body))
    if language not in LANGUAGE_CODES:
        raise InvalidDocument(_("Unknown language code: %(code)s.") % {"code": language})
    if language == document.original_language:
        raise InvalidDocument(
            _("The original is the document itself: edit the document to change it.")
        )
    version, _created = DocumentVersion.objects.get_or_create(document=document, language=language)
    version.title = title.strip() or version.title
    version.text = clean_text(text) if text else version.text
    if file is not None:
        version.file = file
    ready = bool(version.title and (version.text or version.file))
    version.status = status or (VersionStatus.AVAILABLE if ready else VersionStatus.PENDING)
    version.save()
    document.languages = clean_languages(
        [*document.language_codes, language], document.original_language
    )
    document.search_text = search_text(document)
    document.version = F("version") + 1
    document.save(update_fields=["languages", "search_text", "version", "updated_at"])
    document.refresh_from_db(fields=["version"])
    return version
