from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from agendas.enums import (
    AgendaKind,
    AgendaState,
    FixedItem,
    NumberingStyle,
    ProposalEventKind,
    ProposalState,
)
from documents.models import Document
from meetings.models import Meeting, MemberState, Session


class Agenda(models.Model):
    """One agenda of a meeting, itself a registered document (usually {meeting}/1). A meeting
    has at most one agenda of kind "agenda" (the one its pages mean by "the agenda") and any
    number of committee agendas, daily agendas and time-management plans."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="agendas", verbose_name=_("meeting")
    )
    kind = models.CharField(
        _("kind"), max_length=12, choices=AgendaKind.choices, default=AgendaKind.AGENDA
    )
    numbering = models.CharField(
        _("numbering"),
        max_length=10,
        choices=NumberingStyle.choices,
        default=NumberingStyle.DECIMAL,
    )
    document = models.OneToOneField(
        Document, on_delete=models.PROTECT, related_name="agenda_of", verbose_name=_("document")
    )
    state = models.CharField(
        _("state"), max_length=10, choices=AgendaState.choices, default=AgendaState.DRAFT
    )
    adopted_at = models.DateTimeField(_("adopted on"), null=True, blank=True)
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("adopted by"),
    )
    # Bumped by every change of the items: the editor and the cache key use it.
    version = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("agenda")
        verbose_name_plural = _("agendas")
        ordering = ["meeting", "kind", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting"],
                condition=Q(kind=AgendaKind.AGENDA),
                name="one_main_agenda_per_meeting",
            )
        ]

    def __str__(self) -> str:
        return gettext("%(kind)s of the %(meeting)s") % {
            "kind": self.get_kind_display(),
            "meeting": self.meeting,
        }

    def get_absolute_url(self) -> str:
        kwargs = {"body": self.meeting.body.slug, "number": self.meeting.number}
        if self.kind != AgendaKind.AGENDA:
            # Committee agendas, daily agendas, time-management plans: addressed by their id.
            return reverse("agendas:other_agenda", kwargs={**kwargs, "agenda_id": self.pk})
        return reverse("agendas:agenda", kwargs=kwargs)

    @property
    def body_id(self) -> int:
        return self.meeting.body_id


class AgendaItem(models.Model):
    """An item of the live draft. Its number (2, 2.1) is derived from its place in the tree:
    ``parent`` and ``position`` among its siblings."""

    agenda = models.ForeignKey(
        Agenda, on_delete=models.CASCADE, related_name="items", verbose_name=_("agenda")
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent item"),
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    title = models.CharField(_("title"), max_length=500)
    # A code of its own ("PL 2.4"), printed instead of the derived number; several rows of a
    # time-management plan may share one.
    code = models.CharField(_("code"), max_length=30, blank=True, default="")
    # A heading, "Oral presentation", "Break": a row without a number, skipped by the count.
    numbered = models.BooleanField(_("numbered"), default=True)
    # An item taken again in a later session: printed "(cont'd)".
    continued = models.BooleanField(_("continued"), default=False)
    description = models.TextField(_("description"), blank=True)
    fixed = models.CharField(
        _("usual item"), max_length=10, choices=FixedItem.choices, blank=True, default=""
    )
    session = models.ForeignKey(
        Session,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agenda_items",
        verbose_name=_("session"),
    )
    proposal = models.OneToOneField(
        "agendas.Proposal",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agenda_item",
        verbose_name=_("proposal"),
    )
    is_late = models.BooleanField(_("late"), default=False)
    documents = models.ManyToManyField(
        Document,
        through="AgendaItemDocument",
        related_name="agenda_items",
        blank=True,
        verbose_name=_("documents"),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["agenda", "parent_id", "position", "pk"]
        indexes = [models.Index(fields=["agenda", "parent", "position"])]

    def __str__(self) -> str:
        return self.title

    @property
    def body_id(self) -> int:
        return self.agenda.meeting.body_id


class AgendaItemDocument(models.Model):
    """A document allocated to an item, in the order the secretariat lists them."""

    item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="allocations", verbose_name=_("item")
    )
    document = models.ForeignKey(
        Document, on_delete=models.PROTECT, related_name="allocations", verbose_name=_("document")
    )
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("allocated document")
        verbose_name_plural = _("allocated documents")
        ordering = ["item", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["item", "document"], name="allocation_unique")
        ]

    def __str__(self) -> str:
        return gettext("%(symbol)s under %(item)s") % {
            "symbol": self.document.symbol,
            "item": self.item,
        }


class AgendaRevision(models.Model):
    """One issue of the agenda (0 = first issue, then Rev.1, Rev.2 ...). ``content`` is the
    frozen tree as it was issued; it never changes afterwards."""

    agenda = models.ForeignKey(
        Agenda, on_delete=models.CASCADE, related_name="revisions", verbose_name=_("agenda")
    )
    number = models.PositiveIntegerField(_("number"))
    document = models.OneToOneField(
        Document,
        on_delete=models.PROTECT,
        related_name="agenda_revision",
        verbose_name=_("document"),
    )
    content = models.JSONField(_("content"))
    adopted = models.BooleanField(
        _("revised after adoption"),
        default=False,
        help_text=_("Issued after the agenda had been adopted."),
    )
    note = models.CharField(_("note"), max_length=500, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("issued by"),
    )
    issued_at = models.DateTimeField(_("issued on"), auto_now_add=True)

    class Meta:
        verbose_name = _("agenda revision")
        verbose_name_plural = _("agenda revisions")
        ordering = ["agenda", "number"]
        constraints = [models.UniqueConstraint(fields=["agenda", "number"], name="revision_unique")]

    def __str__(self) -> str:
        return self.label

    def get_absolute_url(self) -> str:
        meeting = self.agenda.meeting
        return reverse(
            "agendas:agenda_revision",
            kwargs={"body": meeting.body.slug, "number": meeting.number, "rev": self.number},
        )

    @property
    def label(self) -> str:
        if self.number == 0:
            return gettext("First issue")
        # Translators: the label of a revision of the agenda, as in its symbol "C25/1(Rev.2)".
        return gettext("Rev.%(number)s") % {"number": self.number}

    @property
    def items(self) -> list[dict]:
        """The frozen items in reading order (see ``agendas.selectors.agenda_content``)."""
        content = self.content or {}
        return list(content.get("items", [])) if isinstance(content, dict) else list(content)

    @property
    def revised_after_adoption(self) -> bool:
        return self.adopted


class Proposal(models.Model):
    """An agenda-item proposal from a Member State, shaped like a real contribution."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, related_name="proposals", verbose_name=_("meeting")
    )
    proposer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="proposals",
        verbose_name=_("proposer"),
    )
    member_state = models.ForeignKey(
        MemberState,
        on_delete=models.PROTECT,
        related_name="proposals",
        verbose_name=_("Member State"),
    )
    co_sponsors = models.ManyToManyField(
        MemberState,
        blank=True,
        related_name="co_sponsored_proposals",
        verbose_name=_("co-sponsoring Member States"),
    )
    # A draft holds whatever was typed; completeness is checked when it is submitted.
    title = models.CharField(_("title of the proposed item"), max_length=500, blank=True)
    purpose = models.TextField(_("purpose"), blank=True)
    action_required = models.TextField(_("action required"), blank=True)
    references = models.TextField(_("references"), blank=True)
    introduction = models.TextField(_("introduction"), blank=True)
    proposals = models.TextField(_("proposals"), blank=True)

    state = models.CharField(
        _("state"), max_length=20, choices=ProposalState.choices, default=ProposalState.DRAFT
    )
    document = models.OneToOneField(
        Document,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="proposal",
        verbose_name=_("document"),
    )
    submitted_at = models.DateTimeField(_("submitted on"), null=True, blank=True)
    is_late = models.BooleanField(_("late"), default=False)
    decision_rationale = models.TextField(_("rationale of the decision"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided on"), null=True, blank=True)
    deferred_to = models.ForeignKey(
        Meeting,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="deferred_proposals",
        verbose_name=_("deferred to"),
    )
    # Deferred to the body's next meeting before it was scheduled: the proposal waits, and the
    # selectors show it to the body's first meeting after this one once it exists (issue 10).
    deferred_to_next = models.BooleanField(_("deferred to the next meeting"), default=False)
    # When the proposer first read the decision: until then "My meetings" counts it unread.
    decision_seen_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created on"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated on"), auto_now=True)

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["-updated_at", "-pk"]
        indexes = [models.Index(fields=["meeting", "state"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(state=ProposalState.DEFERRED)
                | Q(deferred_to__isnull=False)
                | Q(deferred_to_next=True),
                name="proposal_deferred_has_meeting",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("agendas:proposal_detail", kwargs={"pk": self.pk})

    @property
    def body_id(self) -> int:
        return self.meeting.body_id


class ProposalEvent(models.Model):
    """One row per step of a proposal (and per edit after submission): the audit trail."""

    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, related_name="events", verbose_name=_("proposal")
    )
    kind = models.CharField(_("step"), max_length=20, choices=ProposalEventKind.choices)
    from_state = models.CharField(_("from"), max_length=20, choices=ProposalState.choices)
    to_state = models.CharField(_("to"), max_length=20, choices=ProposalState.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("on"), auto_now_add=True)
    note = models.TextField(_("note"), blank=True)
    # Set when the notification mail of this step went out: a retried task sends it once.
    notified_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("step of a proposal")
        verbose_name_plural = _("steps of proposals")
        ordering = ["proposal", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.proposal}: {self.kind} ({self.from_state} → {self.to_state})"

    @property
    def changes_state(self) -> bool:
        return self.kind != ProposalEventKind.EDITED


class ProposalAnnex(models.Model):
    """A file (PDF or Word) attached to a proposal; listed in its contribution document."""

    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, related_name="annexes", verbose_name=_("proposal")
    )
    file = models.FileField(_("file"), upload_to="proposals/annexes/%Y/")
    name = models.CharField(_("name"), max_length=255, help_text=_("The file name as uploaded."))
    kind = models.CharField(
        _("kind"), max_length=10, help_text=_("pdf, docx or doc, read from its bytes.")
    )
    size = models.PositiveBigIntegerField(_("size"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded on"), auto_now_add=True)

    class Meta:
        verbose_name = _("annex")
        verbose_name_plural = _("annexes")
        ordering = ["proposal", "uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.name
