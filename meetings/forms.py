from __future__ import annotations

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Field, Layout, Submit
from django import forms

from meetings.enums import MeetingMode
from meetings.models import Meeting, Session


class MeetingForm(forms.Form):
    number = forms.IntegerField(min_value=1, help_text="Ordinal number: 21 for the 21st meeting.")
    start_date = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    end_date = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    mode = forms.ChoiceField(choices=MeetingMode.choices, initial=MeetingMode.HYBRID)
    venue = forms.CharField(max_length=200, required=False)
    contribution_deadline = forms.DateTimeField(
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text="Contributions received later are accepted but marked late.",
    )

    def __init__(self, *args, submit_label: str = "Save", **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Field("number"),
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
            Submit("submit", submit_label),
        )

    @classmethod
    def initial_from(cls, meeting: Meeting) -> dict:
        return {
            name: getattr(meeting, name)
            for name in (
                "number",
                "start_date",
                "end_date",
                "mode",
                "venue",
                "contribution_deadline",
            )
        }

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", "The meeting cannot end before it starts.")
        return data


class SessionForm(forms.Form):
    title = forms.CharField(
        max_length=120, required=False, help_text="Optional, e.g. 'Morning session'."
    )
    date = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    start_time = forms.TimeField(widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
    end_time = forms.TimeField(widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
    room = forms.CharField(max_length=120, required=False)

    def __init__(self, *args, submit_label: str = "Save session", **kwargs):
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
            Submit("submit", submit_label),
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
            self.add_error("end_time", "The session must end after it starts.")
        return data
