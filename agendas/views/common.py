"""What the agenda pages and the editor share: loading the agenda from the address, the
editor's URLs, the rendered items of an issued revision."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from agendas import caching, selectors
from agendas.models import AgendaRevision
from agendas.revision_html import revision_items_html
from meetings.models import Meeting
from meetings.rules import is_member_of_body


def agenda_from_address(body: str, number: int, *, with_stamp: bool = False):
    agenda = selectors.agenda_for(body_slug=body, number=number, with_stamp=with_stamp)
    return agenda.meeting, agenda


def address(meeting: Meeting) -> dict:
    return {"body": meeting.body.slug, "number": meeting.number}


def editor_urls(meeting: Meeting) -> dict:
    """URL prefixes of the editor's endpoints, reversed once per page instead of once per
    button: the tree has a dozen buttons for each of its items."""
    kwargs = address(meeting)
    items = reverse("agendas:agenda_item_add", kwargs=kwargs).removesuffix("add/")
    return {
        "items": items,
        "add": reverse("agendas:agenda_item_add", kwargs=kwargs),
        "tree": reverse("agendas:agenda_tree", kwargs=kwargs),
        "search": reverse("agendas:agenda_document_search", kwargs=kwargs),
        "fixed": reverse("agendas:agenda_fixed_items_add", kwargs=kwargs),
        "editor": reverse("agendas:agenda_editor", kwargs=kwargs),
        "agenda": reverse("agendas:agenda", kwargs=kwargs),
        "issue": reverse("agendas:agenda_issue", kwargs=kwargs),
    }


def is_member(request, meeting: Meeting) -> bool:
    return bool(request.user.is_superuser or is_member_of_body(request.user, meeting))


def next_label(revisions: list[AgendaRevision]) -> str:
    if not revisions:
        return _("the first issue")
    return _("Rev.%(number)s") % {"number": revisions[-1].number + 1}


def revision_fragment(*, revision: AgendaRevision, members: bool) -> str:
    """The frozen items of a revision as HTML (cached: see agendas.caching). A revision
    loaded without its content (``revisions_of``) has it read only on a miss."""

    def render(revision: AgendaRevision, members: bool) -> str:
        if "content" in revision.get_deferred_fields():
            revision.refresh_from_db(fields=["content"])
        content = revision.content
        return revision_items_html(
            items=revision.items,
            members=members,
            # "Adoption of the agenda" cites the revision itself, as the PDF does.
            symbol=content.get("symbol", "") if isinstance(content, dict) else "",
        )

    return caching.revision_items_html(revision=revision, members=members, render=render)
