"""Atom feeds of the decisions on proposals (included, rejected, deferred, with the
rationale) of a body and of a meeting.

Proposals are shown to the members of their body only, so the feed is too: it lists what
the person asking may read on the proposal pages (a member's browser session, or a reader
that sends it), and nothing to the public, whose pages show no proposal.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from agendas.decisions.selectors import decisions_for
from agendas.decisions.text import decision_sentence
from agendas.models import Proposal
from meetings import selectors as meetings_selectors


@dataclass(frozen=True)
class Scope:
    """The body or meeting of the feed and who asks (the feed object is shared between
    requests, so the person travels with the object, not on the feed)."""

    target: object
    user: object


class _DecisionsFeed(Feed):
    feed_type = Atom1Feed

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        # What it lists depends on who asks: no shared cache may keep one person's copy.
        response["Cache-Control"] = "private"
        response["Vary"] = "Cookie"
        return response

    def item_title(self, item: Proposal) -> str:
        return f"{item.get_state_display()}: {item.title}"

    def item_description(self, item: Proposal) -> str:
        who = item.member_state.name
        if item.document_id:
            who += f" ({item.document.symbol})"
        return _("Proposal of %(who)s for the %(meeting)s. %(decision)s") % {
            "who": who,
            "meeting": item.meeting.display_name,
            "decision": decision_sentence(item),
        }

    def item_link(self, item: Proposal) -> str:
        return item.get_absolute_url()

    def item_pubdate(self, item: Proposal):
        return item.decided_at

    def item_updateddate(self, item: Proposal):
        return item.decided_at or item.updated_at

    def item_author_name(self, item: Proposal) -> str:
        if item.decided_by is None:
            return ""
        return item.decided_by.get_full_name() or item.decided_by.username

    def item_categories(self, item: Proposal) -> list[str]:
        return [item.get_state_display()]


class BodyDecisionsFeed(_DecisionsFeed):
    def get_object(self, request, body: str) -> Scope:
        return Scope(meetings_selectors.body_get(slug=body), request.user)

    def title(self, obj: Scope) -> str:
        return _("Decisions on proposals in %(body)s") % {"body": obj.target.acronym}

    def link(self, obj: Scope) -> str:
        return obj.target.get_absolute_url()

    def items(self, obj: Scope) -> list[Proposal]:
        return decisions_for(user=obj.user, body=obj.target)


class MeetingDecisionsFeed(_DecisionsFeed):
    def get_object(self, request, body: str, number: int) -> Scope:
        return Scope(meetings_selectors.meeting_get(body_slug=body, number=number), request.user)

    def title(self, obj: Scope) -> str:
        return _("Decisions on proposals for the %(meeting)s") % {
            "meeting": obj.target.display_name
        }

    def link(self, obj: Scope) -> str:
        return obj.target.get_absolute_url()

    def items(self, obj: Scope) -> list[Proposal]:
        return decisions_for(user=obj.user, meeting=obj.target)
