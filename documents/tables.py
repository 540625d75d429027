"""The rows of a document table (the registry's list and search, a meeting's documents),
made in Python: what each row shows (``table_rows``) and its HTML (``rows_html``, written
by ``{% document_rows %}`` in ``documents/_document_table.html``).

Why not the template engine: each row is some twenty tags, variables and escapes, about
25 µs of the engine's time; a meeting of 284 documents spent 7 ms of its page on them,
the registry's 25 rows 0.6 ms. Everything a person wrote goes through ``escape``; the search
snippet comes escaped already, with only our own ``<mark>`` (documents.snippets). The words
(types, languages, months, badges) are translated once per table, not once per row."""

from __future__ import annotations

from html import escape

from django.utils.dates import MONTHS_3
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from documents.enums import Access, DocumentType, Language
from documents.models import Document


def month_abbreviations() -> dict[int, str]:
    """ "Jan" ... "Dec" in the active language, as the ``M`` date format writes them (read
    once per page, not once per row)."""
    return {month: str(name).title() for month, name in MONTHS_3.items()}


def table_rows(documents: list[Document]) -> list[dict]:
    """What a row of a document table shows. The documents come with the fields that
    ``documents.selectors.row_joins`` loads; ``listed_from`` (a meeting) and ``snippet`` are
    read when a view set them."""
    rows = []
    months = month_abbreviations()
    types = {value: str(label) for value, label in DocumentType.choices}
    languages = {code: str(label) for code, label in Language.choices}
    only = {name: gettext("%(language)s only") % {"language": name} for name in languages.values()}
    for document in documents:
        codes = document.language_codes
        names = [languages[c] for c in codes if c in languages]
        listed_from = getattr(document, "listed_from", None)
        rows.append(
            {
                "symbol": document.symbol,
                "url": document.get_absolute_url(),
                "title": document.title,
                "source": document.source,
                "type": types.get(document.doc_type, document.doc_type),
                "date": f"{document.date.day} {months[document.date.month]} {document.date.year}",
                "languages": " ".join(codes),
                "languages_line": only[names[0]] if len(names) == 1 else ", ".join(names),
                "restricted": document.access == Access.RESTRICTED,
                "status": "" if document.status == "issued" else document.get_status_display(),
                "listed_from": listed_from.symbol_stem if listed_from is not None else "",
                "snippet": getattr(document, "snippet", ""),
            }
        )
    return rows


def rows_html(rows: list[dict]) -> SafeString:
    """The ``<tr>`` of each row of ``table_rows``, for the table's ``<tbody>``."""
    # Outside the f-string: xgettext does not read calls inside one.
    restricted_word = escape(gettext("Restricted"))
    restricted = f' · <span class="badge text-bg-warning">{restricted_word}</span>'
    listed_from = gettext("Listed from <bdi>%(stem)s</bdi>")
    parts = []
    for row in rows:
        date = escape(row["date"])
        badges = restricted if row["restricted"] else ""
        if row["status"]:
            badges += f' · <span class="badge text-bg-secondary">{escape(row["status"])}</span>'
        extra = ""
        if row["snippet"]:
            snippet = conditional_escape(row["snippet"])
            extra += f'<div class="small search-snippet" data-testid="snippet">{snippet}</div>'
        listed_class = ""
        if row["listed_from"]:
            listed_class = ' class="listed-row"'
            badge = listed_from % {"stem": escape(row["listed_from"])}
            extra += f'<div><span class="badge text-bg-info listed-badge">{badge}</span></div>'
        parts.append(
            f"<tr{listed_class}>"
            f'<td class="text-nowrap"><bdi><a class="symbol" href="{escape(row["url"])}">'
            f"{escape(row['symbol'])}</a></bdi></td>"
            f"<td><div>{escape(row['title'])}</div>"
            f'<div class="small text-body-secondary">{escape(row["source"])}'
            f'<span class="d-sm-none"> · {date}</span>{badges}</div>{extra}</td>'
            f'<td class="small d-none d-md-table-cell">{escape(row["type"])}</td>'
            f'<td class="small text-nowrap d-none d-sm-table-cell">{date}</td>'
            f'<td class="small text-uppercase d-none d-xl-table-cell" '
            f'title="{escape(row["languages_line"])}">{escape(row["languages"])}</td>'
            "</tr>\n"
        )
    return mark_safe("".join(parts))  # noqa: S308 - every value escaped above
