"""The agenda: public page (latest issued revision, cached), the secretariat's editor (htmx
endpoints that each return the re-rendered tree), issuing revisions, adoption, revision pages
and the diff between two revisions."""

from __future__ import annotations

import functools
import gzip
import hashlib
import time

from crispy_forms.utils import render_crispy_form
from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.db.models import Case, IntegerField, Max, Q, Value, When
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.cache import patch_vary_headers
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from agendas import selectors, services
from agendas.diff import revision_diff
from agendas.editor_html import draft_items_html, editor_items_html
from agendas.enums import FixedItem
from agendas.exceptions import AgendasError
from agendas.forms import AddItemForm, IssueForm, ItemForm, parent_choices
from agendas.models import Agenda, AgendaRevision
from agendas.templatetags.agenda_tags import document_url_parts
from config.permissions import require_perm
from documents.enums import PublicationState
from documents.exceptions import DocumentsError
from documents.models import Document, Publication
from documents.selectors import visible_documents
from meetings.models import Meeting, Session
from meetings.rules import is_member_of_body
from meetings.selectors import meeting_get

# Bump when the revision templates change: cached fragments of the old shape are then ignored.
FRAGMENT_VERSION = 1
CACHE_SECONDS = 60 * 60 * 24


# ------------------------------------------------------------------------------ helpers


def _agenda(body: str, number: int, *, with_stamp: bool = False) -> tuple[Meeting, Agenda]:
    agenda = selectors.agenda_for(body_slug=body, number=number, with_stamp=with_stamp)
    return agenda.meeting, agenda


def _kwargs(meeting: Meeting) -> dict:
    return {"body": meeting.body.slug, "number": meeting.number}


def _editor_urls(meeting: Meeting) -> dict:
    """URL prefixes of the editor's endpoints, reversed once per page instead of once per
    button: the tree has a dozen buttons for each of its items."""
    kwargs = _kwargs(meeting)
    items = reverse("agendas:agenda_item_add", kwargs=kwargs).removesuffix("add/")
    return {
        "items": items,
        "add": reverse("agendas:agenda_item_add", kwargs=kwargs),
        "tree": reverse("agendas:agenda_tree", kwargs=kwargs),
        "search": reverse("agendas:agenda_document_search", kwargs=kwargs),
        "fixed": reverse("agendas:agenda_fixed_items_add", kwargs=kwargs),
        "editor": reverse("agendas:agenda_editor", kwargs=kwargs),
        "agenda": reverse("agendas:agenda", kwargs=kwargs),
        "issue": reverse("agendas:agenda_issue", kwargs=kwargs),
    }


def _member(request, meeting: Meeting) -> bool:
    return bool(request.user.is_superuser or is_member_of_body(request.user, meeting))


def _fragment_key(revision: AgendaRevision, members: bool) -> str:
    # issued_at as well as the pk: a pk can come back after a rollback (tests, SQLite).
    return (
        f"agenda-rev:{FRAGMENT_VERSION}:{revision.pk}:{revision.issued_at.timestamp()}"
        f":{int(members)}"
    )


def revision_fragment(*, revision: AgendaRevision, members: bool) -> str:
    """The frozen items of a revision as HTML. Issued revisions never change, so the result is
    cached by revision (and by whether the reader may see titles of restricted documents).
    A revision loaded without its content (``revisions_of``) has it read only on a miss."""
    key = _fragment_key(revision, members)
    html = cache.get(key)
    if html is None:
        if "content" in revision.get_deferred_fields():
            revision.refresh_from_db(fields=["content"])
        html = render_to_string(
            "agendas/_revision_items.html", {"items": revision.items, "members": members}
        )
        cache.set(key, html, CACHE_SECONDS)
    return html


def _tree_response(
    request,
    meeting: Meeting,
    agenda: Agenda,
    *,
    message: str = "",
    error: str = "",
    focus: str = "",
    add_form: AddItemForm | None = None,
):
    """The editor's tree, re-read from the database, with the status line; what every htmx
    endpoint answers. Outside htmx (no JavaScript) the editor page is shown again."""
    if not request.htmx:
        if error:
            messages.error(request, error)
        elif message:
            messages.success(request, message)
        return redirect("agendas:agenda_editor", **_kwargs(meeting))
    context = _editor_context(request, meeting, agenda, add_form=add_form)
    context.update(message=message, error=error, focus=focus, oob=True)
    return render(request, "agendas/_editor_tree.html", context)


def _editor_context(request, meeting, agenda, *, add_form=None) -> dict:
    agenda.meeting = meeting
    sessions = list(Session.objects.filter(meeting=meeting))
    body = _editor_body(meeting, agenda, sessions)
    return {
        "meeting": meeting,
        "body": meeting.body,
        "agenda": agenda,
        "item_count": body["count"],
        "items_html": mark_safe(body["items_html"]),  # noqa: S308 - rendered by editor_html
        "add_form_html": mark_safe(body["add_form_html"]),  # noqa: S308 - rendered by crispy
        "missing_fixed": body["missing_fixed"],
        "sessions": sessions,
        "urls": _editor_urls(meeting),
        "add_form": add_form,  # only when it comes back with errors
    }


def _editor_body(meeting: Meeting, agenda: Agenda, sessions: list[Session]) -> dict:
    """The parts of the editor drawn from the items: their HTML, the "Where" choices of the
    add form, the usual items still missing. Rendering them for 200 items and 1,000 documents
    is most of the editor's time, so they are cached by what they show: the agenda's version
    (bumped by every change of the items), the last change of an allocated document, and the
    sessions. The version is read before the items, so a cached body is never older than
    its key."""
    if hasattr(agenda, "stamp"):
        # Read with the agenda by this request (the editor page), before any change of ours.
        version, stamp = agenda.version, agenda.stamp
    else:
        version, stamp = (
            Agenda.objects.filter(pk=agenda.pk)
            .annotate(stamp=Max("items__allocations__document__updated_at"))
            .values_list("version", "stamp")
            .get()
        )
    signature = hashlib.sha256(repr([(s.pk, s.label) for s in sessions]).encode()).hexdigest()
    key = ":".join(
        str(part)
        for part in (
            "agenda-editor",
            FRAGMENT_VERSION,
            agenda.pk,
            version,
            stamp.timestamp() if stamp else "",
            signature[:16],
        )
    )
    body = cache.get(key)
    if body is None:
        tree = selectors.agenda_tree(agenda=agenda)
        nodes = tree.flat()
        present = {node.item.fixed for node in tree.roots if node.item.fixed}
        parents = parent_choices(tree)
        body = {
            "count": len(nodes),
            "items_html": str(editor_items_html(nodes, doc_url_parts=document_url_parts())),
            "missing_fixed": [
                label for value, label in FixedItem.choices if value and value not in present
            ],
            "add_form_html": str(
                render_crispy_form(AddItemForm(meeting=meeting, parents=parents, sessions=sessions))
            ),
        }
        cache.set(key, body, CACHE_SECONDS)
    return body


@functools.cache
def _issue_form_html() -> str:
    """The empty issue form never changes: rendered by crispy once per process."""
    return mark_safe(str(render_crispy_form(IssueForm())))  # noqa: S308 - crispy's output


def _next_label(revisions: list[AgendaRevision]) -> str:
    return f"Rev.{revisions[-1].number + 1}" if revisions else "the first issue"


def _node_label(tree, item_id: int) -> str:
    number = tree.number_of(item_id)
    return f"item {number}" if number else "the item"


# ------------------------------------------------------------------------------ public


# How long a visitors' page is served without asking the database whether the agenda changed.
# Issuing or adopting drops it at once in the cache it uses; other processes' memory caches
# (the default LocMem cache) catch up within this many seconds.
PAGE_FRESH_SECONDS = 10


def _plain_visitor(request) -> bool:
    """Someone without a session or pending messages, asking without a query string: every
    such visitor is shown the same agenda page."""
    return (
        not request.GET
        and not request.htmx
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
    )


@require_GET
def agenda_page(request, body: str, number: int):
    """The latest issued revision for everyone, the list of revisions, and for members of the
    body the live draft.

    Visitors who are not logged in all see the same page, so it is kept whole in the cache,
    also gzipped, with the agenda's state (adoption, latest revision, how many): for
    PAGE_FRESH_SECONDS it is served with no query at all, then one small query checks the
    state and the page is rendered again only if it changed. It carries no CSRF token: a
    visitor has nothing to post from it (logging in has its own page and token)."""
    if _plain_visitor(request):
        entry = _shared_agenda_page(request, body, number)
        if entry is not None:
            if "gzip" in request.headers.get("Accept-Encoding", ""):
                response = HttpResponse(entry["gzip"])
                response["Content-Encoding"] = "gzip"
            else:
                response = HttpResponse(entry["html"])
            patch_vary_headers(response, ["Cookie", "Accept-Encoding"])
            return response
    return _agenda_page(request, body, number)


def _shared_agenda_page(request, body: str, number: int) -> dict | None:
    key = selectors.agenda_page_key(body_slug=body, number=number)
    entry = cache.get(key)
    now = time.time()
    if entry is not None and now - entry["checked"] < PAGE_FRESH_SECONDS:
        return entry
    state = selectors.agenda_page_state(body_slug=body, number=number)
    if state is None:
        return None  # no such meeting, or no agenda yet: the ordinary page says so
    if entry is None or entry["state"] != state:
        html = _agenda_page(request, body, number, shared=True).content
        entry = {"state": state, "html": html, "gzip": gzip.compress(html, compresslevel=6)}
    entry["checked"] = now
    cache.set(key, entry, CACHE_SECONDS)
    return entry


def _agenda_page(request, body: str, number: int, *, shared: bool = False):
    meeting = meeting_get(body_slug=body, number=number)
    agenda = selectors.agenda_of_meeting(meeting=meeting)
    context = {"meeting": meeting, "body": meeting.body, "agenda": agenda}
    if agenda is None:
        context["can_create"] = request.user.has_perm("agendas.change_agenda", meeting)
        return render(request, "agendas/agenda_page.html", context)
    agenda.meeting = meeting
    revisions = selectors.revisions_of(agenda=agenda)
    latest = revisions[-1] if revisions else None
    members = _member(request, meeting)
    can_view_draft = request.user.has_perm("agendas.view_draft_agenda", agenda)
    context.update(
        revisions=revisions,
        latest=latest,
        fragment=revision_fragment(revision=latest, members=members) if latest else "",
        adopted_number=selectors.adopted_revision_number(agenda=agenda, revisions=revisions),
        can_view_draft=can_view_draft,
        can_edit=request.user.has_perm("agendas.change_agenda", agenda),
        can_issue=request.user.has_perm("agendas.issue_agenda", agenda),
        can_adopt=request.user.has_perm("agendas.adopt_agenda", agenda),
        urls=_editor_urls(meeting),
    )
    if can_view_draft:
        tree = selectors.agenda_tree(agenda=agenda)
        # Nothing to show twice when the draft is what was issued last.
        context["draft_unchanged"] = latest is not None and (
            selectors.agenda_content(tree=tree) == latest.items
        )
        context["draft_html"] = draft_items_html(tree.flat())
    if context["can_issue"]:
        context["issue_form"] = IssueForm()
        context["next_label"] = _next_label(revisions)
    if shared:
        context["csrf_token"] = ""  # the same page for every visitor: see agenda_page
    return render(request, "agendas/agenda_page.html", context)


@require_GET
def revision_detail(request, body: str, number: int, rev: int):
    meeting, agenda = _agenda(body, number)
    agenda.meeting = meeting
    revision = selectors.revision_get(agenda=agenda, number=rev)
    revisions = selectors.revisions_of(agenda=agenda)
    publication = (
        Publication.objects.filter(document=revision.document).order_by("-version", "-pk").first()
    )
    previous = [r for r in revisions if r.number < revision.number]
    return render(
        request,
        "agendas/revision_detail.html",
        {
            "meeting": meeting,
            "body": meeting.body,
            "agenda": agenda,
            "revision": revision,
            "revisions": revisions,
            "previous": previous[-1] if previous else None,
            "fragment": revision_fragment(revision=revision, members=_member(request, meeting)),
            "publication": publication,
            "published": publication is not None
            and publication.state == PublicationState.PUBLISHED,
            "urls": _editor_urls(meeting),
        },
    )


@require_GET
def revision_diff_page(request, body: str, number: int):
    meeting, agenda = _agenda(body, number)
    agenda.meeting = meeting
    revisions = selectors.revisions_of(agenda=agenda)
    numbers = [r.number for r in revisions]
    context = {
        "meeting": meeting,
        "body": meeting.body,
        "agenda": agenda,
        "revisions": revisions,
        "urls": _editor_urls(meeting),
    }
    if len(revisions) < 2:
        return render(request, "agendas/revision_diff.html", context)

    def pick(name: str, default: int) -> int:
        try:
            value = int(request.GET.get(name, default))
        except ValueError:
            return default
        return value if value in numbers else default

    new_number = pick("to", numbers[-1])
    old_default = max((n for n in numbers if n < new_number), default=numbers[0])
    old_number = pick("from", old_default)
    pair = {
        r.pk: r
        for r in AgendaRevision.objects.filter(agenda=agenda, number__in={old_number, new_number})
        .select_related("document")
        .defer(*selectors.light_fields("document__"))
    }
    for revision in pair.values():
        revision.agenda = agenda
    by_number = {r.number: r for r in pair.values()}
    old, new = by_number[old_number], by_number[new_number]
    key = "agenda-diff:" + ":".join(
        str(part)
        for part in (
            FRAGMENT_VERSION,
            old.pk,
            new.pk,
            old.issued_at.timestamp(),
            new.issued_at.timestamp(),
        )
    )
    diff_html = cache.get(key)
    if diff_html is None:
        diff_html = render_to_string(
            "agendas/_diff.html",
            {"diff": revision_diff(old.items, new.items), "old": old, "new": new},
        )
        cache.set(key, diff_html, CACHE_SECONDS)
    context.update(old=old, new=new, diff_html=diff_html)
    return render(request, "agendas/revision_diff.html", context)


# ------------------------------------------------------------------------------ editor


@require_POST
def agenda_create(request, body: str, number: int):
    meeting = meeting_get(body_slug=body, number=number)
    require_perm(request, "agendas.change_agenda", meeting)
    agenda = services.agenda_get_or_create(meeting=meeting, user=request.user)
    messages.success(request, f"The draft agenda {agenda.document.symbol} was created.")
    return redirect("agendas:agenda_editor", **_kwargs(meeting))


@require_GET
def editor(request, body: str, number: int):
    meeting, agenda = _agenda(body, number, with_stamp=True)
    require_perm(request, "agendas.change_agenda", agenda)
    context = _editor_context(request, meeting, agenda)
    context["revisions"] = selectors.revisions_of(agenda=agenda)
    context["next_label"] = _next_label(context["revisions"])
    context["can_issue"] = request.user.has_perm("agendas.issue_agenda", agenda)
    context["issue_form_html"] = _issue_form_html()
    return render(request, "agendas/editor.html", context)


@require_GET
def editor_tree(request, body: str, number: int):
    meeting, agenda = _agenda(body, number)
    require_perm(request, "agendas.change_agenda", agenda)
    return _tree_response(request, meeting, agenda, focus=request.GET.get("focus", ""))


@require_POST
def fixed_items_add(request, body: str, number: int):
    meeting, agenda = _agenda(body, number)
    require_perm(request, "agendas.change_agenda", agenda)
    added = services.agenda_fixed_items_add(agenda=agenda)
    if added:
        message = "Added: " + "; ".join(item.title for item in added) + "."
    else:
        message = "The agenda already has all the usual items."
    return _tree_response(request, meeting, agenda, message=message)


@require_POST
def item_add(request, body: str, number: int):
    meeting, agenda = _agenda(body, number)
    require_perm(request, "agendas.change_agenda", agenda)
    tree = selectors.agenda_tree(agenda=agenda)
    form = AddItemForm(request.POST, meeting=meeting, parents=parent_choices(tree))
    if not form.is_valid():
        return _tree_response(
            request, meeting, agenda, error="The item was not added: see the form.", add_form=form
        )
    data = form.cleaned_data
    parent = tree.by_id[data["parent"]].item if data["parent"] in tree.by_id else None
    try:
        item = services.agenda_item_add(
            agenda=agenda,
            title=data["title"],
            description=data["description"],
            parent=parent,
            session=data["session"],
        )
    except AgendasError as exc:
        return _tree_response(request, meeting, agenda, error=str(exc), add_form=form)
    tree = selectors.agenda_tree(agenda=agenda)
    return _tree_response(
        request,
        meeting,
        agenda,
        message=f"Item {tree.number_of(item.pk)} “{item.title}” was added.",
        focus="id_new_title",
    )


@require_http_methods(["GET", "POST"])
def item_edit(request, body: str, number: int, item: int):
    meeting, agenda = _agenda(body, number)
    require_perm(request, "agendas.change_agenda", agenda)
    tree = selectors.agenda_tree(agenda=agenda)
    node = tree.by_id.get(item)
    if node is None:
        return _tree_response(request, meeting, agenda, error=services.GONE)
    sessions = list(Session.objects.filter(meeting=meeting))
    if request.method == "GET":
        form = ItemForm(
            meeting=meeting,
            sessions=sessions,
            prefix_id=f"item{item}_",
            initial={
                "title": node.item.title,
                "description": node.item.description,
                "session": node.item.session_id,
            },
        )
        return render(
            request,
            "agendas/_editor_item_form.html",
            {"node": node, "form": form, "urls": _editor_urls(meeting)},
        )
    form = ItemForm(request.POST, meeting=meeting, sessions=sessions, prefix_id=f"item{item}_")
    if not form.is_valid():
        response = render(
            request,
            "agendas/_editor_item_form.html",
            {"node": node, "form": form, "urls": _editor_urls(meeting)},
        )
        # The form's errors replace the form itself, not the whole tree.
        response["HX-Retarget"] = f"#row-{item}"
        response["HX-Reswap"] = "outerHTML"
        return response
    try:
        services.agenda_item_update(
            agenda=agenda,
            item_id=item,
            title=form.cleaned_data["title"],
            description=form.cleaned_data["description"],
            session=form.cleaned_data["session"],
        )
    except AgendasError as exc:
        return _tree_response(request, meeting, agenda, error=str(exc))
    return _tree_response(
        request, meeting, agenda, message=f"Item {node.number} was saved.", focus=f"edit-{item}"
    )


@require_POST
def item_delete(request, body: str, number: int, item: int):
    meeting, agenda = _agenda(body, number)
    require_perm(request, "agendas.change_agenda", agenda)
    label = _node_label(selectors.agenda_tree(agenda=agenda), item)
    try:
        title = services.agenda_item_delete(agenda=agenda, item_id=item)
    except AgendasError as exc:
        return _tree_response(request, meeting, agenda, error=str(exc))
    return _tree_response(
        request,
        meeting,
        agenda,
        message=f"{label.capitalize()} “{title}” was deleted.",
        focus="id_new_title",
    )


@require_POST
def item_move(request, body: str, number: int, item: int):
    """Keyboard buttons post ``direction``; drag and drop posts ``parent`` and ``index``."""
    meeting, agenda = _agenda(body, number)
    require_perm(request, "agendas.change_agenda", agenda)
    direction = request.POST.get("direction", "")
    before = selectors.agenda_tree(agenda=agenda)
    old_number = before.number_of(item)
    try:
        if direction:
            services.agenda_item_shift(agenda=agenda, item_id=item, direction=direction)
        else:
            parent = request.POST.get("parent") or None
            services.agenda_item_move(
                agenda=agenda,
                item_id=item,
                parent_id=int(parent) if parent else None,
                index=int(request.POST.get("index", "1")),
            )
    except (ValueError, TypeError):
        return _tree_response(request, meeting, agenda, error="That move was not understood.")
    except AgendasError as exc:
        return _tree_response(request, meeting, agenda, error=str(exc))
    tree = selectors.agenda_tree(agenda=agenda)
    new_number = tree.number_of(item)
    if new_number == old_number:
        message = f"Item {old_number} stays where it is."
    else:
        message = f"Item {old_number} is now item {new_number}."
    focus = f"move-{direction}-{item}" if direction else f"handle-{item}"
    return _tree_response(request, meeting, agenda, message=message, focus=focus)


@require_POST
def allocation_add(request, body: str, number: int, item: int):
    meeting, agenda = _agenda(body, number)
    require_perm(request, "agendas.change_agenda", agenda)
    try:
        document_id = int(request.POST.get("document", ""))
    except ValueError:
        return _tree_response(request, meeting, agenda, error="Choose a document to allocate.")
    document = visible_documents(request.user).filter(pk=document_id).first()
    if document is None:
        return _tree_response(request, meeting, agenda, error="That document was not found.")
    try:
        services.agenda_allocation_add(agenda=agenda, item_id=item, document=document)
    except AgendasError as exc:
        return _tree_response(request, meeting, agenda, error=str(exc))
    tree = selectors.agenda_tree(agenda=agenda)
    return _tree_response(
        request,
        meeting,
        agenda,
        message=f"{document.symbol} was allocated to {_node_label(tree, item)}.",
        focus=f"alloc-{item}",
    )


@require_POST
def allocation_remove(request, body: str, number: int, item: int, document: int):
    meeting, agenda = _agenda(body, number)
    require_perm(request, "agendas.change_agenda", agenda)
    symbol = Document.objects.filter(pk=document).values_list("symbol", flat=True).first()
    try:
        services.agenda_allocation_remove(agenda=agenda, item_id=item, document_id=document)
    except AgendasError as exc:
        return _tree_response(request, meeting, agenda, error=str(exc))
    tree = selectors.agenda_tree(agenda=agenda)
    return _tree_response(
        request,
        meeting,
        agenda,
        message=f"{symbol or 'The document'} was removed from {_node_label(tree, item)}.",
        focus=f"edit-{item}",
    )


@require_GET
def document_search(request, body: str, number: int):
    """Documents the user may see whose symbol or title contains the query: this meeting's
    documents first, then those listed for it, then the rest, newest first."""
    meeting, agenda = _agenda(body, number)
    require_perm(request, "agendas.change_agenda", agenda)
    query = " ".join(request.GET.get("q", "").split())
    try:
        item_id = int(request.GET.get("item", ""))
    except ValueError:
        item_id = None
    results: list[Document] = []
    if len(query) >= 2:
        qs = visible_documents(request.user)
        for word in query.split()[:6]:
            qs = qs.filter(Q(symbol__icontains=word) | Q(title__icontains=word))
        if item_id is not None:
            qs = qs.exclude(allocations__item_id=item_id)
        results = list(
            qs.annotate(
                here=Case(
                    When(meeting=meeting, then=Value(0)),
                    When(listings__meeting=meeting, then=Value(1)),
                    default=Value(2),
                    output_field=IntegerField(),
                )
            )
            .order_by("here", "-date", "-pk")
            .only("pk", "symbol", "title", "access", "date")
            .distinct()[:10]
        )
    return render(
        request,
        "agendas/_document_search.html",
        {"results": results, "query": query, "item_id": item_id, "urls": _editor_urls(meeting)},
    )


# ------------------------------------------------------------------------------ issue, adopt


@require_POST
def issue(request, body: str, number: int):
    meeting, agenda = _agenda(body, number)
    require_perm(request, "agendas.issue_agenda", agenda)
    form = IssueForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        revision = services.agenda_issue_revision(agenda=agenda, user=request.user, note=note)
    except (AgendasError, DocumentsError) as exc:
        messages.error(request, str(exc))
        back = "agendas:agenda_editor" if request.POST.get("back") == "editor" else "agendas:agenda"
        return redirect(back, **_kwargs(meeting))
    messages.success(
        request,
        f"{revision.label} was issued as {revision.document.symbol}; its PDF is being made.",
    )
    return redirect("agendas:agenda_revision", rev=revision.number, **_kwargs(meeting))


@require_POST
def adopt(request, body: str, number: int):
    meeting, agenda = _agenda(body, number)
    require_perm(request, "agendas.adopt_agenda", agenda)
    try:
        services.agenda_adopt(agenda=agenda, user=request.user)
    except AgendasError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"The agenda of the {meeting.display_name} is adopted.")
    return redirect("agendas:agenda", **_kwargs(meeting))


_prefix = "b/<slug:body>/<int:number>/agenda/"
urlpatterns = [
    path(_prefix, agenda_page, name="agenda"),
    path(f"{_prefix}create/", agenda_create, name="agenda_create"),
    path(f"{_prefix}rev/<int:rev>/", revision_detail, name="agenda_revision"),
    path(f"{_prefix}diff/", revision_diff_page, name="agenda_diff"),
    path(f"{_prefix}issue/", issue, name="agenda_issue"),
    path(f"{_prefix}adopt/", adopt, name="agenda_adopt"),
    path(f"{_prefix}edit/", editor, name="agenda_editor"),
    path(f"{_prefix}edit/tree/", editor_tree, name="agenda_tree"),
    path(f"{_prefix}edit/fixed/", fixed_items_add, name="agenda_fixed_items_add"),
    path(f"{_prefix}edit/search/", document_search, name="agenda_document_search"),
    path(f"{_prefix}edit/items/add/", item_add, name="agenda_item_add"),
    path(f"{_prefix}edit/items/<int:item>/", item_edit, name="agenda_item_edit"),
    path(f"{_prefix}edit/items/<int:item>/delete/", item_delete, name="agenda_item_delete"),
    path(f"{_prefix}edit/items/<int:item>/move/", item_move, name="agenda_item_move"),
    path(
        f"{_prefix}edit/items/<int:item>/documents/",
        allocation_add,
        name="agenda_allocation_add",
    ),
    path(
        f"{_prefix}edit/items/<int:item>/documents/<int:document>/remove/",
        allocation_remove,
        name="agenda_allocation_remove",
    ),
]
