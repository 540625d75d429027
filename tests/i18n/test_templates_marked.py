"""Every word a template shows is inside a translation tag (issue 13)."""

import pytest

from tests.i18n.template_text import ROOT, templates, untranslated_text


@pytest.mark.parametrize("path", templates(), ids=lambda p: str(p.relative_to(ROOT / "templates")))
def test_template_shows_no_text_outside_a_translation_tag(path):
    left = untranslated_text(path.read_text(encoding="utf-8"))
    assert not left, f"{path.relative_to(ROOT)} shows English outside a translation tag: {left}"


def test_the_check_finds_text_outside_tags_and_passes_marked_text():
    source = """{% load i18n %}<h1>{% translate "Draft agenda" %}</h1>
    {% blocktranslate with n=count %}{{ n }} items{% endblocktranslate %}
    <button aria-label="Close">×</button> <p>Nothing yet</p> {{ x|default:"None given" }}
    <script>const s = "Saving";</script>{# a comment #} <span>{{ item.number }}.</span>"""
    assert untranslated_text(source) == [
        'default:"None given"',
        'aria-label="Close"',
        "Nothing yet",
    ]
