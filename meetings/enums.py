from django.db import models


class Role(models.TextChoices):
    DELEGATE = "delegate", "Delegate"
    SECRETARIAT = "secretariat", "Secretariat"
    CHAIR = "chair", "Chair"
    VICE_CHAIR = "vice_chair", "Vice-chair"


# Who presides over a body and may decide on proposals.
PRESIDING = frozenset({Role.CHAIR, Role.VICE_CHAIR})


class MeetingMode(models.TextChoices):
    IN_PERSON = "in_person", "In person"
    VIRTUAL = "virtual", "Virtual"
    HYBRID = "hybrid", "Hybrid"
