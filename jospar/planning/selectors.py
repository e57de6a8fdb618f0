"""Read queries shaped for pages and documents.

`form1_rows` walks a plan version in the order of Form 1 and returns flat rows, with a fixed
number of SQL queries whatever the plan's size (pinned by tests): one per level of the
development plan, one for the events and one for their executors.
"""
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Prefetch

from jospar import rules
from jospar.i18n import current_lang, localized
from jospar.orgs.models import OrgUnit

from .models import (
    EventExecutor,
    EventRevision,
    Goal,
    Macroindicator,
    OperationalPlan,
    PlanVersion,
    RegulationTask,
    StrategicDirection,
    TargetIndicator,
)


@dataclass(slots=True)
class Row:
    """One line of the Form 1 table: a group heading (spans the table) or an event."""

    kind: str  # section | direction | macroindicator | goal | target_indicator | task | event
    label: str
    number: str = ""
    code: str = ""
    executors: str = ""
    deadline: str = ""
    completion: str = ""
    revision_id: int | None = None
    event_id: int | None = None
    cancelled: bool = False


EVENT_FIELDS = (
    "id", "event_id", "macroindicator_id", "target_indicator_id", "regulation_task_id", "position",
    "name_kk", "name_ru", "name_en", "no_funding", "budget_codes", "deadline_kind", "deadline_date",
    "deadline_month", "deadline_quarter", "deadline_day", "completion_form__name_kk",
    "completion_form__name_ru", "completion_form__name_en", "completion_kk", "completion_ru", "is_cancelled",
)


def plan_versions(plan: OperationalPlan) -> list[PlanVersion]:
    """All versions of a plan, oldest first, each pointing at the given plan object (no re-query)."""
    versions = list(plan.versions.select_related("approved_by__person").order_by("number"))
    for version in versions:
        version.plan = plan
    return versions


def pick_version(versions: list[PlanVersion], number: int | None) -> PlanVersion | None:
    """The version a page shows: the asked one, else the latest approved, else the latest draft."""
    if number is not None:
        return next((v for v in versions if v.number == number), None)
    approved = [v for v in versions if v.is_approved]
    return (approved or versions or [None])[-1]


def _executors_by_revision(version: PlanVersion, lang: str) -> dict[int, str]:
    names: dict[int, list[str]] = defaultdict(list)
    rows = (
        EventExecutor.objects.filter(revision__version=version)
        .order_by("revision_id", "-is_lead", "position", "id")
        .values_list("revision_id", "unit__name_kk", "unit__name_ru", "unit__name_en")
    )
    index = {"kk": 1, "ru": 2, "en": 3}[lang]
    for row in rows:
        names[row[0]].append(row[index] or row[2] or row[1])
    return {rid: ", ".join(units) for rid, units in names.items()}


def _event_row(values: dict, number: int, executors: str, lang: str, year: int) -> Row:
    deadline = rules.Deadline(
        kind=rules.DeadlineKind(values["deadline_kind"]),
        date=values["deadline_date"],
        month=values["deadline_month"],
        quarter=values["deadline_quarter"],
        day=values["deadline_day"],
    )
    if values["completion_form__name_ru"]:
        completion = localized(values, "completion_form__name", lang)
    else:
        completion = localized(values, "completion", lang)
    code = rules.NO_FUNDING[lang] if values["no_funding"] else values["budget_codes"]
    return Row(
        kind="event",
        label=localized(values, "name", lang),
        number=str(number),
        code=code,
        executors=executors,
        deadline=deadline.wording(lang, year),
        completion=completion,
        revision_id=values["id"],
        event_id=values["event_id"],
        cancelled=values["is_cancelled"],
    )


def form1_rows(version: PlanVersion, lang: str | None = None) -> list[Row]:
    """Form 1 of a version as flat rows: Section I by direction, Section II by task."""
    lang = lang or current_lang()
    plan = version.plan
    devplan_id = plan.development_plan_id
    labels = rules.edition_by_key(plan.rule_edition).form1
    directions = list(StrategicDirection.objects.filter(plan_id=devplan_id).order_by("position", "id"))
    macros = defaultdict(list)
    for m in Macroindicator.objects.filter(direction__plan_id=devplan_id).order_by("position", "id"):
        macros[m.direction_id].append(m)
    goals = defaultdict(list)
    for g in Goal.objects.filter(direction__plan_id=devplan_id).order_by("position", "id"):
        goals[g.direction_id].append(g)
    indicators = defaultdict(list)
    for t in TargetIndicator.objects.filter(goal__direction__plan_id=devplan_id).order_by("position", "id"):
        indicators[t.goal_id].append(t)
    tasks = list(RegulationTask.objects.filter(plan_id=devplan_id).order_by("position", "id"))

    by_anchor = defaultdict(list)
    for values in version.revisions.order_by("position", "id").values(*EVENT_FIELDS):
        if values["macroindicator_id"]:
            by_anchor[("m", values["macroindicator_id"])].append(values)
        elif values["target_indicator_id"]:
            by_anchor[("t", values["target_indicator_id"])].append(values)
        else:
            by_anchor[("r", values["regulation_task_id"])].append(values)
    executors = _executors_by_revision(version, lang)

    rows: list[Row] = []
    counter = 0

    def add_events(key):
        nonlocal counter
        for values in by_anchor.get(key, ()):
            counter += 1
            rows.append(_event_row(values, counter, executors.get(values["id"], ""), lang, plan.year))

    def fmt(field, n):
        return labels.get(field, lang).format(n=n)

    rows.append(Row("section", labels.get("section1", lang)))
    macro_no = 0
    for d_pos, direction in enumerate(directions, start=1):
        rows.append(Row("direction", localized(direction, "name", lang), fmt("direction", d_pos)))
        for macro in macros[direction.id]:
            macro_no += 1
            rows.append(Row("macroindicator", localized(macro, "name", lang), fmt("macroindicator", macro_no)))
            add_events(("m", macro.id))
        for g_pos, goal in enumerate(goals[direction.id], start=1):
            goal_no = rules.goal_number(d_pos, g_pos)
            rows.append(Row("goal", localized(goal, "name", lang), fmt("goal", goal_no)))
            for t_pos, indicator in enumerate(indicators[goal.id], start=1):
                number = rules.target_indicator_number(d_pos, g_pos, t_pos)
                rows.append(
                    Row("target_indicator", localized(indicator, "name", lang), fmt("target_indicator", number))
                )
                add_events(("t", indicator.id))
    rows.append(Row("section", labels.get("section2", lang)))
    for t_pos, task in enumerate(tasks, start=1):
        rows.append(Row("task", localized(task, "name", lang), str(t_pos)))
        add_events(("r", task.id))
    return rows


def units_of_body(body_id: int):
    return OrgUnit.objects.filter(body_id=body_id, is_active=True).order_by("kind", "position", "id")


def revisions_with_executors(version: PlanVersion):
    return version.revisions.prefetch_related(
        Prefetch("executors", queryset=EventExecutor.objects.select_related("unit"))
    )


def event_count(version: PlanVersion) -> int:
    return EventRevision.objects.filter(version=version, is_cancelled=False).count()
