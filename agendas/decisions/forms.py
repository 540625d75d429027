from __future__ import annotations

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from documents.enums import Access


class SummaryForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=500)
    text = forms.CharField(
        label=_("Text"),
        widget=forms.Textarea(attrs={"rows": 24, "class": "font-monospace"}),
        help_text=_(
            'A line starting "# " is a heading, "## " an item heading, "- " an entry of a '
            "list; blank lines separate paragraphs."
        ),
    )
    access = forms.ChoiceField(label=_("Access"), choices=Access.choices, initial=Access.PUBLIC)
    # One per form: sending the same form twice registers one document.
    token = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("token", uuid.uuid4().hex)
