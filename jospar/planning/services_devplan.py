"""Actions on the development plan: one function per user action, each transactional, each asking
permissions.py, each leaving its trace in the audit trail (simple_history; the request middleware
names the user, and `_history_user` names them outside a request).

Structure changes lock the plan row, so two planners moving items at once queue up rather than
collide on the (parent, position) constraints. Numbers are derived from positions, which stay
1, 2, 3 … after every add, move and delete.
"""
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max, ProtectedError, Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from jospar.orgs.permissions import access_of

from .devplan_io import ImportRefused, parse_workbook
from .devplan_io import layout as wb_layout
from .devplan_io.problems import Problems
from .devplan_io.save import save_tree
from .models import (
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
from .selectors_devplan import approved_years

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


def require(user, plan=None):
    """PermissionDenied unless the user may manage this plan (or, with no plan, their body's plans)."""
    if not user.has_perm(PERM, plan) or access_of(user).body_id is None:
        raise PermissionDenied


def _body_id(user) -> int:
    """The body of a user whom ``require`` let through."""
    body_id = access_of(user).body_id
    assert body_id is not None
    return body_id


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


def _saved(obj, user):
    obj._history_user = user
    obj.full_clean()
    obj.save()
    return obj


# --- the plan itself

@transaction.atomic
def create_plan(*, user, data: dict) -> DevelopmentPlan:
    require(user)
    plan = DevelopmentPlan(body_id=_body_id(user), **data)
    return _saved(plan, user)


@transaction.atomic
def update_plan(*, user, plan: DevelopmentPlan, data: dict) -> DevelopmentPlan:
    require(user, plan)
    _lock(plan)
    ensure_open(plan)
    years = list(plan.operational_plans.values_list("year", flat=True))
    outside = [y for y in years if not data["year_from"] <= y <= data["year_to"]]
    if outside:
        raise ValidationError(_("Operational plans for %(years)s are built on this development plan: its years "
                                "must include them.") % {"years": ", ".join(map(str, outside))})
    for key, value in data.items():
        setattr(plan, key, value)
    return _saved(plan, user)


@transaction.atomic
def delete_plan(*, user, plan: DevelopmentPlan) -> None:
    require(user, plan)
    years = list(plan.operational_plans.values_list("year", flat=True))
    if years:
        raise ValidationError(_("This development plan cannot be deleted: the operational plans for %(years)s are "
                                "built on it.") % {"years": ", ".join(map(str, years))})
    plan._history_user = user  # type: ignore[attr-defined]  # read by django-simple-history (no stubs)
    _delete(plan)


# --- directions, macroindicators, goals, target indicators, Section II tasks

@transaction.atomic
def add_node(*, user, kind: str, parent, data: dict, values: dict | None = None):
    spec = KINDS[kind]
    plan = parent if spec.parent == "plan" else plan_of(spec.parent, parent)
    require(user, plan)
    _lock(plan)
    ensure_open(plan)
    last = spec.model.objects.filter(**{spec.parent: parent}).aggregate(m=Max("position"))["m"] or 0
    node = _saved(spec.model(**{spec.parent: parent}, position=last + 1, **data), user)
    if values is not None:
        _set_values(kind, node, values, user)
    return node


@transaction.atomic
def update_node(*, user, kind: str, node, data: dict, values: dict | None = None):
    plan = plan_of(kind, node)
    require(user, plan)
    _lock(plan)
    ensure_open(plan)
    for key, value in data.items():
        setattr(node, key, value)
    _saved(node, user)
    if values is not None:
        _set_values(kind, node, values, user)
    return node


@transaction.atomic
def move_node(*, user, kind: str, node, up: bool):
    """Swap with the neighbour above (or below); at either end nothing changes."""
    plan = plan_of(kind, node)
    require(user, plan)
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
    require(user, plan)
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
            _saved(IndicatorValue(**{field: node}, year=year, value=value), user)
        elif current.value != value:
            current.value = value
            _saved(current, user)


# --- the Excel import

def is_empty(plan: DevelopmentPlan) -> bool:
    return not (plan.directions.exists() or plan.regulation_tasks.exists())


@transaction.atomic
def import_development_plan(*, user, data: bytes):
    """Check the workbook, then save it all (a new edition, or an empty plan of the same first year and
    edition filled in) — or nothing, raising `ImportRefused` with every problem. Returns (plan, created)."""
    require(user)
    parsed = parse_workbook(data)
    header = parsed.header
    body_id = _body_id(user)
    existing = (DevelopmentPlan.objects.select_for_update()
                .filter(body_id=body_id, year_from=header["year_from"], edition=header["edition"]).first())
    if existing is not None:
        _refuse_occupied(existing, parsed, body_id)
        plan = existing
    else:
        plan = DevelopmentPlan(body_id=body_id)
    for key, value in header.items():
        setattr(plan, key, value if value is not None else "")
    try:
        with transaction.atomic():
            _saved(plan, user)
    except ValidationError as exc:
        _refuse_dates(exc, parsed)
        _refuse_occupied(plan, parsed, body_id, force=True)
    except IntegrityError:
        _refuse_occupied(plan, parsed, body_id, force=True)
    save_tree(plan, parsed, user)
    return plan, existing is None


def _refuse_dates(exc: ValidationError, parsed) -> None:
    """Dates that cannot be (signed after its last year, years of another plan): refused at the header's cell."""
    errors = {k: v for k, v in getattr(exc, "message_dict", {}).items() if k in ("signed_on", "year_from")}
    if not errors:
        return
    problems = Problems()
    for name, messages in errors.items():
        sheet, row = parsed.header_cells.get(name, parsed.header_cells["edition"])
        for message in messages:
            problems.add(sheet, row, wb_layout.PLAN_VALUE_COL, message)
    raise ImportRefused(problems.items)


def _refuse_occupied(plan, parsed, body_id, force=False):
    used = list(plan.operational_plans.values_list("year", flat=True)) if plan.pk else []
    if not force and not used and is_empty(plan):
        return
    free = next_edition(DevelopmentPlan(body_id=body_id, year_from=parsed.header["year_from"]))
    sheet, row = parsed.header_cells["edition"]
    problems = Problems()
    if used:
        message = _("Edition %(edition)s of the development plan from %(year)s is already used by the operational "
                    "plans for %(years)s and is never overwritten. To import a new edition, write %(free)s here.")
    else:
        message = _("Edition %(edition)s of the development plan from %(year)s already exists and has content. To "
                    "import a new edition, write %(free)s here (or delete the existing one first).")
    problems.add(sheet, row, wb_layout.PLAN_VALUE_COL, message % {
        "edition": parsed.header["edition"], "year": parsed.header["year_from"], "free": free,
        "years": ", ".join(map(str, used))})
    raise ImportRefused(problems.items)
