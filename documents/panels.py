"""What the documents app adds to other pages: the meeting page's "Documents" section and
the "Documents" link of the navigation (see config/panels.py)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext

from documents import selectors, tables


def meeting_documents_panel(request, meeting) -> dict:
    user = request.user
    can_register = user.has_perm("documents.add_document", meeting)
    return {
        "template": "documents/_meeting_panel.html",
        "context": {
            "meeting": meeting,
            "rows": tables.table_rows(selectors.meeting_documents(user=user, meeting=meeting)),
            "can_register": can_register,
            "register_url": f"{reverse('documents:register')}?meeting={meeting.pk}",
            "registry_url": f"{reverse('documents:list')}?meeting={meeting.pk}",
        },
    }


def documents_nav(request) -> list[dict]:
    return [{"label": gettext("Documents"), "url": reverse("documents:list")}]
