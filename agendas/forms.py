"""Forms of the agenda editor. The editor's forms are posted by htmx; their <form> tags carry
the hx- attributes in the templates, so the helpers render fields only."""

from __future__ import annotations

from html import escape

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Field, Layout
from django import forms
from django.forms.utils import flatatt
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from meetings.models import Session


class FastSelect(forms.Select):
    """A <select> written in one string. Django renders each option through a template; the
    editor's "Where" list has an option per item and is rendered again with every change."""

    def render(self, name, value, attrs=None, renderer=None):
        final = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        chosen = set(self.format_value(value))
        options = "".join(
            f'<option value="{escape(str(key))}"{" selected" if str(key) in chosen else ""}>'
            f"{escape(str(label))}</option>"
            for key, label in self.choices
        )
        return mark_safe(f"<select{flatatt(final)}>{options}</select>")  # noqa: S308 - escaped


class SessionChoiceField(forms.ChoiceField):
    """The sessions of the meeting, read once by the view and shared by every form of the page
    (a ModelChoiceField would query them again for each form it renders)."""

    widget = FastSelect

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.sessions: dict[str, Session] = {}

    def set_sessions(self, sessions) -> None:
        self.sessions = {str(session.pk): session for session in sessions}
        self.choices = [("", gettext("No session"))] + [
            (key, session.label) for key, session in self.sessions.items()
        ]

    def clean(self, value):
        value = super().clean(value)
        return self.sessions.get(str(value)) if value else None


def _sessions(meeting, sessions=None):
    return list(sessions if sessions is not None else Session.objects.filter(meeting=meeting))


class ItemForm(forms.Form):
    """Edit one item in place: title, description, session."""

    title = forms.CharField(max_length=500, label=_("Title"))
    description = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        label=_("Description"),
        help_text=_("Optional: what the meeting is invited to do under this item."),
    )
    session = SessionChoiceField(label=_("Session"))
    code = forms.CharField(
        max_length=30,
        required=False,
        label=_("Code of its own (optional)"),
        help_text=_("Printed instead of the number, e.g. PL 2.4."),
    )
    # A select, not a checkbox: a form posted without it keeps the item numbered.
    row = forms.ChoiceField(
        required=False,
        label=_("Row"),
        choices=[
            ("", _("Numbered")),
            ("unnumbered", _("Without a number (a heading, a break)")),
            ("continued", _("Continued from an earlier session (cont'd)")),
        ],
    )

    def __init__(self, *args, meeting, sessions=None, prefix_id: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["session"].set_sessions(_sessions(meeting, sessions))
        self.fields["title"].widget.attrs["autofocus"] = True
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        # Ids unique per item so several open forms keep their labels apart.
        self.auto_id = f"id_{prefix_id}%s" if prefix_id else "id_%s"
        self.helper.layout = Layout(
            Field("title"),
            Field("description"),
            Field("session"),
            Field("code"),
            Field("row"),
        )


def parent_choices(tree) -> list[tuple[int, str]]:
    """The items a new item can go under (those not already at the deepest level)."""
    sub_item = gettext("Sub-item of %(number)s %(title)s")  # translated once for every item
    return [
        (node.pk, sub_item % {"number": node.number, "title": node.item.title[:60]})
        for node in tree.flat()
        if node.can_have_children
    ]


class AddItemForm(forms.Form):
    title = forms.CharField(max_length=500, label=_("Title of the new item"))
    description = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        label=_("Description (optional)"),
    )
    parent = forms.TypedChoiceField(
        required=False,
        coerce=int,
        empty_value=None,
        widget=FastSelect,
        # Translators: where in the agenda a new item goes (top level, or under item N).
        label=pgettext_lazy("position in the agenda", "Where"),
        help_text=_("New top-level items go before “Any other business” and “Closing”."),
    )
    session = SessionChoiceField(label=_("Session"))

    def __init__(self, *args, meeting, parents=(), sessions=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["session"].set_sessions(_sessions(meeting, sessions))
        self.fields["parent"].choices = [("", gettext("Top level")), *parents]
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.auto_id = "id_new_%s"
        self.helper.layout = Layout(
            Field("title"),
            Field("description"),
            Div(
                Div("parent", css_class="col-md-7"),
                Div("session", css_class="col-md-5"),
                css_class="row",
            ),
        )


class IssueForm(forms.Form):
    note = forms.CharField(
        max_length=500,
        required=False,
        label=_("Note (optional)"),
        help_text=_("Shown with the revision, e.g. “New item 5 after the chair's decision”."),
    )
    print_note = forms.BooleanField(
        required=False,
        initial=True,
        label=_("Print the note in the PDF"),
        help_text=_("Unticked, the note is shown on the revision's page only."),
    )
    document_titles = forms.BooleanField(
        required=False,
        label=_("Print document titles in the PDF"),
        help_text=_("A real agenda prints symbols only; titles make it several times longer."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
