"""English as the Union writes it: the British formats (25 Oct 2026, 25/10/2026, 14:30)."""

from django.conf.locale.en_GB.formats import *  # noqa: F403
