from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentType(models.TextChoices):
    AGENDA = "agenda", "Agenda"
    CONTRIBUTION = "contribution", "Contribution"
    REPORT = "report", "Report"
    INFORMATION = "information", "Information document"
    OTHER = "other", "Other"


class Purpose(models.TextChoices):
    DECISION = "decision", "For decision"
    DISCUSSION = "discussion", "For discussion"
    INFORMATION = "information", "For information"


class Access(models.TextChoices):
    PUBLIC = "public", "Public"
    RESTRICTED = "restricted", "Restricted to members of the body"


class DocumentStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    ISSUED = "issued", "Issued"
    WITHDRAWN = "withdrawn", "Withdrawn"


class SuffixKind(models.TextChoices):
    """How a derived document relates to its base: CWG-Internet-21/3(Rev.1)."""

    NONE = "", "Base document"
    REVISION = "Rev", "Revision"
    ADDENDUM = "Add", "Addendum"
    CORRIGENDUM = "Corr", "Corrigendum"


class Language(models.TextChoices):
    """The six official languages of the UN and the ITU."""

    ARABIC = "ar", "Arabic"
    CHINESE = "zh", "Chinese"
    ENGLISH = "en", "English"
    FRENCH = "fr", "French"
    RUSSIAN = "ru", "Russian"
    SPANISH = "es", "Spanish"


class ReferenceKind(models.TextChoices):
    DOCUMENT = "document", "Document"
    RESOLUTION = "resolution", "Resolution"
    DECISION = "decision", "Decision"


class PublicationState(models.TextChoices):
    QUEUED = "queued", "Queued"
    RENDERING = "rendering", "Rendering"
    PUBLISHED = "published", "Published"
    FAILED = "failed", "Failed"


PUBLICATION_ACTIVE = frozenset({PublicationState.QUEUED, PublicationState.RENDERING})
# Series written between the meeting and the number: C25/INF/3.
KNOWN_SERIES = ("INF", "ADM", "DL", "DT", "TD")


class DocumentEventKind(models.TextChoices):
    """What a line of a document's history records (DocumentEvent)."""

    AGENDA_ISSUED = "agenda_issued", _("Agenda issued")
    AGENDA_ADOPTED = "agenda_adopted", _("Agenda adopted")
    PDF_QUEUED = "pdf_queued", _("PDF requested")
    PDF_RENDERING = "pdf_rendering", _("PDF being made")
    PDF_PUBLISHED = "pdf_published", _("PDF published")
    PDF_FAILED = "pdf_failed", _("PDF failed")


class ExternalKind(models.TextChoices):
    """What an external document is: registered with its own symbol, outside our counters."""

    UN = "un", _("United Nations document")
    CIRCULAR = "circular", _("Circular")
    LETTER = "letter", _("Circular letter")
    SECTOR = "sector", _("Sector document")


class VersionStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    AVAILABLE = "available", _("Available")
