from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _

from meetings.dates import long_date
from meetings.enums import MeetingIdentity, MeetingMode, MeetingStatus, Role

symbol_prefix_validator = RegexValidator(
    r"^[A-Z][A-Za-z]*(-[A-Za-z&]+[0-9]*)*$",
    _(
        "A symbol prefix is letters, optionally in hyphenated parts, such as CWG-Internet, "
        "CWG-WCIT12 or C."
    ),
)
former_prefixes_validator = RegexValidator(
    r"^([A-Z][A-Za-z]*(-[A-Za-z&]+[0-9]*)*(, *[A-Z][A-Za-z]*(-[A-Za-z&]+[0-9]*)*)*)?$",
    _("Former prefixes are symbol prefixes separated by commas, such as WG-Internet."),
)


def ordinal(n: int) -> str:
    """The ordinal of a meeting's number in the active language: 21st, 21e, 21.ª, 21-е.

    English has four endings; each is its own message (with the number as ``%(number)s``), so
    that a language with other rules writes its own: French gives "1re" for 1 and "%(number)se"
    for the rest, Chinese and Arabic the plain number for their sentence to frame."""
    if n == 1:
        # Translators: the ordinal of the number 1 in "1st meeting of CWG-Internet" (a meeting).
        template = pgettext("ordinal of 1", "%(number)sst")
    elif 10 <= n % 100 <= 20:
        # Translators: the ordinal of 10-20, 110-120... in "11th meeting of CWG-Internet".
        template = pgettext("ordinal of 10 to 20", "%(number)sth")
    elif n % 10 == 1:
        # Translators: the ordinal of 21, 31, 101... in "21st meeting of CWG-Internet".
        template = pgettext("ordinal ending in 1", "%(number)sst")
    elif n % 10 == 2:
        # Translators: the ordinal of 2, 22, 32... in "22nd meeting of CWG-Internet".
        template = pgettext("ordinal ending in 2", "%(number)snd")
    elif n % 10 == 3:
        # Translators: the ordinal of 3, 23, 33... in "23rd meeting of CWG-Internet".
        template = pgettext("ordinal ending in 3", "%(number)srd")
    else:
        # Translators: the ordinal of 4-9, 24-29, 30... in "24th meeting of CWG-Internet".
        template = pgettext("ordinal ending in 0 or 4 to 9", "%(number)sth")
    return template % {"number": n}


class Body(models.Model):
    acronym = models.CharField(_("acronym"), max_length=40, unique=True)
    name = models.CharField(_("full name"), max_length=255)
    slug = models.SlugField(
        _("slug"), max_length=60, unique=True, help_text=_("Used in web addresses.")
    )
    symbol_prefix = models.CharField(
        _("symbol prefix"),
        max_length=40,
        unique=True,
        validators=[symbol_prefix_validator],
        help_text=_(
            "Begins every document symbol of the body: CWG-Internet gives CWG-Internet-21/1."
        ),
    )
    symbol_joiner = models.CharField(
        _("symbol joiner"),
        max_length=1,
        blank=True,
        default="-",
        choices=[("-", _("Hyphen (CWG-Internet-21/1)")), ("", _("None (C25/1)"))],
        help_text=_("What stands between the prefix and the meeting number in a symbol."),
    )
    # A renamed group is one series: its documents issued under an earlier name keep their
    # symbols (WG-Internet-8/4), and those symbols still lead to this body.
    former_prefixes = models.CharField(
        _("former prefixes"),
        max_length=200,
        blank=True,
        validators=[former_prefixes_validator],
        help_text=_(
            "Prefixes the body's symbols had under earlier names, separated by commas "
            "(WG-Internet for CWG-Internet)."
        ),
    )

    class Meta:
        ordering = ["acronym"]
        verbose_name = _("body")
        verbose_name_plural = _("bodies")

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


def symbol_number(number: int, identity_kind: str) -> int:
    """A meeting's number as its document symbols write it: a year in two digits (Council
    2025 gives C25/…), any other number as it is."""
    return number % 100 if identity_kind == MeetingIdentity.YEAR else number


class Meeting(models.Model):
    body = models.ForeignKey(
        Body, on_delete=models.PROTECT, related_name="meetings", verbose_name=_("body")
    )
    # The URL key of every meeting: the ordinal number (21), the year of a meeting named by
    # its year (2025), or a number the secretariat picks for a labelled meeting.
    number = models.PositiveIntegerField(
        _("number"),
        help_text=_(
            "Ordinal number (21 for the 21st meeting), or the year of a meeting named "
            "by its year (2025 for Council 2025)."
        ),
    )
    identity_kind = models.CharField(
        _("named by"),
        max_length=8,
        choices=MeetingIdentity.choices,
        default=MeetingIdentity.ORDINAL,
    )
    label = models.CharField(
        _("label"),
        max_length=120,
        blank=True,
        help_text=_(
            "The name of a labelled meeting: Additional session 2024, Cluster of "
            "Council Working Group meetings, Open consultation."
        ),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=MeetingStatus.choices,
        default=MeetingStatus.SCHEDULED,
    )
    status_decided_on = models.DateField(
        _("decided on"),
        null=True,
        blank=True,
        help_text=_("When it was decided to postpone or cancel it."),
    )
    # Meetings created through meeting_create keep /1 for their agenda: a contribution
    # registered before the agenda exists takes /2. Older meetings numbered as they came.
    reserves_agenda_number = models.BooleanField(default=False, editable=False)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    mode = models.CharField(
        _("mode"), max_length=12, choices=MeetingMode.choices, default=MeetingMode.HYBRID
    )
    venue = models.CharField(
        _("venue"),
        max_length=200,
        blank=True,
        help_text=_("Place and room, e.g. ITU Headquarters, Geneva."),
    )
    contribution_deadline = models.DateTimeField(
        _("contribution deadline"),
        null=True,
        blank=True,
        help_text=_("Contributions received later are accepted but marked late."),
    )
    # Calendars (meetings/calendars.py) publish these as SEQUENCE and LAST-MODIFIED, so a
    # calendar client replaces its copy of the event when the meeting changes.
    sequence = models.PositiveIntegerField(default=0, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["body__acronym", "-start_date"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
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
            # Translators: a meeting named by a label: "CWG-Internet: Open consultation".
            return gettext("%(body)s: %(label)s") % {
                "body": self.body.acronym,
                "label": self.label,
            }
        # Translators: "21st meeting of CWG-Internet"; %(ordinal)s is one of the "ordinal"
        # messages (21st, 21e...). Also used inside sentences: "The %(meeting)s was saved."
        return gettext("%(ordinal)s meeting of %(body)s") % {
            "ordinal": ordinal(self.number),
            "body": self.body.acronym,
        }

    @property
    def symbol_stem(self) -> str:
        """The part of every document symbol of this meeting before the slash: C25 for
        Council 2025, CWG-Internet-21 for the 21st meeting."""
        return self.body.meeting_symbol(symbol_number(self.number, self.identity_kind))

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
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("meeting")
    )
    title = models.CharField(
        _("title"), max_length=120, blank=True, help_text=_("Optional, e.g. 'Morning session'.")
    )
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("start time"))
    end_time = models.TimeField(_("end time"))
    room = models.CharField(_("room"), max_length=120, blank=True)
    # As on Meeting: SEQUENCE and LAST-MODIFIED of the session's calendar event.
    sequence = models.PositiveIntegerField(default=0, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["date", "start_time", "pk"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_time__gt=F("start_time")), name="session_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        # Translators: when a session sits: "05 March 2025, 09:30–12:30".
        when = pgettext("session", "%(date)s, %(start)s–%(end)s") % {
            "date": long_date(self.date, zero_padded=True),
            "start": f"{self.start_time:%H:%M}",
            "end": f"{self.end_time:%H:%M}",
        }
        if not self.title:
            return when
        # Translators: a session's title and when it sits: "Morning session (05 March 2025...)".
        return pgettext("session", "%(title)s (%(when)s)") % {"title": self.title, "when": when}

    @property
    def duration(self) -> dt.timedelta:
        return dt.datetime.combine(self.date, self.end_time) - dt.datetime.combine(
            self.date, self.start_time
        )


class MemberState(models.Model):
    name = models.CharField(_("name"), max_length=120, unique=True)
    iso_code = models.CharField(
        _("ISO 3166 code"),
        max_length=3,
        unique=True,
        validators=[RegexValidator(r"^[A-Z]{3}$", _("Three capital letters, e.g. CHE."))],
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("Member State")
        verbose_name_plural = _("Member States")

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("user"),
    )
    body = models.ForeignKey(
        Body, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("body")
    )
    role = models.CharField(_("role"), max_length=12, choices=Role.choices)
    member_state = models.ForeignKey(
        MemberState,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("Member State"),
        help_text=_("Required for delegates: the Member State they represent."),
    )

    class Meta:
        ordering = ["body__acronym", "role"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "body", "role"], name="membership_unique_role"),
            models.CheckConstraint(
                condition=~Q(role=Role.DELEGATE) | Q(member_state__isnull=False),
                name="membership_delegate_has_state",
            ),
        ]

    def __str__(self) -> str:
        if self.member_state_id:
            # Translators: "Delegate of CWG-Internet for Brazil".
            return gettext("%(role)s of %(body)s for %(state)s") % {
                "role": self.get_role_display(),
                "body": self.body,
                "state": self.member_state,
            }
        # Translators: "Secretariat of CWG-Internet".
        return gettext("%(role)s of %(body)s") % {
            "role": self.get_role_display(),
            "body": self.body,
        }


class ApiToken(models.Model):
    """A personal token for the JSON API. Only the SHA-256 of the key is kept: the key itself
    is shown once, when it is made (see meetings.services.api_token_create)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        verbose_name=_("user"),
    )
    name = models.CharField(
        _("name"), max_length=80, help_text=_("What it is for, e.g. 'Delegation sync'.")
    )
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    # The first characters of the key, so its owner can tell tokens apart.
    prefix = models.CharField(max_length=12, editable=False)
    created_at = models.DateTimeField(_("made"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

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
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)

    def __str__(self) -> str:
        return f"{self.user}: {self.language}"
