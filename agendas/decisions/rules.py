"""Who prepares the summary of decisions of a meeting: the body's secretariat, and nobody
else (the chair decides, the secretariat writes the record). obj: a Meeting."""

from __future__ import annotations

import rules

from meetings.rules import is_secretariat_of_body

rules.add_perm("agendas.prepare_decisions_summary", is_secretariat_of_body)
