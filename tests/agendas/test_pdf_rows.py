"""The agenda PDF of 200 items (issue 10, 7; issue 15, 3): compact, and no row split across
pages, checked page by page."""

import re
from io import BytesIO

from pypdf import PdfReader

from agendas import services
from documents.rendering import render_document
from tests.factories.agendas import SYSTEM, document_for
from tests.factories.meetings import SessionFactory


def test_a_200_item_agenda_fits_20_pages_and_no_row_is_split(agenda, meeting, people):
    sessions = [SessionFactory(meeting=meeting, title=f"Session {n}") for n in range(1, 5)]
    documents = [document_for(meeting, f"Contribution {n}") for n in range(40)]
    top = None
    for n in range(200):
        kwargs = {
            "agenda": agenda,
            "actor": SYSTEM,
            "session": sessions[n * 4 // 200],
            "documents": documents[(n % 8) * 5 : (n % 8) * 5 + 5],
        }
        if n % 5 == 0:
            top = services.agenda_item_add(title=f"Topic T{n:03d} for discussion", **kwargs)
        else:
            services.agenda_item_add(title=f"Point P{n:03d} to note", parent=top, **kwargs)
    revision = services.agenda_issue_revision(agenda=agenda, user=people["secretariat"])
    rendered = render_document(revision.document)
    reader = PdfReader(BytesIO(rendered.content))
    assert len(reader.pages) <= 20
    seen = []
    for page in reader.pages:
        text = page.extract_text()
        # Every row's number and its title (and its symbols) are on the same page.
        for number, label in re.findall(r"(\d+(?:\.\d+)?)\s+(?:Topic|Point) ([TP]\d{3})", text):
            seen.append(label)
            assert int(label[1:]) == _index(number), (number, label)
    assert len(seen) == 200


def _index(number: str) -> int:
    """The n of the row numbered "k" (n = 5(k-1)) or "k.j" (n = 5(k-1) + j)."""
    top, _, sub = number.partition(".")
    return (int(top) - 1) * 5 + (int(sub) if sub else 0)
