from django.contrib import admin

from meetings.models import Body, Meeting, Membership, MemberState, Session


class SessionInline(admin.TabularInline):
    model = Session
    extra = 0


@admin.register(Body)
class BodyAdmin(admin.ModelAdmin):
    list_display = ["acronym", "name", "symbol_prefix"]
    search_fields = ["acronym", "name"]
    prepopulated_fields = {"slug": ["acronym"]}


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["__str__", "body", "number", "start_date", "end_date", "mode"]
    list_filter = ["body", "mode"]
    list_select_related = ["body"]
    date_hierarchy = "start_date"
    inlines = [SessionInline]


@admin.register(Session)
class SessionAdmin(admin.ModelAdmin):
    list_display = ["meeting", "date", "start_time", "end_time", "room"]
    list_filter = ["meeting__body"]
    list_select_related = ["meeting__body"]


@admin.register(MemberState)
class MemberStateAdmin(admin.ModelAdmin):
    list_display = ["name", "iso_code"]
    search_fields = ["name", "iso_code"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "body", "role", "member_state"]
    list_filter = ["body", "role"]
    list_select_related = ["user", "body", "member_state"]
    search_fields = ["user__username", "user__email", "member_state__name"]
    autocomplete_fields = ["member_state"]
