from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    DELEGATE = "delegate", _("Delegate")
    SECRETARIAT = "secretariat", _("Secretariat")
    CHAIR = "chair", _("Chair")
    VICE_CHAIR = "vice_chair", _("Vice-chair")


# Who presides over a body and may decide on proposals.
PRESIDING = frozenset({Role.CHAIR, Role.VICE_CHAIR})


class MeetingMode(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    VIRTUAL = "virtual", _("Virtual")
    HYBRID = "hybrid", _("Hybrid")


class MeetingIdentity(models.TextChoices):
    """How the Union names a meeting: "21st meeting of CWG-Internet", "Council 2025", or a
    label of its own (an additional session, a cluster of meetings, an open consultation)."""

    ORDINAL = "ordinal", _("Ordinal number")
    YEAR = "year", _("Year")
    LABEL = "label", _("Label")


class MeetingStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    POSTPONED = "postponed", _("Postponed")
    CANCELLED = "cancelled", _("Cancelled")
