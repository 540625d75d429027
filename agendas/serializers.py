"""What the JSON API shows of agendas and proposals (see agendas/api.py)."""

from __future__ import annotations

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from agendas.enums import Decision
from agendas.models import Agenda, AgendaRevision, Proposal, ProposalEvent
from agendas.proposals import rules as proposal_rules
from config.api import MAX_ID


def _absolute(context, url: str) -> str:
    return context["request"].build_absolute_uri(url)


# ------------------------------------------------------------------------------ item trees


class ItemDocumentSerializer(serializers.Serializer):
    symbol = serializers.CharField()
    title = serializers.CharField(allow_null=True, help_text="Null: restricted to members.")
    restricted = serializers.BooleanField()


class ItemSerializer(serializers.Serializer):
    """One agenda item; ``children`` are its sub-items, in the same shape."""

    number = serializers.CharField()
    title = serializers.CharField()
    description = serializers.CharField()
    session = serializers.CharField(allow_null=True)
    documents = ItemDocumentSerializer(many=True)
    proposal = serializers.IntegerField(allow_null=True)
    is_late = serializers.BooleanField()
    fixed = serializers.CharField()
    children = serializers.ListField(child=serializers.DictField())


def item_tree(rows: list[dict], *, members: bool) -> list[dict]:
    """Frozen rows in reading order (``agenda_content``'s shape, with ``depth``) as a tree.
    Titles of restricted documents are left out for readers outside the body, as on the
    page."""
    roots: list[dict] = []
    stack: list[dict] = []
    for row in rows:
        node = {
            "number": row.get("number", ""),
            "title": row.get("title", ""),
            "description": row.get("description", ""),
            "session": row.get("session") or None,
            "documents": [
                {
                    "symbol": d["symbol"],
                    "title": d["title"] if members or not d.get("restricted") else None,
                    "restricted": bool(d.get("restricted")),
                }
                for d in row.get("documents", [])
            ],
            "proposal": row.get("proposal"),
            "is_late": bool(row.get("is_late")),
            "fixed": row.get("fixed", ""),
            "children": [],
        }
        depth = int(row.get("depth", 0))
        del stack[depth:]
        (stack[-1]["children"] if stack else roots).append(node)
        stack.append(node)
    return roots


# ------------------------------------------------------------------------------ agendas


class RevisionSerializer(serializers.ModelSerializer):
    label = serializers.CharField(read_only=True)
    symbol = serializers.CharField(source="document.symbol", read_only=True)
    url = serializers.SerializerMethodField()

    class Meta:
        model = AgendaRevision
        fields = ["number", "label", "symbol", "issued_at", "adopted", "note", "url"]

    def get_url(self, revision: AgendaRevision) -> str:
        url = reverse(
            "api:agenda-revision",
            kwargs={"pk": revision.agenda_id, "number": revision.number},
        )
        return _absolute(self.context, url)


class RevisionDetailSerializer(RevisionSerializer):
    items = serializers.SerializerMethodField()

    class Meta(RevisionSerializer.Meta):
        fields = [*RevisionSerializer.Meta.fields, "items"]

    @extend_schema_field(ItemSerializer(many=True))
    def get_items(self, revision: AgendaRevision) -> list[dict]:
        return item_tree(revision.items, members=self.context["members"])


class AgendaSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:agenda-detail")
    meeting = serializers.PrimaryKeyRelatedField(read_only=True)
    meeting_name = serializers.CharField(source="meeting.display_name", read_only=True)
    body = serializers.CharField(source="meeting.body.slug", read_only=True)
    symbol = serializers.CharField(source="document.symbol", read_only=True)
    page = serializers.SerializerMethodField()

    class Meta:
        model = Agenda
        fields = [
            "url",
            "id",
            "meeting",
            "meeting_name",
            "body",
            "symbol",
            "state",
            "adopted_at",
            "page",
        ]

    def get_page(self, agenda: Agenda) -> str:
        return _absolute(self.context, agenda.get_absolute_url())


class AgendaDetailSerializer(AgendaSerializer):
    revisions = serializers.SerializerMethodField()
    draft = serializers.SerializerMethodField(
        help_text="The live draft, for members of the body; null for everyone else."
    )

    class Meta(AgendaSerializer.Meta):
        fields = [*AgendaSerializer.Meta.fields, "revisions", "draft"]

    @extend_schema_field(RevisionSerializer(many=True))
    def get_revisions(self, agenda: Agenda) -> list[dict]:
        return RevisionSerializer(self.context["revisions"], many=True, context=self.context).data

    @extend_schema_field(ItemSerializer(many=True, allow_null=True))
    def get_draft(self, agenda: Agenda) -> list[dict] | None:
        rows = self.context.get("draft")
        return None if rows is None else item_tree(rows, members=True)


# ------------------------------------------------------------------------------ proposals


class EventSerializer(serializers.ModelSerializer):
    class Meta:
        model = ProposalEvent
        fields = ["from_state", "to_state", "at", "note"]


class ProposalSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:proposal-detail")
    member_state = serializers.CharField(source="member_state.name", read_only=True)
    co_sponsors = serializers.SlugRelatedField(slug_field="name", many=True, read_only=True)
    document = serializers.SlugRelatedField(slug_field="symbol", read_only=True, allow_null=True)
    allowed_actions = serializers.SerializerMethodField()
    events = EventSerializer(many=True, read_only=True)
    page = serializers.SerializerMethodField()

    class Meta:
        model = Proposal
        fields = [
            "url",
            "id",
            "meeting",
            "member_state",
            "co_sponsors",
            "title",
            "purpose",
            "action_required",
            "references",
            "introduction",
            "proposals",
            "state",
            "document",
            "submitted_at",
            "is_late",
            "decision_rationale",
            "decided_at",
            "deferred_to",
            "deferred_to_next",
            "allowed_actions",
            "events",
            "page",
        ]
        read_only_fields = fields

    def get_allowed_actions(self, proposal: Proposal) -> list[str]:
        return [str(a) for a in proposal_rules.allowed_actions(proposal=proposal, user=self.user)]

    @property
    def user(self):
        return self.context["request"].user

    def get_page(self, proposal: Proposal) -> str:
        return _absolute(self.context, proposal.get_absolute_url())


class ProposalWriteSerializer(serializers.Serializer):
    """A new draft, the fields of the proposal form (validated by that form)."""

    meeting = serializers.IntegerField(min_value=1, max_value=MAX_ID)
    member_state = serializers.IntegerField(
        min_value=1,
        max_value=MAX_ID,
        required=False,
        help_text="Needed when you represent more than one Member State.",
    )
    co_sponsors = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=MAX_ID), required=False
    )
    title = serializers.CharField()
    purpose = serializers.CharField()
    action_required = serializers.CharField()
    references = serializers.CharField(required=False)
    introduction = serializers.CharField(required=False)
    proposals = serializers.CharField()


class NoteSerializer(serializers.Serializer):
    note = serializers.CharField(required=False, allow_blank=True)


class DecisionSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=Decision.choices)
    rationale = serializers.CharField()
    deferred_to = serializers.IntegerField(
        min_value=1, max_value=MAX_ID, required=False, help_text="A later meeting's id."
    )
    deferred_to_next = serializers.BooleanField(
        required=False,
        help_text="Defer to the body's next meeting, not yet scheduled (instead of deferred_to).",
    )
