"""A reader switches a document between English and French in a real browser; the
secretariat publishes the French PDF with a real worker and downloads it: its masthead reads
in French, "Original : anglais" included."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from documents import services
from tests.browser.helpers import login
from tests.documents.publishing_support import make_document, pdf_text
from tests.factories.meetings import registrar

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("pdf_media")]

FRENCH_TITLE = "Proposition d'un nouveau point de l'ordre du jour"


@pytest.mark.worker
@pytest.mark.usefixtures("celery_worker_thread")
def test_switch_to_french_and_download_the_french_pdf(page, live_server, meeting, people):
    document = make_document(meeting, languages=["en", "fr"])
    services.document_version_set(
        actor=registrar(),
        document=document,
        language="fr",
        title=FRENCH_TITLE,
        text="Le Groupe est invité à examiner ce point.",
    )
    login(page, live_server, "secretariat")
    page.goto(f"{live_server.url}{document.get_absolute_url()}")
    switcher = page.get_by_test_id("language-switcher")
    expect(page.locator("h1")).to_contain_text("Proposal for a new agenda item")
    switcher.get_by_role("link", name="French").click()
    expect(page.locator("h1")).to_have_text(FRENCH_TITLE)
    expect(page.get_by_test_id("document-text")).to_contain_text("Le Groupe est invité")
    switcher.get_by_role("link", name="English").click()
    expect(page.locator("h1")).to_contain_text("Proposal for a new agenda item")
    switcher.get_by_role("link", name="French").click()

    panel = page.get_by_test_id("publications")
    panel.get_by_role("button", name="Publish the French PDF").click()
    item = panel.get_by_test_id("publication-v2-fr")
    expect(item.get_by_test_id("publication-state")).to_have_text("Published", timeout=60_000)
    with page.expect_download() as download_info:
        item.get_by_role("link", name="Download PDF").click()
    download = download_info.value
    assert download.suggested_filename == "CWG-Internet-21-1-F.pdf"
    text = pdf_text(Path(download.path()).read_bytes())
    assert "Document CWG-Internet-21/1" in text
    assert "14 janvier 2025" in text
    assert "Original : anglais" in text
    assert "Proposition d'un nouveau point" in text
