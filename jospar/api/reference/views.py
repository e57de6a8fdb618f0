"""Reference data: state bodies, their units, development plans with their tree.

Who reads what is what the pages let them read:
- bodies: a member reads their own body; the national planning authority's reader (`national.view`)
  reads every body, as on the national view; anyone else none;
- units: the units of the caller's own body (every member: Form 1 names them as executors);
- development plans: the planner and the body administrator of the body, as the development plan
  pages (`planning.manage_development_plan`); others are refused (403).
"""
from collections import defaultdict

from django.db.models import Q
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions, generics, serializers
from rest_framework.response import Response

from jospar.i18n import current_lang
from jospar.orgs.models import BodyKind, OrgUnit, Region, StateBody
from jospar.orgs.permissions import access_of, require
from jospar.planning.devplan import services as devplan
from jospar.planning.devplan.selectors import form_tree, labels_for
from jospar.planning.models import DevelopmentPlan, IndicatorValue, PlanVersion

from ..base import ApiView
from ..errors import ErrorSerializer
from .serializers import BodySerializer, DevelopmentPlanSerializer, EditionSerializer, UnitSerializer

BAD_QUERY = {
    400: OpenApiResponse(ErrorSerializer, description="A filter has a value it does not take (fields says which)."),
    404: OpenApiResponse(ErrorSerializer, description="No such page of the list."),
}


class Filters(serializers.Serializer):
    """A list's query parameters, checked: a value a filter does not take is a 400 naming it (the page and its
    size are checked by Pages)."""

    def __init__(self, request):
        super().__init__(data={name: request.query_params[name] for name in request.query_params
                               if name in self._declared_fields})

    def values(self) -> dict:
        if not self.is_valid():
            raise exceptions.ValidationError(self.errors)
        return dict(self.validated_data)


class Strict(serializers.ChoiceField):
    """A query value out of a fixed list."""

    def __init__(self, choices, **kwargs):
        super().__init__(choices=choices, required=False, **kwargs)


def query_parameter(name: str, choices, description: str) -> OpenApiParameter:
    return OpenApiParameter(name, str, OpenApiParameter.QUERY, required=False, enum=list(choices),
                            description=description)


class ReferenceList(ApiView, generics.ListAPIView):
    """A list in pages (see pagination.Pages) with its filters checked."""

    filters: type[Filters] = Filters

    def filter_values(self) -> dict:
        return self.filters(self.request).values()


# --- state bodies


def visible_bodies(user):
    if user.has_perm("national.view"):
        return StateBody.objects.all()
    return StateBody.objects.filter(pk=access_of(user).member_body_id)  # none for None


class BodyFilters(Filters):
    kind = Strict(BodyKind.values)
    region = Strict(Region.values)


@extend_schema(parameters=[
    query_parameter("kind", BodyKind.values, "Only bodies of this kind."),
    query_parameter("region", Region.values, "Only bodies of this region."),
], responses={200: BodySerializer(many=True), **BAD_QUERY})
class BodyList(ReferenceList):
    """The caller's state body; for the national planning authority's reader, every state body."""

    serializer_class = BodySerializer
    filters = BodyFilters

    def get_queryset(self):
        return visible_bodies(self.request.user).filter(**self.filter_values()).select_related("parent").order_by(
            "code")


class BodyDetail(ApiView):
    """One state body by its code: the caller's own (or any, for the national reader)."""

    @extend_schema(responses=BodySerializer)
    def get(self, request, code: str):
        body = get_object_or_404(visible_bodies(request.user).select_related("parent"), code=code)
        return Response(BodySerializer(body).data)


# --- units


def own_units(user):
    return OrgUnit.objects.filter(body_id=access_of(user).member_body_id).select_related("body")


class UnitFilters(Filters):
    active = Strict(["true", "false"])
    kind = Strict(OrgUnit.Kind.values)
    is_planning = Strict(["true", "false"])


@extend_schema(parameters=[
    query_parameter("active", ["true", "false"], "Only active (true) or only inactive (false) units."),
    query_parameter("kind", OrgUnit.Kind.values, "unit: structural units; subordinate: subordinate organisations."),
    query_parameter("is_planning", ["true", "false"], "true: only the unit responsible for planning and monitoring."),
], responses={200: UnitSerializer(many=True), **BAD_QUERY})
class UnitList(ReferenceList):
    """The units and subordinate organisations of the caller's state body, structural units first, in the
    body's order."""

    serializer_class = UnitSerializer
    filters = UnitFilters

    def get_queryset(self):
        found = self.filter_values()
        units = own_units(self.request.user)
        if "active" in found:
            units = units.filter(is_active=found["active"] == "true")
        if "kind" in found:
            units = units.filter(kind=found["kind"])
        if "is_planning" in found:
            units = units.filter(is_planning=found["is_planning"] == "true")
        return units.order_by("-kind", "position", "id")


class UnitDetail(ApiView):
    """One unit of the caller's state body, by its id."""

    @extend_schema(responses=UnitSerializer)
    def get(self, request, unit_id: int):
        return Response(UnitSerializer(get_object_or_404(own_units(request.user), pk=unit_id)).data)


# --- development plans


def approved_years_of(plan_ids) -> dict[int, list[int]]:
    """{edition id: the years whose approved version stands on it} for the editions given: one query.
    A version names its edition, or (older versions) follows its plan's (selectors.approved_years)."""
    found = defaultdict(set)
    rows = PlanVersion.objects.filter(status=PlanVersion.Status.APPROVED).filter(
        Q(development_plan_id__in=plan_ids) | Q(development_plan__isnull=True, plan__development_plan_id__in=plan_ids)
    ).values_list("development_plan_id", "plan__development_plan_id", "plan__year")
    for own, of_plan, year in rows:
        found[own or of_plan].add(year)
    return {pk: sorted(years) for pk, years in found.items()}


def editions_of(user):
    require(user, devplan.PERM, in_body=True)  # the development plan pages' rule
    return DevelopmentPlan.objects.filter(body_id=access_of(user).member_body_id).select_related(
        "body").prefetch_related("operational_plans")


class YearFilters(Filters):
    year = serializers.IntegerField(required=False, min_value=1900, max_value=2999)


@extend_schema(parameters=[
    OpenApiParameter("year", int, OpenApiParameter.QUERY, required=False,
                     description="Only editions covering this year (year_from ≤ year ≤ year_to)."),
], responses={200: EditionSerializer(many=True), **BAD_QUERY})
class DevelopmentPlanList(ReferenceList):
    """The development plan editions of the caller's state body, the latest years and edition first, without
    their tree. For the planner and the body administrator, as the development plan pages."""

    serializer_class = EditionSerializer
    filters = YearFilters

    def get_queryset(self):
        plans = editions_of(self.request.user)
        year = self.filter_values().get("year")
        if year is not None:
            plans = plans.filter(year_from__lte=year, year_to__gte=year)
        return plans.order_by("-year_from", "-edition", "id")

    def get_serializer(self, *args, **kwargs):
        plans = args[0] if args else []
        kwargs["context"] = {**self.get_serializer_context(),
                             "approved_years": approved_years_of([plan.pk for plan in plans])}
        return self.serializer_class(*args, **kwargs)


def submitted_actuals(plan: DevelopmentPlan) -> defaultdict[tuple, list]:
    """The edition's indicators' actual values whose unit's information is submitted, by anchor: one query."""
    from django.db.models import Exists, OuterRef

    from jospar.monitoring.models import IndicatorActual, UnitSubmission

    submitted = UnitSubmission.objects.filter(period_id=OuterRef("period_id"), unit_id=OuterRef("unit_id"),
                                              status="submitted")
    found: defaultdict[tuple, list] = defaultdict(list)
    for macro_id, target_id, year, quarter, final, value in (
        IndicatorActual.objects.filter(Q(macroindicator__direction__plan=plan)
                                       | Q(target_indicator__goal__direction__plan=plan))
        .filter(Exists(submitted)).order_by("period__plan__year", "period__quarter", "is_final", "id")
        .values_list("macroindicator_id", "target_indicator_id", "period__plan__year", "period__quarter",
                     "is_final", "value")
    ):
        found[("m", macro_id) if macro_id else ("t", target_id)].append(
            {"year": year, "quarter": quarter, "final": final, "value": value})
    return found


def tree_of(plan: DevelopmentPlan, lang: str) -> dict:
    """The edition's headings as Form 1 walks them (form_tree: its numbers and official headings in `lang`),
    with every indicator's planned values: six queries whatever the size."""
    form = form_tree(plan.pk, labels_for(plan), lang)
    values: defaultdict[tuple, list] = defaultdict(list)
    for macro_id, target_id, year, value in IndicatorValue.objects.filter(
        Q(macroindicator__direction__plan=plan) | Q(target_indicator__goal__direction__plan=plan)
    ).order_by("year").values_list("macroindicator_id", "target_indicator_id", "year", "value"):
        values[("m", macro_id) if macro_id else ("t", target_id)].append({"year": year, "value": value})
    actuals = submitted_actuals(plan)

    def row(heading, **more) -> dict:
        obj = heading.obj
        return {"id": obj.pk, "number": heading.number, "heading": heading.label, "position": obj.position,
                "name_kk": obj.name_kk, "name_ru": obj.name_ru, "name_en": obj.name_en, **more}

    def anchor(heading, **more) -> dict:
        return row(heading, anchor=heading.anchor_key, anchor_code=heading.code, code=heading.obj.code, **more)

    def indicator(heading) -> dict:
        obj = heading.obj
        return anchor(heading, unit_kk=obj.unit_kk, unit_ru=obj.unit_ru, unit_en=obj.unit_en, baseline=obj.baseline,
                      values=values[heading.anchor], responsible_unit=obj.responsible_unit_id, polarity=obj.polarity,
                      accumulation=obj.accumulation, actuals=actuals[heading.anchor])

    directions = [
        row(d, macroindicators=[indicator(m) for m in d.of_kind("macroindicator")],
            goals=[row(g, code=g.obj.code, target_indicators=[indicator(t) for t in g.children])
                   for g in d.of_kind("goal")])
        for d in form.directions
    ]
    return {"section1": form.section1, "section2": form.section2, "directions": directions,
            "tasks": [anchor(task) for task in form.tasks]}


class DevelopmentPlanDetail(ApiView):
    """One development plan edition with its whole tree, numbered as Form 1 numbers it."""

    @extend_schema(responses=DevelopmentPlanSerializer)
    def get(self, request, pk: int):
        plan = get_object_or_404(editions_of(request.user), pk=pk)
        context = {"approved_years": approved_years_of([plan.pk]), "tree": tree_of(plan, current_lang())}
        return Response(DevelopmentPlanSerializer(plan, context=context).data)

