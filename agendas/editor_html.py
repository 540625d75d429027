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
from django.utils.translation import gettext as _

from agendas.selectors import Node


def _words() -> dict[str, str]:
    """Every word the items show, translated once per answer rather than once per item (an
    agenda of 200 items has a thousand buttons). Values with %(...)s are filled per item;
    all of them are escaped here, once."""
    words = {
        # direction: (title, aria-label)
        "up": (_("Move up"), _("Move item %(number)s up")),
        "down": (_("Move down"), _("Move item %(number)s down")),
        "indent": (
            _("Make it a sub-item of the item above"),
            _("Indent item %(number)s"),
        ),
        "indent_under": (
            "",
            _("Indent item %(number)s under item %(previous)s"),
        ),
        "outdent": (_("Move it out one level"), _("Outdent item %(number)s")),
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
    return {
        key: tuple(escape(v) for v in value) if isinstance(value, tuple) else escape(value)
        for key, value in words.items()
    }


_MOVES = (
    # direction, arrow, mirrored in right-to-left, allowed(node)
    ("up", "↑", False, lambda n: not n.is_first),
    ("down", "↓", False, lambda n: not n.is_last),
    ("indent", "→", True, lambda n: n.can_indent),
    ("outdent", "←", True, lambda n: n.can_outdent),
)


def _move_label(direction: str, node: Node, words: dict) -> str:
    if direction == "indent" and node.previous_number:
        return words["indent_under"][1] % {
            "number": escape(node.number),
            "previous": escape(node.previous_number),
        }
    return words[direction][1] % {"number": escape(node.number)}


def _allocations_html(
    node: Node, out: list[str], doc_prefix: str, doc_suffix: str, words: dict
) -> None:
    """The documents allocated to the item, each with its Remove button."""
    number = escape(node.number)
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
        label = words["remove_label"] % {"symbol": symbol, "number": number}
        out.append(
            f'<li>{symbol_html} <span class="doc-title">{escape(document.title)}</span>'
            f'<button type="button" class="doc-remove" data-unallocate="{document.pk}" '
            f'aria-label="{label}">{words["remove"]}</button></li>'
        )
    out.append("</ul>")


def _actions_html(node: Node, out: list[str], title: str, words: dict) -> None:
    """The item's move, edit and delete buttons (``title`` is already escaped)."""
    pk, number = node.item.pk, escape(node.number)
    for direction, arrow, mirrored, allowed in _MOVES:
        # A move past an edge stays focusable (aria-disabled, not disabled): the focus must not
        # jump away when an item reaches the top after "Move up".
        off_class, off_attr = ("", "") if allowed(node) else (" disabled", ' aria-disabled="true"')
        # Indent and outdent arrows point the other way in right-to-left (agendas.css).
        arrow_class = ' class="rtl-mirror"' if mirrored else ""
        out.append(
            f'<button type="button" class="btn btn-sm btn-outline-secondary{off_class}" '
            f'id="move-{direction}-{pk}" data-move="{direction}"{off_attr} '
            f'aria-label="{_move_label(direction, node, words)}" title="{words[direction][0]}">'
            f'<span aria-hidden="true"{arrow_class}>{arrow}</span></button>'
        )
    confirm = words["delete_confirm_children" if node.children else "delete_confirm"]
    confirm = confirm % {"number": number, "title": title}
    out.append(
        f'<button type="button" class="btn btn-sm btn-outline-primary" id="edit-{pk}" '
        f'data-edit aria-label="{words["edit_label"] % {"number": number}}">'
        f"{words['edit']}</button>"
        f'<button type="button" class="btn btn-sm btn-outline-danger" id="delete-{pk}" '
        f'data-delete data-confirm="{confirm}" '
        f'aria-label="{words["delete_label"] % {"number": number}}">{words["delete"]}'
        "</button></div></div>"
    )


def _item_html(node: Node, out: list[str], doc_prefix: str, doc_suffix: str, words: dict) -> None:
    item = node.item
    # The number may be a code of the item's own, written by the secretariat.
    pk, number = item.pk, escape(node.number)
    title = escape(item.title)
    out.append(
        f'<li class="agenda-node depth-{node.depth}" id="node-{pk}" data-id="{pk}">'
        f'<div class="item-row" id="row-{pk}">'
        f'<button type="button" class="drag-handle" id="handle-{pk}" '
        f'aria-label="{words["drag_label"] % {"number": number}}" title="{words["drag"]}">'
        '<span aria-hidden="true">⠿</span></button>'
        f'<span class="item-num" data-testid="number">{number}</span>'
        f'<div class="item-main"><div class="item-title"><span data-testid="title">{title}</span>'
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
            '<div class="item-desc">' + escape(item.description).replace("\n", "<br>") + "</div>"
        )
    if item.session_id:
        session = words["session"] % {"session": escape(item.session.label)}
        out.append(f'<div class="item-session">{session}</div>')
    _allocations_html(node, out, doc_prefix, doc_suffix, words)
    # The search box is added by agenda-editor.js when the details open (one per item would
    # weigh on every answer of the editor).
    out.append(
        f'<details class="item-alloc" data-item="{pk}" data-number="{number}">'
        f'<summary id="alloc-{pk}">{words["allocate"]}'
        f'<span class="visually-hidden"> {words["allocate_hidden"] % {"number": number}}</span>'
        "</summary></details></div>"
        f'<div class="item-actions" role="group" '
        f'aria-label="{words["actions_label"] % {"number": number}}">'
    )
    _actions_html(node, out, title, words)
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
    words = _words()
    for node in nodes:
        _item_html(node, out, escape(prefix), escape(suffix), words)
    return mark_safe("".join(out))  # noqa: S308 - every dynamic part above is escaped


def draft_items_html(nodes: list[Node]) -> SafeString:
    """The live draft, read-only, as members see it beside the issued agenda."""
    if not nodes:
        empty = escape(_("The draft has no items yet."))
        return mark_safe(f'<div class="empty-state"><p class="mb-0">{empty}</p></div>')  # noqa: S308
    out = ['<ol class="agenda-frozen agenda-draft list-unstyled mb-0">']
    late_badge = f' <span class="badge text-bg-warning">{escape(_("Late"))}</span>'
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
