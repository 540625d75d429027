"""One way to page long lists: ``paginate(request, items)`` and the include
``includes/pagination.html``. A page number out of range shows the last page, not an error."""

from __future__ import annotations

from django.core.paginator import Page, Paginator

PER_PAGE = 25


def paginate(request, items, *, per_page: int = PER_PAGE, param: str = "page") -> Page:
    return Paginator(items, per_page).get_page(request.GET.get(param))
