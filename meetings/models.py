from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from meetings.enums import MeetingIdentity, MeetingMode, MeetingStatus, Role

symbol_prefix_validator = RegexValidator(
    r"^[A-Z][A-Za-z]*(-[A-Za-z&]+[0-9]*)*$",
    "A symbol prefix is letters, optionally in hyphenated parts, such as CWG-Internet, "
    "CWG-WCIT12 or C.",
)
former_prefixes_validator = RegexValidator(
    r"^([A-Z][A-Za-z]*(-[A-Za-z&]+[0-9]*)*(, *[A-Z][A-Za-z]*(-[A-Za-z&]+[0-9]*)*)*)?$",
    "Former prefixes are symbol prefixes separated by commas, such as WG-Internet.",
)


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


class Body(models.Model):
    acronym = models.CharField(max_length=40, unique=True)
    name = models.CharField("full name", max_length=255)
    slug = models.SlugField(max_length=60, unique=True, help_text="Used in web addresses.")
    symbol_prefix = models.CharField(
        max_length=40,
        unique=True,
        validators=[symbol_prefix_validator],
        help_text="Begins every document symbol of the body: CWG-Internet gives CWG-Internet-21/1.",
    )
    symbol_joiner = models.CharField(
        max_length=1,
        blank=True,
        default="-",
        choices=[("-", "Hyphen (CWG-Internet-21/1)"), ("", "None (C25/1)")],
        help_text="What stands between the prefix and the meeting number in a symbol.",
    )
    # A renamed group is one series: its documents issued under an earlier name keep their
    # symbols (WG-Internet-8/4), and those symbols still lead to this body.
    former_prefixes = models.CharField(
        max_length=200,
        blank=True,
        validators=[former_prefixes_validator],
        help_text="Prefixes the body's symbols had under earlier names, separated by commas "
        "(WG-Internet for CWG-Internet).",
    )

    class Meta:
        ordering = ["acronym"]
        verbose_name_plural = "bodies"

    def __str__(self) -> str:
        return self.acronym

    def get_absolute_url(self) -> str:
        return reverse("meetings:body_detail", kwargs={"body": self.slug})

    @property
    def all_prefixes(self) -> list[str]:
        """The present symbol prefix first, then the former ones."""
        former = [p.strip() for p in self.former_prefixes.split(",") if p.strip()]
        return [self.symbol_prefix, *former]

    def meeting_symbol(self, number: int) -> str:
        # Council style writes the session's year in two digits: C09/1, C25/1.
        digits = f"{number:02d}" if not self.symbol_joiner else str(number)
        return f"{self.symbol_prefix}{self.symbol_joiner}{digits}"


class Meeting(models.Model):
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="meetings")
    # The URL key of every meeting: the ordinal number (21), the year of a meeting named by
    # its year (2025), or a number the secretariat picks for a labelled meeting.
    number = models.PositiveIntegerField(
        help_text="Ordinal number (21 for the 21st meeting), or the year of a meeting named "
        "by its year (2025 for Council 2025)."
    )
    identity_kind = models.CharField(
        max_length=8, choices=MeetingIdentity.choices, default=MeetingIdentity.ORDINAL
    )
    label = models.CharField(
        max_length=120,
        blank=True,
        help_text="The name of a labelled meeting: Additional session 2024, Cluster of "
        "Council Working Group meetings, Open consultation.",
    )
    status = models.CharField(
        max_length=10, choices=MeetingStatus.choices, default=MeetingStatus.SCHEDULED
    )
    status_decided_on = models.DateField(
        null=True, blank=True, help_text="When it was decided to postpone or cancel it."
    )
    # Meetings created through meeting_create keep /1 for their agenda: a contribution
    # registered before the agenda exists takes /2. Older meetings numbered as they came.
    reserves_agenda_number = models.BooleanField(default=False, editable=False)
    start_date = models.DateField()
    end_date = models.DateField()
    mode = models.CharField(max_length=12, choices=MeetingMode.choices, default=MeetingMode.HYBRID)
    venue = models.CharField(
        max_length=200, blank=True, help_text="Place and room, e.g. ITU Headquarters, Geneva."
    )
    contribution_deadline = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Contributions received later are accepted but marked late.",
    )
    # Calendars (meetings/calendars.py) publish these as SEQUENCE and LAST-MODIFIED, so a
    # calendar client replaces its copy of the event when the meeting changes.
    sequence = models.PositiveIntegerField(default=0, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["body__acronym", "-start_date"]
        constraints = [
            models.UniqueConstraint(fields=["body", "number"], name="meeting_unique_number"),
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")), name="meeting_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    def get_absolute_url(self) -> str:
        return reverse(
            "meetings:meeting_detail", kwargs={"body": self.body.slug, "number": self.number}
        )

    @property
    def display_name(self) -> str:
        if self.identity_kind == MeetingIdentity.YEAR:
            return f"{self.body.acronym} {self.number}"
        if self.identity_kind == MeetingIdentity.LABEL and self.label:
            return f"{self.body.acronym}: {self.label}"
        return _("%(ordinal)s meeting of %(body)s") % {
            "ordinal": ordinal(self.number),
            "body": self.body.acronym,
        }

    @property
    def symbol_stem(self) -> str:
        """The part of every document symbol of this meeting before the slash: C25 for
        Council 2025, CWG-Internet-21 for the 21st meeting."""
        if self.identity_kind == MeetingIdentity.YEAR:
            return self.body.meeting_symbol(self.number % 100)
        return self.body.meeting_symbol(self.number)

    @property
    def is_called_off(self) -> bool:
        """Postponed or cancelled: shown as such, its documents kept."""
        return self.status != MeetingStatus.SCHEDULED

    @property
    def is_upcoming(self) -> bool:
        return self.end_date >= timezone.localdate()

    @property
    def deadline_passed(self) -> bool:
        return (
            self.contribution_deadline is not None and timezone.now() > self.contribution_deadline
        )


class Session(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(
        max_length=120, blank=True, help_text="Optional, e.g. 'Morning session'."
    )
    date = models.DateField()
    start_time = models.TimeField()
    end_time = models.TimeField()
    room = models.CharField(max_length=120, blank=True)
    # As on Meeting: SEQUENCE and LAST-MODIFIED of the session's calendar event.
    sequence = models.PositiveIntegerField(default=0, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["date", "start_time", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_time__gt=F("start_time")), name="session_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        when = f"{self.date:%d %B %Y}, {self.start_time:%H:%M}–{self.end_time:%H:%M}"
        return f"{self.title} ({when})" if self.title else when

    @property
    def duration(self) -> dt.timedelta:
        return dt.datetime.combine(self.date, self.end_time) - dt.datetime.combine(
            self.date, self.start_time
        )


class MemberState(models.Model):
    name = models.CharField(max_length=120, unique=True)
    iso_code = models.CharField(
        "ISO 3166 code",
        max_length=3,
        unique=True,
        validators=[RegexValidator(r"^[A-Z]{3}$", "Three capital letters, e.g. CHE.")],
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=12, choices=Role.choices)
    member_state = models.ForeignKey(
        MemberState,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        help_text="Required for delegates: the Member State they represent.",
    )

    class Meta:
        ordering = ["body__acronym", "role"]
        constraints = [
            models.UniqueConstraint(fields=["user", "body", "role"], name="membership_unique_role"),
            models.CheckConstraint(
                condition=~Q(role=Role.DELEGATE) | Q(member_state__isnull=False),
                name="membership_delegate_has_state",
            ),
        ]

    def __str__(self) -> str:
        label = f"{self.get_role_display()} of {self.body}"
        if self.member_state_id:
            label += f" for {self.member_state}"
        return label


class ApiToken(models.Model):
    """A personal token for the JSON API. Only the SHA-256 of the key is kept: the key itself
    is shown once, when it is made (see meetings.services.api_token_create)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=80, help_text="What it is for, e.g. 'Delegation sync'.")
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    # The first characters of the key, so its owner can tell tokens apart.
    prefix = models.CharField(max_length=12, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class Preference(models.Model):
    """What a person chose for themselves: for now the language of the interface, which also
    decides the language of the e-mails they receive (meetings.preferences)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="preference"
    )
    language = models.CharField(max_length=10, choices=settings.LANGUAGES)

    def __str__(self) -> str:
        return f"{self.user}: {self.language}"
