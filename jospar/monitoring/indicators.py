"""Target indicators and macroindicators, planned against actual: what the report page, the executive's home
and the unit's work list read. Each selector costs a fixed number of queries whatever the plan's size.

`indicator_table` — per plan year and period: the development plan's directions, their macroindicators, the
goals with their target indicators; for each indicator the planned value per year, the actual values (the
final value for a finished year, else the latest quarter's, as the responsible units submitted them), the
achievement and status (`jospar.rules.indicators`, thresholds of the plan's edition of the Rules), and the
events anchored to it in the version in force with how many are executed.

`unit_indicators` — the indicators a unit answers for, with its values of the period (the work list's
section «Target indicators»); `indicators_missing` — those still without a value when the head submits.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from django.db.models import Exists, OuterRef, Q

from jospar import rules
from jospar.i18n import localized
from jospar.orgs.models import OrgUnit
from jospar.planning.devplan.selectors import answers_for_indicators, form_tree, planned_values
from jospar.planning.models import Macroindicator, PlanVersion, TargetIndicator
from jospar.rules.indicators import Accumulation, Achievement, IndicatorStatus, Polarity, Thresholds, achievement

from .models import EntryState, ExecutionEntry, IndicatorActual, ReportingPeriod, SubmissionStatus, UnitSubmission
from .walk import EventInfo, Occurrences, PlanWalk, cumulative_items, event_infos

STATUSES = tuple(IndicatorStatus)


@dataclass
class YearPoint:
    """One year of the development plan on an indicator's chart."""

    year: int
    planned: Decimal | None
    actual: Decimal | None = None
    is_final: bool = False  # the actual is the year's final value (else the latest quarter's, or none)
    quarter: int | None = None  # the quarter of a non-final actual
    status: IndicatorStatus = IndicatorStatus.NO_VALUE


@dataclass
class IndicatorRow:
    """One macroindicator or target indicator in the period's year."""

    key: str  # "m:12" (macroindicator) or "t:34" (target indicator), as the work list and its workbook name it
    kind: str  # "macroindicator" | "target_indicator"
    indicator: Macroindicator | TargetIndicator
    number: str  # as the annex numbers it: a macroindicator within its direction, a target indicator within its goal
    label: str  # the official heading: «1-макроиндикатор», «Целевой индикатор 1»
    name: str
    unit_of_measure: str
    responsible_unit: OrgUnit | None
    polarity: Polarity
    accumulation: Accumulation
    baseline: Decimal | None
    planned: Decimal | None  # the year's planned value
    actual: IndicatorActual | None  # what the status reads: the final value when there is one, else the period's
    achievement: Achievement
    years: list[YearPoint] = field(default_factory=list)  # every year of the development plan, in order
    events: list[EventInfo] = field(default_factory=list)  # anchored to it in the version (cancelled left out)
    events_executed: int = 0  # of ``events``: every occurrence due by the period's end executed

    @property
    def status(self) -> IndicatorStatus:
        return self.achievement.status

    @property
    def events_total(self) -> int:
        return len(self.events)

    @property
    def all_events_executed(self) -> bool:
        return bool(self.events) and self.events_executed == len(self.events)

    @property
    def needs_other_events(self) -> bool:
        """Not achieved or at risk though every event is executed: the plan needs other events (§10, §16)."""
        return self.all_events_executed and self.status in (IndicatorStatus.NOT_ACHIEVED, IndicatorStatus.AT_RISK)


@dataclass
class GoalRow:
    goal: object
    number: str
    label: str
    name: str
    indicators: list[IndicatorRow] = field(default_factory=list)


@dataclass
class DirectionRow:
    direction: object
    number: str
    label: str
    name: str
    macroindicators: list[IndicatorRow] = field(default_factory=list)
    goals: list[GoalRow] = field(default_factory=list)


@dataclass
class IndicatorTable:
    period: ReportingPeriod
    years: list[int]  # the development plan's years
    thresholds: Thresholds
    directions: list[DirectionRow] = field(default_factory=list)

    @property
    def year(self) -> int:
        return self.period.year

    def rows(self) -> list[IndicatorRow]:
        """Every indicator in the form's order: each direction's macroindicators, then its goals' indicators."""
        return [row for d in self.directions
                for row in (*d.macroindicators, *(r for g in d.goals for r in g.indicators))]

    def counts(self) -> Counter:
        """How many indicators have each status."""
        return Counter(row.status for row in self.rows())

    @property
    def share_on_track(self) -> Decimal | None:
        """Achieved or on track among those with a value (%, one decimal); None when none has a value."""
        counts = self.counts()
        valued = sum(n for status, n in counts.items() if status is not IndicatorStatus.NO_VALUE)
        if not valued:
            return None
        good = counts[IndicatorStatus.ACHIEVED] + counts[IndicatorStatus.ON_TRACK]
        return (Decimal(good) * 100 / valued).quantize(Decimal("0.1"))


def _key(anchor: tuple) -> str:
    return f"{anchor[0]}:{anchor[1]}"


def _actual_anchor(actual: IndicatorActual) -> tuple:
    return ("m", actual.macroindicator_id) if actual.macroindicator_id else ("t", actual.target_indicator_id)


def _start(values: dict[int, Decimal], year: int, baseline: Decimal | None) -> Decimal | None:
    """The level a year starts from: the previous year's planned value, else the baseline."""
    return values.get(year - 1, baseline)


def _assess(indicator, values: dict[int, Decimal], year: int, value: Decimal | None, *, quarter: int | None,
            final: bool, thresholds: Thresholds) -> Achievement:
    return achievement(planned=values.get(year), actual=value, polarity=indicator.polarity,
                       accumulation=indicator.accumulation, quarter=quarter, final=final,
                       baseline=_start(values, year, indicator.baseline), thresholds=thresholds)


def _actuals(period: ReportingPeriod, year_from: int, year_to: int, anchors: set[tuple], *,
             submitted_only: bool, as_of: datetime | None = None) -> dict[tuple, dict[int, list[IndicatorActual]]]:
    """The body's actual values of these indicators over the development plan's years, up to ``period``
    (two queries: the values, and the submissions that make them count when ``submitted_only`` — submitted
    by ``as_of`` when given; a value changed after ``as_of`` is left out too)."""
    plan = period.plan
    found = (IndicatorActual.objects.filter(period__plan__body_id=plan.body_id, period__plan__year__gte=year_from,
                                            period__plan__year__lte=year_to)
             .filter(Q(period__plan__year__lt=plan.year)
                     | Q(period__plan__year=plan.year, period__quarter__lte=period.quarter))
             .select_related("period__plan", "updated_by__person").order_by("period__plan__year", "period__quarter",
                                                                             "is_final", "id"))
    if as_of is not None:
        found = found.filter(updated_at__lte=as_of)
    submitted = None
    if submitted_only:
        submissions = UnitSubmission.objects.filter(
            period__plan__body_id=plan.body_id, period__plan__year__gte=year_from, period__plan__year__lte=year_to,
            status=SubmissionStatus.SUBMITTED)
        if as_of is not None:
            submissions = submissions.filter(submitted_at__lte=as_of)
        submitted = set(submissions.values_list("period_id", "unit_id"))
    by: dict[tuple, dict[int, list[IndicatorActual]]] = defaultdict(lambda: defaultdict(list))
    for actual in found:
        anchor = _actual_anchor(actual)
        if anchor not in anchors or (submitted is not None and (actual.period_id, actual.unit_id) not in submitted):
            continue
        by[anchor][actual.period.plan.year].append(actual)  # in order: quarters, then the final value
    return by


def _executed(period: ReportingPeriod, infos: list[EventInfo]) -> set[int]:
    """Events whose every occurrence due by the period's end has, as its latest submitted entry up to the
    period, an executed one (one query)."""
    if not infos:
        return set()
    latest: dict[tuple, str] = {}
    for event_id, occurrence, status in (
        ExecutionEntry.objects.filter(period__plan_id=period.plan_id, period__quarter__lte=period.quarter,
                                      state=EntryState.SUBMITTED)
        .order_by("period__quarter", "id").values_list("event_id", "occurrence", "status")
    ):
        latest[(event_id, occurrence)] = status
    occurrences = Occurrences(period.year)
    done = set()
    for info in infos:
        due = [item for item in cumulative_items(info, period.quarter, occurrences) if item.kind == "due"]
        if due and all(latest.get((info.event_id, item.occurrence)) == rules.ExecutionStatus.EXECUTED
                       for item in due):
            done.add(info.event_id)
    return done


def indicator_table(period: ReportingPeriod, lang: str, *, version: PlanVersion | None = None,
                    walked: PlanWalk | None = None, units: list[OrgUnit] | None = None,
                    submitted_only: bool = True, tree=None, executed: set[int] | None = None,
                    as_of: datetime | None = None) -> IndicatorTable:
    """The goals and their indicators in ``period``'s year, planned against actual (module docstring).

    ``version``: the plan version whose events are counted (default: in force at the period's end);
    ``walked``: the caller's walk of that version (its events are reused: no query for them); ``units``:
    the body's units when the caller has them. ``submitted_only``: count only values of submitted units'
    information (the report); False shows drafts too. ``tree``: the caller's `form_tree` of the version's
    development plan (Form 2's labels); ``executed``: the ids of the events executed by the period's end, when
    the caller knows them (no query for them then); ``as_of``: a submitted report's moment — only values of
    information submitted by then count (a unit submitting later does not change a submitted report). A fixed
    number of queries (pinned by a test).
    """
    from .selectors import body_units, version_in_force  # selectors is the heavier module; no cycle at import

    plan = period.plan
    edition = plan.edition
    thresholds = edition.thresholds
    if version is None and walked is None and period.pk is not None:
        version = version_in_force(plan, period.end)
    if walked is not None:
        version = walked.version
    devplan_id = (getattr(version, "development_plan_id", None) if version is not None else None) \
        or plan.development_plan_id
    devplan = (plan.development_plan if plan.development_plan_id == devplan_id or version is None
               else version.development_plan)
    assert devplan is not None
    tree = tree if tree is not None else form_tree(devplan_id, edition.form(2), lang)
    values = planned_values(devplan_id)
    units_by_id = {u.id: u for u in (units if units is not None else body_units(plan.body_id))}
    years = list(range(devplan.year_from, devplan.year_to + 1))
    anchors = {h.anchor for h in tree.anchors() if h.kind in ("macroindicator", "target_indicator")}
    actuals = (_actuals(period, devplan.year_from, devplan.year_to, anchors, submitted_only=submitted_only,
                        as_of=as_of) if period.pk is not None else {})
    if walked is not None:
        infos = [info for info in walked.events if not info.cancelled]
    elif version is not None:
        infos = [info for info in event_infos(version, lang) if not info.cancelled]
    else:
        infos = []
    by_anchor: dict[tuple, list[EventInfo]] = defaultdict(list)
    for info in infos:
        if info.anchor[0] in ("m", "t"):
            by_anchor[info.anchor].append(info)
    if executed is None:
        executed = _executed(period, [i for found in by_anchor.values() for i in found]) if period.pk else set()

    def row(heading) -> IndicatorRow:
        indicator, anchor = heading.obj, heading.anchor
        own = values.get(anchor, {})
        points = []
        for year in years:
            point = YearPoint(year, own.get(year))
            reported = actuals.get(anchor, {}).get(year, [])
            if reported:
                last = reported[-1]
                point.actual, point.is_final = last.value, last.is_final
                point.quarter = None if last.is_final else last.period.quarter
                point.status = _assess(indicator, own, year, last.value, quarter=point.quarter, final=last.is_final,
                                       thresholds=thresholds).status
            points.append(point)
        this_year = actuals.get(anchor, {}).get(period.year, [])
        current = [a for a in this_year if a.period_id == period.pk or a.is_final]
        actual = current[-1] if current else None
        if actual is None and this_year:
            actual = this_year[-1]  # the latest earlier quarter's value, when this period has none yet
        assessed = _assess(indicator, own, period.year, actual.value if actual else None,
                           quarter=actual.period.quarter if actual else period.quarter,
                           final=bool(actual and actual.is_final), thresholds=thresholds)
        events = by_anchor.get(anchor, [])
        return IndicatorRow(
            key=_key(anchor), kind=heading.kind, indicator=indicator, number=heading.number, label=heading.label,
            name=heading.name, unit_of_measure=localized(indicator, "unit", lang),
            responsible_unit=units_by_id.get(indicator.responsible_unit_id), polarity=Polarity(indicator.polarity),
            accumulation=Accumulation(indicator.accumulation), baseline=indicator.baseline,
            planned=own.get(period.year), actual=actual, achievement=assessed, years=points, events=events,
            events_executed=sum(1 for info in events if info.event_id in executed),
        )

    table = IndicatorTable(period, years, thresholds)
    for direction in tree.directions:
        d_row = DirectionRow(direction.obj, direction.number, direction.label, direction.name)
        d_row.macroindicators = [row(h) for h in direction.of_kind("macroindicator")]
        for goal in direction.of_kind("goal"):
            d_row.goals.append(GoalRow(goal.obj, goal.number, goal.label, goal.name, [row(h) for h in goal.children]))
        table.directions.append(d_row)
    return table


# ---- the national view: each body's share of indicators on track ------------------------------------------

def body_shares(year: int, quarter: int) -> dict[int, dict]:
    """For every body with an operational plan for ``year``: how many of its development plan's indicators are
    achieved or on track at the end of ``quarter`` (by the values its units submitted; a final value counts on
    the fourth quarter), of how many have a value, and of how many in all — ``{body_id: {"good": n, "valued": n,
    "total": n, "share": Decimal % | None}}``. Six queries whatever the number of bodies."""
    from jospar.planning import selectors as plan_selectors
    from jospar.planning.devplan.selectors import indicators_of_plans, planned_values_of
    from jospar.rulebook import editions as rulebook

    plans = list(plan_selectors.plans_of(year=year))
    devplans = {p.development_plan_id for p in plans}
    body_of_devplan = {p.development_plan_id: p.body_id for p in plans}
    editions = {e.key: e for e in rulebook.editions()}
    thresholds = {p.body_id: (editions[p.rule_edition].thresholds if p.rule_edition in editions else Thresholds())
                  for p in plans}
    rows = indicators_of_plans(devplans)
    values = planned_values_of(devplans, (year - 1, year))
    # the values of submitted information only (the database checks each value's submission: the year's
    # tens of thousands of submissions are not read)
    submitted = UnitSubmission.objects.filter(period_id=OuterRef("period_id"), unit_id=OuterRef("unit_id"),
                                              status=SubmissionStatus.SUBMITTED)
    latest: dict[tuple, tuple] = {}  # anchor → (quarter, final, value): the last one counts
    for mid, tid, q, final, value in (
        IndicatorActual.objects.filter(Exists(submitted), period__plan__year=year, period__quarter__lte=quarter)
        .order_by("period__quarter", "is_final", "id")
        .values_list("macroindicator_id", "target_indicator_id", "period__quarter", "is_final", "value")
    ):
        latest[("m", mid) if mid else ("t", tid)] = (q, final, value)
    out: dict[int, dict] = {p.body_id: {"good": 0, "valued": 0, "total": 0, "share": None} for p in plans}
    for devplan_id, anchor, polarity, accumulation, baseline in rows:
        body_id = body_of_devplan.get(devplan_id)
        if body_id is None:
            continue
        line = out[body_id]
        line["total"] += 1
        found = latest.get(anchor)
        if found is None:
            continue
        own = values.get(anchor, {})
        status = achievement(planned=own.get(year), actual=found[2], polarity=polarity, accumulation=accumulation,
                             quarter=found[0], final=found[1], baseline=own.get(year - 1, baseline),
                             thresholds=thresholds[body_id]).status
        if status is IndicatorStatus.NO_VALUE:
            continue
        line["valued"] += 1
        line["good"] += status in (IndicatorStatus.ACHIEVED, IndicatorStatus.ON_TRACK)
    for line in out.values():
        if line["valued"]:
            line["share"] = (Decimal(line["good"]) * 100 / line["valued"]).quantize(Decimal("0.1"))
    return out


# ---- the unit's work list -----------------------------------------------------------------------------

@dataclass
class UnitIndicator:
    """An indicator the unit answers for, with its value of the period (and the final value on the fourth
    quarter's work list)."""

    key: str  # "m:12" | "t:34"
    kind: str
    indicator: Macroindicator | TargetIndicator
    label: str  # «Цель 1.2 · Целевой индикатор 1», «1-стратегиялық бағыт · 1-макроиндикатор»
    name: str
    unit_of_measure: str
    planned: Decimal | None
    actual: IndicatorActual | None = None
    final: IndicatorActual | None = None
    editable: bool = False
    asks_final: bool = False  # the fourth quarter's information also gives the year's final value
    achievement: Achievement = field(default_factory=lambda: Achievement(IndicatorStatus.NO_VALUE))
    # what a refused in-place form typed, its errors, whether it was just saved, and which form (the final value's)
    typed: dict | None = None
    errors: dict = field(default_factory=dict)
    saved: bool = False
    final_form: bool = False

    @property
    def forms(self) -> tuple[bool, ...]:
        """Which values the unit gives (False: the period's, True: the year's final value)."""
        return (False, True) if self.asks_final else (False,)

    @property
    def dom_id(self) -> str:
        return "ind-" + self.key.replace(":", "-")


def unit_indicators(period: ReportingPeriod, unit: OrgUnit, lang: str, *, can_edit: bool = False,
                    submission: UnitSubmission | None = None,
                    version: PlanVersion | None = None) -> list[UnitIndicator]:
    """The macroindicators and target indicators ``unit`` answers for, in the form's order, with its values of
    ``period`` (five form-tree queries, the planned values, the values: seven, whatever the plan's size).
    ``submission``: the unit's submission of the period (locks the values); ``version``: the version in force
    (its edition of the development plan), when the caller read them."""
    if period.pk is None:
        return []
    plan = period.plan
    devplan_id = (getattr(version, "development_plan_id", None) if version else None) or plan.development_plan_id
    if not answers_for_indicators(devplan_id, unit.id):  # most units: one query, not the form's tree
        return []
    tree = form_tree(devplan_id, plan.edition.form(2), lang)
    mine = [h for h in tree.anchors() if h.kind in ("macroindicator", "target_indicator")
            and h.obj.responsible_unit_id == unit.id]
    if not mine:
        return []
    values = planned_values(devplan_id)
    found: dict[tuple | None, dict[bool, IndicatorActual]] = defaultdict(dict)
    for actual in IndicatorActual.objects.filter(period=period).filter(
            Q(macroindicator_id__in=[h.obj.pk for h in mine if h.kind == "macroindicator"])
            | Q(target_indicator_id__in=[h.obj.pk for h in mine if h.kind == "target_indicator"])
    ).select_related("updated_by__person"):
        actual.period = period
        found[_actual_anchor(actual)][actual.is_final] = actual
    locked = submission is not None and submission.status == SubmissionStatus.SUBMITTED
    thresholds = plan.edition.thresholds
    out = []
    for h in mine:
        own = values.get(h.anchor, {}) if h.anchor is not None else {}
        current, final = found[h.anchor].get(False), found[h.anchor].get(True)
        shown = final or current
        out.append(UnitIndicator(
            key=h.anchor_key, kind=h.kind, indicator=h.obj, label=h.place, name=h.name,
            unit_of_measure=localized(h.obj, "unit", lang), planned=own.get(period.year), actual=current, final=final,
            editable=can_edit and not locked, asks_final=period.quarter == 4,
            achievement=_assess(h.obj, own, period.year, shown.value if shown else None, quarter=period.quarter,
                                final=final is not None, thresholds=thresholds),
        ))
    return out


def indicators_missing(period: ReportingPeriod, unit: OrgUnit, lang: str, *,
                       version: PlanVersion | None = None) -> list[str]:
    """The indicators ``unit`` answers for that have no value for ``period`` yet (on the fourth quarter's
    information the value of the quarter or the final value will do), named as the form names them («Цель 1.2
    · Целевой индикатор 1 — name»): the head cannot submit until this is empty."""
    return [f"{u.label} — {u.name}" for u in unit_indicators(period, unit, lang, version=version)
            if u.actual is None and u.final is None]
