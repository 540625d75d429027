"""Agendas and proposals in the JSON API.

Agendas: every agenda (public, like its page), each issued revision with its frozen items,
and the live draft for members of the body. Proposals: the proposer's own and, for the
secretariat and the presiding officers of a body, the meeting's; the workflow steps go
through ``agendas.proposals.services`` with the same forms, rules and sentences as the pages
(agendas/views/proposals.py): who may not see a proposal gets "not found", whose step it is
not gets 403 with the page's sentence, a state that forbids the step gets 409.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Mapping

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Max, Q
from django.http import Http404, HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from agendas import caching, selectors
from agendas.enums import ProposalAction, ProposalState
from agendas.models import Agenda, Proposal
from agendas.proposals import rules as proposal_rules
from agendas.proposals import selectors as proposal_selectors
from agendas.proposals import services as proposal_services
from agendas.proposals import steps as proposal_steps
from agendas.proposals.forms import DecisionForm, ProposalForm
from agendas.serializers import (
    AgendaDetailSerializer,
    AgendaSerializer,
    DecisionSerializer,
    NoteSerializer,
    ProposalSerializer,
    ProposalWriteSerializer,
    RevisionDetailSerializer,
)
from config.api import ConditionalGetMixin, CursorPagination, as_id
from config.permissions import require_perm
from documents.api import form_errors
from meetings.enums import PRESIDING, Role
from meetings.rules import is_member_of_body, roles_by_body

A = ProposalAction
S = ProposalState
# A visitor's agenda answer is kept this long, and used without checking it against the
# database for VISITOR_FRESH_SECONDS (as the agenda page is: the same few seconds of delay
# after an issue or an adoption), then checked with one small query.
VISITOR_CACHE_SECONDS = 24 * 3600
VISITOR_FRESH_SECONDS = 10

# ------------------------------------------------------------------------------ agendas


def _members(user, agenda: Agenda) -> bool:
    return bool(user.is_superuser or is_member_of_body(user, agenda.meeting))


@extend_schema_view(
    list=extend_schema(parameters=[OpenApiParameter("meeting", int)]),
)
class AgendaViewSet(ConditionalGetMixin, viewsets.ReadOnlyModelViewSet):
    """Agendas of meetings: issued revisions for everyone, the live draft for members."""

    queryset = Agenda.objects.none()  # for the schema; see get_queryset
    lookup_value_regex = "[0-9]+"

    def get_queryset(self):
        qs = Agenda.objects.select_related("meeting__body", "document").defer(
            *selectors.light_fields("document__")
        )
        meeting = self.request.query_params.get("meeting", "")
        if meeting:
            qs = qs.filter(meeting_id=as_id(meeting))
        return qs

    def get_serializer_class(self):
        return AgendaSerializer if self.action == "list" else AgendaDetailSerializer

    def get_object(self) -> Agenda:
        pk = as_id(self.kwargs["pk"])
        agenda = self.get_queryset().filter(pk=pk).first() if pk else None
        if agenda is None:
            raise Http404(gettext("This meeting has no agenda yet."))
        return agenda

    def dispatch(self, request, *args, **kwargs):
        kept = self._kept_for_visitor(request, kwargs)
        return kept if kept is not None else super().dispatch(request, *args, **kwargs)

    def retrieve(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return Response(json.loads(self._visitors_view()["json"]))
        return Response(self._detail(self.get_object()))

    def _detail(self, agenda: Agenda) -> dict:
        request = self.request
        context = self.get_serializer_context()
        context["revisions"] = selectors.revisions_of(agenda=agenda)
        if request.user.has_perm("agendas.view_draft_agenda", agenda):
            tree = selectors.agenda_tree(agenda=agenda)
            context["draft"] = selectors.agenda_content(tree=tree)
        return AgendaDetailSerializer(agenda, context=context).data

    @staticmethod
    def _visitor_key(request, pk) -> str:
        return caching.api_visitor_key(agenda_id=pk, host=request.get_host())

    def _kept_for_visitor(self, request, kwargs) -> HttpResponse | None:
        """A visitor's agenda checked against the database less than VISITOR_FRESH_SECONDS
        ago is answered from the cache as it is, with no query: the agenda page does the same
        for the same visitors (agendas/caching.py says what drops it)."""
        plain = (
            request.method == "GET"
            and getattr(self, "action_map", {}).get("get") == "retrieve"
            and not request.GET
            and "HTTP_AUTHORIZATION" not in request.META
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "text/html" not in request.headers.get("Accept", "")
        )
        if not plain:
            return None
        entry = cache.get(self._visitor_key(request, kwargs.get("pk")))
        if entry is None or time.time() - entry["checked"] >= VISITOR_FRESH_SECONDS:
            return None
        response = HttpResponse(entry["json"], content_type="application/json")
        response["ETag"] = entry["etag"]
        patch_vary_headers(response, ["Authorization", "Cookie"])
        patch_cache_control(response, private=True)
        return response

    def _visitors_view(self) -> dict:
        """What every visitor sees (no draft), kept in the cache with what it depends on
        (the agenda's adoption, its latest revision and how many there are), like the agenda
        page: one small query tells whether the kept answer is still right."""
        pk = as_id(self.kwargs["pk"])
        state = (
            Agenda.objects.filter(pk=pk)
            .annotate(latest=Max("revisions__pk"), issued=Count("revisions"))
            .values_list("state", "adopted_at", "latest", "issued")
            .first()
            if pk
            else None
        )
        if state is None:
            raise Http404(gettext("This meeting has no agenda yet."))
        key = self._visitor_key(self.request, pk)
        entry = cache.get(key)
        if entry is None or entry["state"] != state:
            body = JSONRenderer().render(self._detail(self.get_object()))
            entry = {
                "state": state,
                "json": body,
                "etag": f'"{hashlib.md5(body, usedforsecurity=False).hexdigest()}"',
            }
        entry["checked"] = time.time()
        cache.set(key, entry, VISITOR_CACHE_SECONDS)
        return entry

    @extend_schema(responses=RevisionDetailSerializer)
    @action(detail=True, url_path=r"revisions/(?P<number>\d+)", url_name="revision")
    def revision(self, request, pk=None, number=None):
        """One issued revision with its frozen items."""
        agenda = self.get_object()
        revision = selectors.revision_get(agenda=agenda, number=int(number))
        context = {**self.get_serializer_context(), "members": _members(request.user, agenda)}
        return Response(RevisionDetailSerializer(revision, context=context).data)


# ------------------------------------------------------------------------------ proposals


def visible_proposals(user):
    """The proposals of ``user`` and, where they are secretariat, chair or vice-chair, every
    submitted proposal of the body (drafts are their writer's alone, as on the pages)."""
    staff = frozenset({Role.SECRETARIAT, *PRESIDING})
    bodies = [body_id for body_id, held in roles_by_body(user).items() if held & staff]
    others = Q(meeting__body_id__in=bodies) if not user.is_superuser else Q()
    return Proposal.objects.filter(Q(proposer=user) | (others & ~Q(state=S.DRAFT)))


def _payload(request):
    """The request's fields; a body that is not an object (a JSON list, a number) is refused
    with a sentence rather than read as one."""
    if not isinstance(request.data, Mapping):
        raise ValidationError({"non_field_errors": [gettext("Send the fields as one object.")]})
    return request.data


def _check_types(serializer_class, request) -> None:
    """Refuse values of the wrong type or ids out of range (which the database could not
    even look up); what is missing or wrong for the domain is said by the page's form, in
    its sentences (partial: no "required" here)."""
    serializer_class(data=_payload(request), partial=True).is_valid(raise_exception=True)


class ProposalPagination(CursorPagination):
    ordering = "-pk"


@extend_schema_view(
    list=extend_schema(
        parameters=[
            OpenApiParameter("meeting", int),
            OpenApiParameter("state", str, enum=list(S.values)),
        ]
    ),
)
class ProposalViewSet(ConditionalGetMixin, viewsets.GenericViewSet):
    """Agenda-item proposals and the steps of their workflow."""

    serializer_class = ProposalSerializer
    pagination_class = ProposalPagination
    queryset = Proposal.objects.none()  # for the schema; get_queryset says what is visible
    lookup_value_regex = "[0-9]+"
    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self):
        qs = visible_proposals(self.request.user).select_related(
            "meeting__body", "member_state", "document"
        )
        params = self.request.query_params
        if params.get("meeting"):
            qs = qs.filter(meeting_id=as_id(params["meeting"]))
        if params.get("state"):
            qs = qs.filter(state=params["state"])
        return qs.prefetch_related("co_sponsors", "events")

    def list(self, request):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def _visible(self, pk) -> Proposal:
        """The proposal, or "not found" for whoever may not see it (agendas.view_proposal)."""
        if as_id(pk) is None:
            raise Http404(gettext("There is no such proposal."))
        proposal = proposal_selectors.proposal_get(pk=as_id(pk))
        require_perm(self.request, "agendas.view_proposal", proposal, hide=True)
        return proposal

    def retrieve(self, request, pk=None):
        return Response(self.get_serializer(self._visible(pk)).data)

    @extend_schema(request=ProposalWriteSerializer, responses={201: ProposalSerializer})
    def create(self, request):
        """A new draft of a delegate, validated by the proposal form of the pages."""
        _check_types(ProposalWriteSerializer, request)
        form = ProposalForm(_payload(request), user=request.user, meeting=None)
        if not form.is_valid():
            raise ValidationError(form_errors(form))
        data = dict(form.cleaned_data)
        data.pop("annex", None)  # annexes are uploaded on the proposal's page, not as JSON
        proposal = proposal_services.proposal_create(proposer=request.user, **data)
        proposal = proposal_selectors.proposal_get(pk=proposal.pk)
        return Response(self.get_serializer(proposal).data, status=status.HTTP_201_CREATED)

    def _step(
        self, pk, step: str, *, note: str = "", deferred_to=None, deferred_to_next: bool = False
    ) -> Response:
        self._visible(pk)
        proposal = proposal_selectors.proposal_for_update(pk=int(pk))
        if not proposal_rules.may(self.request.user, proposal_steps.STEPS[step].perm, proposal):
            raise PermissionDenied(str(proposal_steps.not_allowed(step, proposal)))
        proposal_services.proposal_transition(
            proposal=proposal,
            action=step,
            actor=self.request.user,
            note=note,
            deferred_to=deferred_to,
            deferred_to_next=deferred_to_next,
        )
        return Response(self.get_serializer(proposal_selectors.proposal_get(pk=int(pk))).data)

    def _note(self) -> str:
        note = _payload(self.request).get("note", "")
        return note if isinstance(note, str) else ""

    @extend_schema(request=NoteSerializer, responses=ProposalSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        """The proposer submits: the proposal is registered as a contribution document."""
        return self._step(pk, A.SUBMIT)

    @extend_schema(request=NoteSerializer, responses=ProposalSerializer)
    @action(detail=True, methods=["post"])
    def consider(self, request, pk=None):
        """The secretariat or the chair puts a submitted proposal under consideration."""
        return self._step(pk, A.CONSIDER, note=self._note())

    @extend_schema(request=NoteSerializer, responses=ProposalSerializer)
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        """The proposer withdraws it before a decision."""
        return self._step(pk, A.WITHDRAW, note=self._note())

    @extend_schema(request=DecisionSerializer, responses=ProposalSerializer)
    @action(detail=True, methods=["post"])
    def decide(self, request, pk=None):
        """The chair or a vice-chair includes, rejects or defers, with a rationale; an
        included proposal becomes an item of the draft agenda."""
        proposal = self._visible(pk)
        if not proposal_rules.may(request.user, "agendas.decide_proposal", proposal):
            raise PermissionDenied(str(proposal_steps.not_allowed(A.INCLUDE, proposal)))
        _check_types(DecisionSerializer, request)
        form = DecisionForm(_payload(request), proposal=proposal, prefix=None)
        if not form.is_valid():
            raise ValidationError(form_errors(form))
        data = form.cleaned_data
        return self._step(
            pk,
            data["decision"],
            note=data["rationale"],
            deferred_to=data.get("deferred_to"),
            deferred_to_next=bool(data.get("deferred_to_next")),
        )


def register(router) -> None:
    router.register("agendas", AgendaViewSet, basename="agenda")
    router.register("proposals", ProposalViewSet, basename="proposal")
