"""Meeting dates as the Union prints them: ``{{ start|date_range:end }}``. Kept in
meetings (it is about meetings), not a project-wide library; the wording of each shape is in
``meetings/dates.py``, translated."""

from __future__ import annotations

from django import template

from meetings.dates import date_range

register = template.Library()

register.filter("date_range", date_range)

__all__ = ["date_range", "register"]
