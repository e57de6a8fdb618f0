"""Reporting periods, units' information, submissions, the Form 2 report and decisions, through the same
selectors and services as the monitoring pages: the same permissions (a unit's people see and write only
their unit's entries; only its head submits), the same states and deadlines, the same messages."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions, status
from rest_framework.response import Response

from jospar.monitoring import selectors, services
from jospar.monitoring.models import Decision, ExecutionEntry, Report, ReportingPeriod, UnitSubmission
from jospar.orgs.models import OrgUnit
from jospar.orgs.permissions import access_of
from jospar.planning import selectors as plan_selectors
from jospar.planning.models import OperationalPlan

from ..base import ApiView
from ..conditional import check_if_match, etag_of_data, idempotent
from ..errors import Conflict, ErrorSerializer
from ..pagination import Pages
from ..query import choice, whole_number
from .serializers import (
    DecisionSerializer,
    EntryPatchSerializer,
    EntrySerializer,
    EntryWriteSerializer,
    PeriodSerializer,
    ReportListSerializer,
    ReportSerializer,
    SubmissionSerializer,
    SubmitSerializer,
)

YEAR = OpenApiParameter("year", int, description="Only this plan year.")
UNIT = OpenApiParameter("unit", str, description="Only this unit's (its id or its code).")


UNKNOWN_PARAMETER = OpenApiResponse(ErrorSerializer, description="A query parameter it does not take.")


def listed(serializer, **more) -> dict:
    """A list's answers: its page, and 400 (a filter that is not valid) and 404 (no such page)."""
    return {200: serializer, **more,
            400: OpenApiResponse(ErrorSerializer, description="A filter is not valid (fields says which)."),
            404: OpenApiResponse(ErrorSerializer, description="No such page of the list, or no such period or "
                                                              "unit in the user's body.")}


class ReportsView(ApiView):
    """Takes only the query parameters its schema states (400 for any other: a misspelt filter would
    otherwise be ignored and answer everything)."""

    known_params: tuple[str, ...] = ()

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        known = {*self.known_params, "format"}
        if getattr(self, "pagination_class", None) is not None and request.method == "GET":
            known |= {"page", Pages.page_size_query_param}
        unknown = sorted(name for name in request.query_params if name not in known)
        if unknown:
            raise exceptions.ValidationError({name: [_unknown_parameter()] for name in unknown})


def _unknown_parameter() -> str:
    from django.utils.translation import gettext

    return gettext("This query parameter is not known here.")


def _plan(request, year: int) -> OperationalPlan:
    """The user's body's plan of the year (404 for another body's or none), readable as the periods page reads."""
    plan = plan_selectors.plan_of_year(access_of(request.user).member_body_id, year)
    if plan is None:
        raise Http404
    if not request.user.has_perm("monitoring.view_period", plan):
        raise PermissionDenied
    return plan


def _period(request, year: int, quarter: int, *, opening: bool = False) -> ReportingPeriod:
    """The quarter of the address. Reads never write (a plan not yet approved has unsaved periods); a write
    opens the periods itself, as the pages' actions do."""
    if not 1 <= quarter <= 4:
        raise Http404
    plan = _plan(request, year)
    if opening:
        return services.open_periods(plan)[quarter - 1]
    return selectors.periods_of(plan)[quarter - 1]


def _period_data(period: ReportingPeriod, report_status: str | None) -> dict:
    from jospar.i18n import current_lang

    return {"year": period.year, "quarter": period.quarter, "label": period.label(current_lang()),
            "start": period.start, "end": period.end, "info_due": period.info_due, "report_due": period.report_due,
            "opened": period.pk is not None, "report_status": report_status or "none"}


def _sees_all_units(request, period) -> bool:
    """The planner and the executive read every unit's information (`monitoring.view_unit_info`); others their
    own units'."""
    return request.user.has_perm("monitoring.view_unit_info", OrgUnit(body_id=period.plan.body_id))


def _unit_filter(request, period) -> OrgUnit | None:
    """?unit=<id or code>: a unit of the body (else 404) the user may read (else 403, as its page)."""
    value = request.query_params.get("unit")
    if not value:
        return None
    match = Q(code=value) | Q(pk=int(value)) if value.isdigit() else Q(code=value)
    unit = OrgUnit.objects.filter(match, body_id=period.plan.body_id).order_by("pk").first()
    if unit is None:
        raise Http404
    if not request.user.has_perm("monitoring.view_unit_info", unit):
        raise PermissionDenied
    return unit


def _refused(error: ValidationError, field_names=()) -> exceptions.APIException:
    """A service's refusal: about fields → 400 with them; about the state (locked, submitted, too early) → 409."""
    if hasattr(error, "error_dict"):
        fields = {("non_field_errors" if k == "__all__" else k): v for k, v in error.message_dict.items()}
        return exceptions.ValidationError(fields)
    return Conflict(" ".join(error.messages))


class PeriodList(ReportsView):
    """The reporting periods (quarters) of the body's plans, with their due dates and the report's state."""

    pagination_class = Pages
    known_params = ("year",)

    @extend_schema(parameters=[YEAR], responses=listed(PeriodSerializer(many=True)))
    def get(self, request):
        year = whole_number(request, "year")
        plans = list(plan_selectors.plans_of(access_of(request.user).member_body_id, year).order_by("-year"))
        if plans and not request.user.has_perm("monitoring.view_period", plans[0]):
            raise PermissionDenied
        stored = {(p.plan_id, p.quarter): p for p in ReportingPeriod.objects.filter(plan__in=plans)}
        reports = dict(Report.objects.filter(period__plan__in=plans).values_list("period_id", "status"))
        rows = []
        for plan in plans:
            for quarter in (1, 2, 3, 4):
                period = stored.get((plan.pk, quarter)) or ReportingPeriod(plan=plan, quarter=quarter)
                period.plan = plan
                rows.append(_period_data(period, reports.get(period.pk)))
        pages = Pages()
        page = pages.paginate_queryset(rows, request, view=self)
        return pages.get_paginated_response(PeriodSerializer(page, many=True).data)


class PeriodDetail(ReportsView):
    """One reporting period: its dates and the state of its report."""

    @extend_schema(responses={200: PeriodSerializer, 400: UNKNOWN_PARAMETER})
    def get(self, request, year: int, quarter: int):
        period = _period(request, year, quarter)
        report = selectors.report_of(period)
        return Response(PeriodSerializer(_period_data(period, report.status if report else None)).data)


def _entries(period):
    return ExecutionEntry.objects.filter(period=period).select_related("unit").order_by("event_id", "occurrence")


def _with_period(entry, period):
    entry.period = period
    return entry


class EntryList(ReportsView):
    """The units' information entries of the period: every unit's for the planner and the executive, the own
    unit's for its people."""

    pagination_class = Pages
    known_params = ("unit",)

    @extend_schema(parameters=[UNIT], responses=listed(EntrySerializer(many=True)))
    def get(self, request, year: int, quarter: int):
        period = _period(request, year, quarter)
        unit = _unit_filter(request, period)
        if period.pk is None:
            entries = ExecutionEntry.objects.none()
        else:
            entries = _entries(period)
            if unit is not None:
                entries = entries.filter(unit=unit)
            elif not _sees_all_units(request, period):
                entries = entries.filter(unit_id__in=list(access_of(request.user).unit_ids))
        pages = Pages()
        page = [_with_period(e, period) for e in pages.paginate_queryset(entries, request, view=self)]
        return pages.get_paginated_response(EntrySerializer(page, many=True).data)

    @extend_schema(request=EntryWriteSerializer, responses={200: EntrySerializer, 201: EntrySerializer},
                   description="Records the execution of one occurrence of an event (create, or update the entry "
                               "of event_id + occurrence): the lead executor's unit staff, head or planner only, "
                               "while the entry is not submitted. 201 when created, 200 when updated.")
    @idempotent
    def post(self, request, year: int, quarter: int):
        body = EntryWriteSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = dict(body.validated_data)
        period = _period(request, year, quarter, opening=True)
        event_id, occurrence = data.pop("event_id"), data.pop("occurrence")
        try:
            services.event_item(period, event_id, occurrence)
        except ValidationError as error:
            raise exceptions.ValidationError({"event_id": error.messages}) from None
        existed = ExecutionEntry.objects.filter(period=period, event_id=event_id, occurrence=occurrence).exists()
        entry = _save(request, period, event_id, occurrence, data)
        url = reverse("api:entry", args=[year, quarter, entry.pk])
        return Response(EntrySerializer(entry).data, status=status.HTTP_200_OK if existed else status.HTTP_201_CREATED,
                        headers={} if existed else {"Location": request.build_absolute_uri(url)})


ENTRY_FIELDS = ("status", "actual_kk", "actual_ru", "reasons_kk", "reasons_ru")  # what a PATCH may change


def _save(request, period, event_id: int, occurrence: int, data: dict) -> ExecutionEntry:
    try:
        entry = services.save_entry(user=request.user, period=period, event_id=event_id, occurrence=occurrence,
                                    **data)
    except ValidationError as error:
        raise _refused(error) from None
    entry = ExecutionEntry.objects.select_related("unit").get(pk=entry.pk)
    return _with_period(entry, period)


class EntryDetail(ReportsView):
    """One entry. A PATCH changes the fields sent, through the same service as the unit's page; send If-Match
    with the ETag you read so that a change made since is not overwritten (412)."""

    def _entry(self, request, year: int, quarter: int, *, lock: bool = False) -> ExecutionEntry:
        period = _period(request, year, quarter)
        if period.pk is None:
            raise Http404
        entries = _entries(period).select_for_update(of=("self",)) if lock else _entries(period)
        entry = get_object_or_404(entries, pk=self.kwargs["entry_id"])
        if not request.user.has_perm("monitoring.view_unit_info", entry.unit):
            raise PermissionDenied
        return _with_period(entry, period)

    @extend_schema(responses={200: EntrySerializer, 400: UNKNOWN_PARAMETER})
    def get(self, request, year: int, quarter: int, entry_id: int):
        return Response(EntrySerializer(self._entry(request, year, quarter)).data)

    @extend_schema(request=EntryPatchSerializer, responses=EntrySerializer,
                   description="Changes the fields sent (the others keep their values), checked as the unit's page "
                               "checks them. Only the lead executor's unit (staff, head) or its planner, only while "
                               "the entry is not submitted (else 409).")
    def patch(self, request, year: int, quarter: int, entry_id: int):
        body = EntryPatchSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        with transaction.atomic():
            entry = self._entry(request, year, quarter, lock=True)
            check_if_match(request, EntrySerializer(entry).data)
            current = {name: getattr(entry, name) for name in ENTRY_FIELDS}
            current.update(body.validated_data)
            saved = _save(request, entry.period, entry.event_id, entry.occurrence, current)
        data = EntrySerializer(saved).data
        return Response(data, headers={"ETag": etag_of_data(data)})  # the tag of its GET, for the next If-Match


class SubmissionList(ReportsView):
    """The units' submissions of the period: every unit's for those who read the report, the own units'
    for their people (as the period's page lists them)."""

    pagination_class = Pages

    @extend_schema(responses=listed(SubmissionSerializer(many=True)))
    def get(self, request, year: int, quarter: int):
        period = _period(request, year, quarter)
        subs = UnitSubmission.objects.none()
        if period.pk is not None:
            subs = UnitSubmission.objects.filter(period=period).select_related("unit").order_by("unit_id")
            if not request.user.has_perm("monitoring.view_report", period):
                subs = subs.filter(unit_id__in=list(access_of(request.user).unit_ids))
        pages = Pages()
        page = pages.paginate_queryset(subs, request, view=self)
        return pages.get_paginated_response(SubmissionSerializer(page, many=True).data)

    @extend_schema(request=SubmitSerializer, responses={201: SubmissionSerializer, 200: SubmissionSerializer},
                   description="The unit head submits the unit's information and answers for it (attest: true). "
                               "It locks the unit's entries. Refused (409) before the quarter's end unless every "
                               "event is executed, when an item has no status yet, when a text lacks Kazakh or "
                               "Russian, or when already submitted. Late is accepted and marked. 201 on the first "
                               "submission, 200 when information returned by the planner is submitted again.")
    @idempotent
    def post(self, request, year: int, quarter: int):
        body = SubmitSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        period = _period(request, year, quarter, opening=True)
        unit = OrgUnit.objects.filter(pk=body.validated_data["unit"], body_id=period.plan.body_id).first()
        if unit is None:
            raise exceptions.ValidationError({"unit": [_no_such_unit()]})
        existed = UnitSubmission.objects.filter(period=period, unit=unit).exists()
        try:
            cms = body.validated_data.get("cms", "")
            submission = services.submit_unit_info(user=request.user, period=period, unit=unit,
                                                   attest=body.validated_data["attest"],
                                                   evidence={"cms": cms} if cms else None)
        except ValidationError as error:
            if not body.validated_data["attest"]:
                raise exceptions.ValidationError({"attest": error.messages}) from None
            raise _refused(error) from None
        submission.unit = unit
        return Response(SubmissionSerializer(submission).data,
                        status=status.HTTP_200_OK if existed else status.HTTP_201_CREATED)


def _no_such_unit() -> str:
    from django.utils.translation import gettext

    return gettext("No such unit in your state body.")


VIEW = OpenApiParameter("view", str, enum=["cumulative", "quarter"],
                        description="cumulative (the official report, from 1 January; the default) or quarter.")


class ReportDetail(ReportsView):
    """Form 2 of the period as data: each row's texts exactly as written in Kazakh and in Russian."""

    known_params = ("view",)

    @extend_schema(parameters=[VIEW], responses={
        200: ReportSerializer, 400: OpenApiResponse(ErrorSerializer, description="view is not valid.")})
    def get(self, request, year: int, quarter: int):
        period = _period(request, year, quarter)
        if not request.user.has_perm("monitoring.view_report", period):
            raise PermissionDenied
        view = request.query_params.get("view", selectors.CUMULATIVE)
        if view not in (selectors.CUMULATIVE, selectors.QUARTER):
            raise exceptions.ValidationError({"view": [_choose_view()]})
        report = selectors.report_of(period)
        version = selectors.report_version(period, report)
        rows = []
        if version is not None:
            kk = selectors.compile_report(period, version, "kk", view=view, report=report, official=True).rows
            ru = selectors.compile_report(period, version, "ru", view=view, report=report, official=True).rows
            rows = [_row(k, r) for k, r in zip(kk, ru, strict=True)]
        texts = {f"{name}_{lang}": getattr(report, f"{name}_{lang}") if report else ""
                 for name in ("general_recommendations", "amendment_proposals") for lang in ("kk", "ru")}
        submitted = report if report is not None and report.is_submitted else None
        return Response(ReportSerializer({
            "year": year, "quarter": quarter, "view": view, "status": report.status if report else "none",
            "version": version.number if version else None,
            "submitted_at": submitted.submitted_at if submitted else None,
            "submitted_on": submitted.submitted_on if submitted else None,
            "is_late": bool(submitted and submitted.is_late), "delay_days": submitted.delay_days if submitted else 0,
            **texts, "rows": rows,
        }).data)


def _choose_view() -> str:
    from django.utils.translation import gettext

    return gettext("Choose cumulative or quarter.")


def _row(kk, ru) -> dict:
    return {"kind": kk.kind, "number": kk.number, "label_kk": kk.label, "label_ru": ru.label,
            "event_id": kk.event_id, "lead_unit": kk.lead_unit_id, "status": kk.status or None,
            "actual_kk": kk.actual, "actual_ru": ru.actual, "reasons_kk": kk.reasons, "reasons_ru": ru.reasons,
            "recommendation_kk": kk.recommendation, "recommendation_ru": ru.recommendation,
            "cancelled": kk.cancelled}


STATUS = OpenApiParameter("status", str, enum=["draft", "submitted"], description="Only reports in this state.")


class ReportList(ReportsView):
    """The reports on implementation of the body's plans (for those who read the report: the planner, the
    executive, viewers, the body's administrator)."""

    pagination_class = Pages
    known_params = ("year", "status")

    @extend_schema(parameters=[YEAR, STATUS], responses=listed(ReportListSerializer(many=True)))
    def get(self, request):
        if not request.user.has_perm("monitoring.view_report"):
            raise PermissionDenied
        reports = (Report.objects.filter(period__plan__body_id=access_of(request.user).member_body_id)
                   .select_related("period__plan", "version").annotate(decision_count=Count("decisions"))
                   .order_by("-period__plan__year", "period__quarter"))
        year = whole_number(request, "year")
        if year is not None:
            reports = reports.filter(period__plan__year=year)
        wanted = choice(request, "status", ("draft", "submitted"))
        if wanted is not None:
            reports = reports.filter(status=wanted)
        pages = Pages()
        page = pages.paginate_queryset(reports, request, view=self)
        return pages.get_paginated_response(ReportListSerializer(page, many=True).data)


class DecisionList(ReportsView):
    """Decisions on the body's reports (§17): all of them for those who read the report; for others those naming
    their unit or them as responsible (as the decisions register shows them)."""

    pagination_class = Pages
    known_params = ("year",)

    @extend_schema(parameters=[YEAR], responses=listed(DecisionSerializer(many=True)))
    def get(self, request):
        access = access_of(request.user)
        decisions = (Decision.objects.filter(report__period__plan__body_id=access.member_body_id)
                     .select_related("report__period__plan", "responsible_unit", "amendment")
                     .prefetch_related("events")
                     .order_by("-report__period__plan__year", "report__period__quarter", "created_at", "id"))
        if not request.user.has_perm("monitoring.view_report"):
            decisions = decisions.assigned_to(request.user.pk, access.unit_ids)
        year = whole_number(request, "year")
        if year is not None:
            decisions = decisions.filter(report__period__plan__year=year)
        pages = Pages()
        page = pages.paginate_queryset(decisions, request, view=self)
        return pages.get_paginated_response(DecisionSerializer(page, many=True).data)
