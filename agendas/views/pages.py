"""The public agenda pages: the agenda (latest issued revision for everyone, the live draft
for members of the body), each issued revision, and the diff between two revisions."""

from __future__ import annotations

import gzip
import hashlib

from django.conf import settings
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.cache import patch_vary_headers
from django.utils.safestring import mark_safe
from django.views.decorators.http import condition, require_GET

from agendas import caching, selectors
from agendas.diff import revision_diff
from agendas.editor_html import draft_items_html
from agendas.forms import IssueForm
from agendas.notices import unissued_changes
from agendas.views.common import (
    agenda_from_address,
    editor_urls,
    is_member,
    next_label,
    revision_fragment,
)
from documents.enums import PublicationState
from meetings.rules import roles_by_body
from meetings.selectors import meeting_get


def _plain_visitor(request) -> bool:
    """Someone without a session or pending messages, asking without a query string: every
    such visitor is shown the same agenda page."""
    return (
        not request.GET
        and not request.htmx
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
    )


def _visitor_page(request, body: str, number: int) -> dict | None:
    """The cached page for a plain visitor, looked up once per request (the ETag and the
    response both need it)."""
    if not _plain_visitor(request):
        return None
    if not hasattr(request, "_agenda_visitor_page"):
        request._agenda_visitor_page = caching.public_page(
            body_slug=body,
            number=number,
            state=lambda: selectors.agenda_page_state(body_slug=body, number=number),
            render=lambda: _agenda_page(request, body, number, shared=True).content,
        )
    return request._agenda_visitor_page


def _visitor_etag(request, body: str, number: int) -> str | None:
    entry = _visitor_page(request, body, number)
    return entry["etag"] if entry else None


@require_GET
@condition(etag_func=_visitor_etag)
def agenda_page(request, body: str, number: int):
    """The latest issued revision for everyone, the list of revisions, and for members of the
    body the live draft.

    Visitors who are not logged in all see the same page, kept whole in the cache, also
    gzipped, with an ETag (agendas.caching.public_page): ``condition`` answers 304 to a
    browser that has it already. It carries no CSRF token: a visitor has nothing to post
    from it (logging in has its own page and token)."""
    entry = _visitor_page(request, body, number)
    if entry is not None:
        return _kept_page(request, entry["gzip"], plain=lambda: entry["html"])
    if request.user.is_authenticated and not request.GET and not request.htmx:
        response = _member_page(request, body, number)
        if response is not None:
            return response
    return _agenda_page(request, body, number)


def _kept_page(request, gzipped: bytes, *, plain) -> HttpResponse:
    """A page kept gzipped in the cache, sent as it is to browsers that accept gzip and as
    ``plain()`` to the others. Kept per cookie (session), encoding and language of the
    interface (agendas.caching), which Vary says to any cache between."""
    if "gzip" in request.headers.get("Accept-Encoding", ""):
        response = HttpResponse(gzipped)
        response["Content-Encoding"] = "gzip"
    else:
        response = HttpResponse(plain())
    patch_vary_headers(response, ["Cookie", "Accept-Encoding", "Accept-Language"])
    return response


def _member_page(request, body: str, number: int):
    """A logged-in reader's page: the content as every reader of the same audience sees it,
    from the cache (agendas.caching.member_page), inside the header made for this reader;
    the whole of it kept gzipped for this reader (agendas.caching.reader_page) unless a
    message waits to be shown or the browser has no CSRF cookie yet. None when the meeting
    has no agenda (the ordinary page offers to create one)."""
    user = request.user
    roles = roles_by_body(user)

    def audience(body_id: int) -> str:
        return f"{int(user.is_superuser)}:{','.join(sorted(roles.get(body_id, ())))}"

    def content(meeting, agenda) -> str:
        context = _page_context(request, meeting, agenda)
        context["csrf_token"] = caching.CSRF_PLACEHOLDER
        return render_to_string("agendas/_agenda_page_content.html", context)

    def page(meeting, content: str) -> str:
        page = content.replace(caching.CSRF_PLACEHOLDER, get_token(request))
        return render_to_string(
            "agendas/agenda_page.html",
            {"meeting": meeting, "body": meeting.body, "page_content": mark_safe(page)},  # noqa: S308
            request=request,
        )

    arguments = {
        "body_slug": body,
        "number": number,
        "meeting": lambda: meeting_get(body_slug=body, number=number),
        "audience": audience,
        "agenda": lambda meeting: selectors.agenda_with_state(meeting=meeting),
        "render": content,
    }
    reader = _reader(request, roles)
    if reader is not None:
        mine = caching.reader_page(**arguments, reader=reader, page=page)
        if mine is None:
            return None
        return _kept_page(request, mine["gzip"], plain=lambda: gzip.decompress(mine["gzip"]))
    entry = caching.member_page(**arguments)
    if entry is None:
        return None
    return HttpResponse(page(entry["meeting"], entry["content"]))


def _reader(request, roles: dict) -> str | None:
    """A digest of what a member's whole page depends on besides the agenda, the audience and
    the language: who they are as the header names them, the roles it sums up, and their
    browser's CSRF secret (the token in the page's forms is masked from it). None when the
    page must be made for this request alone: a message waits to be shown (making the page
    shows it once), or the browser has no CSRF cookie yet (making the page sets one)."""
    secret = request.META.get("CSRF_COOKIE")
    if not secret or "messages" in request.COOKIES or "_messages" in request.session:
        return None
    user = request.user
    facts = (
        user.pk,
        secret,
        user.get_username(),
        user.get_full_name(),
        user.is_staff,
        user.is_superuser,
        sorted((body_id, sorted(held)) for body_id, held in roles.items()),
    )
    return hashlib.sha256(repr(facts).encode()).hexdigest()


def _agenda_page(request, body: str, number: int, *, shared: bool = False):
    meeting = meeting_get(body_slug=body, number=number)
    agenda = selectors.agenda_of_meeting(meeting=meeting)
    if agenda is None:
        context = {"meeting": meeting, "body": meeting.body, "agenda": None}
        context["can_create"] = request.user.has_perm("agendas.change_agenda", meeting)
        return render(request, "agendas/agenda_page.html", context)
    context = _page_context(request, meeting, agenda)
    if shared:
        context["csrf_token"] = ""  # the same page for every visitor: see agenda_page
    return render(request, "agendas/agenda_page.html", context)


def _page_context(request, meeting, agenda) -> dict:
    """Everything the page's content shows about an agenda that exists, for this reader."""
    context = {"meeting": meeting, "body": meeting.body, "agenda": agenda}
    agenda.meeting = meeting
    revisions = selectors.revisions_of(agenda=agenda)
    latest = revisions[-1] if revisions else None
    can_view_draft = request.user.has_perm("agendas.view_draft_agenda", agenda)
    context.update(
        revisions=revisions,
        latest=latest,
        fragment=(
            revision_fragment(revision=latest, members=is_member(request, meeting))
            if latest
            else ""
        ),
        adopted_number=selectors.adopted_revision_number(agenda=agenda, revisions=revisions),
        can_view_draft=can_view_draft,
        can_edit=request.user.has_perm("agendas.change_agenda", agenda),
        can_issue=request.user.has_perm("agendas.issue_agenda", agenda),
        can_adopt=request.user.has_perm("agendas.adopt_agenda", agenda),
        urls=editor_urls(meeting),
    )
    if can_view_draft:
        tree = selectors.agenda_tree(agenda=agenda)
        # Nothing to show twice when the draft is what was issued last.
        context["draft_unchanged"] = latest is not None and (
            selectors.agenda_content(tree=tree) == latest.items
        )
        context["draft_html"] = draft_items_html(tree.flat())
        if not context["draft_unchanged"]:
            context["unissued"] = unissued_changes(tree=tree, latest=latest)
        # Who issued and adopted what: for members of the body (never on the visitors' page).
        context["history"] = selectors.agenda_history(agenda=agenda)
    if context["can_issue"]:
        context["issue_form"] = IssueForm()
        context["next_label"] = next_label(revisions)
    return context


@require_GET
def revision_detail(request, body: str, number: int, rev: int):
    meeting, agenda = agenda_from_address(body, number)
    revision = selectors.revision_get(agenda=agenda, number=rev)
    revisions = selectors.revisions_of(agenda=agenda)
    publication = selectors.latest_publication(document=revision.document)
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
            "fragment": revision_fragment(revision=revision, members=is_member(request, meeting)),
            "publication": publication,
            "published": publication is not None
            and publication.state == PublicationState.PUBLISHED,
            "urls": editor_urls(meeting),
        },
    )


def _pick(request, name: str, default: int, numbers: list[int]) -> int:
    try:
        value = int(request.GET.get(name, default))
    except ValueError:
        return default
    return value if value in numbers else default


@require_GET
def revision_diff_page(request, body: str, number: int):
    meeting, agenda = agenda_from_address(body, number)
    revisions = selectors.revisions_of(agenda=agenda)
    numbers = [r.number for r in revisions]
    context = {
        "meeting": meeting,
        "body": meeting.body,
        "agenda": agenda,
        "revisions": revisions,
        "urls": editor_urls(meeting),
    }
    if len(revisions) < 2:
        return render(request, "agendas/revision_diff.html", context)
    new_number = _pick(request, "to", numbers[-1], numbers)
    old_default = max((n for n in numbers if n < new_number), default=numbers[0])
    old_number = _pick(request, "from", old_default, numbers)
    old, new = selectors.revision_pair(agenda=agenda, old_number=old_number, new_number=new_number)
    diff_html = caching.diff_html(
        old=old,
        new=new,
        render=lambda: render_to_string(
            "agendas/_diff.html",
            {"diff": revision_diff(old.items, new.items), "old": old, "new": new},
        ),
    )
    context.update(old=old, new=new, diff_html=diff_html)
    return render(request, "agendas/revision_diff.html", context)
