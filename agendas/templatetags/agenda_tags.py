from __future__ import annotations

from urllib.parse import quote

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.http import RFC3986_SUBDELIMS

register = template.Library()


@register.simple_tag
def document_url(symbol: str) -> str:
    """The page of the document with this symbol (frozen content keeps symbols, not ids)."""
    try:
        return reverse("documents:detail", kwargs={"symbol": symbol})
    except NoReverseMatch:
        return ""


_SENTINEL = "SYMBOL-SENTINEL-0"


def document_url_parts() -> tuple[str, str]:
    """Prefix and suffix of a document page's address, reversed once for a whole page: the
    editor links a thousand allocated documents and reversing each costs more than the rest."""
    url = document_url(_SENTINEL)
    if not url:
        return "", ""
    prefix, _, suffix = url.partition(_SENTINEL)
    return prefix, suffix


@register.simple_tag(takes_context=True)
def doc_href(context, symbol: str) -> str:
    parts = context.get("doc_url_parts")
    if parts is None:
        return document_url(symbol)
    prefix, suffix = parts
    # Quoted as reverse() quotes a path (django.urls.resolvers): the same address.
    return f"{prefix}{quote(symbol, safe=RFC3986_SUBDELIMS + '/~:@')}{suffix}" if prefix else ""
