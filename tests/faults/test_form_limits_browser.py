"""Issue 8 in Chromium: text over the request size is stopped before it is sent, with the
limit, and the typed text stays in the form."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from documents.models import Document
from tests.browser.helpers import login
from tests.factories.documents import DocumentFactory

pytestmark = [pytest.mark.browser, pytest.mark.faults]


def test_too_much_text_is_stopped_before_sending_and_kept(
    page, live_server, meeting, people, settings
):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 20_000
    document = DocumentFactory(meeting=meeting, title="Old title", text="Old text.")
    login(page, live_server, "secretariat")
    url = live_server.url + reverse("documents:edit", kwargs={"symbol": document.symbol})
    page.goto(url)
    expect(page.get_by_text("A form can send at most 19.5 KB of text.").first).to_be_visible()
    text = "The Council Working Group is invited to consider this proposal. " * 500
    page.locator("textarea[name=text]").fill(text)
    page.locator("input[name=title]").fill("New title")
    page.locator("form[method=post] [type=submit]").last.click()

    error = page.get_by_test_id("form-limit-error")
    expect(error).to_contain_text("at most 19.5 KB can be sent at once")
    expect(error).to_contain_text("your text is still here")
    assert page.url == url
    assert page.locator("textarea[name=text]").input_value() == text
    assert Document.objects.get(pk=document.pk).title == "Old title"
