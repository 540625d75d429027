"""Forms of the registry's list: its filters and the "go to symbol" box."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from documents.enums import DocumentType, Language
from documents.forms import MeetingChoiceField
from documents.symbols import normalize_symbol
from meetings.models import Body, Meeting


class RegistryFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": _("Words, a phrase in quotes, or a symbol")}
        ),
    )
    body = forms.ModelChoiceField(
        queryset=Body.objects.order_by("acronym"),
        to_field_name="slug",
        required=False,
        empty_label=_("Any body"),
    )
    meeting = MeetingChoiceField(
        queryset=Meeting.objects.select_related("body").order_by("body__acronym", "-number"),
        required=False,
        empty_label=_("Any meeting"),
    )
    type = forms.ChoiceField(
        choices=[("", _("Any type")), *DocumentType.choices], required=False, label=_("Type")
    )
    source = forms.CharField(
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"list": "source-options", "placeholder": _("Any source")}),
    )
    language = forms.ChoiceField(
        choices=[("", _("Any language")), *Language.choices],
        required=False,
        label=_("Issued in"),
    )
    date_from = forms.DateField(
        required=False,
        label=_("From"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    date_to = forms.DateField(
        required=False,
        label=_("To"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", gettext("The end of the period is before its start."))
        return data


class GotoSymbolForm(forms.Form):
    symbol = forms.CharField(
        label=_("Go to symbol"),
        max_length=80,
        required=False,
        widget=forms.TextInput(attrs={"placeholder": "CWG-Internet-21/3"}),
    )

    def clean_symbol(self) -> str:
        raw = self.cleaned_data["symbol"]
        if not raw.strip():
            raise forms.ValidationError(
                gettext("Type the symbol of a document, such as C25/INF/3.")
            )
        symbol = normalize_symbol(raw)
        if symbol is None:
            raise forms.ValidationError(
                gettext(
                    "“%(raw)s” is not a document symbol. Symbols look like "
                    "CWG-Internet-21/3, CWG-Internet-21/3(Rev.1), C25/1 or C25/INF/3."
                )
                % {"raw": raw.strip()}
            )
        return symbol
