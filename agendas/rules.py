"""Who may do what with agendas and proposals (see ../shared/DESIGN.md, "Who uses it")."""

from __future__ import annotations

import rules

from meetings.rules import (
    is_delegate_of_body,
    is_member_of_body,
    is_presiding_officer_of_body,
    is_secretariat_of_body,
    is_superuser,
)

# ---------------------------------------------------------------- agendas (editor, revisions)
# obj: an Agenda (or Meeting).
can_edit_agenda = is_secretariat_of_body | is_superuser
rules.add_perm("agendas.change_agenda", can_edit_agenda)
rules.add_perm("agendas.issue_agenda", can_edit_agenda)
rules.add_perm("agendas.adopt_agenda", is_presiding_officer_of_body | is_superuser)
rules.add_perm("agendas.view_draft_agenda", is_member_of_body | is_superuser)

# ---------------------------------------------------------------- proposals (workflow)
# Predicates and permissions for proposals go below.
__all__ = ["is_delegate_of_body"]
