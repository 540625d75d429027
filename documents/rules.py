"""Who may read, register, edit and publish documents. Restricted documents are readable by
members of the body only; views answer "not found" to anyone else."""

from __future__ import annotations

import rules

from documents.enums import Access
from meetings.enums import Role
from meetings.models import Membership
from meetings.rules import (
    is_delegate_of_body,
    is_member_of_body,
    is_presiding_officer_of_body,
    is_secretariat_of_body,
    is_staff_of_any_body,
    is_superuser,
)


@rules.predicate
def is_public_document(user, document) -> bool:
    return document is not None and document.access == Access.PUBLIC


@rules.predicate
def is_delegate_of_source_state(user, document) -> bool:
    """A delegate of the Member State a contribution comes from (its proposer's delegation)."""
    if document is None or not document.source_state_id or not user.is_authenticated:
        return False
    return Membership.objects.filter(
        user=user,
        body_id=document.body_id,
        role=Role.DELEGATE,
        member_state_id=document.source_state_id,
    ).exists()


can_read_document = is_public_document | is_member_of_body | is_superuser
can_manage_documents = is_secretariat_of_body | is_superuser

rules.add_perm("documents.view_document", can_read_document)
# obj: a Meeting (or Body) for adding; a Document for the rest.
rules.add_perm("documents.add_document", can_manage_documents)
rules.add_perm("documents.change_document", can_manage_documents)
rules.add_perm("documents.publish_document", can_manage_documents)
rules.add_perm("documents.list_document", can_manage_documents)
# Checked by documents.services for the writes other apps make on a person's behalf:
# a delegate's proposal registers (and then edits or withdraws) its contribution; the chair's
# decision to include one may register the meeting's agenda document.
rules.add_perm("documents.register_contribution", can_manage_documents | is_delegate_of_body)
rules.add_perm("documents.change_contribution", can_manage_documents | is_delegate_of_source_state)
rules.add_perm("documents.register_agenda", can_manage_documents | is_presiding_officer_of_body)
rules.add_perm("documents.add_instrument", is_staff_of_any_body | is_superuser)
