"""The page of an external document (a UN document, a circular, a letter, a sector
document): what it is, who issued it, where to read it, and which documents cite it."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, render
from django.urls import path
from django.views.decorators.http import require_GET

from documents.models import ExternalDocument, Reference
from documents.selectors import visible_documents


@require_GET
def external_detail(request, pk: int):
    external = get_object_or_404(ExternalDocument, pk=pk)
    citing = (
        Reference.objects.filter(external=external, source__in=visible_documents(request.user))
        .select_related("source")
        .order_by("source__symbol")
    )
    return render(
        request,
        "documents/external_detail.html",
        {"external": external, "citing": citing},
    )


urlpatterns = [path("external/<int:pk>/", external_detail, name="external_detail")]
