from __future__ import annotations

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Field, Layout, Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from meetings.enums import MeetingIdentity, MeetingMode, MeetingStatus
from meetings.models import Meeting, Session
from meetings.services import MEETING_FIELDS


class MeetingForm(forms.Form):
    identity_kind = forms.ChoiceField(
        label=_("Named by"),
        choices=MeetingIdentity.choices,
        initial=MeetingIdentity.ORDINAL,
        required=False,
    )
    number = forms.IntegerField(
        label=_("Number"),
        min_value=1,
        help_text=_(
            "Ordinal number (21 for the 21st meeting), the year (2025 for Council 2025), or "
            "any free number for a labelled meeting: it is the meeting's web address."
        ),
    )
    label = forms.CharField(
        label=_("Label"),
        max_length=120,
        required=False,
        help_text=_("For a labelled meeting: Additional session 2024, Open consultation."),
    )
    start_date = forms.DateField(
        label=_("Start date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    end_date = forms.DateField(
        label=_("End date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    mode = forms.ChoiceField(
        label=_("Mode"), choices=MeetingMode.choices, initial=MeetingMode.HYBRID
    )
    venue = forms.CharField(label=_("Venue"), max_length=200, required=False)
    contribution_deadline = forms.DateTimeField(
        label=_("Contribution deadline"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_("Contributions received later are accepted but marked late."),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=MeetingStatus.choices,
        initial=MeetingStatus.SCHEDULED,
        required=False,
    )
    status_decided_on = forms.DateField(
        label=_("Decided on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("The date of the decision to postpone or cancel it."),
    )

    def __init__(self, *args, submit_label: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Div(
                Div("identity_kind", css_class="col-sm-3"),
                Div("number", css_class="col-sm-3"),
                Div("label", css_class="col-sm-6"),
                css_class="row",
            ),
            Div(
                Div("start_date", css_class="col-sm-6"),
                Div("end_date", css_class="col-sm-6"),
                css_class="row",
            ),
            Div(
                Div("mode", css_class="col-sm-4"),
                Div("venue", css_class="col-sm-8"),
                css_class="row",
            ),
            Field("contribution_deadline"),
            Div(
                Div("status", css_class="col-sm-6"),
                Div("status_decided_on", css_class="col-sm-6"),
                css_class="row",
            ),
            Submit("submit", submit_label or _("Save")),
        )

    @classmethod
    def initial_from(cls, meeting: Meeting) -> dict:
        return {name: getattr(meeting, name) for name in MEETING_FIELDS}

    def clean(self):
        data = super().clean()
        # A form sent without them (an older page, a script) names an ordinal, scheduled meeting.
        data["identity_kind"] = data.get("identity_kind") or MeetingIdentity.ORDINAL
        data["status"] = data.get("status") or MeetingStatus.SCHEDULED
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The meeting cannot end before it starts."))
        if data["status"] != MeetingStatus.SCHEDULED and not data.get("status_decided_on"):
            self.add_error(
                "status_decided_on",
                _("Give the date of the decision to postpone or cancel the meeting."),
            )
        return data


class SessionForm(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=120,
        required=False,
        help_text=_("Optional, e.g. 'Morning session'."),
    )
    date = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    start_time = forms.TimeField(
        label=_("Start time"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    end_time = forms.TimeField(
        label=_("End time"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    room = forms.CharField(label=_("Room"), max_length=120, required=False)

    def __init__(self, *args, submit_label: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Field("title"),
            Div(
                Div("date", css_class="col-sm-4"),
                Div("start_time", css_class="col-sm-4"),
                Div("end_time", css_class="col-sm-4"),
                css_class="row",
            ),
            Field("room"),
            Submit("submit", submit_label or _("Save session")),
        )

    @classmethod
    def initial_from(cls, session: Session) -> dict:
        return {
            name: getattr(session, name)
            for name in ("title", "date", "start_time", "end_time", "room")
        }

    def clean(self):
        data = super().clean()
        start, end = data.get("start_time"), data.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", _("The session must end after it starts."))
        return data
