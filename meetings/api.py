"""Bodies and meetings (with their sessions) in the JSON API: public, like their pages."""

from __future__ import annotations

from django.db.models import Prefetch
from django.http import Http404
from django.utils.translation import gettext
from rest_framework import serializers, viewsets

from config.api import ConditionalGetMixin, CursorPagination, as_id
from meetings.models import Body, Meeting, Session


class BodySerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:body-detail", lookup_field="slug")

    class Meta:
        model = Body
        fields = ["url", "slug", "acronym", "name", "symbol_prefix"]


class SessionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Session
        fields = ["id", "title", "date", "start_time", "end_time", "room"]


class MeetingSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:meeting-detail")
    body = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    name = serializers.CharField(source="display_name", read_only=True)
    symbol_stem = serializers.CharField(read_only=True)
    page = serializers.SerializerMethodField()
    sessions = SessionSerializer(many=True, read_only=True)

    class Meta:
        model = Meeting
        fields = [
            "url",
            "id",
            "body",
            "number",
            "name",
            "symbol_stem",
            "start_date",
            "end_date",
            "mode",
            "venue",
            "contribution_deadline",
            "page",
            "sessions",
        ]

    def get_page(self, meeting: Meeting) -> str:
        return self.context["request"].build_absolute_uri(meeting.get_absolute_url())


class BodyViewSet(ConditionalGetMixin, viewsets.ReadOnlyModelViewSet):
    """The bodies (CWG-Internet, CWG-WSIS&SDG, Council ...)."""

    serializer_class = BodySerializer
    queryset = Body.objects.order_by("acronym")
    lookup_field = "slug"
    pagination_class = None


class MeetingPagination(CursorPagination):
    ordering = ("-start_date", "-pk")


class MeetingViewSet(ConditionalGetMixin, viewsets.ReadOnlyModelViewSet):
    """Meetings, newest first, with their sessions. Filter with ``?body=<slug>``."""

    serializer_class = MeetingSerializer
    pagination_class = MeetingPagination
    queryset = Meeting.objects.none()  # for the schema; see get_queryset
    lookup_value_regex = "[0-9]+"

    def get_queryset(self):
        qs = Meeting.objects.select_related("body").prefetch_related(
            Prefetch("sessions", queryset=Session.objects.order_by("date", "start_time", "pk"))
        )
        body = self.request.query_params.get("body")
        if body:
            qs = qs.filter(body__slug=body)
        return qs

    def get_object(self) -> Meeting:
        meeting = self.get_queryset().filter(pk=as_id(self.kwargs["pk"])).first()
        if meeting is None:
            raise Http404(gettext("There is no such meeting."))
        return meeting


def register(router) -> None:
    router.register("bodies", BodyViewSet, basename="body")
    router.register("meetings", MeetingViewSet, basename="meeting")
