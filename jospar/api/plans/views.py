"""Operational plans, their versions and events, amendments and comparisons, as data, over the same
services as the pages: the same permissions (a body's plans to its members; changes to its planners),
the same rules, the same refusal to change anything but a draft."""
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions, status
from rest_framework.response import Response

from jospar.i18n import current_lang
from jospar.monitoring.models import Decision
from jospar.orgs.models import OrgUnit
from jospar.orgs.permissions import access_of
from jospar.planning.content import ConflictError
from jospar.planning.drafting import draft
from jospar.planning.models import EventRevision, OperationalPlan, PlanVersion

from ..base import ApiView
from ..conditional import check_if_match, idempotent
from ..errors import Conflict, ErrorSerializer
from ..pagination import Pages
from ..query import choice, refuse, whole_number
from ..schema import ERRORS
from . import data
from .serializers import (
    AmendmentSerializer,
    ComparisonSerializer,
    EventCreateSerializer,
    EventPatchSerializer,
    EventSerializer,
    PlanDetailSerializer,
    PlanSerializer,
    VersionSerializer,
)

STATUSES = PlanVersion.Status.values
EVENT_STATUSES = ("active", "cancelled")


def _plan(request, year: int) -> OperationalPlan:
    """The user's body's plan for the year, as the plan pages find it: another body's plan is not found."""
    plan = get_object_or_404(OperationalPlan.objects.select_related("body", "development_plan"),
                             body_id=access_of(request.user).member_body_id, year=year)
    if not request.user.has_perm("planning.view_plan", plan):
        raise PermissionDenied
    return plan


def _versions(plan: OperationalPlan, **filters) -> list[PlanVersion]:
    versions = list(plan.versions.filter(**filters).annotate(events_count=Count("revisions")).order_by("number"))
    for version in versions:
        version.plan = plan
    return versions


def _version(plan: OperationalPlan, number: int) -> PlanVersion:
    version = get_object_or_404(plan.versions.annotate(events_count=Count("revisions")), number=number)
    version.plan = plan
    return version


def _with_versions(plan: OperationalPlan, versions: list[PlanVersion]) -> OperationalPlan:
    approved = [v.number for v in versions if v.is_approved]
    vars(plan).update(version_list=versions, version_in_force=approved[-1] if approved else None,
                      latest_status=versions[-1].status if versions else PlanVersion.Status.DRAFT)
    return plan


def _listed(serializer) -> dict:
    """A list's answers: its page, a filter or page size refused (400), a page past the end (404)."""
    return {200: serializer(many=True), 400: OpenApiResponse(ErrorSerializer, description=ERRORS[400]),
            404: OpenApiResponse(ErrorSerializer, description="No such page, or no such plan or version in the "
                                                              "user's body.")}


def _paged(view, request, items, serializer):
    pages = view.pagination_class()
    page = pages.paginate_queryset(items, request, view=view)
    return pages.get_paginated_response(serializer(page, many=True).data)


YEAR = OpenApiParameter("year", OpenApiTypes.INT, description="Only the plan of this year.")
PLAN_STATUS = OpenApiParameter("status", OpenApiTypes.STR, enum=STATUSES,
                               description="Only plans whose latest version has this status.")


class PlanList(ApiView):
    """The operational plans of the user's body, latest year first, each with its versions."""
    pagination_class = Pages  # the schema states the pages too

    @extend_schema(parameters=[YEAR, PLAN_STATUS], responses=_listed(PlanSerializer))
    def get(self, request):
        year = whole_number(request, "year")
        wanted = choice(request, "status", STATUSES)
        plans = OperationalPlan.objects.filter(body_id=access_of(request.user).member_body_id).select_related(
            "body").order_by("-year")
        if year is not None:
            plans = plans.filter(year=year)
        found = list(plans)
        by_plan: dict[int, list[PlanVersion]] = {}
        for version in PlanVersion.objects.filter(plan__in=found).order_by("plan_id", "number"):
            by_plan.setdefault(version.plan_id, []).append(version)
        found = [_with_versions(plan, by_plan.get(plan.pk, [])) for plan in found]
        if wanted:
            found = [plan for plan in found if plan.latest_status == wanted]
        return _paged(self, request, found, PlanSerializer)


class PlanDetail(ApiView):
    """One operational plan of the user's body, with every version in full."""

    @extend_schema(responses=PlanDetailSerializer)
    def get(self, request, year: int):
        plan = _plan(request, year)
        return Response(PlanDetailSerializer(_with_versions(plan, _versions(plan))).data)


class VersionList(ApiView):
    """The versions of a plan, oldest first: the first one, then its amendments."""
    pagination_class = Pages  # the schema states the pages too

    @extend_schema(responses=_listed(VersionSerializer))
    def get(self, request, year: int):
        return _paged(self, request, _versions(_plan(request, year)), VersionSerializer)


class VersionDetail(ApiView):
    """One version of a plan."""

    @extend_schema(responses=VersionSerializer)
    def get(self, request, year: int, number: int):
        return Response(VersionSerializer(_version(_plan(request, year), number)).data)


def _decisions(versions: list[PlanVersion]) -> dict[int, dict]:
    rows = Decision.objects.filter(amendment__in=versions).select_related("report__period__plan")
    return {d.amendment_id: {"id": d.pk, "year": d.report.period.plan.year, "quarter": d.report.period.quarter,
                             "text_kk": d.text_kk, "text_ru": d.text_ru, "requests_amendment": d.requests_amendment}
            for d in rows}


class AmendmentList(ApiView):
    """The amendments of a plan (its versions after the first), oldest first: the basis of each (a decision
    on the monitoring, or an amendment of the development plan with its document), the decision it follows,
    and its state (draft, sent for approval, approved)."""
    pagination_class = Pages  # the schema states the pages too

    @extend_schema(responses=_listed(AmendmentSerializer))
    def get(self, request, year: int):
        versions = _versions(_plan(request, year), number__gt=1)
        decisions = _decisions(versions)
        for version in versions:
            vars(version).update(decision_data=decisions.get(version.pk), amends=version.number - 1)
        return _paged(self, request, versions, AmendmentSerializer)


UNIT = OpenApiParameter("unit", OpenApiTypes.STR, description="Only the events this unit executes (lead or "
                                                                  "co-executor): its id or its code.")
EVENT_STATUS = OpenApiParameter("status", OpenApiTypes.STR, enum=list(EVENT_STATUSES),
                                description="Only active or only cancelled events.")


def _unit(request, plan: OperationalPlan) -> int | None:
    raw = request.query_params.get("unit", "").strip()
    if not raw:
        return None
    match = Q(code=raw) | (Q(pk=int(raw)) if raw.isascii() and raw.isdigit() and len(raw) < 10 else Q())
    found = OrgUnit.objects.filter(match, body_id=plan.body_id).values_list("pk", flat=True).first()
    if found is None:
        raise refuse("unit", _("The body has no unit with this id or code."))
    return found


def _event_url(year: int, revision_id: int) -> str:
    return reverse("api:event", args=[year, revision_id])


class VersionEventList(ApiView):
    """The events of a version in Form 1's order, as data."""
    pagination_class = Pages  # the schema states the pages too

    @extend_schema(parameters=[UNIT, EVENT_STATUS], responses=_listed(EventSerializer))
    def get(self, request, year: int, number: int):
        plan = _plan(request, year)
        unit = _unit(request, plan)
        wanted = choice(request, "status", EVENT_STATUSES)
        events = data.version_events(_version(plan, number), current_lang())
        if unit is not None:
            events = [e for e in events if any(x["unit_id"] == unit for x in e["executors"])]
        if wanted:
            events = [e for e in events if e["status"] == wanted]
        return _paged(self, request, events, EventSerializer)

    @extend_schema(request=EventCreateSerializer, responses={201: EventSerializer},
                   description="Adds an event to the draft, checked as the plan page checks a new event. Only "
                               "planners, only while the version is a draft (else 409, code conflict). Send an "
                               "Idempotency-Key to retry safely.")
    @idempotent
    def post(self, request, year: int, number: int):
        plan = _plan(request, year)
        version = _version(plan, number)
        _check_draft(request.user, version)
        body = EventCreateSerializer(data=request.data, plan=plan, version=version)
        body.is_valid(raise_exception=True)
        try:
            saved = draft.add_event(user=request.user, version=version, data=body.event_data)
        except ValidationError as exc:
            _refuse(exc)
        revision = _loaded(saved.pk, version)
        return Response(EventSerializer(data.one_event(revision, current_lang())).data, status=status.HTTP_201_CREATED,
                        headers={"Location": _event_url(year, saved.pk)})


def _check_draft(user, version: PlanVersion) -> None:
    """Who and when, before what: a planner (403 otherwise), a draft (409 otherwise)."""
    try:
        draft.check_draft(user, version)
    except ValidationError as exc:
        raise Conflict(" ".join(exc.messages)) from None


def _refuse(exc: ValidationError):
    if hasattr(exc, "error_dict"):
        raise exceptions.ValidationError(exc.message_dict) from None
    raise Conflict(" ".join(exc.messages)) from None


def _loaded(revision_id: int, version: PlanVersion) -> EventRevision:
    revision = EventRevision.objects.select_related("completion_form").get(pk=revision_id)
    revision.version = version
    return revision


class EventDetail(ApiView):
    """One event of a version, as data, with the lock_version a change must send."""

    def _revision(self, request, year: int, revision_id: int) -> EventRevision:
        plan = _plan(request, year)
        revisions = EventRevision.objects.select_related("version", "completion_form")
        revision = get_object_or_404(revisions, version__plan=plan, pk=revision_id)
        revision.version.plan = plan
        return revision

    @extend_schema(responses=EventSerializer)
    def get(self, request, year: int, revision_id: int):
        return Response(EventSerializer(data.one_event(self._revision(request, year, revision_id),
                                                       current_lang())).data)

    @extend_schema(request=EventPatchSerializer, responses=EventSerializer,
                   description="Changes the fields sent (the others keep their values) of an event of the draft, "
                               "checked as the plan page checks them. Only planners, only while the version is a "
                               "draft (else 409, code conflict). lock_version (409, code stale) and If-Match "
                               "(412) refuse a change to an event someone else changed since it was read.")
    def patch(self, request, year: int, revision_id: int):
        revision = self._revision(request, year, revision_id)
        _check_draft(request.user, revision.version)
        if request.META.get("HTTP_IF_MATCH"):  # the event as its GET answers it, only when asked
            check_if_match(request, EventSerializer(data.one_event(revision, current_lang())).data)
        executors = sorted(revision.executors.select_related("unit"), key=lambda e: (not e.is_lead, e.position))
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
            _refuse(exc)
        saved.version = revision.version  # with its plan; the completion form is the one the change set
        return Response(EventSerializer(data.one_event(saved, current_lang())).data)


AGAINST = OpenApiParameter("against", OpenApiTypes.INT, description="The version to compare against; by default "
                                                                    "the one before.")


class VersionChanges(ApiView):
    """What a version changes against another (by default the one before it), event by event, as the plan's
    comparison page shows it: events added, cancelled (with the reason), restored, changed (each changed
    field with its value before and after) and removed."""

    @extend_schema(parameters=[AGAINST], responses={
        200: ComparisonSerializer, 400: OpenApiResponse(ErrorSerializer, description=ERRORS[400])})
    def get(self, request, year: int, number: int):
        plan = _plan(request, year)
        new = _version(plan, number)
        against = whole_number(request, "against")
        against = number - 1 if against is None else against
        old = plan.versions.filter(number=against).first()
        if old is None or against == number:
            raise refuse("against", _("Name another version of this plan."))
        old.plan = plan
        differences = data.compare(old, new, current_lang())
        counts = {kind: sum(1 for d in differences if d["kind"] == kind)
                  for kind in ("added", "cancelled", "restored", "changed", "removed")}
        return Response(ComparisonSerializer({"number": number, "against": against, "counts": counts,
                                              "differences": differences}).data)


def _stale_message() -> str:
    return _("Someone else saved this event since you read it: read it again and apply your change to its "
             "current values.")
