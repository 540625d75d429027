from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from documents.enums import (
    Access,
    DocumentEventKind,
    DocumentStatus,
    DocumentType,
    ExternalKind,
    Language,
    PublicationState,
    Purpose,
    ReferenceKind,
    SuffixKind,
    VersionStatus,
)
from meetings.models import Body, Meeting, MemberState


class SymbolCounter(models.Model):
    """The last number given in one numbering sequence (a meeting's series).

    Registration locks the row (SELECT ... FOR UPDATE) so numbers have no gap and no
    duplicate when many people register at the same moment.
    """

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="+")
    series = models.CharField(max_length=8, blank=True)
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("symbol counter")
        verbose_name_plural = _("symbol counters")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "series"], name="symbolcounter_unique")
        ]

    def __str__(self) -> str:
        return f"{self.meeting_id}/{self.series or '-'}: {self.last_number}"


class Document(models.Model):
    body = models.ForeignKey(
        Body, on_delete=models.PROTECT, related_name="documents", verbose_name=_("body")
    )
    meeting = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, related_name="documents", verbose_name=_("meeting")
    )
    series = models.CharField(
        max_length=8, blank=True, help_text=_("INF for C25/INF/3."), verbose_name=_("series")
    )
    number = models.PositiveIntegerField(verbose_name=_("number"))
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="derived",
        help_text=_("The base document that this revision, addendum or corrigendum derives from."),
        verbose_name=_("parent"),
    )
    suffix_kind = models.CharField(
        max_length=4,
        choices=SuffixKind.choices,
        blank=True,
        default=SuffixKind.NONE,
        verbose_name=_("suffix kind"),
    )
    suffix_number = models.PositiveIntegerField(
        null=True, blank=True, verbose_name=_("suffix number")
    )
    symbol = models.CharField(max_length=80, unique=True, verbose_name=_("symbol"))

    title = models.CharField(max_length=500, verbose_name=_("title"))
    source = models.CharField(
        max_length=200,
        help_text=_("Russian Federation, Secretary-General, Secretariat, Chair…"),
        verbose_name=_("source"),
    )
    source_state = models.ForeignKey(
        MemberState,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("source state"),
    )
    doc_type = models.CharField(
        _("type"), max_length=16, choices=DocumentType.choices, default=DocumentType.CONTRIBUTION
    )
    purpose = models.CharField(
        max_length=16, choices=Purpose.choices, blank=True, verbose_name=_("purpose")
    )
    date = models.DateField(verbose_name=_("date"))
    original_language = models.CharField(
        max_length=2,
        choices=Language.choices,
        default=Language.ENGLISH,
        verbose_name=_("original language"),
    )
    # Comma-framed language codes (",en,fr,") so one LIKE filter works on every database.
    languages = models.CharField(max_length=24, default=",en,", verbose_name=_("languages"))
    access = models.CharField(
        max_length=12, choices=Access.choices, default=Access.PUBLIC, verbose_name=_("access")
    )
    status = models.CharField(
        max_length=12,
        choices=DocumentStatus.choices,
        default=DocumentStatus.ISSUED,
        verbose_name=_("status"),
    )
    text = models.TextField(blank=True, help_text=_("Sanitized HTML."), verbose_name=_("text"))
    file = models.FileField(upload_to="documents/%Y/", blank=True, verbose_name=_("file"))
    # Plain text of symbol, title, source and text, for full-text search.
    search_text = models.TextField(blank=True, editable=False)
    # Bumped on every edit of the content; a Publication renders one version.
    version = models.PositiveIntegerField(default=1, verbose_name=_("version"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated at"))
    # The token of the form that registered it: the same form sent twice (double click,
    # reload after post) finds this document instead of registering a second one.
    submission_token = models.CharField(
        max_length=40, null=True, blank=True, unique=True, editable=False
    )
    # On PostgreSQL the table also has a generated column ``search_vector`` (tsvector of the
    # title, weight A, and of ``search_text``, weight D) with a GIN index; see migration
    # 0002. Django does not map it: ``documents.selectors`` queries it with raw SQL.

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-date", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "series", "number"],
                condition=Q(parent__isnull=True),
                name="document_unique_number",
            ),
            models.UniqueConstraint(
                fields=["parent", "suffix_kind", "suffix_number"],
                condition=Q(parent__isnull=False),
                name="document_unique_suffix",
            ),
            models.CheckConstraint(
                condition=(Q(parent__isnull=True) & Q(suffix_kind=""))
                | (Q(parent__isnull=False) & ~Q(suffix_kind="") & Q(suffix_number__isnull=False)),
                name="document_suffix_with_parent",
            ),
        ]
        indexes = [
            models.Index(fields=["meeting", "doc_type"]),
            models.Index(fields=["body", "-date"]),
            models.Index(fields=["-date", "-id"]),
        ]

    def __str__(self) -> str:
        return f"{self.symbol} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("documents:detail", kwargs={"symbol": self.symbol})

    @property
    def language_codes(self) -> list[str]:
        return [code for code in self.languages.split(",") if code]

    @property
    def language_names(self) -> list[str]:
        labels = dict(Language.choices)
        return [str(labels[code]) for code in self.language_codes if code in labels]

    @property
    def languages_line(self) -> str:
        """ "English only", or the languages it is issued in: "Arabic, English, French"."""
        names = self.language_names
        if len(names) == 1:
            return gettext("%(language)s only") % {"language": names[0]}
        return ", ".join(names)

    @property
    def is_derived(self) -> bool:
        return self.parent_id is not None

    @property
    def is_restricted(self) -> bool:
        return self.access == Access.RESTRICTED

    @property
    def base(self) -> Document:
        return self.parent if self.parent_id else self


class ExternalDocument(models.Model):
    """A document issued outside the bodies' meetings (a UN document, a circular or circular
    letter, a sector document), kept with its own symbol and address so that it can be found
    and cited like any document. No counter numbers it. Written by
    ``documents.services.external_document_register`` only."""

    symbol = models.CharField(
        max_length=120,
        unique=True,
        help_text=_("CL-24/31, A/RES/72/200."),
        verbose_name=_("symbol"),
    )
    kind = models.CharField(max_length=10, choices=ExternalKind.choices, verbose_name=_("kind"))
    title = models.CharField(max_length=500, verbose_name=_("title"))
    date = models.DateField(null=True, blank=True, verbose_name=_("date"))
    issuer = models.CharField(
        max_length=200, blank=True, help_text=_("Secretary-General, TSB…"), verbose_name=_("issuer")
    )
    url = models.URLField(max_length=500, blank=True, verbose_name=_("url"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))

    class Meta:
        verbose_name = _("external document")
        verbose_name_plural = _("external documents")
        ordering = ["symbol"]

    def __str__(self) -> str:
        return f"{self.symbol} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("documents:external_detail", kwargs={"pk": self.pk})


class DocumentVersion(models.Model):
    """A document in one of its languages other than the original, which is the Document's
    own title and text: its title, its text or file, and whether it is out yet. Written by
    ``documents.services.document_version_set`` only."""

    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="versions", verbose_name=_("document")
    )
    language = models.CharField(max_length=2, choices=Language.choices, verbose_name=_("language"))
    title = models.CharField(max_length=500, blank=True, verbose_name=_("title"))
    text = models.TextField(blank=True, help_text=_("Sanitized HTML."), verbose_name=_("text"))
    file = models.FileField(upload_to="documents/%Y/", blank=True, verbose_name=_("file"))
    status = models.CharField(
        max_length=10,
        choices=VersionStatus.choices,
        default=VersionStatus.PENDING,
        verbose_name=_("status"),
    )
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated at"))

    class Meta:
        verbose_name = _("document version")
        verbose_name_plural = _("document versions")
        ordering = ["document", "language"]
        constraints = [
            models.UniqueConstraint(fields=["document", "language"], name="version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.document.symbol} ({self.language}, {self.status})"

    @property
    def is_available(self) -> bool:
        return self.status == VersionStatus.AVAILABLE


class DocumentListing(models.Model):
    """A document of one body listed as an official document of another body's meeting
    (the scenario's proposal 2.2: CWG-WSIS&SDG-42/13 for the 21st CWG-Internet meeting)."""

    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="listings", verbose_name=_("document")
    )
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="listings", verbose_name=_("meeting")
    )
    note = models.CharField(max_length=300, blank=True, verbose_name=_("note"))
    listed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("listed by"),
    )
    listed_at = models.DateTimeField(auto_now_add=True, verbose_name=_("listed at"))

    class Meta:
        verbose_name = _("document listing")
        verbose_name_plural = _("document listings")
        constraints = [
            models.UniqueConstraint(fields=["document", "meeting"], name="listing_unique")
        ]

    def __str__(self) -> str:
        # Shown by the admin.
        return gettext("%(symbol)s listed for %(meeting)s") % {
            "symbol": self.document.symbol,
            "meeting": self.meeting,
        }


class Instrument(models.Model):
    """A resolution or decision that documents cite, keyed as the extractor normalizes it:
    ``PP Resolution 140 (Rev. Bucharest, 2022)``."""

    kind = models.CharField(max_length=12, choices=ReferenceKind.choices, verbose_name=_("kind"))
    key = models.CharField(max_length=200, unique=True, verbose_name=_("key"))
    title = models.CharField(max_length=500, blank=True, verbose_name=_("title"))
    url = models.URLField(blank=True, verbose_name=_("url"))

    class Meta:
        verbose_name = _("instrument")
        verbose_name_plural = _("instruments")
        ordering = ["key"]

    def __str__(self) -> str:
        return self.key


class Reference(models.Model):
    """One citation in a document's text, resolved to what it cites when that is known."""

    source = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="references", verbose_name=_("source")
    )
    kind = models.CharField(max_length=12, choices=ReferenceKind.choices, verbose_name=_("kind"))
    key = models.CharField(max_length=200, db_index=True, verbose_name=_("key"))
    text = models.CharField(
        max_length=300, help_text=_("Exactly as written in the document."), verbose_name=_("text")
    )
    start = models.PositiveIntegerField(verbose_name=_("start"))
    end = models.PositiveIntegerField(verbose_name=_("end"))
    target = models.ForeignKey(
        Document,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cited_by",
        verbose_name=_("target"),
    )
    instrument = models.ForeignKey(
        Instrument,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cited_by",
        verbose_name=_("instrument"),
    )
    external = models.ForeignKey(
        ExternalDocument,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cited_by",
        verbose_name=_("external"),
    )

    class Meta:
        verbose_name = _("reference")
        verbose_name_plural = _("references")
        ordering = ["source", "start"]

    def __str__(self) -> str:
        return gettext("%(symbol)s cites %(key)s") % {"symbol": self.source.symbol, "key": self.key}


class Publication(models.Model):
    """One rendering of one version of a document as a PDF, made by a Celery task."""

    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="publications", verbose_name=_("document")
    )
    version = models.PositiveIntegerField(verbose_name=_("version"))
    # Empty for the original; the code of a language version (fr) for that version's PDF.
    language = models.CharField(
        max_length=2, choices=Language.choices, blank=True, default="", verbose_name=_("language")
    )
    state = models.CharField(
        max_length=12,
        choices=PublicationState.choices,
        default=PublicationState.QUEUED,
        verbose_name=_("state"),
    )
    file = models.FileField(upload_to="publications/%Y/", blank=True, verbose_name=_("file"))
    checksum = models.CharField(
        max_length=64, blank=True, help_text=_("SHA-256 of the PDF."), verbose_name=_("checksum")
    )
    size = models.PositiveIntegerField(null=True, blank=True, verbose_name=_("size"))
    pages = models.PositiveIntegerField(null=True, blank=True, verbose_name=_("pages"))
    error = models.TextField(blank=True, verbose_name=_("error"))
    attempts = models.PositiveIntegerField(default=0, verbose_name=_("attempts"))
    # The Celery task id that holds the row while it renders: the same task's retries may
    # take it back, any other worker may not.
    claim_token = models.CharField(max_length=64, blank=True, editable=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    requested_at = models.DateTimeField(auto_now_add=True, verbose_name=_("requested at"))
    started_at = models.DateTimeField(null=True, blank=True, verbose_name=_("started at"))
    finished_at = models.DateTimeField(null=True, blank=True, verbose_name=_("finished at"))

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        ordering = ["-requested_at", "-pk"]
        constraints = [
            # A retry or a second worker never publishes the same version twice.
            models.UniqueConstraint(
                fields=["document", "version", "language"], name="publication_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.document.symbol} v{self.version} ({self.state})"


class DocumentEvent(models.Model):
    """One line of a document's history, the audit trail of what happened to it outside its
    own edits: an agenda issued or adopted, its PDF requested, made, published or failed.
    Written by ``documents.services.document_event_record`` only."""

    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="events", verbose_name=_("document")
    )
    kind = models.CharField(
        max_length=16, choices=DocumentEventKind.choices, verbose_name=_("kind")
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty when the application did it (the PDF worker)."),
        verbose_name=_("actor"),
    )
    at = models.DateTimeField(default=timezone.now, verbose_name=_("at"))
    # The revision label ("Rev.1"), the PDF's version, or why it failed.
    note = models.CharField(max_length=300, blank=True, verbose_name=_("note"))

    class Meta:
        verbose_name = _("document event")
        verbose_name_plural = _("document events")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["document", "-at"], name="document_event_recent")]

    def __str__(self) -> str:
        return f"{self.document_id} {self.kind} {self.at:%Y-%m-%d %H:%M}"

    @property
    def actor_name(self) -> str:
        """Who, as the history prints it; empty when the application did it."""
        if self.actor is None:
            return ""
        return self.actor.get_full_name() or self.actor.username
