"""Administration of the registry. Every change goes through ``documents.services`` (a
document is registered with the registry's form, which allocates its symbol; here it can
be corrected), so symbols, search text and references stay right."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from documents import services
from documents.admin_import import import_view
from documents.enums import Language
from documents.exceptions import DocumentsError
from documents.models import Document, DocumentListing, ExternalDocument, Instrument, Reference


class ReferenceInline(admin.TabularInline):
    model = Reference
    fk_name = "source"
    fields = ("kind", "text", "key", "target", "instrument")
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name = _("citation in the text")
    verbose_name_plural = _("citations in the text (kept in step with the text)")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ListingInline(admin.TabularInline):
    model = DocumentListing
    fields = ("meeting", "note", "listed_by", "listed_at")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class DocumentAdminForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=Language.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Document
        # ``languages`` is kept as ",en,fr," in the row: it is the check boxes above,
        # saved by the service.
        fields = services.EDITABLE_FIELD_NAMES

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["languages"] = self.instance.language_codes

    def clean_languages(self):
        return self.cleaned_data["languages"]


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    form = DocumentAdminForm
    change_list_template = "admin/documents/document_change_list.html"

    def get_urls(self):
        from django.urls import path

        own = [
            path(
                "import/",
                self.admin_site.admin_view(lambda request: import_view(self, request)),
                name="documents_document_import",
            )
        ]
        return own + super().get_urls()

    list_display = ("symbol", "title", "source", "doc_type", "date", "access", "status")
    list_filter = ("body", "doc_type", "access", "status", "original_language", "date")
    search_fields = ("symbol", "title", "source")
    date_hierarchy = "date"
    list_select_related = ("body",)
    ordering = ("-date", "-pk")
    readonly_fields = (
        "symbol",
        "body",
        "meeting",
        "series",
        "number",
        "parent",
        "suffix_kind",
        "suffix_number",
        "version",
        "created_by",
        "created_at",
        "updated_at",
    )
    fieldsets = (
        (
            _("Symbol"),
            {
                "fields": (
                    "symbol",
                    ("body", "meeting"),
                    ("series", "number"),
                    ("parent", "suffix_kind", "suffix_number"),
                )
            },
        ),
        (_("Description"), {"fields": services.DESCRIPTION_FIELDS}),
        (_("Content"), {"fields": services.CONTENT_FIELDS}),
        # Translators: the admin's section of who registered a document and when.
        (
            pgettext_lazy("admin section", "Record"),
            {"fields": ("version", "created_by", "created_at", "updated_at")},
        ),
    )
    raw_id_fields = ("source_state",)
    inlines = [ReferenceInline, ListingInline]

    def has_add_permission(self, request):
        # A symbol is allocated by registration (Documents > Register a document).
        return False

    def has_delete_permission(self, request, obj=None):
        # A registered symbol is never given back: a document is withdrawn (its status),
        # not deleted, so the numbers of a meeting keep no gap.
        return False

    def save_model(self, request, obj, form, change):
        original = Document.objects.get(pk=obj.pk)
        fields = {
            name: form.cleaned_data[name]
            for name in form.changed_data
            if name in services.EDITABLE_FIELDS
        }
        try:
            services.document_update(actor=request.user, document=original, **fields)
        except DocumentsError as exc:
            messages.error(request, str(exc))


@admin.register(Instrument)
class InstrumentAdmin(admin.ModelAdmin):
    list_display = ("key", "kind", "title")
    list_filter = ("kind",)
    search_fields = ("key", "title")
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_readonly_fields(self, request, obj=None):
        return ("key", "kind") if obj is not None else ()

    def save_model(self, request, obj, form, change):
        # Registering resolves the citations made before the instrument was recorded.
        services.instrument_register(
            actor=request.user, kind=obj.kind, key=obj.key, title=obj.title, url=obj.url
        )
        obj.pk = Instrument.objects.get(key=obj.key).pk


@admin.register(DocumentListing)
class DocumentListingAdmin(admin.ModelAdmin):
    list_display = ("document", "meeting", "note", "listed_at")
    list_select_related = ("document", "meeting__body")
    search_fields = ("document__symbol", "note")
    raw_id_fields = ("document",)
    list_filter = ("meeting__body",)

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ()
        return ("document", "meeting", "note", "listed_by", "listed_at")

    def get_fields(self, request, obj=None):
        return ("document", "meeting", "note") if obj is None else super().get_fields(request, obj)

    def save_model(self, request, obj, form, change):
        if change:
            return
        try:
            listing = services.document_list_for_meeting(
                document=obj.document, meeting=obj.meeting, note=obj.note, actor=request.user
            )
        except DocumentsError as exc:
            messages.error(request, str(exc))
            return
        obj.pk = listing.pk


@admin.register(Reference)
class ReferenceAdmin(admin.ModelAdmin):
    """Read only: citations follow the texts. Useful to find what cites a key."""

    list_display = ("source", "key", "kind", "target", "instrument")
    list_filter = ("kind",)
    search_fields = ("key", "source__symbol")
    list_select_related = ("source", "target", "instrument")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ExternalDocument)
class ExternalDocumentAdmin(admin.ModelAdmin):
    """Read here; registered with ``external_document_register`` (the import, the command)."""

    list_display = ("symbol", "kind", "title", "issuer", "date")
    list_filter = ("kind",)
    search_fields = ("symbol", "title", "issuer")
    readonly_fields = ("symbol", "kind", "title", "date", "issuer", "url", "created_by")

    def has_add_permission(self, request):
        return False
