"""Documents in the JSON API: the registry's list with its filters, and one document with its
languages, publications (with download links), what it cites and what cites it.

Everything starts from ``documents.selectors.visible_documents``, like the pages: a
restricted document is "not found" for anyone outside its body."""

from __future__ import annotations

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import serializers, viewsets
from rest_framework.exceptions import ValidationError

from config.api import ConditionalGetMixin, CursorPagination, as_id
from documents import registry, selectors
from documents.enums import PublicationState
from documents.models import Document, Publication
from documents.references import normalize_symbol
from documents.search_forms import RegistryFilterForm


def form_errors(form) -> dict[str, list[str]]:
    """The form's sentences by field ("non_field_errors" for the whole form), as the pages
    show them."""
    return {
        ("non_field_errors" if name == "__all__" else name): [e["message"] for e in errors]
        for name, errors in form.errors.get_json_data().items()
    }


def _absolute(request, url: str) -> str:
    return request.build_absolute_uri(url)


class DocumentListSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:document-detail")
    body = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    meeting = serializers.PrimaryKeyRelatedField(read_only=True)
    type = serializers.CharField(source="doc_type", read_only=True)
    languages = serializers.ListField(
        source="language_codes", child=serializers.CharField(), read_only=True
    )
    page = serializers.SerializerMethodField()

    class Meta:
        model = Document
        fields = [
            "url",
            "id",
            "symbol",
            "title",
            "source",
            "body",
            "meeting",
            "type",
            "purpose",
            "date",
            "original_language",
            "languages",
            "access",
            "status",
            "page",
        ]

    def get_page(self, document: Document) -> str:
        return _absolute(self.context["request"], document.get_absolute_url())


class PublicationSerializer(serializers.ModelSerializer):
    download = serializers.SerializerMethodField()

    class Meta:
        model = Publication
        fields = ["id", "version", "state", "pages", "size", "checksum", "finished_at", "download"]

    def get_download(self, publication: Publication) -> str | None:
        if publication.state != PublicationState.PUBLISHED:
            return None
        url = reverse("documents:publication_download", kwargs={"pk": publication.pk})
        return _absolute(self.context["request"], url)


class DocumentRefSerializer(serializers.Serializer):
    symbol = serializers.CharField()
    title = serializers.CharField()
    url = serializers.SerializerMethodField()

    def get_url(self, document) -> str:
        url = reverse("api:document-detail", kwargs={"pk": document.pk})
        return _absolute(self.context["request"], url)


class CitedSerializer(serializers.Serializer):
    key = serializers.CharField()
    kind = serializers.CharField()
    text = serializers.CharField()
    document = serializers.SerializerMethodField()

    @extend_schema_field(DocumentRefSerializer(allow_null=True))
    def get_document(self, item) -> dict | None:
        if item.document is None:
            return None
        return DocumentRefSerializer(item.document, context=self.context).data


class DocumentSerializer(DocumentListSerializer):
    text = serializers.CharField(read_only=True, help_text="Sanitized HTML.")
    file = serializers.SerializerMethodField()
    parent = serializers.SlugRelatedField(slug_field="symbol", read_only=True, allow_null=True)
    publications = serializers.SerializerMethodField()
    cites = serializers.SerializerMethodField()
    cited_by = serializers.SerializerMethodField()
    listed_for_meetings = serializers.SerializerMethodField()

    class Meta(DocumentListSerializer.Meta):
        fields = [
            *DocumentListSerializer.Meta.fields,
            "parent",
            "text",
            "file",
            "publications",
            "cites",
            "cited_by",
            "listed_for_meetings",
        ]

    def get_file(self, document: Document) -> str | None:
        if not document.file:
            return None
        url = reverse("documents:file", kwargs={"symbol": document.symbol})
        return _absolute(self.context["request"], url)

    @extend_schema_field(PublicationSerializer(many=True))
    def get_publications(self, document: Document) -> list[dict]:
        publications = document.publications.order_by("-version", "-pk")
        return PublicationSerializer(publications, many=True, context=self.context).data

    @extend_schema_field(CitedSerializer(many=True))
    def get_cites(self, document: Document) -> list[dict]:
        user = self.context["request"].user
        cites = selectors.document_cites(user=user, document=document)
        return CitedSerializer(cites, many=True, context=self.context).data

    @extend_schema_field(DocumentRefSerializer(many=True))
    def get_cited_by(self, document: Document) -> list[dict]:
        user = self.context["request"].user
        citing = selectors.document_cited_by(user=user, document=document)
        return DocumentRefSerializer(citing, many=True, context=self.context).data

    def get_listed_for_meetings(self, document: Document) -> list[int]:
        return [listing.meeting_id for listing in selectors.document_listings(document=document)]


class DocumentPagination(CursorPagination):
    # The registry's order: newest first.
    ordering = ("-date", "-pk")


FILTERS = [
    OpenApiParameter("q", str, description="Words, or a phrase in quotes."),
    OpenApiParameter("symbol", str, description="A symbol, written any usual way (C25/1)."),
    OpenApiParameter("body", str, description="The slug of a body."),
    OpenApiParameter(
        "meeting", int, description="A meeting id: its documents and those listed for it."
    ),
    OpenApiParameter(
        "type", str, enum=["agenda", "contribution", "report", "information", "other"]
    ),
    OpenApiParameter("source", str, description="Starts with (any case)."),
    OpenApiParameter("language", str, enum=["ar", "zh", "en", "fr", "ru", "es"]),
    OpenApiParameter("date_from", OpenApiTypes.DATE),
    OpenApiParameter("date_to", OpenApiTypes.DATE),
]


@extend_schema_view(list=extend_schema(parameters=FILTERS))
class DocumentViewSet(ConditionalGetMixin, viewsets.ReadOnlyModelViewSet):
    """The registry: the documents you may read, newest first, with the registry's filters."""

    pagination_class = DocumentPagination
    queryset = Document.objects.none()  # for the schema; see get_queryset
    lookup_value_regex = "[0-9]+"

    def get_serializer_class(self):
        return DocumentListSerializer if self.action == "list" else DocumentSerializer

    def get_queryset(self):
        user = self.request.user
        if self.action != "list":
            return selectors.visible_documents(user).select_related("body", "meeting", "parent")
        params = self.request.query_params
        if params.get("meeting") and as_id(params["meeting"]) is None:
            # The form would look the number up, and a huge one overflows the database.
            raise ValidationError({"meeting": [gettext("Choose a meeting by its id.")]})
        form = RegistryFilterForm(params)
        if not form.is_valid():
            raise ValidationError(form_errors(form))
        query = registry.RegistryQuery.from_filters(form.cleaned_data)
        qs, _ranked = registry.registry_filter(user=user, query=query)
        symbol = self.request.query_params.get("symbol", "").strip()
        if symbol:
            qs = qs.filter(symbol=normalize_symbol(symbol) or symbol)
        return qs.select_related("body", "meeting").defer("text", "search_text")

    def get_object(self):
        try:
            return self.get_queryset().get(pk=as_id(self.kwargs["pk"]))
        except Document.DoesNotExist:
            raise Http404(gettext("No document is registered under this id.")) from None


def register(router) -> None:
    router.register("documents", DocumentViewSet, basename="document")
