"""A small REST API over the same services as the pages: the same permissions, the same rules,
the same refusal to change an approved version."""
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.decorators import api_view
from rest_framework.response import Response

from jospar import rules
from jospar.i18n import current_lang
from jospar.orgs.permissions import access_of
from jospar.planning import draft, selectors
from jospar.planning.content import ConflictError, EventData
from jospar.planning.models import EventRevision, OperationalPlan

from .serializers import EventPatchSerializer, EventRowSerializer, PlanSerializer


def _plan(request, year: int) -> OperationalPlan:
    plan = get_object_or_404(OperationalPlan.objects.select_related("body", "development_plan"),
                             body_id=access_of(request.user).body_id, year=year)
    if not request.user.has_perm("planning.view_plan", plan):
        raise PermissionDenied
    return plan


@extend_schema(responses=PlanSerializer(many=True))
@api_view(["GET"])
def plans(request):
    qs = OperationalPlan.objects.filter(body_id=access_of(request.user).body_id).select_related(
        "development_plan").prefetch_related("versions")
    return Response(PlanSerializer(qs, many=True).data)


@extend_schema(responses=EventRowSerializer(many=True))
@api_view(["GET"])
def version_events(request, year: int, number: int):
    plan = _plan(request, year)
    version = get_object_or_404(plan.versions, number=number)
    version.plan = plan
    rows = [r for r in selectors.form1_rows(version, current_lang()) if r.kind == "event"]
    return Response(EventRowSerializer(rows, many=True).data)


@extend_schema(request=EventPatchSerializer, responses=EventRowSerializer)
@api_view(["PATCH"])
def event(request, year: int, revision_id: int):
    plan = _plan(request, year)
    revision = get_object_or_404(EventRevision.objects.select_related("version"), version__plan=plan, pk=revision_id)
    body = EventPatchSerializer(data=request.data)
    body.is_valid(raise_exception=True)
    lead = revision.executors.filter(is_lead=True).select_related("unit").first()
    data = EventData.of(revision, lead_unit=lead.unit if lead else None,
                        co_executors=[e.unit for e in revision.executors.filter(is_lead=False).select_related("unit")])
    for field in ("name_kk", "name_ru"):
        if field in body.validated_data:
            setattr(data, field, body.validated_data[field])
    if "budget_codes" in body.validated_data:
        try:
            codes = rules.parse_budget_codes(body.validated_data["budget_codes"])
        except rules.BudgetCodeError as exc:
            return Response({"budget_codes": [exc.message(current_lang())]}, status=status.HTTP_400_BAD_REQUEST)
        data.no_funding = not codes
        data.budget_codes = rules.format_budget_codes(codes, "ru") if codes else ""
    try:
        draft.update_event(user=request.user, revision=revision, data=data,
                           lock_version=body.validated_data["lock_version"])
    except ConflictError as conflict:
        return Response({"detail": "conflict", "lock_version": conflict.current.lock_version},
                        status=status.HTTP_409_CONFLICT)
    except ValidationError as exc:
        return Response({"detail": exc.messages}, status=status.HTTP_409_CONFLICT)
    return Response({"detail": "saved"})
