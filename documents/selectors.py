"""Reads of the documents app. ``visible_documents`` is the one place that says which
documents a person may see; every list and search starts from it."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from documents.enums import Access
from documents.models import Document
from meetings.rules import roles_by_body


def visible_documents(user) -> QuerySet[Document]:
    qs = Document.objects.all()
    if user is not None and user.is_authenticated and user.is_superuser:
        return qs
    member_of = list(roles_by_body(user)) if user is not None else []
    return qs.filter(Q(access=Access.PUBLIC) | Q(body_id__in=member_of))
