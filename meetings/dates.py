"""Dates as the Union prints them, in the active language: "5 March 2025", "10-11 February
2025". Each shape is a message whose pieces (day, month name, year) a language may reorder;
the month is Django's translated month name in the form a date takes ("марта", not "март")."""

from __future__ import annotations

import datetime as dt

from django.utils.formats import date_format
from django.utils.translation import pgettext


def _month(value: dt.date) -> str:
    # Translators: how a month is written inside a date, as a Django date format: "E" is the
    # month's name in the form a date takes ("марта", "mars"); Chinese writes "n月" (3月).
    return date_format(value, pgettext("month in a date", "E"))


def long_date(value: dt.date, *, zero_padded: bool = False) -> str:
    """5 March 2025 (05 March 2025 with ``zero_padded``)."""
    # Translators: one date, "5 March 2025"; %(month)s is the month's name.
    return pgettext("date", "%(day)s %(month)s %(year)s") % {
        "day": f"{value.day:02d}" if zero_padded else value.day,
        "month": _month(value),
        "year": value.year,
    }


def date_range(start: dt.date | None, end: dt.date | None) -> str:
    """10-11 February 2025; 28 February-1 March 2025; 30 December 2025-2 January 2026."""
    if start is None:
        return ""
    if end is None or end == start:
        return long_date(start)
    if (start.year, start.month) == (end.year, end.month):
        # Translators: the dates of a meeting within one month, "10-11 February 2025".
        return pgettext("dates", "%(start_day)s-%(end_day)s %(month)s %(year)s") % {
            "start_day": start.day,
            "end_day": end.day,
            "month": _month(end),
            "year": end.year,
        }
    if start.year == end.year:
        # Translators: the dates of a meeting across two months, "28 February-1 March 2025".
        return pgettext(
            "dates", "%(start_day)s %(start_month)s-%(end_day)s %(end_month)s %(year)s"
        ) % {
            "start_day": start.day,
            "start_month": _month(start),
            "end_day": end.day,
            "end_month": _month(end),
            "year": end.year,
        }
    # Translators: the dates of a meeting across two years, "30 December 2025-2 January 2026".
    return pgettext("dates", "%(start)s-%(end)s") % {
        "start": long_date(start),
        "end": long_date(end),
    }


def moment(value: dt.datetime) -> str:
    """16 December 2026, 23:59 CET: a deadline or a step, in the language's own long form."""
    return f"{date_format(value, 'DATETIME_FORMAT')} {date_format(value, 'T')}"
