"""Every write of the documents app: registration, derived documents (revisions, addenda,
corrigenda), listings for other meetings (``registration``), the references between
documents and the audit trail (``references``), external documents and language versions
(``holdings``). Symbols are allocated in ``documents.allocation``; publication lives in
``documents.publishing``. Import them from here.

Each write takes the ``actor`` it is done for (recorded as the document's ``created_by``
where there is one) and checks that person's permission itself (``documents/rules.py``), so a
command or another app cannot skip the check the views make; a refusal is
``PermissionDenied`` with a sentence. ``references_sync`` and ``references_resolve_to`` follow
from those writes and check nothing of their own."""

from documents.allocation import derived_symbol
from documents.services.holdings import document_version_set, external_document_register
from documents.services.references import (
    canonical_symbol,
    document_event_record,
    instrument_register,
    references_resolve_to,
    references_sync,
)
from documents.services.registration import (
    CONTENT_FIELDS,
    DESCRIPTION_FIELDS,
    EDITABLE_FIELD_NAMES,
    EDITABLE_FIELDS,
    REGISTER_PERMISSION,
    document_derive,
    document_list_for_meeting,
    document_register,
    document_update,
)

__all__ = [
    "CONTENT_FIELDS",
    "DESCRIPTION_FIELDS",
    "EDITABLE_FIELDS",
    "EDITABLE_FIELD_NAMES",
    "REGISTER_PERMISSION",
    "canonical_symbol",
    "derived_symbol",
    "document_derive",
    "document_event_record",
    "document_list_for_meeting",
    "document_register",
    "document_update",
    "document_version_set",
    "external_document_register",
    "instrument_register",
    "references_resolve_to",
    "references_sync",
]
