"""Who prepares the summary of decisions of a meeting: the body's secretariat (the chair
decides, the secretariat writes the record). obj: a Meeting. A superuser passes as for every
other permission: Django's own backend grants them everything, so saying otherwise here
would only make the page and the service disagree."""

from __future__ import annotations

import rules

from meetings.rules import is_secretariat_of_body, is_superuser

rules.add_perm("agendas.prepare_decisions_summary", is_secretariat_of_body | is_superuser)
