"""A submitted contribution is published as PDF by itself: "Issued" means a file exists."""

from __future__ import annotations

import pytest
from django.core.files.storage import default_storage

from agendas.enums import ProposalState
from agendas.exceptions import InvalidProposal
from agendas.proposals.services import proposal_return, proposal_submit, proposal_update
from documents.enums import PublicationState
from documents.models import Publication
from documents.publishing import publication_run
from tests.documents.publishing_support import pdf_text
from tests.factories.proposals import ProposalFactory, proposal_in_state, scenario_fields

pytestmark = pytest.mark.usefixtures("pdf_media")


def _draft(people, meeting):
    return ProposalFactory(
        meeting=meeting,
        proposer=people["delegate"],
        member_state=people["delegate"].memberships.get().member_state,
        **scenario_fields(),
    )


def test_submission_queues_the_contribution_pdf_and_the_worker_stores_it(
    people, meeting, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        proposal = proposal_submit(proposal=_draft(people, meeting), actor=people["delegate"])
    publication = Publication.objects.get(document=proposal.document)
    assert publication.state == PublicationState.QUEUED
    assert publication.requested_by == people["delegate"]
    assert len(callbacks) >= 2  # the render and the mail, both after commit

    publication_run(publication_id=publication.pk, token="task-1")
    publication.refresh_from_db()
    assert publication.state == PublicationState.PUBLISHED
    with default_storage.open(publication.file.name, "rb") as handle:
        text = pdf_text(handle.read())
    assert proposal.document.symbol in text
    assert "Purpose" in text


def test_a_submission_refused_for_missing_fields_queues_no_pdf(people, meeting):
    draft = _draft(people, meeting)
    draft.purpose = ""
    draft.save()
    with pytest.raises(InvalidProposal, match="write the purpose"):
        proposal_submit(proposal=draft, actor=people["delegate"])
    assert not Publication.objects.exists()


def test_submitting_again_after_a_return_publishes_the_new_text(people, meeting):
    proposal = proposal_in_state(ProposalState.SUBMITTED, people=people, meeting=meeting)
    first = Publication.objects.get(document=proposal.document)
    proposal_return(proposal=proposal, actor=people["secretariat"], note="Shorten the purpose.")
    proposal_update(proposal=proposal, actor=people["delegate"], purpose="A shorter purpose.")
    proposal_submit(proposal=proposal, actor=people["delegate"])
    proposal.document.refresh_from_db()
    versions = list(
        Publication.objects.filter(document=proposal.document).values_list("version", flat=True)
    )
    assert proposal.document.version > first.version
    assert sorted(versions) == [first.version, proposal.document.version]
