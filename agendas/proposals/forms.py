"""Forms of the proposal pages: the proposal itself (shaped like a contribution), the
decision of the chair, and the withdrawal."""

from __future__ import annotations

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Field, Fieldset, Layout, Submit
from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from agendas.enums import Decision, ProposalState
from agendas.exceptions import InvalidProposal
from agendas.models import Proposal
from agendas.proposals.annexes import annex_kind
from agendas.proposals.selectors import (
    delegate_states,
    represented_state_ids,
    upcoming_meetings_for_delegate,
)
from agendas.proposals.text import TEXT_FIELDS, deadline_phrase
from meetings.models import Meeting, MemberState


class MeetingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Meeting) -> str:
        return gettext("%(meeting)s (%(date)s)") % {
            "meeting": obj.display_name,
            "date": date_format(obj.start_date, "d F Y"),
        }


class ProposalMeetingField(MeetingChoiceField):
    """The meetings a delegate may propose for, each with its contribution deadline: the
    delegate sees before choosing whether the proposal would arrive late."""

    def label_from_instance(self, obj: Meeting) -> str:
        label = super().label_from_instance(obj)
        if obj.contribution_deadline is None:
            return label
        return f"{label} · {deadline_phrase(obj)}"


class ProposalForm(forms.Form):
    meeting = ProposalMeetingField(
        queryset=Meeting.objects.none(),
        empty_label=None,
        label=_("Meeting"),
        help_text=_(
            "Upcoming meetings of the bodies in which you are a delegate, with their "
            "deadline for contributions."
        ),
    )
    member_state = forms.ModelChoiceField(
        queryset=MemberState.objects.none(), label=_("On behalf of"), empty_label=None
    )
    co_sponsors = forms.ModelMultipleChoiceField(
        queryset=MemberState.objects.all(),
        required=False,
        label=_("Co-sponsoring Member States"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Optional. Their delegates are told of the decision."),
    )
    title = forms.CharField(
        label=_("Title of the proposed agenda item"),
        required=False,
        max_length=400,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("As it should read in the agenda if the chair includes it."),
    )
    purpose = forms.CharField(
        label=_("Purpose"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    action_required = forms.CharField(
        label=_("Action required"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What the group is invited to do."),
    )
    references = forms.CharField(
        label=_("References"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Documents and instruments relied on, e.g. Document CWG-Internet-21/1, "
            "PP Resolution 102 (Rev. Bucharest, 2022). The preview shows what will be linked."
        ),
    )
    introduction = forms.CharField(
        # Translators: the form's label of the section "I Introduction" of a contribution.
        label=_("I Introduction"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "Plain text; one paragraph per line. Numbered paragraphs (1, 16 …) keep their numbers."
        ),
    )
    proposals = forms.CharField(
        # Translators: the form's label of the section "II Proposals" of a contribution.
        label=_("II Proposals"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("One numbered proposal per line, e.g. “2.1 To include the new item …”."),
    )

    annex = forms.FileField(
        label=_("Add an annex"),
        required=False,
        widget=forms.ClearableFileInput(
            attrs={"accept": ".pdf,.docx,.doc,application/pdf,application/msword"}
        ),
        help_text=_("Optional. A PDF or Word file, listed in the contribution document."),
    )

    def __init__(
        self,
        *args,
        user,
        proposal: Proposal | None = None,
        meeting: Meeting | None = None,
        **kwargs,
    ):
        self.user = user
        self.proposal = proposal
        submitted = proposal is not None and proposal.state != ProposalState.DRAFT
        if proposal is not None and not kwargs.get("initial"):
            kwargs["initial"] = {
                "meeting": proposal.meeting_id,
                "member_state": proposal.member_state_id,
                "co_sponsors": [s.pk for s in proposal.co_sponsors.all()],
                **{name: getattr(proposal, name) for name in TEXT_FIELDS},
            }
        super().__init__(*args, **kwargs)
        meetings = upcoming_meetings_for_delegate(user=user)
        if proposal is not None:
            meetings = Meeting.objects.select_related("body").filter(pk=proposal.meeting_id) | (
                meetings
            )
        self.fields["meeting"].queryset = meetings.distinct()
        if meeting is not None and not self.initial.get("meeting"):
            self.initial["meeting"] = meeting.pk
        self._offer_member_states(proposal=proposal, submitted=submitted)
        self._build_layout()

    def _offer_member_states(self, *, proposal: Proposal | None, submitted: bool) -> None:
        state_ids = represented_state_ids(user=self.user)
        if proposal is not None:
            state_ids.add(proposal.member_state_id)
        self.fields["member_state"].queryset = MemberState.objects.filter(pk__in=state_ids)
        if len(state_ids) == 1 and not self.initial.get("member_state"):
            self.initial["member_state"] = next(iter(state_ids))
        if len(state_ids) == 1:
            # A delegate of one Member State proposes on its behalf: shown, not chosen, and
            # not offered as its own co-sponsor.
            self.fields["co_sponsors"].queryset = MemberState.objects.exclude(pk__in=state_ids)
            self.fields["member_state"].disabled = True
            self.fields["member_state"].help_text = _("The Member State you represent.")
        if submitted:
            for name in ("meeting", "member_state"):
                self.fields[name].disabled = True
                self.fields[name].help_text = _("Fixed once the proposal is submitted.")

    def _build_layout(self) -> None:
        sponsors = []
        if self.fields["co_sponsors"].queryset.exists():
            sponsors = [Div(Field("co_sponsors"), css_class="co-sponsors")]
        else:
            # No other Member State is registered: nobody to choose.
            del self.fields["co_sponsors"]
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Fieldset(
                _("Meeting and sponsors"),
                Div(
                    Div("meeting", css_class="col-md-7"),
                    Div("member_state", css_class="col-md-5"),
                    css_class="row",
                ),
                *sponsors,
            ),
            Fieldset(_("The proposal"), *(Field(name) for name in TEXT_FIELDS)),
            Fieldset(_("Annexes"), Field("annex")),
        )

    def clean_annex(self):
        upload = self.cleaned_data.get("annex")
        if upload:
            try:
                annex_kind(upload)
            except InvalidProposal as exc:
                raise forms.ValidationError(str(exc), code="annex") from None
        return upload

    def clean(self):
        data = super().clean()
        meeting, state = data.get("meeting"), data.get("member_state")
        if meeting and state:
            represents = delegate_states(user=self.user, meeting=meeting)
            if state.pk not in {s.pk for s in represents}:
                self.add_error(
                    "member_state",
                    gettext("You are not a delegate of %(state)s in %(body)s.")
                    % {"state": state.name, "body": meeting.body.acronym},
                )
        sponsors = data.get("co_sponsors")
        if sponsors is not None and state is not None:
            data["co_sponsors"] = [s for s in sponsors if s.pk != state.pk]
        return data


PLACE_FIELDS = ("place_under", "place_at", "place_session")


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"), choices=Decision.choices, widget=forms.RadioSelect
    )
    rationale = forms.CharField(
        label=_("Rationale"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Sent to the proposer and the co-sponsors, and kept in the history."),
        error_messages={"required": _("Give the rationale of the decision.")},
    )
    deferred_to = MeetingChoiceField(
        queryset=Meeting.objects.none(),
        required=False,
        label=_("Defer to"),
        empty_label=_("Choose a later meeting"),
    )
    deferred_to_next = forms.BooleanField(
        required=False,
        label=_("Defer to the next meeting, not yet scheduled"),
        help_text=_("The proposal waits, and appears in that meeting's queue once it is created."),
    )

    # Where an included proposal goes (issue 10): the chair chooses, the editor can move it later.
    place_under = forms.TypedChoiceField(
        label=_("Place it"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_("A new top-level item, or a sub-item under an existing item."),
    )
    place_at = forms.IntegerField(
        label=_("At position"),
        required=False,
        min_value=1,
        help_text=_(
            "1 is first among its neighbours; empty: at the end (before “Any other business”)."
        ),
    )
    place_session = forms.TypedChoiceField(
        label=_("Taken in the session"), required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args, proposal: Proposal, later_meetings=None, **kwargs):
        kwargs.setdefault("prefix", f"decide-{proposal.pk}")
        super().__init__(*args, **kwargs)
        self.proposal = proposal
        if later_meetings is None:
            self._placement_choices(proposal)
        else:
            # A list of decision forms (the chair's decisions page) stays at a fixed number of
            # queries: an item included from there goes to the end, and the proposal's own page
            # or the editor places it.
            for name in PLACE_FIELDS:
                del self.fields[name]
        if later_meetings is None:
            from agendas.proposals.selectors import later_meetings as later

            later_meetings = later(meeting=proposal.meeting)
        field = self.fields["deferred_to"]
        if isinstance(later_meetings, list):
            # Already loaded for a whole list of proposals: no query per form.
            field.queryset = Meeting.objects.filter(pk__in=[m.pk for m in later_meetings])
            field.choices = [("", field.empty_label)] + [
                (m.pk, field.label_from_instance(m)) for m in later_meetings
            ]
        else:
            field.queryset = later_meetings
        if not later_meetings:
            field.help_text = gettext(
                "No later meeting of %(body)s is scheduled yet: defer to the next meeting, and "
                "the proposal waits until the secretariat creates it."
            ) % {"body": proposal.meeting.body.acronym}
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Field("decision"),
            Field("rationale"),
            Div(Field("deferred_to"), Field("deferred_to_next"), css_class="defer-target"),
            *(
                [Div(*PLACE_FIELDS, css_class="include-target")]
                if "place_under" in self.fields
                else []
            ),
            Submit("submit", gettext("Record the decision")),
        )

    def _placement_choices(self, proposal: Proposal) -> None:
        """The draft's items (with their numbers) and the meeting's sessions, in three queries."""
        from agendas.selectors import agenda_of_meeting, agenda_tree, sessions_of

        agenda = agenda_of_meeting(meeting=proposal.meeting)
        nodes = agenda_tree(agenda=agenda).flat() if agenda else []
        self.fields["place_under"].choices = [("", _("As a new top-level item"))] + [
            (
                node.pk,
                _("As a sub-item under %(number)s %(title)s")
                % {"number": node.number, "title": node.item.title[:80]},
            )
            for node in nodes
            if node.can_have_children
        ]
        self.fields["place_session"].choices = [("", _("No session given"))] + [
            (session.pk, str(session)) for session in sessions_of(meeting=proposal.meeting)
        ]

    @property
    def placement(self):
        from agendas.proposals.services import Placement

        data = self.cleaned_data
        if "place_under" not in self.fields:
            return None
        return Placement(
            parent_id=data.get("place_under"),
            index=data.get("place_at"),
            session_id=data.get("place_session"),
        )

    def clean(self):
        data = super().clean()
        if data.get("decision") != Decision.DEFER:
            return data
        if data.get("deferred_to") and data.get("deferred_to_next"):
            self.add_error(
                "deferred_to_next",
                _("Defer either to a scheduled meeting or to the next one, not to both."),
            )
        elif not data.get("deferred_to") and not data.get("deferred_to_next"):
            self.add_error(
                "deferred_to",
                _("Choose the later meeting to which it is deferred."),
            )
        return data


class WithdrawForm(forms.Form):
    note = forms.CharField(
        label=_("Reason (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Kept in the history and sent to the secretariat."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False


class ReturnForm(forms.Form):
    note = forms.CharField(
        label=_("What should the proposer change?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Mailed to the proposer and kept in the history."),
        error_messages={"required": _("Say what the proposer should change.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
