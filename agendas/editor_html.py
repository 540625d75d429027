"""The items of the editor's tree as HTML, written in Python.

Why not a template: the editor shows every item with its allocated documents, and every change
answers the whole tree again. With 200 items and 1,000 documents Django's template engine spent
about 0.3 s on it; this loop writes the same markup in a few ms.

Each item carries only what is its own: its id, number, title, badges, description, session
and documents (id, symbol, title). The controls every item repeats (drag handle, moves, edit,
delete, "Allocate a document", each document's Remove button) are written once per page,
translated, in ``<template id="agenda-item-tools">`` (``editor_tools_html``);
static/js/agenda-editor.js copies them into each item when a tree arrives (page load, htmx
swap), fills in the item's number, and reads the moves an item allows from where it sits in
the nested lists, as ``agendas.tree.Node`` does. The markup is written compactly (attribute
values of one word unquoted, the documents' ``</li>`` implied), which HTML allows: with 200
items and 1,000 documents the editor weighs under 1 KB an item instead of 3.8 KB.

Everything user-written goes through ``escape`` (the number too: it may be a code of the
item's own); the script only ever sets text and attributes from it, never markup.
"""

from __future__ import annotations

from html import escape

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from agendas.selectors import Node


def _words() -> dict[str, str]:
    """Every word the editor's items show, translated once per answer rather than once per
    item, and escaped. The sentences with %(...)s are filled in per item: the badges' here,
    the controls' (in the page's template) by agenda-editor.js."""
    words = {
        "up": _("Move up"),
        "up_label": _("Move item %(number)s up"),
        "down": _("Move down"),
        "down_label": _("Move item %(number)s down"),
        "indent": _("Make it a sub-item of the item above"),
        "indent_label": _("Indent item %(number)s"),
        "indent_under_label": _("Indent item %(number)s under item %(previous)s"),
        "outdent": _("Move it out one level"),
        "outdent_label": _("Outdent item %(number)s"),
        "remove": _("Remove"),
        "remove_label": _("Remove %(symbol)s from item %(number)s"),
        "edit": _("Edit"),
        "edit_label": _("Edit item %(number)s"),
        "delete": _("Delete"),
        "delete_label": _("Delete item %(number)s"),
        "delete_confirm": _("Delete item %(number)s “%(title)s”?"),
        "delete_confirm_children": _("Delete item %(number)s “%(title)s” and its sub-items?"),
        "drag": _("Drag to move"),
        "drag_label": _("Drag item %(number)s to move it"),
        "late": _("Late"),
        "from_proposal": _("Included from a proposal"),
        "proposal": _("Proposal"),
        "proposal_of": _("Proposal: %(member_state)s"),
        "session": _("Session: %(session)s"),
        "allocate": _("Allocate a document"),
        # Translators: read out by screen readers after "Allocate a document".
        "allocate_hidden": _("to item %(number)s"),
        "actions_label": _("Actions for item %(number)s"),
    }
    return {key: escape(value) for key, value in words.items()}


_MOVES = (
    # direction, arrow, mirrored in right-to-left
    ("up", "↑", False),
    ("down", "↓", False),
    ("indent", "→", True),
    ("outdent", "←", True),
)


def editor_tools_html() -> SafeString:
    """The controls of one item, translated, with %(number)s (and %(previous)s, %(title)s,
    %(symbol)s) left for agenda-editor.js to fill in: rendered once per editor page."""
    w = _words()
    moves = []
    for direction, arrow, mirrored in _MOVES:
        # Indent and outdent arrows point the other way in right-to-left (agendas.css).
        arrow_class = ' class="rtl-mirror"' if mirrored else ""
        under = f' data-label-under="{w["indent_under_label"]}"' if direction == "indent" else ""
        moves.append(
            f'<button type="button" class="btn btn-sm btn-outline-secondary" '
            f'data-move="{direction}" aria-label="{w[direction + "_label"]}"{under} '
            f'title="{w[direction]}"><span aria-hidden="true"{arrow_class}>{arrow}</span>'
            "</button>"
        )
    parts = [
        '<template id="agenda-item-tools">',
        f'<button type="button" class="drag-handle" data-tool="handle" '
        f'aria-label="{w["drag_label"]}" title="{w["drag"]}">'
        '<span aria-hidden="true">⠿</span></button>',
        f'<details class="item-alloc" data-tool="allocate"><summary>{w["allocate"]}'
        f'<span class="visually-hidden"> {w["allocate_hidden"]}</span></summary></details>',
        f'<div class="item-actions" role="group" data-tool="actions" '
        f'aria-label="{w["actions_label"]}">',
        *moves,
        f'<button type="button" class="btn btn-sm btn-outline-primary" data-edit '
        f'aria-label="{w["edit_label"]}">{w["edit"]}</button>'
        f'<button type="button" class="btn btn-sm btn-outline-danger" data-delete '
        f'data-confirm="{w["delete_confirm"]}" '
        f'data-confirm-children="{w["delete_confirm_children"]}" '
        f'aria-label="{w["delete_label"]}">{w["delete"]}</button></div>',
        f'<button type="button" class="doc-remove" data-tool="remove" '
        f'aria-label="{w["remove_label"]}">{w["remove"]}</button>',
        "</template>",
    ]
    return mark_safe("".join(parts))  # noqa: S308 - only escaped translations above


def _documents_html(node: Node, out: list[str]) -> None:
    """The documents allocated to the item: id, symbol and title (the script makes the symbol
    a link, the title a span, and adds the Remove button). Each ``</li>`` is left to the next
    ``<li>`` or the ``</ul>``, as HTML allows: an agenda has a thousand of them."""
    out.append("<ul class=item-docs>")
    out.extend(
        f"<li data-doc={a.document.pk}><a>{escape(a.document.symbol)}</a> "
        f"{escape(a.document.title)}"
        for a in node.allocations
    )
    out.append("</ul>")


def _item_html(node: Node, out: list[str], words: dict) -> None:
    item = node.item
    pk = item.pk
    out.append(
        f"<li data-id={pk}><div class=item-row><span class=item-num>{escape(node.number)}</span>"
        f"<div class=item-main><div class=item-title><span>{escape(item.title)}</span>"
    )
    if item.is_late:
        out.append(f' <span class="badge text-bg-warning">{words["late"]}</span>')
    if item.proposal_id:
        state = item.proposal.member_state if item.proposal else None
        badge = (
            words["proposal_of"] % {"member_state": escape(state.name)}
            if state
            else words["proposal"]
        )
        out.append(
            f' <span class="badge text-bg-info" title="{words["from_proposal"]}">{badge}</span>'
        )
    out.append("</div>")
    if item.description:
        out.append(
            "<div class=item-desc>" + escape(item.description).replace("\n", "<br>") + "</div>"
        )
    if item.session_id:
        session = words["session"] % {"session": escape(item.session.label)}
        out.append(f"<div class=item-session>{session}</div>")
    if node.allocations:
        _documents_html(node, out)
    out.append("</div></div>")
    if node.children:
        out.append("<ol class=agenda-list>")
        return
    out.append("</li>")
    out.extend("</ol></li>" for _ in node.closes)


def editor_items_html(nodes: list[Node]) -> SafeString:
    """The nested lists of items (the contents of the root <ol>), in reading order."""
    out: list[str] = []
    words = _words()
    for node in nodes:
        _item_html(node, out, words)
    return mark_safe("".join(out))  # noqa: S308 - every dynamic part above is escaped


def draft_items_html(nodes: list[Node]) -> SafeString:
    """The live draft, read-only, as members see it beside the issued agenda."""
    if not nodes:
        empty = escape(_("The draft has no items yet."))
        return mark_safe(f'<div class="empty-state"><p class="mb-0">{empty}</p></div>')  # noqa: S308
    out = ['<ol class="agenda-frozen agenda-draft list-unstyled mb-0">']
    late_word = escape(_("Late"))  # outside the f-string: xgettext does not read calls inside one
    late_badge = f' <span class="badge text-bg-warning">{late_word}</span>'
    for node in nodes:
        item = node.item
        late = late_badge if item.is_late else ""
        out.append(
            f'<li class="agenda-row depth-{node.depth}">'
            f'<span class="agenda-num">{escape(node.number)}</span><div class="agenda-body">'
            f'<div class="agenda-title">{escape(item.title)}{late}</div>'
        )
        if node.allocations:
            out.append('<ul class="agenda-docs list-unstyled mb-0">')
            out.extend(
                f'<li><span class="symbol">{escape(a.document.symbol)}</span> '
                f'<span class="doc-title">{escape(a.document.title)}</span></li>'
                for a in node.allocations
            )
            out.append("</ul>")
        out.append("</div></li>")
    out.append("</ol>")
    return mark_safe("".join(out))  # noqa: S308 - every dynamic part above is escaped
