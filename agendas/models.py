from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

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

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agendas")
    kind = models.CharField(max_length=12, choices=AgendaKind.choices, default=AgendaKind.AGENDA)
    numbering = models.CharField(
        max_length=10, choices=NumberingStyle.choices, default=NumberingStyle.DECIMAL
    )
    document = models.OneToOneField(Document, on_delete=models.PROTECT, related_name="agenda_of")
    state = models.CharField(max_length=10, choices=AgendaState.choices, default=AgendaState.DRAFT)
    adopted_at = models.DateTimeField(null=True, blank=True)
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Bumped by every change of the items: the editor and the cache key use it.
    version = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["meeting", "kind", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting"],
                condition=Q(kind=AgendaKind.AGENDA),
                name="one_main_agenda_per_meeting",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} of the {self.meeting}"

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

    agenda = models.ForeignKey(Agenda, on_delete=models.CASCADE, related_name="items")
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children"
    )
    position = models.PositiveIntegerField(default=0)
    title = models.CharField(max_length=500)
    # A code of its own ("PL 2.4"), printed instead of the derived number; several rows of a
    # time-management plan may share one.
    code = models.CharField(max_length=30, blank=True, default="")
    # A heading, "Oral presentation", "Break": a row without a number, skipped by the count.
    numbered = models.BooleanField(default=True)
    # An item taken again in a later session: printed "(cont'd)".
    continued = models.BooleanField(default=False)
    description = models.TextField(blank=True)
    fixed = models.CharField(max_length=10, choices=FixedItem.choices, blank=True, default="")
    session = models.ForeignKey(
        Session, on_delete=models.SET_NULL, null=True, blank=True, related_name="agenda_items"
    )
    proposal = models.OneToOneField(
        "agendas.Proposal",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agenda_item",
    )
    is_late = models.BooleanField(default=False)
    documents = models.ManyToManyField(
        Document, through="AgendaItemDocument", related_name="agenda_items", blank=True
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["agenda", "parent_id", "position", "pk"]
        indexes = [models.Index(fields=["agenda", "parent", "position"])]

    def __str__(self) -> str:
        return self.title

    @property
    def body_id(self) -> int:
        return self.agenda.meeting.body_id


class AgendaItemDocument(models.Model):
    """A document allocated to an item, in the order the secretariat lists them."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="allocations")
    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="allocations")
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["item", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["item", "document"], name="allocation_unique")
        ]

    def __str__(self) -> str:
        return f"{self.document.symbol} under {self.item}"


class AgendaRevision(models.Model):
    """One issue of the agenda (0 = first issue, then Rev.1, Rev.2 ...). ``content`` is the
    frozen tree as it was issued; it never changes afterwards."""

    agenda = models.ForeignKey(Agenda, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    document = models.OneToOneField(
        Document, on_delete=models.PROTECT, related_name="agenda_revision"
    )
    content = models.JSONField()
    adopted = models.BooleanField(
        default=False, help_text="Issued after the agenda had been adopted."
    )
    note = models.CharField(max_length=500, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    issued_at = models.DateTimeField(auto_now_add=True)

    class Meta:
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
        return "First issue" if self.number == 0 else f"Rev.{self.number}"

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

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="proposals")
    proposer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="proposals"
    )
    member_state = models.ForeignKey(
        MemberState, on_delete=models.PROTECT, related_name="proposals"
    )
    co_sponsors = models.ManyToManyField(
        MemberState, blank=True, related_name="co_sponsored_proposals"
    )
    # A draft holds whatever was typed; completeness is checked when it is submitted.
    title = models.CharField("title of the proposed item", max_length=500, blank=True)
    purpose = models.TextField(blank=True)
    action_required = models.TextField(blank=True)
    references = models.TextField(blank=True)
    introduction = models.TextField(blank=True)
    proposals = models.TextField(blank=True)

    state = models.CharField(
        max_length=20, choices=ProposalState.choices, default=ProposalState.DRAFT
    )
    document = models.OneToOneField(
        Document, on_delete=models.PROTECT, null=True, blank=True, related_name="proposal"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    is_late = models.BooleanField(default=False)
    decision_rationale = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    deferred_to = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, null=True, blank=True, related_name="deferred_proposals"
    )
    # Deferred to the body's next meeting before it was scheduled: the proposal waits, and the
    # selectors show it to the body's first meeting after this one once it exists (issue 10).
    deferred_to_next = models.BooleanField(default=False)
    # When the proposer first read the decision: until then "My meetings" counts it unread.
    decision_seen_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
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

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=ProposalEventKind.choices)
    from_state = models.CharField(max_length=20, choices=ProposalState.choices)
    to_state = models.CharField(max_length=20, choices=ProposalState.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)
    note = models.TextField(blank=True)
    # Set when the notification mail of this step went out: a retried task sends it once.
    notified_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["proposal", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.proposal}: {self.kind} ({self.from_state} → {self.to_state})"

    @property
    def changes_state(self) -> bool:
        return self.kind != ProposalEventKind.EDITED


class ProposalAnnex(models.Model):
    """A file (PDF or Word) attached to a proposal; listed in its contribution document."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="annexes")
    file = models.FileField(upload_to="proposals/annexes/%Y/")
    name = models.CharField(max_length=255, help_text="The file name as uploaded.")
    kind = models.CharField(max_length=10, help_text="pdf, docx or doc, read from its bytes.")
    size = models.PositiveBigIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["proposal", "uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.name
