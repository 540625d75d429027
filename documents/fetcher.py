"""The URL fetcher of the PDF renderer: only the project's static files (documents.rendering
imports it when it renders, so that web processes never load WeasyPrint)."""

from __future__ import annotations

import mimetypes
from pathlib import Path

from django.contrib.staticfiles import finders
from django.utils.translation import gettext as _
from weasyprint.urls import URLFetcher, URLFetcherResponse

from documents.rendering import _shorten, static_path_for


class StaticFilesOnlyFetcher(URLFetcher):
    """Answers ``https://agendum.invalid/static/<path>`` from the static files finders (the
    same files ``collectstatic`` would collect) and refuses every other URL by raising.

    With ``fail_on_errors=True`` WeasyPrint turns a refusal into ``FatalURLFetchingError``,
    which stops the render. Some of its code paths (SVG drawing) swallow even that, so every
    refusal is also recorded here and checked after the render.
    """

    def __init__(self) -> None:
        super().__init__(allowed_protocols=("https",), allow_redirects=False, fail_on_errors=True)
        self.refused: list[str] = []
        self.missing: list[str] = []
        self.served: list[str] = []

    def fetch(self, url, headers=None):
        relative = static_path_for(url)
        if relative is None:
            self.refused.append(url)
            raise PermissionError(f"Refused to load {_shorten(url)}")
        found = finders.find(relative)
        if not found or not Path(found).is_file():
            self.missing.append(relative)
            raise FileNotFoundError(f"No static file {relative}")
        content_type = mimetypes.guess_type(found)[0] or "application/octet-stream"
        self.served.append(relative)
        return URLFetcherResponse(url, Path(found).read_bytes(), {"Content-Type": content_type})

    def problem(self) -> str | None:
        """The sentence explaining the first refused or missing resource, if any."""
        if self.refused:
            return _("The text refers to %(url)s, which publications may not load.") % {
                "url": _shorten(self.refused[0])
            }
        if self.missing:
            return _(
                "The PDF template needs the static file %(path)s, which does not exist; run "
                "collectstatic or restore the file."
            ) % {"path": self.missing[0]}
        return None
