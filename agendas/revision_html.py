"""The frozen items of an issued revision (or a draft laid out as one) as HTML, written in
Python.

Why not a template: a member's first visit after an issue makes the new revision's HTML
(agendas.caching keeps it after that), and for 200 items with 1,000 documents Django's
template engine spent about 30 ms on it, most of that visit; this loop writes the same markup
in a few ms, as agendas/editor_html.py does for the editor. Everything from the items
(numbers, titles, descriptions, sessions, symbols) goes through ``escape``.
"""

from __future__ import annotations

from html import escape
from urllib.parse import quote

from django.utils.http import RFC3986_SUBDELIMS
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import normalize_newlines
from django.utils.translation import gettext as _

from agendas.templatetags.agenda_tags import document_url_parts

_SAFE = RFC3986_SUBDELIMS + "/~:@"  # as reverse() quotes a path: the same address


def _text(value) -> str:
    return escape(str(value if value is not None else ""), quote=True)


def revision_items_html(*, items: list[dict], members: bool, symbol: str = "") -> SafeString:
    """``items`` as ``AgendaRevision.items`` gives them; ``members``: whether the reader may
    see the titles of restricted documents; ``symbol``: the agenda's own symbol, cited by
    "Adoption of the agenda"."""
    if not items:
        empty = escape(_("This revision has no items."))
        return mark_safe(f'<div class="empty-state"><p class="mb-0">{empty}</p></div>')  # noqa: S308
    late = escape(_("Late"))
    restricted = escape(_("Restricted to members"))
    prefix, suffix = document_url_parts()
    out = ['<ol class="agenda-frozen list-unstyled mb-0" data-testid="agenda-items">']
    previous = object()
    for item in items:
        session = item.get("session")
        if session != previous:
            previous = session
            if session:
                out.append(
                    '<li class="agenda-session-heading" data-testid="agenda-session">'
                    f'<h3 class="h6 mt-3 mb-1">{_text(session)}</h3></li>'
                )
        out.append(
            f'<li class="agenda-row depth-{_text(item.get("depth"))}">'
            f'<span class="agenda-num">{_text(item.get("number"))}</span>'
            f'<div class="agenda-body"><div class="agenda-title">{_text(item.get("title"))}'
        )
        if item.get("is_late"):
            out.append(f' <span class="badge text-bg-warning">{late}</span>')
        out.append("</div>")
        description = item.get("description")
        if description:
            text = _text(normalize_newlines(str(description))).replace("\n", "<br>")
            out.append(f'<div class="agenda-desc">{text}</div>')
        if item.get("fixed") == "adoption" and symbol:
            out.append(
                f'<div class="agenda-docs"><span class="symbol">{_text(symbol)}</span></div>'
            )
        documents = item.get("documents") or ()
        if documents:
            out.append('<ul class="agenda-docs list-unstyled mb-0">')
            for document in documents:
                shown = _text(document.get("symbol"))
                if document.get("restricted") and not members:
                    out.append(
                        f'<li><span class="symbol">{shown}</span> '
                        f'<span class="badge text-bg-light border">{restricted}</span></li>'
                    )
                    continue
                if prefix:
                    href = _text(
                        f"{prefix}{quote(str(document.get('symbol')), safe=_SAFE)}{suffix}"
                    )
                    link = f'<a class="symbol" href="{href}">{shown}</a>'
                else:
                    link = f'<span class="symbol">{shown}</span>'
                out.append(
                    f'<li>{link} <span class="doc-title">{_text(document.get("title"))}</span></li>'
                )
            out.append("</ul>")
        out.append("</div></li>")
    out.append("</ol>")
    return mark_safe("".join(out))  # noqa: S308 - every value above is escaped
