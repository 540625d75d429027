"""English as the Union writes it: British formats, with the month in full in long dates
("16 December 2026", "16 December 2026, 23:59"), short dates day first (16/12/2026)."""

from django.conf.locale.en_GB.formats import *  # noqa: F403

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
