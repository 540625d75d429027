"""Arabic: Django gives a long date ("16 ديسمبر، 2026") but no date with a time."""

DATETIME_FORMAT = "j F، Y، H:i"
