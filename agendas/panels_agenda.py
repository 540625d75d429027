"""The agenda's section of the meeting page: the latest issued revision for everyone, and
for members of the body a link to the live draft (and to the editor for the secretariat)."""

from __future__ import annotations

from agendas.selectors import agenda_of_meeting, latest_revision


def agenda_panel(request, meeting) -> dict:
    agenda = agenda_of_meeting(meeting=meeting)
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
            "latest": latest,
            "items": latest.items if latest else [],
            "can_view_draft": user.has_perm("agendas.view_draft_agenda", subject),
            "can_edit": user.has_perm("agendas.change_agenda", subject),
        },
    }
