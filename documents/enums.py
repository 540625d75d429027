from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentType(models.TextChoices):
    AGENDA = "agenda", _("Agenda")
    CONTRIBUTION = "contribution", _("Contribution")
    REPORT = "report", _("Report")
    INFORMATION = "information", _("Information document")
    OTHER = "other", _("Other")


class Purpose(models.TextChoices):
    DECISION = "decision", _("For decision")
    DISCUSSION = "discussion", _("For discussion")
    INFORMATION = "information", _("For information")


class Access(models.TextChoices):
    PUBLIC = "public", _("Public")
    RESTRICTED = "restricted", _("Restricted to members of the body")


class DocumentStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ISSUED = "issued", _("Issued")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class SuffixKind(models.TextChoices):
    """How a derived document relates to its base: CWG-Internet-21/3(Rev.1)."""

    NONE = "", _("Base document")
    # Translators: the kinds of derived document, as in "Revision 1 to Document C25/1".
    REVISION = "Rev", _("Revision")
    ADDENDUM = "Add", _("Addendum")
    CORRIGENDUM = "Corr", _("Corrigendum")


class Language(models.TextChoices):
    """The six official languages of the UN and the ITU."""

    # Translators: language names, also used in "The %(language)s version is pending."
    ARABIC = "ar", _("Arabic")
    CHINESE = "zh", _("Chinese")
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
    RUSSIAN = "ru", _("Russian")
    SPANISH = "es", _("Spanish")


class ReferenceKind(models.TextChoices):
    DOCUMENT = "document", _("Document")
    RESOLUTION = "resolution", _("Resolution")
    DECISION = "decision", _("Decision")


class PublicationState(models.TextChoices):
    # Translators: states of a PDF, also shown in lower case inside "The PDF of C25/1
    # (version 2) is %(state)s."
    QUEUED = "queued", _("Queued")
    RENDERING = "rendering", _("Rendering")
    PUBLISHED = "published", _("Published")
    FAILED = "failed", _("Failed")


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
