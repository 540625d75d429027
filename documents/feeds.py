"""Atom feeds of the new and revised documents of a body and of a meeting.

A feed reader is anonymous: the feeds carry only what the public may read
(``visible_documents(None)``), whoever asks. Each entry's id is the document's address, so a
revised document (its content edited: ``version`` bumped) comes back as an update of the
same entry, with its new ``updated`` time; a revision (Rev.1) is a document of its own.
"""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.db.models import Q
from django.urls import path
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from documents.models import Document, DocumentListing
from documents.selectors import visible_documents
from meetings import selectors as meetings_selectors

# A feed is read for what changed lately; older documents are in the registry.
FEED_LENGTH = 50


def _latest(qs) -> list[Document]:
    return list(
        qs.select_related("body", "meeting__body")
        .defer("text", "search_text")
        .order_by("-updated_at", "-pk")[:FEED_LENGTH]
    )


class _DocumentsFeed(Feed):
    feed_type = Atom1Feed

    def item_title(self, item: Document) -> str:
        return f"{item.symbol}: {item.title}"

    def item_description(self, item: Document) -> str:
        parts = [
            item.get_doc_type_display(),
            _("Source: %(source)s") % {"source": item.source},
            _("Date: %(date)s") % {"date": f"{item.date:%d %B %Y}"},
            item.languages_line,
        ]
        if item.get_purpose_display():
            parts.append(item.get_purpose_display())
        if item.version > 1:
            parts.append(_("Revised (version %(version)s)") % {"version": item.version})
        return " · ".join(parts)

    def item_link(self, item: Document) -> str:
        return item.get_absolute_url()

    def item_pubdate(self, item: Document):
        return item.created_at

    def item_updateddate(self, item: Document):
        return item.updated_at

    def item_author_name(self, item: Document) -> str:
        return item.source

    def item_categories(self, item: Document) -> list[str]:
        return [item.get_doc_type_display()]


class BodyDocumentsFeed(_DocumentsFeed):
    def get_object(self, request, body: str):
        return meetings_selectors.body_get(slug=body)

    def title(self, obj) -> str:
        return _("New and revised documents of %(body)s") % {"body": obj.acronym}

    def subtitle(self, obj) -> str:
        return obj.name

    def link(self, obj) -> str:
        return obj.get_absolute_url()

    def items(self, obj) -> list[Document]:
        return _latest(visible_documents(None).filter(body=obj))


class MeetingDocumentsFeed(_DocumentsFeed):
    def get_object(self, request, body: str, number: int):
        return meetings_selectors.meeting_get(body_slug=body, number=number)

    def title(self, obj) -> str:
        return _("New and revised documents of the %(meeting)s") % {"meeting": obj.display_name}

    def subtitle(self, obj) -> str:
        return obj.body.name

    def link(self, obj) -> str:
        return obj.get_absolute_url()

    def items(self, obj) -> list[Document]:
        # Its own documents and those listed for it from other meetings, as on its page.
        listed = DocumentListing.objects.filter(meeting=obj).values("document_id")
        return _latest(visible_documents(None).filter(Q(meeting=obj) | Q(pk__in=listed)))


urlpatterns = [
    path("feeds/<slug:body>/", BodyDocumentsFeed(), name="body_feed"),
    path("feeds/<slug:body>/<int:number>/", MeetingDocumentsFeed(), name="meeting_feed"),
]
