"""The goals and their indicators, planned against actual (§9: monitoring is there to reach them).

For every macroindicator and target indicator of the development plan the plan is tied to: its planned
value for the year, the actual value reported (the final one after the year, else the latest estimate),
the achievement and its status (the rule is `jospar.rules`'s), its values over the development plan's
years (the chart), and the events of the operational plan that serve it with how many are executed. An
indicator not reached although all its events are executed stands out: the plan needs other events.

Read in a fixed number of queries whatever the plan's size: the development plan's years, the planned
values, the actual values (`indicator_values`), plus what the plan walk already read. Built in Python.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q

from jospar import rules
from jospar.i18n import localized
from jospar.planning.models import DevelopmentPlan, IndicatorValue
from jospar.rules.numbers import format_number

EXECUTED = rules.ExecutionStatus.EXECUTED.value
BAD = ("at_risk", "not_achieved")


@dataclass(slots=True)
class Point:
    year: int
    planned: Decimal | None = None
    actual: Decimal | None = None
    kind_label: str = ""  # «final» / «estimate, II quarter»


@dataclass(slots=True)
class EventMark:
    event_id: int
    number: int
    name: str
    status: str
    status_label: str

    @property
    def executed(self) -> bool:
        return self.status == EXECUTED


@dataclass
class Line:
    """One indicator's row."""

    kind: str  # "m" (macroindicator) | "t" (target indicator)
    id: int
    label: str  # «Цель 1.2 · Целевой индикатор 1»
    name: str
    unit: str
    baseline: Decimal | None
    year: int
    points: list = field(default_factory=list)
    planned: Decimal | None = None
    actual: Decimal | None = None
    actual_kind: str = ""
    achievement: Decimal | None = None
    status: str = ""  # "" when nothing was reported yet
    status_label: str = ""
    events: list = field(default_factory=list)
    responsible: str = ""
    source: str = ""
    comment: str = ""
    basis: bool = False  # named in the report's proposals to amend the plan
    planned_text: str = ""
    actual_text: str = ""
    achievement_text: str = ""

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.id}"

    @property
    def executed(self) -> int:
        return sum(1 for e in self.events if e.executed)

    @property
    def needs_other_events(self) -> bool:
        """Not reached (at risk or not achieved) although every event serving it is executed."""
        return self.status in BAD and bool(self.events) and self.executed == len(self.events)

    @property
    def can_be_basis(self) -> bool:
        return self.status in BAD


@dataclass
class Group:
    """A goal with its target indicators, or a direction with its macroindicators."""

    kind: str  # "direction" | "goal"
    label: str
    name: str
    lines: list = field(default_factory=list)


@dataclass
class IndicatorTable:
    year: int
    years: list
    groups: list

    @property
    def lines(self) -> list:
        return [line for g in self.groups for line in g.lines]

    def counts(self) -> dict:
        found: dict = defaultdict(int)
        for line in self.lines:
            found[line.status or "none"] += 1
        return dict(found)

    @property
    def on_track_share(self) -> int | None:
        """The share of indicators achieved or on track among those with a status."""
        rated = [line for line in self.lines if line.status]
        good = [line for line in rated if line.status not in BAD]
        return round(100 * len(good) / len(rated)) if rated else None


def _headings(tree) -> list:
    """(group heading, [indicator headings]) in the form's order: each direction's macroindicators, then each
    goal's target indicators."""
    out = []
    for direction in tree.directions:
        macros = direction.of_kind("macroindicator")
        if macros:
            out.append((direction, macros))
        for goal in direction.of_kind("goal"):
            if goal.children:
                out.append((goal, goal.children))
    return out


def _planned(devplan_id: int, macro_ids: list, target_ids: list) -> tuple[dict, tuple[int, int] | None]:
    """Planned values by (kind, id, year) and the development plan's years: two queries."""
    years = DevelopmentPlan.objects.filter(pk=devplan_id).values_list("year_from", "year_to").first()
    planned: dict = {}
    if macro_ids or target_ids:
        rows = IndicatorValue.objects.filter(
            Q(macroindicator_id__in=macro_ids) | Q(target_indicator_id__in=target_ids)
        ).values_list("macroindicator_id", "target_indicator_id", "year", "value")
        for m, t, year, value in rows:
            planned[("m", m, year) if m else ("t", t, year)] = value
    return planned, years


def build(walked, event_status: dict, *, year: int, quarter: int, lang: str, as_of=None,
          bases: frozenset = frozenset()) -> IndicatorTable | None:
    """The table for the plan ``walked`` walks, in the year ``year`` through ``quarter``; ``event_status``:
    each event's cumulative status; ``as_of``: a submitted report's moment (values submitted after it are
    left out); ``bases``: the keys ("t:7") named as the basis of an amendment."""
    tree = getattr(walked, "tree", None)
    if tree is None:
        return None
    headings = _headings(tree)
    if not headings:
        return None
    macro_ids = [h.obj.pk for _g, hs in headings for h in hs if h.kind == "macroindicator"]
    target_ids = [h.obj.pk for _g, hs in headings for h in hs if h.kind == "target_indicator"]
    devplan_id = tree.directions[0].obj.plan_id
    planned, span = _planned(devplan_id, macro_ids, target_ids)
    years = list(range(span[0], span[1] + 1)) if span else [year]
    if year not in years:
        years.append(year)
    actuals = _actuals(walked.version.plan, macro_ids, target_ids, year, quarter, lang, as_of)
    by_anchor: dict = defaultdict(list)
    for info in walked.events:
        if info.anchor[0] in ("m", "t") and not info.cancelled:
            status = event_status.get(info.event_id, "")
            by_anchor[info.anchor].append(EventMark(
                info.event_id, info.number, info.name, status,
                rules.ExecutionStatus(status).label(lang) if status else ""))
    groups = []
    for heading, indicators in headings:
        group = Group(heading.kind, heading.label, heading.name)
        for h in indicators:
            letter = "m" if h.kind == "macroindicator" else "t"
            line = Line(letter, h.obj.pk, h.place, h.name, localized(h.obj, "unit", lang), h.obj.baseline, year,
                        events=by_anchor.get((letter, h.obj.pk), []), basis=f"{letter}:{h.obj.pk}" in bases)
            for y in years:
                found = actuals.get((letter, h.obj.pk, y))
                line.points.append(Point(y, planned.get((letter, h.obj.pk, y)),
                                         found.value if found else None, found.kind_label if found else ""))
            _assess(line, planned.get((letter, h.obj.pk, year)), actuals.get((letter, h.obj.pk, year)), h.obj, lang)
            group.lines.append(line)
        groups.append(group)
    return IndicatorTable(year, years, groups)


@dataclass(frozen=True, slots=True)
class Actual:
    value: Decimal
    kind_label: str
    source: str = ""
    comment: str = ""


def _actuals(plan, macro_ids: list, target_ids: list, year: int, quarter: int, lang: str, as_of) -> dict:
    """(kind, id, year) → `Actual`: the final value of a year, else its latest estimate (provisional: until
    indata's selector is merged)."""
    return {}


def _assess(line: Line, planned, actual: Actual | None, indicator, lang: str) -> None:
    """Planned, actual, achievement and status of ``line`` for its year (the rule is `jospar.rules`')."""
    line.planned = planned
    line.planned_text = format_number(planned, lang)
    if actual is None:
        return
    line.actual, line.actual_kind, line.source, line.comment = (actual.value, actual.kind_label, actual.source,
                                                                actual.comment)
    line.actual_text = format_number(actual.value, lang)
    if planned:
        line.achievement = (100 * actual.value / planned).quantize(Decimal("0.1"))
        line.achievement_text = format_number(line.achievement, lang)
        line.status = "achieved" if line.achievement >= 100 else "on_track" if line.achievement >= 90 else \
            "at_risk" if line.achievement >= 70 else "not_achieved"
        line.status_label = line.status


def bases_of(report) -> frozenset:
    """The indicators ("t:7", "m:3") the report names as the basis of a proposal to amend the plan (one query;
    provisional until the model is merged)."""
    return frozenset()
