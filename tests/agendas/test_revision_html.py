"""The frozen items of a revision, written in Python (agendas/revision_html.py): what the
template wrote, escaped everywhere, with the same document addresses as reverse()."""

import pytest
from django.urls import reverse

from agendas.revision_html import revision_items_html

HOSTILE = '<img src=x onerror="alert(1)">'


def _items():
    return [
        {"number": "1", "depth": 0, "title": "Opening", "session": "", "documents": []},
        {
            "number": "2",
            "depth": 0,
            "title": "Adoption of the agenda",
            "fixed": "adoption",
            "session": "Morning & afternoon",
            "documents": [],
        },
        {
            "number": HOSTILE,
            "depth": 1,
            "title": f"Report {HOSTILE}",
            "description": "First line\r\nSecond <b>line</b>",
            "is_late": True,
            "session": "Morning & afternoon",
            "documents": [
                {"symbol": "CWG-WSIS&SDG-42/13", "title": f"Note {HOSTILE}", "restricted": False},
                {"symbol": "TSB Circular 210", "title": "Circular", "restricted": False},
                {"symbol": "CWG-Internet-21/9", "title": "Members' note", "restricted": True},
            ],
        },
    ]


@pytest.mark.parametrize("members", [True, False])
def test_everything_from_the_items_is_escaped(members):
    html = revision_items_html(items=_items(), members=members, symbol="CWG-Internet-21/1")
    assert "<img" not in html
    assert html.count("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;") == 3
    assert "First line<br>Second &lt;b&gt;line&lt;/b&gt;" in html
    assert html.count("Morning &amp; afternoon") == 1  # one heading for the session's rows
    assert '<span class="badge text-bg-warning">Late</span>' in html


def test_documents_link_to_the_address_reverse_gives(db):
    html = revision_items_html(items=_items(), members=True, symbol="CWG-Internet-21/1")
    for symbol in ("CWG-WSIS&SDG-42/13", "TSB Circular 210", "CWG-Internet-21/9"):
        address = reverse("documents:detail", kwargs={"symbol": symbol})
        assert f'href="{address.replace("&", "&amp;")}"' in html
    # "Adoption of the agenda" cites the agenda itself.
    assert '<div class="agenda-docs"><span class="symbol">CWG-Internet-21/1</span></div>' in html


def test_restricted_titles_are_for_members_only():
    outside = revision_items_html(items=_items(), members=False)
    inside = revision_items_html(items=_items(), members=True)
    assert "Members&#x27; note" not in outside
    assert "Restricted to members" in outside
    assert "Members&#x27; note" in inside
    assert "Restricted to members" not in inside


def test_no_items_says_so():
    assert "This revision has no items." in revision_items_html(items=[], members=True)
