"""The items of the editor's tree as HTML, written in Python.

Why not a template: the editor shows every item with its buttons and allocated documents, and
every change answers the whole tree again. With 200 items and 1,000 documents Django's
template engine spent about 0.3 s on it; this loop writes the same markup in a few ms. The
buttons carry ``data-`` attributes that static/js/agenda-editor.js turns into htmx requests,
so each item does not repeat four long URLs. Everything user-written goes through ``escape``.
"""

from __future__ import annotations

from html import escape

from django.utils.safestring import SafeString, mark_safe

from agendas.selectors import Node

_MOVES = (
    # direction, arrow, title, allowed(node)
    ("up", "↑", "Move up", lambda n: not n.is_first),
    ("down", "↓", "Move down", lambda n: not n.is_last),
    ("indent", "→", "Make it a sub-item of the item above", lambda n: n.can_indent),
    ("outdent", "←", "Move it out one level", lambda n: n.can_outdent),
)


def _move_label(direction: str, node: Node) -> str:
    if direction == "up":
        return f"Move item {node.number} up"
    if direction == "down":
        return f"Move item {node.number} down"
    if direction == "indent":
        under = f" under item {node.previous_number}" if node.previous_number else ""
        return f"Indent item {node.number}{under}"
    return f"Outdent item {node.number}"


def _allocations_html(node: Node, out: list[str], doc_prefix: str, doc_suffix: str) -> None:
    """The documents allocated to the item, each with its Remove button."""
    number = node.number
    if not node.allocations:
        return
    out.append('<ul class="item-docs list-unstyled mb-1">')
    for allocation in node.allocations:
        document = allocation.document
        symbol = escape(document.symbol)
        symbol_html = (
            f'<a class="symbol" href="{doc_prefix}{symbol}{doc_suffix}">{symbol}</a>'
            if doc_prefix
            else f'<span class="symbol">{symbol}</span>'
        )
        out.append(
            f'<li>{symbol_html} <span class="doc-title">{escape(document.title)}</span>'
            f'<button type="button" class="doc-remove" data-unallocate="{document.pk}" '
            f'aria-label="Remove {symbol} from item {number}">Remove</button></li>'
        )
    out.append("</ul>")


def _actions_html(node: Node, out: list[str], title: str) -> None:
    """The item's move, edit and delete buttons (``title`` is already escaped)."""
    pk, number = node.item.pk, node.number
    for direction, arrow, hint, allowed in _MOVES:
        # A move past an edge stays focusable (aria-disabled, not disabled): the focus must not
        # jump away when an item reaches the top after "Move up".
        off_class, off_attr = ("", "") if allowed(node) else (" disabled", ' aria-disabled="true"')
        out.append(
            f'<button type="button" class="btn btn-sm btn-outline-secondary{off_class}" '
            f'id="move-{direction}-{pk}" data-move="{direction}"{off_attr} '
            f'aria-label="{_move_label(direction, node)}" title="{hint}">'
            f'<span aria-hidden="true">{arrow}</span></button>'
        )
    children = " and its sub-items" if node.children else ""
    out.append(
        f'<button type="button" class="btn btn-sm btn-outline-primary" id="edit-{pk}" '
        f'data-edit aria-label="Edit item {number}">Edit</button>'
        f'<button type="button" class="btn btn-sm btn-outline-danger" id="delete-{pk}" '
        f'data-delete data-confirm="Delete item {number} “{title}”{children}?" '
        f'aria-label="Delete item {number}">Delete</button></div></div>'
    )


def _item_html(node: Node, out: list[str], doc_prefix: str, doc_suffix: str) -> None:
    item = node.item
    pk, number = item.pk, node.number
    title = escape(item.title)
    out.append(
        f'<li class="agenda-node depth-{node.depth}" id="node-{pk}" data-id="{pk}">'
        f'<div class="item-row" id="row-{pk}">'
        f'<button type="button" class="drag-handle" id="handle-{pk}" '
        f'aria-label="Drag item {number} to move it" title="Drag to move">'
        '<span aria-hidden="true">⠿</span></button>'
        f'<span class="item-num" data-testid="number">{number}</span>'
        f'<div class="item-main"><div class="item-title"><span data-testid="title">{title}</span>'
    )
    if item.is_late:
        out.append(' <span class="badge text-bg-warning">Late</span>')
    if item.proposal_id:
        state = item.proposal.member_state if item.proposal else None
        who = f": {escape(state.name)}" if state else ""
        out.append(
            f' <span class="badge text-bg-info" title="Included from a proposal">Proposal{who}'
            "</span>"
        )
    out.append("</div>")
    if item.description:
        out.append(
            '<div class="item-desc">' + escape(item.description).replace("\n", "<br>") + "</div>"
        )
    if item.session_id:
        out.append(f'<div class="item-session">Session: {escape(item.session.label)}</div>')
    _allocations_html(node, out, doc_prefix, doc_suffix)
    # The search box is added by agenda-editor.js when the details open (one per item would
    # weigh on every answer of the editor).
    out.append(
        f'<details class="item-alloc" data-item="{pk}" data-number="{number}">'
        f'<summary id="alloc-{pk}">Allocate a document'
        f'<span class="visually-hidden"> to item {number}</span></summary></details></div>'
        f'<div class="item-actions" role="group" aria-label="Actions for item {number}">'
    )
    _actions_html(node, out, title)
    if node.children:
        out.append(f'<ol class="agenda-list list-unstyled" data-parent="{pk}">')
        return
    if node.can_have_children:
        out.append(
            f'<ol class="agenda-list agenda-list-empty list-unstyled" data-parent="{pk}"></ol>'
        )
    out.append("</li>")
    out.extend("</ol></li>" for _ in node.closes)


def editor_items_html(nodes: list[Node], *, doc_url_parts: tuple[str, str]) -> SafeString:
    """The nested lists of items (the contents of the root <ol>), in reading order."""
    out: list[str] = []
    prefix, suffix = doc_url_parts
    for node in nodes:
        _item_html(node, out, escape(prefix), escape(suffix))
    return mark_safe("".join(out))  # noqa: S308 - every dynamic part above is escaped


def draft_items_html(nodes: list[Node]) -> SafeString:
    """The live draft, read-only, as members see it beside the issued agenda."""
    if not nodes:
        return mark_safe(
            '<div class="empty-state"><p class="mb-0">The draft has no items yet.</p></div>'
        )
    out = ['<ol class="agenda-frozen agenda-draft list-unstyled mb-0">']
    for node in nodes:
        item = node.item
        late = ' <span class="badge text-bg-warning">Late</span>' if item.is_late else ""
        out.append(
            f'<li class="agenda-row depth-{node.depth}">'
            f'<span class="agenda-num">{node.number}</span><div class="agenda-body">'
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
