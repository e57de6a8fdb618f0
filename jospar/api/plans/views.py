"""A small REST API over the same services as the pages: the same permissions, the same rules,
the same refusal to change an approved version."""
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions
from rest_framework.response import Response

from jospar.i18n import current_lang
from jospar.orgs.permissions import access_of
from jospar.planning import selectors
from jospar.planning.content import ConflictError
from jospar.planning.drafting import draft
from jospar.planning.models import EventRevision, OperationalPlan

from ..base import ApiView
from ..errors import Conflict
from .serializers import EventPatchSerializer, EventRowSerializer, EventSerializer, PlanSerializer


def _plan(request, year: int) -> OperationalPlan:
    plan = get_object_or_404(OperationalPlan.objects.select_related("body", "development_plan"),
                             body_id=access_of(request.user).member_body_id, year=year)
    if not request.user.has_perm("planning.view_plan", plan):
        raise PermissionDenied
    return plan


class PlanList(ApiView):
    """The operational plans of the user's body, with their versions."""

    @extend_schema(responses=PlanSerializer(many=True))
    def get(self, request):
        qs = OperationalPlan.objects.filter(body_id=access_of(request.user).member_body_id).select_related(
            "development_plan").prefetch_related("versions")
        return Response(PlanSerializer(qs, many=True).data)


class VersionEventList(ApiView):
    """The events of a version as Form 1 rows, in the request's language."""

    @extend_schema(responses=EventRowSerializer(many=True))
    def get(self, request, year: int, number: int):
        plan = _plan(request, year)
        version = get_object_or_404(plan.versions, number=number)
        version.plan = plan
        rows = [r for r in selectors.form1_rows(version, current_lang()) if r.kind == "event"]
        return Response(EventRowSerializer(rows, many=True).data)


class EventDetail(ApiView):
    """One event of a version, field by field, with the lock_version a change must send."""

    def _revision(self, request, year: int, revision_id: int) -> EventRevision:
        plan = _plan(request, year)
        revisions = EventRevision.objects.select_related("version").prefetch_related("executors__unit")
        revision = get_object_or_404(revisions, version__plan=plan, pk=revision_id)
        revision.version.plan = plan
        return revision

    @extend_schema(responses=EventSerializer)
    def get(self, request, year: int, revision_id: int):
        return Response(EventSerializer(self._revision(request, year, revision_id)).data)

    @extend_schema(request=EventPatchSerializer, responses=EventSerializer,
                   description="Changes the fields sent (the others keep their values) of an event of the draft, "
                               "checked as the plan page checks them. Only planners, only while the version is a "
                               "draft (else 409, code conflict).")
    def patch(self, request, year: int, revision_id: int):
        revision = self._revision(request, year, revision_id)
        try:
            draft.check_draft(request.user, revision.version)  # who and when, before what
        except ValidationError as exc:
            raise Conflict(" ".join(exc.messages)) from None
        executors = sorted(revision.executors.all(), key=lambda e: (not e.is_lead, e.position))
        lead = executors[0].unit if executors and executors[0].is_lead else None
        body = EventPatchSerializer(data=request.data, revision=revision,
                                    executors=(lead, [e.unit for e in executors if not e.is_lead]))
        body.is_valid(raise_exception=True)
        try:
            saved = draft.update_event(user=request.user, revision=revision, data=body.event_data,
                                       lock_version=body.validated_data["lock_version"])
        except ConflictError:
            raise Conflict(_stale_message(), code="stale", fields={"lock_version": [_stale_message()]}) from None
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                raise exceptions.ValidationError(exc.message_dict) from None
            raise Conflict(" ".join(exc.messages)) from None
        return Response(EventSerializer(EventRevision.objects.prefetch_related("executors").get(pk=saved.pk)).data)


def _stale_message() -> str:
    return _("Someone else saved this event since you read it: read it again and apply your change to its "
             "current values.")
