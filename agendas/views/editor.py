"""The secretariat's draft agenda editor: the page and its htmx endpoints, each of which
answers with the re-rendered tree (or, without JavaScript, the editor page again). Every
endpoint checks the permission early (404 vs 403 as the rest of the site); the service
checks it again, since it is the one that writes."""

from __future__ import annotations

import functools

from crispy_forms.utils import render_crispy_form
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from agendas import caching, selectors, services
from agendas.editor_html import editor_items_html, editor_tools_html
from agendas.enums import FixedItem, NumberingStyle
from agendas.exceptions import AgendasError
from agendas.forms import AddItemForm, IssueForm, ItemForm, parent_choices
from agendas.models import Agenda
from agendas.notices import draft_notices
from agendas.templatetags.agenda_tags import document_url_parts
from agendas.views.common import address, agenda_from_address, editor_urls, next_label
from config.permissions import require_perm
from meetings.models import Meeting, Session
from meetings.selectors import meeting_get


def _tree_response(request, meeting, agenda, *, message="", error="", focus="", add_form=None):
    """The editor's tree, re-read from the database, with the status line; what every htmx
    endpoint answers. Outside htmx (no JavaScript) the editor page is shown again."""
    if not request.htmx:
        if error:
            messages.error(request, error)
        elif message:
            messages.success(request, message)
        return redirect("agendas:agenda_editor", **address(meeting))
    context = _editor_context(meeting, agenda, add_form=add_form)
    context.update(message=message, error=error, focus=focus, oob=True)
    return render(request, "agendas/_editor_tree.html", context)


def _editor_context(meeting: Meeting, agenda: Agenda, *, add_form=None) -> dict:
    agenda.meeting = meeting
    sessions = selectors.sessions_of(meeting=meeting)
    version, stamp = selectors.agenda_version_stamp(agenda=agenda)
    body = caching.editor_body(
        agenda=agenda,
        version=version,
        stamp=stamp,
        sessions=sessions,
        render=lambda: _editor_body(meeting, agenda, sessions),
    )
    return {
        "meeting": meeting,
        "body": meeting.body,
        "agenda": agenda,
        "item_count": body["count"],
        "items_html": mark_safe(body["items_html"]),  # noqa: S308 - rendered by editor_html
        "add_form_html": mark_safe(body["add_form_html"]),  # noqa: S308 - rendered by crispy
        "missing_fixed": body["missing_fixed"],
        "sessions": sessions,
        "urls": editor_urls(meeting),
        "document_url": _document_url_pattern(),
        "max_depth": selectors.MAX_DEPTH,
        "add_form": add_form,  # only when it comes back with errors
    }


def _document_url_pattern() -> str:
    """A document page's address with %(symbol)s for agenda-editor.js to fill in ("" when the
    registry has no such page: the symbols are then shown without a link)."""
    prefix, suffix = document_url_parts()
    return f"{prefix}%(symbol)s{suffix}" if prefix else ""


def _editor_body(meeting: Meeting, agenda: Agenda, sessions: list[Session]) -> dict:
    """The parts of the editor drawn from the items: their HTML, the "Where" choices of the
    add form, the usual items still missing. Rendering them for 200 items and 1,000 documents
    is most of the editor's time, hence the cache."""
    tree = selectors.agenda_tree(agenda=agenda)
    nodes = tree.flat()
    present = {node.item.fixed for node in tree.roots if node.item.fixed}
    parents = parent_choices(tree)
    return {
        "count": len(nodes),
        "items_html": str(editor_items_html(nodes)),
        "missing_fixed": [
            label for value, label in FixedItem.choices if value and value not in present
        ],
        "add_form_html": str(
            render_crispy_form(AddItemForm(meeting=meeting, parents=parents, sessions=sessions))
        ),
    }


@functools.cache
def _issue_form_html(language: str) -> str:
    """The empty issue form never changes: rendered by crispy once per process and language
    (``language`` is the active one, which the labels are translated into)."""
    return mark_safe(str(render_crispy_form(IssueForm())))  # noqa: S308 - crispy's output


def _node_label(tree, item_id: int) -> str:
    number = tree.number_of(item_id)
    return _("item %(number)s") % {"number": number} if number else _("the item")


def _editable(request, body: str, number: int, *, with_stamp: bool = False):
    meeting, agenda = agenda_from_address(body, number, with_stamp=with_stamp)
    require_perm(request, "agendas.change_agenda", agenda)
    return meeting, agenda


@require_POST
def agenda_create(request, body: str, number: int):
    meeting = meeting_get(body_slug=body, number=number)
    require_perm(request, "agendas.change_agenda", meeting)
    agenda = services.agenda_get_or_create(meeting=meeting, user=request.user)
    messages.success(
        request, _("The draft agenda %(symbol)s was created.") % {"symbol": agenda.document.symbol}
    )
    return redirect("agendas:agenda_editor", **address(meeting))


@require_GET
def editor(request, body: str, number: int):
    meeting, agenda = _editable(request, body, number, with_stamp=True)
    context = _editor_context(meeting, agenda)
    context["revisions"] = selectors.revisions_of(agenda=agenda)
    context["next_label"] = next_label(context["revisions"])
    latest = context["revisions"][-1] if context["revisions"] else None
    context["notices"] = draft_notices(
        agenda=agenda, tree=selectors.agenda_tree(agenda=agenda), latest=latest
    )
    context["can_issue"] = request.user.has_perm("agendas.issue_agenda", agenda)
    context["numbering_choices"] = NumberingStyle.choices
    context["issue_form_html"] = _issue_form_html(get_language())
    context["item_tools_html"] = editor_tools_html()
    return render(request, "agendas/editor.html", context)


@require_GET
def editor_tree(request, body: str, number: int):
    meeting, agenda = _editable(request, body, number)
    return _tree_response(request, meeting, agenda, focus=request.GET.get("focus", ""))


@require_POST
def fixed_items_add(request, body: str, number: int):
    meeting, agenda = _editable(request, body, number)
    added = services.agenda_fixed_items_add(agenda=agenda, actor=request.user)
    if added:
        message = _("Added: %(titles)s.") % {"titles": "; ".join(item.title for item in added)}
    else:
        message = _("The agenda already has all the usual items.")
    return _tree_response(request, meeting, agenda, message=message)


@require_POST
def item_add(request, body: str, number: int):
    meeting, agenda = _editable(request, body, number)
    tree = selectors.agenda_tree(agenda=agenda)
    form = AddItemForm(request.POST, meeting=meeting, parents=parent_choices(tree))
    if not form.is_valid():
        error = _("The item was not added: see the form.")
        return _tree_response(request, meeting, agenda, error=error, add_form=form)
    data = form.cleaned_data
    parent = tree.by_id[data["parent"]].item if data["parent"] in tree.by_id else None
    try:
        item = services.agenda_item_add(
            agenda=agenda,
            actor=request.user,
            title=data["title"],
            description=data["description"],
            parent=parent,
            session=data["session"],
        )
    except AgendasError as exc:
        return _tree_response(request, meeting, agenda, error=str(exc), add_form=form)
    tree = selectors.agenda_tree(agenda=agenda)
    message = _("Item %(number)s “%(title)s” was added.") % {
        "number": tree.number_of(item.pk),
        "title": item.title,
    }
    return _tree_response(request, meeting, agenda, message=message, focus="id_new_title")


def _item_form_response(request, meeting, node, form):
    return render(
        request,
        "agendas/_editor_item_form.html",
        {"node": node, "form": form, "urls": editor_urls(meeting)},
    )


@require_http_methods(["GET", "POST"])
def item_edit(request, body: str, number: int, item: int):
    meeting, agenda = _editable(request, body, number)
    node = selectors.agenda_tree(agenda=agenda).by_id.get(item)
    if node is None:
        return _tree_response(request, meeting, agenda, error=services.GONE)
    sessions = selectors.sessions_of(meeting=meeting)
    if request.method == "GET":
        initial = {
            "title": node.item.title,
            "description": node.item.description,
            "session": node.item.session_id,
            "code": node.item.code,
            "row": "continued"
            if node.item.continued
            else ("" if node.item.numbered else "unnumbered"),
        }
        form = ItemForm(
            meeting=meeting, sessions=sessions, prefix_id=f"item{item}_", initial=initial
        )
        return _item_form_response(request, meeting, node, form)
    form = ItemForm(request.POST, meeting=meeting, sessions=sessions, prefix_id=f"item{item}_")
    if not form.is_valid():
        response = _item_form_response(request, meeting, node, form)
        # The form's errors replace the form itself, not the whole tree.
        response["HX-Retarget"] = f"#row-{item}"
        response["HX-Reswap"] = "outerHTML"
        return response
    try:
        services.agenda_item_update(
            agenda=agenda,
            actor=request.user,
            item_id=item,
            title=form.cleaned_data["title"],
            description=form.cleaned_data["description"],
            session=form.cleaned_data["session"],
            code=form.cleaned_data["code"],
            numbered=form.cleaned_data["row"] != "unnumbered",
            continued=form.cleaned_data["row"] == "continued",
        )
    except AgendasError as exc:
        return _tree_response(request, meeting, agenda, error=str(exc))
    message = _("Item %(number)s was saved.") % {"number": node.number}
    return _tree_response(request, meeting, agenda, message=message, focus=f"edit-{item}")


@require_POST
def item_delete(request, body: str, number: int, item: int):
    meeting, agenda = _editable(request, body, number)
    label = _node_label(selectors.agenda_tree(agenda=agenda), item)
    try:
        title = services.agenda_item_delete(agenda=agenda, actor=request.user, item_id=item)
    except AgendasError as exc:
        return _tree_response(request, meeting, agenda, error=str(exc))
    message = _("%(label)s “%(title)s” was deleted.") % {
        "label": label.capitalize(),
        "title": title,
    }
    return _tree_response(request, meeting, agenda, message=message, focus="id_new_title")


def _move(request, agenda: Agenda, item: int, direction: str) -> None:
    if direction:
        services.agenda_item_shift(
            agenda=agenda, actor=request.user, item_id=item, direction=direction
        )
        return
    parent = request.POST.get("parent") or None
    services.agenda_item_move(
        agenda=agenda,
        actor=request.user,
        item_id=item,
        parent_id=int(parent) if parent else None,
        index=int(request.POST.get("index", "1")),
    )


@require_POST
def item_move(request, body: str, number: int, item: int):
    """Keyboard buttons post ``direction``; drag and drop posts ``parent`` and ``index``."""
    meeting, agenda = _editable(request, body, number)
    direction = request.POST.get("direction", "")
    old_number = selectors.agenda_tree(agenda=agenda).number_of(item)
    try:
        _move(request, agenda, item, direction)
    except (ValueError, TypeError):
        error = _("That move was not understood.")
        return _tree_response(request, meeting, agenda, error=error)
    except AgendasError as exc:
        return _tree_response(request, meeting, agenda, error=str(exc))
    new_number = selectors.agenda_tree(agenda=agenda).number_of(item)
    if new_number == old_number:
        message = _("Item %(number)s stays where it is.") % {"number": old_number}
    else:
        message = _("Item %(old)s is now item %(new)s.") % {"old": old_number, "new": new_number}
    focus = f"move-{direction}-{item}" if direction else f"handle-{item}"
    return _tree_response(request, meeting, agenda, message=message, focus=focus)


@require_POST
def allocation_add(request, body: str, number: int, item: int):
    meeting, agenda = _editable(request, body, number)
    try:
        document_id = int(request.POST.get("document", ""))
    except ValueError:
        error = _("Choose a document to allocate.")
        return _tree_response(request, meeting, agenda, error=error)
    document = selectors.visible_document(user=request.user, pk=document_id)
    if document is None:
        error = _("That document was not found.")
        return _tree_response(request, meeting, agenda, error=error)
    try:
        services.agenda_allocation_add(
            agenda=agenda, actor=request.user, item_id=item, document=document
        )
    except AgendasError as exc:
        return _tree_response(request, meeting, agenda, error=str(exc))
    label = _node_label(selectors.agenda_tree(agenda=agenda), item)
    message = _("%(symbol)s was allocated to %(item)s.") % {
        "symbol": document.symbol,
        "item": label,
    }
    return _tree_response(request, meeting, agenda, message=message, focus=f"alloc-{item}")


@require_POST
def allocation_remove(request, body: str, number: int, item: int, document: int):
    meeting, agenda = _editable(request, body, number)
    symbol = selectors.document_symbol(pk=document)
    try:
        services.agenda_allocation_remove(
            agenda=agenda, actor=request.user, item_id=item, document_id=document
        )
    except AgendasError as exc:
        return _tree_response(request, meeting, agenda, error=str(exc))
    label = _node_label(selectors.agenda_tree(agenda=agenda), item)
    message = _("%(symbol)s was removed from %(item)s.") % {
        "symbol": symbol or _("The document"),
        "item": label,
    }
    return _tree_response(request, meeting, agenda, message=message, focus=f"edit-{item}")


@require_GET
def document_search(request, body: str, number: int):
    """Documents the user may allocate, for the search box of an item."""
    meeting, _agenda = _editable(request, body, number)
    query = " ".join(request.GET.get("q", "").split())
    try:
        item_id = int(request.GET.get("item", ""))
    except ValueError:
        item_id = None
    results = []
    if len(query) >= 2:
        results = selectors.allocatable_documents(
            user=request.user, meeting=meeting, query=query, item_id=item_id
        )
    return render(
        request,
        "agendas/_document_search.html",
        {"results": results, "query": query, "item_id": item_id, "urls": editor_urls(meeting)},
    )
