"""Everything the agenda pages keep in Django's cache, in one place.

what (HTML)                    key                                   dropped when
-----------------------------  ------------------------------------  --------------------------
issued revision's items, for   agenda-rev:V:<revision>:<members>     never: a revision is frozen
  members of the body or not
diff of two issued revisions   agenda-diff:V:<old>:<new>             never: both are frozen
editor body: items, add form,  agenda-editor:V:<agenda>:<version>:   never: the key moves on, as
  usual items still missing      <allocated docs changed>:<sessions>   item writes bump version
visitors' agenda page, whole   agenda-page:V:<body>:<meeting number> issue and adopt call
  and gzipped                                                          forget_public_page; and
                                                                       re-checked against the
                                                                       agenda's state every
                                                                       PAGE_FRESH_SECONDS
the API's answer for visitors  api-agenda:1:<agenda>:<generation>:      the generation moves on
  (agendas/api.py, JSON)         <host>                               on issue and adopt
                                                                       (forget_public_page)
members' agenda page, its      agenda-member:V:<meeting>:<generation>: the generation moves on
  content (the page minus the    <audience>                           when an item is written,
  header): one per audience                                           on issue and on adopt
                                                                       (forget_member_pages);
                                                                       re-checked like the
                                                                       visitors' page
a member's whole page, gzipped the members' page key + :reader:<digest>  as the members' page;
  (their header around the                                             expires PAGE_FRESH_SECONDS
  audience's content)                                                  after the content's check

Every key of HTML (or of JSON with sentences) also ends with the language it is written in
(django.utils.translation.get_language()): a French reader never gets the English entry, and
the visitors' ETag differs by language too.

An audience is what the members' page depends on about the reader: superuser or not, and the
roles held in the body (the permissions of the page are predicates of nothing else). Every
delegate of a body thus shares one entry, with the restricted titles members may read. The
content carries CSRF_PLACEHOLDER where a form's token goes; the view puts the reader's own
(masked) token there, and renders the header, which names the reader, around it.

V is FRAGMENT_VERSION: bump it when these templates change shape. The visitors' page stays a
whole-page entry with its gzip made once (rather than ``cache_page`` + ``GZipMiddleware``,
which would compress every response again): it is what keeps ``bench/agenda.py``'s issued
agenda as fast as a bare view. Browsers that come back with its ETag get a 304 from Django's
``condition`` decorator (agendas/views/pages.py).
"""

from __future__ import annotations

import gzip
import hashlib
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils.text import compress_string
from django.utils.translation import get_language

from agendas.models import Agenda, AgendaRevision

FRAGMENT_VERSION = 5
# Never a real token (those are 64 characters of [a-zA-Z0-9]).
CSRF_PLACEHOLDER = "__agendum-csrf-token__"
CACHE_SECONDS = 60 * 60 * 24
# As django.middleware.gzip.GZipMiddleware pads every response it compresses.
GZIP_RANDOM_BYTES = 100
# How long a visitors' page is served without asking the database whether the agenda changed:
# issuing or adopting drops it at once in the cache it uses; other processes' memory caches
# (the default LocMem cache) catch up within this many seconds.
PAGE_FRESH_SECONDS = 10


def _cached(key: str, make: Callable[[], object]):
    """Every key of HTML ends with the language it is written in."""
    key = f"{key}:{get_language()}"
    value = cache.get(key)
    if value is None:
        value = make()
        cache.set(key, value, CACHE_SECONDS)
    return value


def revision_items_html(*, revision: AgendaRevision, members: bool, render: Callable) -> str:
    return _cached(
        f"agenda-rev:{FRAGMENT_VERSION}:{revision.pk}:{int(members)}",
        lambda: render(revision, members),
    )


def diff_html(*, old: AgendaRevision, new: AgendaRevision, render: Callable) -> str:
    return _cached(f"agenda-diff:{FRAGMENT_VERSION}:{old.pk}:{new.pk}", render)


def editor_body(*, agenda: Agenda, version: int, stamp, sessions: list, render: Callable) -> dict:
    """``version`` is read before the items, so a cached body is never older than its key."""
    signature = hashlib.sha256(repr([(s.pk, s.label) for s in sessions]).encode()).hexdigest()
    stamp_part = stamp.timestamp() if stamp else ""
    key = f"agenda-editor:{FRAGMENT_VERSION}:{agenda.pk}:{version}:{stamp_part}:{signature[:16]}"
    return _cached(key, render)


def _page_key(body_slug: str, number: int, language: str | None = None) -> str:
    return f"agenda-page:{FRAGMENT_VERSION}:{body_slug}:{number}:{language or get_language()}"


def public_page(
    *, body_slug: str, number: int, state: Callable[[], tuple | None], render: Callable
) -> dict | None:
    """The visitors' page as {"html", "gzip", "etag", "state", "checked"}; None when ``state()``
    says there is no agenda (the ordinary page says so). ``state()`` is one small query."""
    key = _page_key(body_slug, number)
    entry = cache.get(key)
    now = time.time()
    if entry is not None and now - entry["checked"] < PAGE_FRESH_SECONDS:
        return entry
    current = state()
    if current is None:
        return None
    if entry is None or entry["state"] != current:
        html = render()
        entry = {
            "state": current,
            "html": html,
            "gzip": gzip.compress(html, compresslevel=6),
            # Weak: the same page whether sent gzipped or not; another language, another tag.
            "etag": f'W/"{_etag(current)}"',
        }
    entry["checked"] = now
    cache.set(key, entry, CACHE_SECONDS)
    return entry


def _etag(state) -> str:
    return hashlib.sha256(repr((state, get_language())).encode()).hexdigest()[:32]


def forget_public_page(*, agenda: Agenda) -> None:
    """Drop the visitors' page and the members' pages now and again after commit (a request
    between the two could have cached the page as it was)."""
    from meetings.models import Meeting

    meeting = Meeting.objects.select_related("body").get(pk=agenda.meeting_id)
    keys = [_page_key(meeting.body.slug, meeting.number, code) for code, _ in settings.LANGUAGES]
    generation = _generation_key(meeting.pk)

    def drop() -> None:  # the members' pages and the API's visitor answer too
        cache.delete_many(keys)
        cache.set(generation, time.time_ns(), CACHE_SECONDS)
        cache.set(_api_generation_key(agenda.pk), time.time_ns(), CACHE_SECONDS)

    drop()
    transaction.on_commit(drop)


def api_visitor_key(*, agenda_id: int, host: str) -> str:
    """Where the API keeps its answer for visitors (agendas/api.py): one cache read, no query,
    and a new key as soon as the agenda is issued or adopted."""
    generation = cache.get(_api_generation_key(agenda_id), 0)
    return f"api-agenda:1:{agenda_id}:{generation}:{host}:{get_language()}"


def _api_generation_key(agenda_id: int) -> str:
    return f"api-agenda-generation:{agenda_id}"


def _meeting_key(body_slug: str, number: int) -> str:
    return f"agenda-meeting:{FRAGMENT_VERSION}:{body_slug}:{number}"


def _generation_key(meeting_id: int) -> str:
    return f"agenda-generation:{meeting_id}"


def _meeting_of(body_slug: str, number: int, meeting: Callable[[], object]):
    address = _meeting_key(body_slug, number)
    found = cache.get(address)
    if found is None:
        found = meeting()
        cache.set(address, found, CACHE_SECONDS)
    return found


def _member_key(found, audience: Callable[[int], str]) -> str:
    generation = cache.get(_generation_key(found.pk), 0)
    return (
        f"agenda-member:{FRAGMENT_VERSION}:{found.pk}:{generation}:{audience(found.body_id)}:"
        f"{get_language()}"
    )


def _member_content(key: str, found, agenda: Callable, render: Callable) -> dict | None:
    entry = cache.get(key)
    now = time.time()
    if entry is not None and now - entry["checked"] < PAGE_FRESH_SECONDS:
        return entry
    current = agenda(found)
    if current is None:
        return None
    if entry is None or entry["state"] != current.page_state:
        entry = {"meeting": found, "state": current.page_state, "content": render(found, current)}
    entry["checked"] = now
    cache.set(key, entry, CACHE_SECONDS)
    return entry


def member_page(
    *,
    body_slug: str,
    number: int,
    meeting: Callable[[], object],
    audience: Callable[[int], str],
    agenda: Callable[[object], Agenda | None],
    render: Callable[[object, Agenda], str],
) -> dict | None:
    """The members' page as {"meeting", "content", "state", "checked"}; None when ``state()``
    says there is no agenda. ``meeting()`` loads the meeting with its body (only when this
    process has not seen the address yet: a meeting keeps its body and number);
    ``audience(body_id)`` names the reader's audience; ``agenda(meeting)`` reads the agenda
    with its ``page_state`` in one query, at most every PAGE_FRESH_SECONDS;
    ``render(meeting, agenda)`` makes the content."""
    found = _meeting_of(body_slug, number, meeting)
    return _member_content(_member_key(found, audience), found, agenda, render)


def reader_page(
    *,
    body_slug: str,
    number: int,
    meeting: Callable[[], object],
    audience: Callable[[int], str],
    agenda: Callable[[object], Agenda | None],
    render: Callable[[object, Agenda], str],
    reader: str,
    page: Callable[[object, str], str],
) -> dict | None:
    """One reader's whole members' page, gzipped once, as {"gzip", "checked"}: the audience's
    content (``member_page``, same arguments) inside the header that ``page(meeting, content)``
    makes for this reader, with the reader's CSRF token in its forms. ``reader`` is a digest of
    everything that header and token depend on (agendas.views.pages). A warm request reads two
    small entries and sends the bytes: no template, no compression, no query of its own.

    Kept no longer than the content it wraps stays fresh (PAGE_FRESH_SECONDS from the
    content's last check), under the same generation: an item written, an issue or an adoption
    makes it anew at once in this process, and within PAGE_FRESH_SECONDS in the others. The
    gzip is padded with random bytes as GZipMiddleware pads (BREACH), and a reader's entry
    holds nothing from their request but the path: the same bytes are sent until the page
    changes, then made anew with a fresh mask of the token."""
    found = _meeting_of(body_slug, number, meeting)
    key = _member_key(found, audience)
    mine_key = f"{key}:reader:{reader}"
    now = time.time()
    mine = cache.get(mine_key)
    if mine is not None and now - mine["checked"] < PAGE_FRESH_SECONDS:
        return mine
    entry = _member_content(key, found, agenda, render)
    if entry is None:
        return None
    html = page(entry["meeting"], entry["content"])
    mine = {
        "gzip": compress_string(html.encode(), max_random_bytes=GZIP_RANDOM_BYTES),
        "checked": entry["checked"],
    }
    cache.set(mine_key, mine, PAGE_FRESH_SECONDS)
    return mine


def forget_member_pages(*, meeting_id: int) -> None:
    """Every audience's members' page of this meeting is made anew, now and again after commit
    (as forget_public_page): called when an item is written, on issue and on adopt."""
    key = _generation_key(meeting_id)
    cache.set(key, time.time_ns(), CACHE_SECONDS)
    transaction.on_commit(lambda: cache.set(key, time.time_ns(), CACHE_SECONDS))
