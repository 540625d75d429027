"""``{% publications_panel %}``: the PDF panel of a document page, with its state, links
and buttons. Used by ``documents/_publications.html``, so the page that includes that
template only needs ``document`` (and may pass ``publications`` and ``can_publish``)."""

from __future__ import annotations

from django import template

from documents.publishing import publications_panel_context

register = template.Library()


@register.inclusion_tag("documents/_publications_panel.html", takes_context=True)
def publications_panel(context, document=None):
    request = context.get("request")
    document = document or context["document"]
    panel = publications_panel_context(
        user=getattr(request, "user", None),
        document=document,
        publications=context.get("publications"),
        can_publish=context.get("can_publish"),
    )
    panel["csrf_token"] = context.get("csrf_token")
    panel["panel_error"] = context.get("panel_error", "")
    panel["request"] = request
    return panel
