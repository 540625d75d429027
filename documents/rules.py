"""Who may read, register, edit and publish documents. Restricted documents are readable by
members of the body only; views answer "not found" to anyone else."""

from __future__ import annotations

import rules

from documents.enums import Access
from meetings.rules import is_member_of_body, is_secretariat_of_body, is_superuser


@rules.predicate
def is_public_document(user, document) -> bool:
    return document is not None and document.access == Access.PUBLIC


can_read_document = is_public_document | is_member_of_body | is_superuser
can_manage_documents = is_secretariat_of_body | is_superuser

rules.add_perm("documents.view_document", can_read_document)
# obj: a Meeting (or Body) for adding; a Document for the rest.
rules.add_perm("documents.add_document", can_manage_documents)
rules.add_perm("documents.change_document", can_manage_documents)
rules.add_perm("documents.publish_document", can_manage_documents)
rules.add_perm("documents.list_document", can_manage_documents)
