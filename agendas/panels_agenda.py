"""The agenda's section of the meeting page: the latest issued revision for everyone, and
for members of the body a link to the live draft (and to the editor for the secretariat)."""

from __future__ import annotations

from agendas.enums import AgendaKind
from agendas.selectors import agendas_of_meeting, latest_revision


def agenda_panel(request, meeting) -> dict:
    # One query for every agenda of the meeting; the main one leads the panel, the others
    # (committee agendas, daily agendas, time-management plans) are listed with their symbols.
    agendas = agendas_of_meeting(meeting=meeting)
    agenda = next((a for a in agendas if a.kind == AgendaKind.AGENDA), None)
    others = [a for a in agendas if a.kind != AgendaKind.AGENDA]
    latest = None
    if agenda is not None:
        agenda.meeting = meeting
        latest = latest_revision(agenda=agenda)
        if latest is not None:
            latest.agenda = agenda
    user = request.user
    subject = agenda or meeting
    return {
        "template": "agendas/_meeting_panel.html",
        "context": {
            "meeting": meeting,
            "agenda": agenda,
            "others": others,
            "latest": latest,
            "items": latest.items if latest else [],
            "can_view_draft": user.has_perm("agendas.view_draft_agenda", subject),
            "can_edit": user.has_perm("agendas.change_agenda", subject),
        },
    }
