"""System checks of the proposal mails (registered in ``AgendasConfig.ready``)."""

from __future__ import annotations

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def check_site_url(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """Mails are sent by workers, which have no request to read the site's address from: in
    production their links need SITE_URL, or they would point wherever the last step was
    taken (or at localhost)."""
    if settings.DEBUG:
        return []
    site = settings.SITE_URL
    if not site:
        return [
            checks.Error(
                "SITE_URL is not set: the links in the mails about proposals would not lead "
                "to this site.",
                hint="Set SITE_URL to the address people use, e.g. https://agendum.example.org.",
                id="agendas.E001",
            )
        ]
    if not site.startswith(("https://", "http://")):
        return [
            checks.Error(
                f"SITE_URL must start with https:// or http://, not {site!r}.",
                id="agendas.E002",
            )
        ]
    if not site.startswith("https://"):
        return [
            checks.Warning(
                "SITE_URL is not an https:// address: mail links would send people to plain http.",
                id="agendas.W001",
            )
        ]
    return []
