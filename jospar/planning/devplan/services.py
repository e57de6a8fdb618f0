"""Actions on the development plan: one function per user action, each transactional, each asking
permissions.py, each leaving its trace in the audit trail (simple_history; the request middleware
names the user, and `_history_user` names them outside a request).

Structure changes lock the plan row, so two planners moving items at once queue up rather than
collide on the (parent, position) constraints. Numbers are derived from positions, which stay
1, 2, 3 … after every add, move and delete.
"""
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, ProtectedError, Q
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from jospar.orgs.permissions import access_of, require
from jospar.planning.devplan.selectors import approved_years
from jospar.planning.models import (
    DevelopmentPlan,
    EventRevision,
    Goal,
    IndicatorValue,
    Macroindicator,
    Proposal,
    RegulationTask,
    StrategicDirection,
    TargetIndicator,
)

PERM = "planning.manage_development_plan"


@dataclass(frozen=True)
class Kind:
    model: type[Any]  # a model class; its own `objects` manager is used
    parent: str  # the field naming the parent
    plan_path: str  # from the item to its development plan
    anchored: tuple  # EventRevision lookups that reach this item


KINDS = {
    "direction": Kind(StrategicDirection, "plan", "plan",
                      ("macroindicator__direction", "target_indicator__goal__direction")),
    "macroindicator": Kind(Macroindicator, "direction", "direction__plan", ("macroindicator",)),
    "goal": Kind(Goal, "direction", "direction__plan", ("target_indicator__goal",)),
    "indicator": Kind(TargetIndicator, "goal", "goal__direction__plan", ("target_indicator",)),
    "task": Kind(RegulationTask, "plan", "plan", ("regulation_task",)),
}
INDICATOR_KINDS = {"macroindicator": "macroindicator", "indicator": "target_indicator"}


def member_body_id(user) -> int:
    """The body of a user whom `require` let through."""
    body_id = access_of(user).member_body_id
    assert body_id is not None
    return body_id


def plan_for(user, pk) -> DevelopmentPlan:
    """The development plan `pk` of the user's body, or 404; the user must be allowed to manage it."""
    require(user, PERM, in_body=True)
    plan = get_object_or_404(DevelopmentPlan, pk=pk, body_id=member_body_id(user))
    require(user, PERM, plan, in_body=True)
    return plan


def next_edition(plan: DevelopmentPlan) -> int:
    taken = DevelopmentPlan.objects.filter(body_id=plan.body_id, year_from=plan.year_from)
    return (taken.aggregate(m=Max("edition"))["m"] or 0) + 1


def ensure_open(plan: DevelopmentPlan) -> None:
    """An edition an approved operational plan stands on stays as it was signed: a renamed, moved,
    added or deleted item would change the approved Form 1 (its headings and their numbers)."""
    years = approved_years(plan)
    if years:
        raise ValidationError(_(
            "Edition %(edition)s of the development plan is the basis of the approved operational plan for "
            "%(years)s and stays as it was signed. Enter the changes as a new edition: download this one as an "
            "Excel workbook, change it and import it as edition %(next)s.") % {
                "edition": plan.edition, "years": ", ".join(map(str, years)), "next": next_edition(plan)})


def plan_of(kind: str, node) -> DevelopmentPlan:
    target = node
    for part in KINDS[kind].plan_path.split("__"):
        target = getattr(target, part)
    return target


def _lock(plan: DevelopmentPlan) -> None:
    DevelopmentPlan.objects.select_for_update().filter(pk=plan.pk).first()


def saved(obj, user):
    obj._history_user = user
    obj.full_clean()
    obj.save()
    return obj


# --- the plan itself

@transaction.atomic
def create_plan(*, user, data: dict) -> DevelopmentPlan:
    require(user, PERM, in_body=True)
    plan = DevelopmentPlan(body_id=member_body_id(user), **data)
    return saved(plan, user)


@transaction.atomic
def update_plan(*, user, plan: DevelopmentPlan, data: dict) -> DevelopmentPlan:
    require(user, PERM, plan, in_body=True)
    _lock(plan)
    ensure_open(plan)
    years = list(plan.operational_plans.values_list("year", flat=True))
    outside = [y for y in years if not data["year_from"] <= y <= data["year_to"]]
    if outside:
        raise ValidationError(_("Operational plans for %(years)s are built on this development plan: its years "
                                "must include them.") % {"years": ", ".join(map(str, outside))})
    for key, value in data.items():
        setattr(plan, key, value)
    return saved(plan, user)


@transaction.atomic
def delete_plan(*, user, plan: DevelopmentPlan) -> None:
    require(user, PERM, plan, in_body=True)
    years = list(plan.operational_plans.values_list("year", flat=True))
    if years:
        raise ValidationError(_("This development plan cannot be deleted: the operational plans for %(years)s are "
                                "built on it.") % {"years": ", ".join(map(str, years))})
    plan._history_user = user  # type: ignore[attr-defined]  # read by django-simple-history (no stubs)
    _delete(plan)


# --- an indicator's responsible unit and kind (not in Form 1: they may change on an approved edition too)

@transaction.atomic
def set_indicator_roles(*, user, kind: str, node, responsible_unit_id: int | None, polarity: str,
                        accumulation: str):
    """Who reports an indicator's actual values, and how they are read (jospar.rules.indicators). Neither
    reaches Form 1, so an edition an approved plan stands on takes them too."""
    from jospar.orgs.models import OrgUnit
    from jospar.rules.indicators import Accumulation, Polarity

    if kind not in INDICATOR_KINDS:
        raise ValidationError(_("Only macroindicators and target indicators have a responsible unit."))
    plan = plan_of(kind, node)
    require(user, PERM, plan, in_body=True)
    errors = {}
    if responsible_unit_id is not None and not OrgUnit.objects.filter(pk=responsible_unit_id,
                                                                      body_id=plan.body_id).exists():
        errors["responsible_unit"] = [_("Choose a unit of this state body.")]
    if polarity not in {p.value for p in Polarity}:
        errors["polarity"] = [_("Choose which way is better.")]
    if accumulation not in {a.value for a in Accumulation}:
        errors["accumulation"] = [_("Choose how the values count.")]
    if errors:
        raise ValidationError(errors)
    node.responsible_unit_id, node.polarity, node.accumulation = responsible_unit_id, polarity, accumulation
    node._history_user = user
    node.save(update_fields=["responsible_unit", "polarity", "accumulation"])
    return node


# --- directions, macroindicators, goals, target indicators, Section II tasks

@transaction.atomic
def add_node(*, user, kind: str, parent, data: dict, values: dict | None = None):
    spec = KINDS[kind]
    plan = parent if spec.parent == "plan" else plan_of(spec.parent, parent)
    require(user, PERM, plan, in_body=True)
    _lock(plan)
    ensure_open(plan)
    last = spec.model.objects.filter(**{spec.parent: parent}).aggregate(m=Max("position"))["m"] or 0
    node = saved(spec.model(**{spec.parent: parent}, position=last + 1, **data), user)
    if values is not None:
        _set_values(kind, node, values, user)
    return node


@transaction.atomic
def update_node(*, user, kind: str, node, data: dict, values: dict | None = None):
    plan = plan_of(kind, node)
    require(user, PERM, plan, in_body=True)
    _lock(plan)
    ensure_open(plan)
    for key, value in data.items():
        setattr(node, key, value)
    saved(node, user)
    if values is not None:
        _set_values(kind, node, values, user)
    return node


@transaction.atomic
def move_node(*, user, kind: str, node, up: bool):
    """Swap with the neighbour above (or below); at either end nothing changes."""
    plan = plan_of(kind, node)
    require(user, PERM, plan, in_body=True)
    _lock(plan)
    ensure_open(plan)
    spec = KINDS[kind]
    siblings = spec.model.objects.filter(**{spec.parent: getattr(node, f"{spec.parent}_id")})
    neighbour = (siblings.filter(position__lt=node.position).order_by("-position") if up
                 else siblings.filter(position__gt=node.position).order_by("position")).first()
    if neighbour is None:
        return node
    node.refresh_from_db(fields=["position"])
    mine, theirs = node.position, neighbour.position
    parking = (siblings.aggregate(m=Max("position"))["m"] or 0) + 1
    for obj, position in ((node, parking), (neighbour, mine), (node, theirs)):
        obj.position = position
        obj._history_user = user
        obj.save(update_fields=["position"])
    return node


@transaction.atomic
def delete_node(*, user, kind: str, node) -> None:
    """Refused with a clear message when an operational plan's event is anchored to it or below it."""
    plan = plan_of(kind, node)
    require(user, PERM, plan, in_body=True)
    _lock(plan)
    ensure_open(plan)
    spec = KINDS[kind]
    query = Q()
    for lookup in spec.anchored:
        query |= Q(**{lookup: node})
    revisions = EventRevision.objects.filter(query)
    proposals = Proposal.objects.filter(query)
    count = revisions.count() + proposals.count()
    if count:
        years = sorted(set(revisions.values_list("version__plan__year", flat=True))
                       | set(proposals.values_list("plan__year", flat=True)))
        raise ValidationError(ngettext(
            "«%(name)s» cannot be deleted: %(count)s event or proposal of the operational plan for %(years)s is "
            "anchored to it (or to what it contains). Anchor it elsewhere or remove it first.",
            "«%(name)s» cannot be deleted: %(count)s events and proposals of the operational plans for %(years)s "
            "are anchored to it (or to what it contains). Anchor them elsewhere or remove them first.",
            count) % {"name": _short(node), "count": count, "years": ", ".join(map(str, years))})
    node.refresh_from_db(fields=["position"])  # read under the lock: a move may have come first
    parent_id, position = getattr(node, f"{spec.parent}_id"), node.position
    node._history_user = user
    _delete(node)
    for sibling in spec.model.objects.filter(**{spec.parent: parent_id, "position__gt": position}).order_by(
        "position"
    ):
        sibling.position -= 1
        sibling._history_user = user
        sibling.save(update_fields=["position"])


def _delete(obj):
    try:
        with transaction.atomic():
            obj.delete()
    except ProtectedError as error:
        raise ValidationError(_("«%(name)s» cannot be deleted: %(count)s other records refer to it.")
                              % {"name": _short(obj), "count": len(error.protected_objects)}) from error


def _short(obj, limit: int = 80) -> str:
    text = str(obj)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _set_values(kind: str, node, values: dict, user) -> None:
    """Planned values by year: a number sets it, None removes it."""
    field = INDICATOR_KINDS[kind]
    existing = {v.year: v for v in IndicatorValue.objects.filter(**{field: node})}
    for year, value in values.items():
        current = existing.get(year)
        if value is None:
            if current is not None:
                current._history_user = user  # type: ignore[attr-defined]  # read by django-simple-history
                current.delete()
        elif current is None:
            saved(IndicatorValue(**{field: node}, year=year, value=value), user)
        elif current.value != value:
            current.value = value
            saved(current, user)


# --- the Excel import

def is_empty(plan: DevelopmentPlan) -> bool:
    return not (plan.directions.exists() or plan.regulation_tasks.exists())


