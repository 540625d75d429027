"""What the documents' writes share: the permission check with its sentence, and the
cleaning of languages, text and the search text."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from documents.enums import Language
from documents.exceptions import InvalidDocument
from documents.models import Document
from documents.text import html_to_text, looks_like_html, plain_to_html, sanitize_html

LANGUAGE_CODES = frozenset(Language.values)


def clean_languages(languages: Iterable[str], original_language: str) -> str:
    codes = [code for code in Language.values if code in set(languages) | {original_language}]
    unknown = set(languages) - LANGUAGE_CODES
    if unknown:
        raise InvalidDocument(
            _("Unknown language codes: %(codes)s.") % {"codes": ", ".join(sorted(unknown))}
        )
    return "," + ",".join(codes) + ","


def clean_text(text: str) -> str:
    text = text or ""
    return sanitize_html(text if looks_like_html(text) else plain_to_html(text))


def require(actor, perm: str, obj, refusal: str) -> None:
    if actor is None or not actor.has_perm(perm, obj):
        raise PermissionDenied(refusal)


def staff_only(body) -> str:
    return _("Only the secretariat of %(body)s registers and changes its documents.") % {
        "body": body.acronym
    }


def search_text(document: Document) -> str:
    parts = [document.symbol, document.title, document.source, html_to_text(document.text)]
    if document.pk:
        # Every language version is searched: a reader finds it by a word of any of them.
        for title, text in document.versions.values_list("title", "text"):
            parts += [title, html_to_text(text)]
    return "\n".join(parts)
