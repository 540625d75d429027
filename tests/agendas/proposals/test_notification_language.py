"""Mails about proposals are written in each recipient's saved language (issue 13), not in the
language of whoever took the step."""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone, translation
from django.utils.formats import date_format

from agendas.enums import ProposalEventKind, ProposalState
from agendas.proposals import notifications
from agendas.proposals.notifications import proposal_notification_send
from meetings.enums import Role
from meetings.preferences import save_language
from tests.factories.meetings import MembershipFactory, MemberStateFactory, UserFactory
from tests.factories.proposals import proposal_in_state

S = ProposalState


def test_each_recipient_is_mailed_in_their_own_saved_language(
    people, meeting, mailoutbox, monkeypatch
):
    proposal = proposal_in_state(S.UNDER_CONSIDERATION, people=people, meeting=meeting)
    brazil = MemberStateFactory(name="Brazil", iso_code="BRA")
    sponsor = MembershipFactory(
        user=UserFactory(username="brazil0"),
        body=meeting.body,
        role=Role.DELEGATE,
        member_state=brazil,
    ).user
    proposal.co_sponsors.add(brazil)
    save_language(people["delegate"], "fr")  # the proposer reads Agendum in French
    event = proposal.events.get(kind=ProposalEventKind.CONSIDERED)
    composed_in = []
    real_compose = notifications.compose

    def compose(**kwargs):
        composed_in.append(translation.get_language())
        return real_compose(**kwargs)

    monkeypatch.setattr(notifications, "compose", compose)
    with translation.override("es"):  # whatever language the sending side happens to be in
        assert proposal_notification_send(proposal_id=proposal.pk, event_id=event.pk) == 2

    assert sorted(composed_in) == sorted(["fr", settings.LANGUAGE_CODE])
    mails = {m.to[0]: m for m in mailoutbox}
    local = timezone.localtime(event.at)
    with translation.override("fr"):
        month_fr = date_format(local, "F")  # Django's own catalog: "novembre"
    with translation.override(settings.LANGUAGE_CODE):
        month_en = date_format(local, "F")
    assert month_fr != month_en
    assert month_fr in mails[people["delegate"].email].body
    assert month_en in mails[sponsor.email].body
    assert month_fr not in mails[sponsor.email].body
