"""The meeting page's sections come from apps that register them in ready() with an order."""

from __future__ import annotations

from config import panels


def test_panels_are_shown_in_their_registered_order_whatever_the_registration_order(
    monkeypatch, rf, meeting
):
    monkeypatch.setattr(panels, "_MEETING_PANELS", {})
    panels.register_meeting_panel(lambda request, m: {"template": "late"}, order=30)
    panels.register_meeting_panel(lambda request, m: None, order=5)  # nothing to show
    panels.register_meeting_panel(lambda request, m: {"template": "early"}, order=10)
    shown = panels.meeting_panels(rf.get("/"), meeting)
    assert [panel["template"] for panel in shown] == ["early", "late"]


def test_the_apps_register_documents_agenda_and_proposals_in_that_order(client, meeting):
    page = client.get(meeting.get_absolute_url()).content.decode()
    names = [provider.__name__ for provider in panels._by_order(panels._MEETING_PANELS)]
    assert names == ["meeting_documents_panel", "agenda_panel", "meeting_proposals_panel"]
    # The visitor sees the documents section above the agenda.
    assert 0 < page.index('id="documents-h"') < page.index('id="agenda-h"')
