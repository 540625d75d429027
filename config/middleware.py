"""Project-wide middleware."""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.middleware.gzip import GZipMiddleware

from config.permissions import LoginRequired


class LoginRedirectMiddleware:
    """Turns ``LoginRequired`` raised by a view into a redirect to the login page.

    Not named LoginRequiredMiddleware: Django 5.1 ships one of that name which does
    something else (it makes every view private unless marked otherwise).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, LoginRequired):
            return redirect_to_login(request.get_full_path())
        return None


class HtmlGZipMiddleware(GZipMiddleware):
    """Django's GZipMiddleware (random padding against BREACH included) for HTML pages only:
    they are the heavy answers a browser waits for (the agenda editor: 3.7 KB an item). The
    JSON API is left as it is: its clients and its schema checks read plain bodies today."""

    def process_response(self, request, response):
        if not response.get("Content-Type", "").startswith("text/html"):
            return response
        return super().process_response(request, response)
