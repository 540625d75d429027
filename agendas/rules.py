"""Who may do what with agendas (see ../shared/DESIGN.md, "Who uses it"); the proposals'
rules are in ``agendas.proposals.rules``."""

from __future__ import annotations

import rules

# The proposals' permissions live beside their workflow; imported here so that the rules
# app's autodiscovery of ``agendas.rules`` registers them too.
from agendas.proposals import rules as proposal_rules  # noqa: F401
from meetings.rules import (
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
