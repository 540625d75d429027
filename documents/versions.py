"""Reads of a document's language versions: which one a reader sees, and the switcher."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from documents.enums import Language, VersionStatus
from documents.models import Document, DocumentVersion


@dataclass(frozen=True)
class LanguageTab:
    code: str
    name: str
    is_original: bool
    is_pending: bool
    is_current: bool


@dataclass(frozen=True)
class ShownVersion:
    """The language a reader sees: the original, or a version (``version`` set)."""

    language: str
    title: str
    version: DocumentVersion | None
    pending: bool
    tabs: list[LanguageTab]

    @property
    def pending_line(self) -> str:
        names = dict(Language.choices)
        return _("The %(language)s version is pending.") % {"language": str(names[self.language])}


def shown_version(document: Document, requested: str | None) -> ShownVersion:
    """What the document page shows for ``?lang=requested`` (the original by default)."""
    codes = document.language_codes
    # Issued in one language (most documents): nothing to read.
    versions = {v.language: v for v in document.versions.all()} if len(codes) > 1 else {}
    language = requested if requested in codes else document.original_language
    names = dict(Language.choices)

    def pending(code: str) -> bool:
        if code == document.original_language:
            return False
        version = versions.get(code)
        return version is None or version.status != VersionStatus.AVAILABLE

    tabs = [
        LanguageTab(
            code=code,
            name=str(names[code]),
            is_original=code == document.original_language,
            is_pending=pending(code),
            is_current=code == language,
        )
        for code in codes
    ]
    version = versions.get(language) if language != document.original_language else None
    title = (version.title if version and version.title else "") or document.title
    return ShownVersion(language, title, version, pending(language), tabs)
