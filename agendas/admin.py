"""Admin pages of the agendas app. Agendas are edited in the browser editor (every change goes
through agendas.services); the admin only reads them, so nothing bypasses the renumbering,
the locks and the frozen revisions."""

from django.contrib import admin
from django.utils.html import format_html

from agendas.models import Agenda, AgendaItem, AgendaItemDocument, AgendaRevision


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class AgendaItemDocumentInline(admin.TabularInline):
    model = AgendaItemDocument
    fields = ["position", "document"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class AgendaRevisionInline(admin.TabularInline):
    model = AgendaRevision
    fields = ["number", "document", "adopted", "issued_by", "issued_at", "note"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Agenda)
class AgendaAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "document", "state", "adopted_at", "version", "editor_link"]
    list_filter = ["state", "meeting__body"]
    list_select_related = ["meeting__body", "document"]
    readonly_fields = ["meeting", "document", "state", "adopted_at", "adopted_by", "version"]
    inlines = [AgendaRevisionInline]

    @admin.display(description="Editor")
    def editor_link(self, obj: Agenda) -> str:
        return format_html('<a href="{}edit/">Open the editor</a>', obj.get_absolute_url())


@admin.register(AgendaItem)
class AgendaItemAdmin(ReadOnlyAdmin):
    list_display = ["title", "agenda", "parent", "position", "fixed", "session", "is_late"]
    list_filter = ["agenda__meeting__body", "fixed", "is_late"]
    list_select_related = ["agenda__meeting__body", "parent", "session"]
    search_fields = ["title"]
    inlines = [AgendaItemDocumentInline]


@admin.register(AgendaRevision)
class AgendaRevisionAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "agenda", "document", "adopted", "issued_by", "issued_at"]
    list_select_related = ["agenda__meeting__body", "document", "issued_by"]
    readonly_fields = ["agenda", "number", "document", "content", "adopted", "note", "issued_by"]
