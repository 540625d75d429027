"""``{% document_rows rows %}``: the rows of a document table, written by
``documents.tables.rows_html`` (see there why not by the template engine)."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from documents.tables import rows_html

register = template.Library()


@register.simple_tag
def document_rows(rows: list[dict]) -> SafeString:
    return rows_html(rows)
