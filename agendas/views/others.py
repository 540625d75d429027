"""The pages of a meeting's other agendas (committee agendas, daily agendas, time-management
plans), addressed by the agenda's id under the meeting: /b/<body>/<n>/agenda/<id>/. The
meeting's agenda of kind "agenda" keeps its own pages (agendas.views.pages) and addresses.

Issued revisions for everyone; the live draft for members of the body. Items are shown under
their sessions (day, time, room), which is the whole point of a time-management plan."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from agendas import selectors
from agendas.enums import AgendaKind
from agendas.revision_html import revision_items_html
from agendas.views.common import is_member, revision_fragment
from meetings.selectors import meeting_get


@require_GET
def other_agenda_page(request, body: str, number: int, agenda_id: int):
    meeting = meeting_get(body_slug=body, number=number)
    agenda = selectors.agenda_of_meeting_by_id(meeting=meeting, pk=agenda_id)
    if agenda is None:
        raise Http404(_("This meeting has no such agenda."))
    if agenda.kind == AgendaKind.AGENDA:
        return redirect(agenda)  # the main agenda has its own page and address
    revisions = selectors.revisions_of(agenda=agenda)
    latest = revisions[-1] if revisions else None
    members = is_member(request, meeting)
    context = {
        "meeting": meeting,
        "body": meeting.body,
        "agenda": agenda,
        "revisions": revisions,
        "latest": latest,
        "fragment": revision_fragment(revision=latest, members=members) if latest else "",
        "can_view_draft": request.user.has_perm("agendas.view_draft_agenda", agenda),
    }
    if context["can_view_draft"]:
        # The draft as a revision would freeze it, shown as issued revisions are: under its
        # sessions. Two queries whatever the number of items (agendas.tree.agenda_tree).
        draft = selectors.agenda_content(tree=selectors.agenda_tree(agenda=agenda))
        context["draft_unchanged"] = latest is not None and draft == latest.items
        context["draft_html"] = revision_items_html(
            items=draft, members=members, symbol=agenda.document.symbol
        )
    return render(request, "agendas/other_agenda_page.html", context)
