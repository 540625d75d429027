"""The summary of decisions goes through the publication pipeline like any document: a real
Celery worker renders it with WeasyPrint and the PDF reads back with the decision and its
rationale."""

from __future__ import annotations

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse

from agendas.enums import ProposalState
from documents.enums import PublicationState
from documents.models import Document, Publication
from tests.documents.publishing_support import pdf_text, wait_for_state
from tests.factories.agendas import agenda_for
from tests.factories.proposals import proposal_in_state

pytestmark = [
    pytest.mark.worker,
    pytest.mark.usefixtures("transactional_db", "pdf_media", "celery_worker_thread"),
]

TITLE = "WSIS+20 report on ITU's contribution to the implementation of WSIS outcomes"


def test_worker_publishes_the_summary_and_its_pdf_reads_back(client_for, meeting, people):
    agenda_for(meeting)
    proposal_in_state(ProposalState.INCLUDED, people=people, meeting=meeting, title=TITLE)
    client = client_for("secretariat")
    kwargs = {"body": meeting.body.slug, "number": meeting.number}
    form = client.get(reverse("agendas:decisions_summary", kwargs=kwargs)).context["form"]
    # No surrounding transaction: the service's on_commit really sends the task.
    client.post(
        reverse("agendas:decisions_summary_register", kwargs=kwargs),
        {**form.initial, "access": "public"},
    )
    document = Document.objects.get(title__startswith="Summary of decisions")
    publication = wait_for_state(
        Publication.objects.get(document=document),
        {PublicationState.PUBLISHED, PublicationState.FAILED},
    )
    assert publication.state == PublicationState.PUBLISHED, publication.error
    with default_storage.open(publication.file.name, "rb") as handle:
        text = pdf_text(handle.read())
    for expected in (
        f"Document {document.symbol}",
        "Summary of decisions of the 21st meeting of CWG-Internet",
        TITLE,
        "Included in the agenda on",
        "Rationale: Rationale for include.",
    ):
        assert expected in text
