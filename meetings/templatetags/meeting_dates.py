"""Meeting dates as the Union prints them: ``{{ start|date_range:end }}``. Kept in
meetings (it is about meetings), not a project-wide library."""

from __future__ import annotations

import datetime as dt

from django import template

register = template.Library()


@register.filter
def date_range(start: dt.date | None, end: dt.date | None) -> str:
    """10-11 February 2025; 28 February-1 March 2025; 30 December 2025-2 January 2026."""
    if start is None:
        return ""
    if end is None or end == start:
        return f"{start.day} {start:%B %Y}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}-{end.day} {end:%B %Y}"
    if start.year == end.year:
        return f"{start.day} {start:%B}-{end.day} {end:%B %Y}"
    return f"{start.day} {start:%B %Y}-{end.day} {end:%B %Y}"
