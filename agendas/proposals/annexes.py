"""Annexes of a proposal: PDF or Word files that become part of its contribution document.

The kind of a file is read from its first bytes, not from its name, so a renamed executable
or a damaged file is refused with a sentence that says what is accepted.
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext

from agendas.exceptions import InvalidProposal
from agendas.models import Proposal, ProposalAnnex
from agendas.proposals.rules import may
from agendas.proposals.steps import edit_not_allowed

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# extension -> the bytes the file starts with
KINDS = {"pdf": b"%PDF-", "docx": _ZIP, "doc": _OLE}


def annex_kind(upload) -> str:
    """ "pdf", "docx" or "doc" for an acceptable file; ``InvalidProposal`` with a sentence
    otherwise (too large, or not a PDF or Word file whatever its name says)."""
    limit = settings.MAX_UPLOAD_BYTES
    if upload.size > limit:
        raise InvalidProposal(
            gettext("“%(name)s” is %(size)s; annexes of up to %(limit)s can be attached.")
            % {
                "name": upload.name,
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(limit),
            }
        )
    head = upload.read(8)
    upload.seek(0)
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    if extension in KINDS and head.startswith(KINDS[extension]):
        return extension
    raise InvalidProposal(
        gettext(
            "“%(name)s” is not a PDF or Word (DOCX, DOC) file: annexes can only be PDF or "
            "Word documents."
        )
        % {"name": upload.name}
    )


@transaction.atomic
def proposal_annex_add(*, proposal: Proposal, actor, upload) -> ProposalAnnex:
    """The proposer attaches a PDF or Word file while the proposal can still be edited. A
    submitted proposal's document lists it from its next update (see ``proposal_update``)."""
    from agendas.proposals.services import check_editable

    if not may(actor, "agendas.change_proposal", proposal):
        raise edit_not_allowed(proposal)
    check_editable(proposal=proposal)
    kind = annex_kind(upload)
    annex = ProposalAnnex.objects.create(
        proposal=proposal,
        file=upload,
        name=upload.name[:255],
        kind=kind,
        size=upload.size,
        uploaded_by=actor,
    )
    _refresh_document(proposal)
    return annex


def _refresh_document(proposal: Proposal) -> None:
    """A submitted proposal's contribution document lists its annexes at once."""
    from agendas.proposals.services import _document_content
    from documents.services import document_update

    if proposal.document_id:
        document_update(document=proposal.document, **_document_content(proposal=proposal))


@transaction.atomic
def proposal_annex_remove(*, annex: ProposalAnnex, actor) -> None:
    """The proposer removes an annex while the proposal can still be edited; the file is
    deleted after commit."""
    proposal = annex.proposal
    if not may(actor, "agendas.change_proposal", proposal):
        raise edit_not_allowed(proposal)
    from agendas.proposals.services import check_editable

    check_editable(proposal=proposal)
    name = annex.file.name
    storage = annex.file.storage
    annex.delete()
    _refresh_document(proposal)
    transaction.on_commit(lambda: storage.delete(name))
