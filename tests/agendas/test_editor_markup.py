"""The editor's weight (issue 15): each item carries only what is its own, and the controls
every item repeats come once per page, translated, in <template id="agenda-item-tools">, for
static/js/agenda-editor.js to copy into each item (tests/browser/test_agenda_editor.py checks
the buttons the browser then shows). These tests check what the script is given: every
control with its words in every language, and each item's own data, escaped."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from agendas import services
from agendas.selectors import MAX_DEPTH
from tests.factories.agendas import SYSTEM, document_for, items

HTMX = {"HTTP_HX_REQUEST": "true"}


def editor_url(meeting) -> str:
    return reverse(
        "agendas:agenda_editor", kwargs={"body": meeting.body.slug, "number": meeting.number}
    )


class _Elements(HTMLParser):
    """Every element of a page as (tag, attributes, its own text), in order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[dict] = []
        self._open: list[dict] = []

    def handle_starttag(self, tag, attrs):
        element = {"tag": tag, "attrs": dict(attrs), "text": ""}
        self.found.append(element)
        if tag not in ("input", "br", "img", "meta", "link"):
            self._open.append(element)

    def handle_endtag(self, tag):
        while self._open:
            if self._open.pop()["tag"] == tag:
                break

    def handle_data(self, data):
        for element in self._open:
            element["text"] += data


def elements(html: str) -> list[dict]:
    parser = _Elements()
    parser.feed(html)
    return parser.found


def tools_of(page: str) -> dict[str, dict]:
    """The controls in the page's template, by what they do."""
    start = page.index('<template id="agenda-item-tools">')
    end = page.index("</template>", start)
    found = {}
    for element in elements(page[start:end]):
        a = element["attrs"]
        key = (
            a.get("data-tool")
            or (a.get("data-move") and f"move-{a['data-move']}")
            or ("edit" if "data-edit" in a else None)
            or ("delete" if "data-delete" in a else None)
        )
        if key:
            found[key] = element
    return found


def test_the_page_carries_every_control_of_an_item_once(client_for, agenda, meeting):
    items(agenda, "Reports", "Closing")
    page = client_for("secretariat").get(editor_url(meeting)).content.decode()
    assert page.count('<template id="agenda-item-tools">') == 1
    tools = tools_of(page)
    assert sorted(tools) == sorted(
        [
            "handle",
            "allocate",
            "actions",
            "move-up",
            "move-down",
            "move-indent",
            "move-outdent",
            "edit",
            "delete",
            "remove",
        ]
    )
    # The buttons are buttons, not submit buttons of a form.
    assert {
        tools[key]["attrs"].get("type") for key in tools if key not in ("allocate", "actions")
    } == {"button"}
    assert tools["actions"]["attrs"]["role"] == "group"
    # The arrows of indent and outdent are the ones mirrored in right-to-left.
    assert 'class="rtl-mirror">→' in page
    assert 'class="rtl-mirror">←' in page
    # The items' controls are in the template only: the tree itself carries none.
    root = page[page.index('<ol class="agenda-list agenda-root') :]
    assert "<button" not in root[: root.index('<form class="add-item')]


def _expected(language: str) -> dict[str, dict[str, str]]:
    """What each control says in ``language``: the catalog's sentences."""
    with translation.override(language):
        t = translation.gettext
        return {
            "handle": {
                "aria-label": t("Drag item %(number)s to move it"),
                "title": t("Drag to move"),
            },
            "move-up": {"aria-label": t("Move item %(number)s up"), "title": t("Move up")},
            "move-down": {"aria-label": t("Move item %(number)s down"), "title": t("Move down")},
            "move-indent": {
                "aria-label": t("Indent item %(number)s"),
                "data-label-under": t("Indent item %(number)s under item %(previous)s"),
                "title": t("Make it a sub-item of the item above"),
            },
            "move-outdent": {
                "aria-label": t("Outdent item %(number)s"),
                "title": t("Move it out one level"),
            },
            "edit": {"aria-label": t("Edit item %(number)s"), "text": t("Edit")},
            "delete": {
                "aria-label": t("Delete item %(number)s"),
                "data-confirm": t("Delete item %(number)s “%(title)s”?"),
                "data-confirm-children": t("Delete item %(number)s “%(title)s” and its sub-items?"),
                "text": t("Delete"),
            },
            "allocate": {"text": f"{t('Allocate a document')} {t('to item %(number)s')}"},
            "actions": {"aria-label": t("Actions for item %(number)s")},
            "remove": {
                "aria-label": t("Remove %(symbol)s from item %(number)s"),
                "text": t("Remove"),
            },
        }


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_every_control_speaks_the_readers_language(client_for, agenda, meeting, language):
    items(agenda, "Reports")
    page = (
        client_for("secretariat")
        .get(editor_url(meeting), HTTP_ACCEPT_LANGUAGE=language)
        .content.decode()
    )
    assert f'lang="{language}"' in page
    tools = tools_of(page)
    for key, words in _expected(language).items():
        element = tools[key]
        for name, value in words.items():
            shown = element["text"] if name == "text" else element["attrs"].get(name)
            assert shown == value, (language, key, name)


def test_each_item_carries_its_own_data_and_the_tree_what_the_script_needs(
    client_for, agenda, meeting
):
    reports, _closing = items(agenda, "Reports", "Closing")
    (sub,) = items(agenda, "Report of the Secretary-General", parent=reports)
    doc = document_for(meeting, "Report of the Secretary-General")
    services.agenda_allocation_add(agenda=agenda, actor=SYSTEM, item_id=sub.pk, document=doc)
    page = client_for("secretariat").get(editor_url(meeting)).content.decode()
    assert f'data-max-depth="{MAX_DEPTH}"' in page
    assert 'data-document-url="/documents/d/%(symbol)s"' in page
    assert (
        f"<li data-id={reports.pk}><div class=item-row><span class=item-num>1</span>"
        "<div class=item-main><div class=item-title><span>Reports</span></div></div></div>"
        f"<ol class=agenda-list><li data-id={sub.pk}>"
    ) in page
    assert (
        f"<ul class=item-docs><li data-doc={doc.pk}><a>{doc.symbol}</a> "
        "Report of the Secretary-General</ul>"
    ) in page


# ------------------------------------------------------------------------------ weight

LONG_TITLE = "Contribution number {n} on international Internet-related public policy issues"


def _grow(agenda, meeting, count: int, start: int) -> None:
    """``count`` more items shaped as bench/agenda.py builds them: a fifth top-level with a
    description, the others their sub-items, five documents with long titles each."""
    parent = None
    for n in range(start, start + count):
        documents = [document_for(meeting, LONG_TITLE.format(n=n * 5 + d)) for d in range(5)]
        if n % 5 == 0:
            parent = services.agenda_item_add(
                agenda=agenda,
                actor=SYSTEM,
                title=f"Agenda item {n} on international Internet-related public policy",
                description="The Group is invited to consider the documents and decide.",
                documents=documents,
            )
        else:
            services.agenda_item_add(
                agenda=agenda,
                actor=SYSTEM,
                title=f"Sub-item {n}",
                parent=parent,
                documents=documents,
            )


def test_the_editor_weighs_at_most_1_kb_an_item(client_for, agenda, meeting):
    """Issue 15: 3.8 KB an item before the controls moved to the page's template."""
    client = client_for("secretariat")
    tree_url = reverse("agendas:agenda_tree", kwargs={"body": meeting.body.slug, "number": 21})
    _grow(agenda, meeting, 5, 0)
    page_small = len(client.get(editor_url(meeting)).content)
    tree_small = len(client.get(tree_url, **HTMX).content)
    _grow(agenda, meeting, 20, 5)
    page_large = len(client.get(editor_url(meeting)).content)
    tree_large = len(client.get(tree_url, **HTMX).content)
    assert (page_large - page_small) / 20 <= 1024
    assert (tree_large - tree_small) / 20 <= 1024
