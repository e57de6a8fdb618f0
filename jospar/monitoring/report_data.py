"""The report compiled from the units' submitted information: Form 2 rows, the execution summary, timeliness.

Monitoring (§8) collects and analyses the units' information; the summary by direction, goal and target
indicator is what §9 asks for.

Everything is read in a fixed number of queries (the plan walk, the entries, the recommendations, the
submissions, the units) and assembled in Python. Only *submitted* entries count; once the report is
submitted, entries submitted after it are left out, so a submitted report never changes.
"""
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from django.utils.translation import gettext

from jospar import rules
from jospar.i18n import localized, pick
from jospar.rules.languages import OFFICIAL

from .models import EntryState, EventRecommendation, ExecutionEntry, Report, ReportingPeriod, UnitSubmission
from .walk import (
    CARRIED,
    DUE,
    IN_PROGRESS,
    EventInfo,
    Group,
    Item,
    Occurrences,
    PlanWalk,
    cumulative_items,
    has_items,
    items_in,
    walk,
)

CUMULATIVE, QUARTER = "cumulative", "quarter"


@dataclass(slots=True)
class Row2:
    """One line of the Form 2 table: a heading (spans the table) or an event with its execution."""

    kind: str  # section | direction | macroindicator | goal | target_indicator | task | event
    label: str
    number: str = ""
    executors: str = ""
    deadline: str = ""
    completion: str = ""
    actual: str = ""
    reasons: str = ""
    recommendation: str = ""
    status: str = ""  # an ExecutionStatus value, "" when no information was submitted
    status_label: str = ""
    event_id: int | None = None
    lead_unit_id: int | None = None
    cancelled: bool = False  # cancelled by an amendment after it fell due: shown struck through


SLOT = {"executed": 0, "partial": 1, "not_executed": 2, "in_progress": 3, "none": 4, "not_yet_due": 5}


class Counts:
    """Occurrences of one group by execution status; shares are of the occurrences due."""

    __slots__ = ("label", "name", "n", "direction_id", "number")

    def __init__(self, label: str, name: str = "", direction_id: int | None = None, number: int = 0):
        self.label, self.name, self.n = label, name, [0, 0, 0, 0, 0, 0]
        self.direction_id, self.number = direction_id, number  # a direction's line (kept as report figures)

    executed = property(lambda self: self.n[0])
    partial = property(lambda self: self.n[1])
    not_executed = property(lambda self: self.n[2])
    in_progress = property(lambda self: self.n[3])
    none = property(lambda self: self.n[4])
    not_yet_due = property(lambda self: self.n[5])

    @property
    def due(self) -> int:
        return sum(self.n[:5])

    def share(self, name: str) -> int:
        """Percentage of the occurrences due, rounded."""
        due = self.due
        return round(100 * self.n[SLOT[name]] / due) if due else 0

    @property
    def executed_share(self) -> int:
        return self.share("executed")

    @property
    def partial_share(self) -> int:
        return self.share("partial")

    @property
    def not_executed_share(self) -> int:
        return self.share("not_executed")


@dataclass
class Summary:
    total: Counts
    directions: list
    goals: list
    indicators: list
    units: list

    @property
    def total_list(self) -> list:
        return [self.total]


@dataclass
class Timeliness:
    unit_id: int
    name: str
    cells: list  # per quarter 1..q: dict(state=..., days=..., on=...) or None when the unit had nothing


@dataclass
class Compiled:
    period: ReportingPeriod
    report: Report | None
    version: object
    view: str
    rows: list
    summary_quarter: Summary
    summary_cumulative: Summary
    timeliness: list
    pending_units: list  # units with items this quarter whose information is not (or no longer) submitted
    item_units: set = field(default_factory=set)
    quarters: list = field(default_factory=list)  # labels of quarters I..this one, for the timeliness table
    walked: PlanWalk | None = None  # the plan walk (the indicators' table reads its headings and events)
    executed: set = field(default_factory=set)  # events whose every occurrence due so far is executed
    indicators: Any = None  # the goals and their indicators (`indicators.IndicatorTable`), for the report page
    bases: frozenset = frozenset()  # the indicators ("t:7") the report names as the basis of an amendment


def _entries(period: ReportingPeriod, report: Report | None, text_lang: str, official: bool):
    """(quarter, event, occurrence, status, actual, reasons) of the submitted entries the report reads, the texts
    in ``text_lang``: exactly (an official document in one state language carries only that language's text)
    or, for a page, with the fallback to the other language."""
    qs = ExecutionEntry.objects.filter(
        period__plan_id=period.plan_id, period__quarter__lte=period.quarter, state=EntryState.SUBMITTED
    )
    if report is not None and report.is_submitted:
        qs = qs.filter(submitted_at__lte=report.submitted_at)
    rows = qs.order_by("period__quarter", "id").values_list(
        "period__quarter", "event_id", "occurrence", "status", "actual_kk", "actual_ru", "reasons_kk", "reasons_ru"
    )
    choose = _chooser(text_lang, official)
    return [(q, e, o, s, choose((ak, ar)), choose((rk, rr))) for q, e, o, s, ak, ar, rk, rr in rows]


def _chooser(text_lang: str, official: bool):
    """Picks the text from a (kk, ru) pair: for an official document exactly the one in ``text_lang`` (a blank
    stays blank), for a page the reader's with the fallback to the other language."""
    if official:
        at = OFFICIAL.index(text_lang)
        return lambda pair: pair[at]
    return lambda pair: pick(pair, text_lang)


def _text(items: list[Item], found: dict, attr: int) -> str:
    """Column 6 or 7 of an event: its occurrences' texts, each after its due date when there are several."""
    if len(items) == 1 and items[0].kind != CARRIED:
        entry = found.get((items[0].event_id, items[0].occurrence))
        return entry[attr] if entry else ""
    parts = []
    for item in items:
        entry = found.get((item.event_id, item.occurrence))
        if entry and entry[attr]:
            parts.append(f"{_dmy(item.due)}: {entry[attr]}")
    return "\n".join(parts)


@lru_cache(maxsize=512)
def _dmy(d) -> str:
    return d.strftime("%d.%m.%Y")


def _row_status(items: list[Item], found: dict) -> str:
    if len(items) == 1:
        entry = found.get((items[0].event_id, items[0].occurrence))
        return entry[0] if entry else ""
    statuses = [found[(i.event_id, i.occurrence)][0] for i in items if (i.event_id, i.occurrence) in found]
    if not statuses:
        return ""
    for s in ("not_executed", "partial", "in_progress"):
        if s in statuses:
            return s
    return "executed" if len(statuses) == len(items) else "in_progress"


def _summary(walked, items_by_event: dict, found: dict, unit_names: dict, lang: str) -> Summary:
    """Counts per anchor and per lead unit in one pass, then rolled up to goals, directions and the total."""
    by_anchor: dict = {}
    by_unit: dict = {}
    parents: dict = {}
    for info in walked.events:
        items = items_by_event.get(info.event_id)
        if not items:
            continue
        a = by_anchor.get(info.anchor)
        if a is None:
            a = by_anchor[info.anchor] = [0, 0, 0, 0, 0, 0]
            parents[info.anchor] = (info.direction_id or 0, info.goal_id)
        u = by_unit.get(info.lead_unit_id)
        if u is None:
            u = by_unit[info.lead_unit_id] = [0, 0, 0, 0, 0, 0]
        for item in items:
            entry = found.get((item.event_id, item.occurrence))
            slot = 5 if item.kind == IN_PROGRESS else SLOT[entry[0]] if entry else 4
            a[slot] += 1
            u[slot] += 1
    section2 = walked.version.plan.edition.form2.get("section2", lang)
    total = Counts(gettext("All events"))
    numbers = {d: i for i, d in enumerate(walked.direction_names, start=1)}
    dirs: dict = {}
    goals: dict = {}
    indicators: dict = {}
    for anchor, n in by_anchor.items():
        d_key, goal_id = parents[anchor]
        targets = [total]
        if d_key not in dirs:
            label, name = walked.direction_names.get(d_key, (section2, ""))
            dirs[d_key] = Counts(label, name, d_key or None, numbers.get(d_key, 0))
        targets.append(dirs[d_key])
        if goal_id:
            if goal_id not in goals:
                goals[goal_id] = Counts(*walked.goal_names[goal_id])
            targets.append(goals[goal_id])
        if anchor[0] == "t":
            indicators[anchor[1]] = Counts(*walked.indicator_names[anchor[1]])
            targets.append(indicators[anchor[1]])
        for c in targets:
            c.n = [x + y for x, y in zip(c.n, n, strict=True)]
    units = {}
    for unit_id, n in by_unit.items():
        units[unit_id] = Counts(unit_names.get(unit_id, ""))
        units[unit_id].n = n
    order = [d for d in walked.direction_names if d in dirs] + ([0] if 0 in dirs else [])
    return Summary(
        total,
        [dirs[d] for d in order],
        [goals[g] for g in walked.goal_names if g in goals],
        [indicators[t] for t in walked.indicator_names if t in indicators],
        [units[u] for u in unit_names if u in units],
    )


def _emit(group: Group, rows: list, event_row) -> None:
    """Headings only where something below them is shown; sections always."""
    start = len(rows)
    rows.append(Row2(group.kind, group.label, group.number))
    shown = False
    for child in group.children:
        if isinstance(child, EventInfo):
            row = event_row(child)
            if row is not None:
                rows.append(row)
                shown = True
        else:
            before = len(rows)
            _emit(child, rows, event_row)
            shown = shown or len(rows) > before
    if not shown and group.kind != "section":
        del rows[start:]


def _statuses(entries, quarter: int) -> tuple[dict, dict, dict[int, set]]:
    """Each occurrence's latest entry, its entry in ``quarter``, and per quarter the occurrences closed before it."""
    latest: dict = {}
    this_quarter: dict = {}
    closed: dict[int, set] = {k: set() for k in range(1, quarter + 1)}
    for q, event_id, occ, status, actual, reasons in entries:
        latest[(event_id, occ)] = (status, actual, reasons)
        if q == quarter:
            this_quarter[(event_id, occ)] = (status, actual, reasons)
        if status == rules.ExecutionStatus.EXECUTED:
            for k in range(q + 1, quarter + 1):
                closed[k].add((event_id, occ))
    return latest, this_quarter, closed


def _timeliness(period: ReportingPeriod, units_by_quarter: dict[int, set], submitted: dict,
                unit_names: dict, today: date | None) -> list[Timeliness]:
    """Per unit that had something to report, one cell a quarter: on time, late, returned, pending or overdue."""
    timeliness = []
    all_units = set().union(*units_by_quarter.values()) if units_by_quarter else set()
    for unit_id in [u for u in unit_names if u in all_units]:
        cells: list[dict | None] = []
        for k in range(1, period.quarter + 1):
            if unit_id not in units_by_quarter[k]:
                cells.append(None)
                continue
            sub = submitted.get((k, unit_id))
            due = rules.ReportingPeriod(period.year, k).info_due_on(period.plan.edition)
            if sub is None:
                days = rules.delay_days(due, today) if today else 0
                cells.append({"state": "overdue" if days else "pending", "days": days, "due": due})
            else:
                state = "returned" if sub[0] == "returned" else "late" if sub[2] else "on_time"
                cells.append({"state": state, "days": sub[3], "on": sub[1], "due": due})
        timeliness.append(Timeliness(unit_id, unit_names[unit_id], cells))
    return timeliness


def _recommendations(report: Report | None, lang: str, official: bool) -> dict[int, str]:
    """Column 8 by event, in ``lang``: in the official document exactly (the Kazakh Form 2 carries only the
    Kazakh text, a blank stays blank), on a page with the fallback to the other language."""
    if report is None or report.pk is None:  # an unsaved report (signing before the first save) has none
        return {}
    choose = _chooser(lang, official)
    rows = EventRecommendation.objects.filter(report=report).values_list("event_id", "text_kk", "text_ru")
    return {event_id: choose((kk, ru)) for event_id, kk, ru in rows}


def compile_report(period: ReportingPeriod, version, lang: str, *, view: str = CUMULATIVE,
                   report: Report | None = None, today: date | None = None, units=None,
                   official: bool = False) -> Compiled:
    """Compile the period's report from ``version`` (the version in force, or the one a submitted report fixed).

    ``official``: for Form 2 as a document, whose texts are only those written in its language
    (`_chooser`; an English one carries the Russian texts); a page shows the reader's language with
    the fallback."""
    quarter = period.quarter
    walked = walk(version, lang, form=2, units=units)
    text_lang = lang if lang in OFFICIAL or not official else "ru"
    entries = _entries(period, report, text_lang, official)
    recs = _recommendations(report, text_lang, official)
    submissions = list(
        UnitSubmission.objects.filter(period__plan_id=period.plan_id, period__quarter__lte=quarter)
        .values_list("period__quarter", "unit_id", "status", "submitted_on", "is_late", "delay_days")
    )
    unit_names = {u.id: localized(u, "name", lang) for u in units} if units is not None else {}

    latest, this_quarter, closed = _statuses(entries, quarter)
    occurrences = Occurrences(period.year)
    units_by_quarter: dict[int, set] = defaultdict(set)
    quarter_items: dict[int, list] = {}
    cumulative: dict[int, list] = {}
    for info in walked.events:
        for k in range(1, quarter):  # earlier quarters: only whether the unit had something to report
            if info.lead_unit_id not in units_by_quarter[k] and has_items(info, k, occurrences, closed[k]):
                units_by_quarter[k].add(info.lead_unit_id)
        items = items_in(info, quarter, occurrences, closed[quarter])
        if items:
            units_by_quarter[quarter].add(info.lead_unit_id)
            quarter_items[info.event_id] = items
        items = cumulative_items(info, quarter, occurrences)
        if items:
            cumulative[info.event_id] = items

    chosen, found = (quarter_items, this_quarter) if view == QUARTER else (cumulative, latest)
    status_labels = {s.value: s.label(lang) for s in rules.ExecutionStatus}

    def event_row(info: EventInfo):
        items = chosen.get(info.event_id)
        if not items:
            return None
        status = _row_status(items, found)
        return Row2(
            "event", info.name, str(info.number), info.executors, info.wording, info.completion,
            _text(items, found, 1), _text(items, found, 2), recs.get(info.event_id, ""), status,
            status_labels.get(status, ""), info.event_id, info.lead_unit_id, info.cancelled,
        )

    rows: list[Row2] = []
    for section in walked.sections:
        _emit(section, rows, event_row)

    submitted = {(q, u): (s, on, late, days) for q, u, s, on, late, days in submissions}
    timeliness = _timeliness(period, units_by_quarter, submitted, unit_names, today)
    pending = [
        (u, unit_names.get(u, ""), submitted.get((quarter, u), (None,))[0])
        for u in unit_names
        if u in units_by_quarter[quarter] and submitted.get((quarter, u), (None,))[0] != "submitted"
    ]
    return Compiled(
        period=period,
        report=report,
        version=version,
        view=view,
        rows=rows,
        summary_quarter=_summary(walked, quarter_items, this_quarter, unit_names, lang),
        summary_cumulative=_summary(walked, cumulative, latest, unit_names, lang),
        timeliness=timeliness,
        pending_units=pending,
        item_units=units_by_quarter[quarter],
        quarters=[rules.ReportingPeriod(period.year, k).label(lang) for k in range(1, quarter + 1)],
        walked=walked,
        executed=_executed(cumulative, latest),
    )


def _executed(cumulative: dict, latest: dict) -> set:
    """Events whose every occurrence due by the period's end has an executed latest entry (as
    `indicators.indicator_table` counts them), from what the report read already."""
    executed = rules.ExecutionStatus.EXECUTED
    done = set()
    for event_id, items in cumulative.items():
        due = [item for item in items if item.kind == DUE]
        if due and all((found := latest.get((event_id, item.occurrence))) and found[0] == executed for item in due):
            done.add(event_id)
    return done

