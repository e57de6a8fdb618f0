"""Reads of the national view: every body's kept figures for a year, side by side.

The table reads only the kept figures (`monitoring.summary_models`) joined with the bodies, in a fixed number
of queries whatever the number of bodies (pinned by tests): the bodies, the year's `YearSummary` rows, its
`QuarterSummary` rows, the years there are, and two grouped sums for the trends. What depends on today
(missing, overdue, days late of an approval still awaited) is derived here with `jospar.rules.timeliness`.
Sorting, filtering and totals are done in Python on at most a few hundred rows.

The drill-down (`body_plan`, `stored_documents`) reads one body's approved versions and submitted reports
only: a draft version, a draft report and a unit's unsubmitted entries are never read.
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, F, FilteredRelation, Q, Sum

from jospar import rules
from jospar.documents.models import StoredDocument
from jospar.i18n import current_lang, localized
from jospar.monitoring.models import Report, ReportingPeriod, ReportStatus
from jospar.monitoring.summary_models import PlanState, QuarterSummary, YearSummary
from jospar.orgs.models import BodyKind, Region, StateBody
from jospar.planning.models import OperationalPlan, PlanVersion
from jospar.rules.collation import collation_key
from jospar.rules.timeliness import (
    Timeliness,
    UnitsCount,
    approval_days_late,
    approval_timeliness,
    overdue_count,
    report_timeliness,
    share,
    units_count,
)

QUARTERS = (1, 2, 3, 4)
STATE_ORDER = {state: i for i, state in enumerate(PlanState.values)}
REPORT_ORDER = {Timeliness.ON_TIME: 0, Timeliness.LATE: 1, Timeliness.PENDING: 2, Timeliness.MISSING: 3}
APPROVAL_ORDER = REPORT_ORDER


@dataclass(slots=True)
class QuarterCell:
    """One body's quarter: its units' information (§13) and its report (§15); None where nothing is kept."""

    quarter: int
    units: UnitsCount | None = None
    report: Timeliness | None = None
    report_on: date | None = None
    report_due: date | None = None


class ExecutionShares:
    """The shares of the occurrences due that were executed, partially, not executed (a row's or the totals')."""

    __slots__ = ()
    items_due: int
    executed: int
    partial: int
    not_executed: int

    @property
    def executed_share(self) -> float | None:
        return share(self.executed, self.items_due)

    @property
    def partial_share(self) -> float | None:
        return share(self.partial, self.items_due)

    @property
    def not_executed_share(self) -> float | None:
        return share(self.not_executed, self.items_due)


@dataclass(slots=True)
class BodyRow(ExecutionShares):
    body: StateBody
    name: str
    kind_label: str
    region_label: str
    state: str = PlanState.NONE
    state_label: str = ""
    version: int = 0
    approval_due: date | None = None
    approved_on: date | None = None
    days_late: int | None = None
    approval: Timeliness = Timeliness.NOT_DUE
    quarters: list[QuarterCell] = field(default_factory=list)
    items_due: int = 0
    executed: int = 0
    partial: int = 0
    not_executed: int = 0
    decisions_open: int = 0
    decisions_overdue: int = 0
    amendments: int = 0


def _units_key(q: int):
    def key(r: BodyRow):
        units = r.quarters[q - 1].units
        return share(units.on_time, units.due) if units is not None else None
    return key


def _report_key(q: int):
    def key(r: BodyRow):
        return REPORT_ORDER.get(r.quarters[q - 1].report)  # type: ignore[arg-type]
    return key


# Every column of the table, by its key in ?sort=; None sorts last in both directions.
SORT_KEYS = {
    "body": None,  # the name in the reader's alphabet (set per request)
    "kind": lambda r: r.body.kind,
    "region": lambda r: r.region_label or None,
    "status": lambda r: STATE_ORDER.get(r.state),
    "version": lambda r: r.version or None,
    "due": lambda r: r.approval_due,
    "approved": lambda r: r.approved_on,
    "late": lambda r: r.days_late,
    **{f"q{q}u": _units_key(q) for q in QUARTERS},
    **{f"q{q}r": _report_key(q) for q in QUARTERS},
    "executed": lambda r: r.executed_share,
    "partial": lambda r: r.partial_share,
    "not_executed": lambda r: r.not_executed_share,
    "open": lambda r: r.decisions_open,
    "overdue": lambda r: r.decisions_overdue,
    "amendments": lambda r: r.amendments,
}


@dataclass(frozen=True)
class Filters:
    year: int
    kind: str = ""
    region: str = ""
    status: str = ""
    sort: str = "body"
    dir: str = "asc"

    @classmethod
    def from_query(cls, query, today: date) -> Filters:
        """The filters of ?year=&kind=&region=&status=&sort=&dir=; anything unknown falls back to the default."""
        year = query.get("year", "")
        year_n = int(year) if year.isdigit() and 2000 <= int(year) <= 2100 else today.year
        kind = query.get("kind", "")
        region = query.get("region", "")
        status = query.get("status", "")
        sort = query.get("sort", "")
        return cls(
            year=year_n,
            kind=kind if kind in BodyKind.values else "",
            region=region if region in Region.values or region == "none" else "",
            status=status if status in PlanState.values else "",
            sort=sort if sort in SORT_KEYS else "body",
            dir="desc" if query.get("dir") == "desc" else "asc",
        )

    def query(self, **changes) -> str:
        """The query string of these filters with ``changes`` (empty values left out)."""
        values = {"year": self.year, "kind": self.kind, "region": self.region, "status": self.status,
                  "sort": self.sort, "dir": self.dir, **changes}
        if values["sort"] == "body" and values["dir"] == "asc":
            values.pop("sort"), values.pop("dir")
        return "&".join(f"{k}={v}" for k, v in values.items() if v)


@dataclass
class Totals(ExecutionShares):
    bodies: int = 0
    by_state: dict = field(default_factory=dict)
    approved: int = 0  # bodies with a version in force
    approvals: dict = field(default_factory=lambda: defaultdict(int))  # Timeliness -> bodies
    days_late: int = 0  # the most days late of an approval
    units: list = field(default_factory=list)  # per quarter: UnitsCount summed
    reports: list = field(default_factory=list)  # per quarter: Timeliness -> bodies
    items_due: int = 0
    executed: int = 0
    partial: int = 0
    not_executed: int = 0
    decisions_open: int = 0
    decisions_overdue: int = 0
    amendments: int = 0


@dataclass
class TrendPoint:
    """The filtered bodies' figures of one quarter or one year, for the charts."""

    label: str
    units: UnitsCount
    reports: dict  # Timeliness -> reports
    items_due: int = 0
    executed: int = 0
    partial: int = 0
    not_executed: int = 0
    approvals: dict = field(default_factory=dict)  # years only: Timeliness -> bodies


@dataclass
class Table:
    filters: Filters
    rows: list[BodyRow]
    totals: Totals
    years: list[int]
    quarter_trend: list[TrendPoint]
    year_trend: list[TrendPoint]
    today: date


def _add_units(a: UnitsCount, b: UnitsCount) -> UnitsCount:
    return UnitsCount(a.due + b.due, a.on_time + b.on_time, a.late + b.late, a.missing + b.missing,
                      a.pending + b.pending)


NO_UNITS = UnitsCount(0, 0, 0, 0, 0)


def _body_rows(filters: Filters, today: date, lang: str) -> list[BodyRow]:
    """Every body that passes the kind and region filters, with its kept figures of the year (two queries: the
    bodies joined with their year's row, then the year's quarters)."""
    bodies = (
        StateBody.objects.order_by("code").only("id", "code", "kind", "region", "name_kk", "name_ru", "name_en")
        .annotate(kept=FilteredRelation("year_summaries", condition=Q(year_summaries__year=filters.year)))
        .annotate(y_state=F("kept__state"), y_version=F("kept__version_in_force"), y_due=F("kept__approval_due_on"),
                  y_approved=F("kept__approved_on"), y_amendments=F("kept__amendments"),
                  y_open=F("kept__decisions_open"), y_due_dates=F("kept__open_decision_due_dates"))
    )
    if filters.kind:
        bodies = bodies.filter(kind=filters.kind)
    if filters.region:
        bodies = bodies.filter(region="" if filters.region == "none" else filters.region)
    kinds: dict[str, str] = {k: str(v) for k, v in BodyKind.choices}
    regions: dict[str, str] = {k: str(v) for k, v in Region.choices}
    states: dict[str, str] = {k: str(v) for k, v in PlanState.choices}
    rows: dict[int, BodyRow] = {}
    for body in bodies:
        row = rows[body.id] = BodyRow(body, localized(body, "name", lang), kinds.get(body.kind, body.kind),
                                      regions.get(body.region, ""), state_label=states[PlanState.NONE],
                                      quarters=[QuarterCell(q) for q in QUARTERS])
        state: str | None = body.y_state  # the annotations above
        if state is None:  # no kept row for the year: no plan
            continue
        due, approved_on = body.y_due, body.y_approved
        row.state, row.state_label, row.version = state, states.get(state, state), body.y_version or 0
        row.approval_due, row.approved_on = due, approved_on
        row.days_late = approval_days_late(due, approved_on, today)
        row.approval = approval_timeliness(due, approved_on, today)
        row.amendments, row.decisions_open = body.y_amendments or 0, body.y_open or 0
        due_dates = body.y_due_dates
        if isinstance(due_dates, str):  # a JSON column read through F() may come back undecoded
            due_dates = json.loads(due_dates)
        row.decisions_overdue = overdue_count((date.fromisoformat(d) for d in due_dates or ()), today)
    kept_quarters = QuarterSummary.objects.filter(year=filters.year).values_list(
        "body_id", "quarter", "info_due_on", "report_due_on", "units_due", "units_on_time", "units_late",
        "report_state", "report_submitted_on", "items_due", "executed", "partial", "not_executed")
    for (body_id, q, info_due, report_due, units_due, on_time, late, report_state, submitted_on, items, executed,
         partial, not_executed) in kept_quarters:
        kept = rows.get(body_id)
        if kept is None:
            continue
        cell = kept.quarters[q - 1]
        cell.units = units_count(units_due, on_time, late, info_due, today)
        submitted = submitted_on if report_state == QuarterSummary.ReportState.SUBMITTED else None
        cell.report, cell.report_on, cell.report_due = report_timeliness(submitted, report_due, today), submitted, \
            report_due
        kept.items_due += items
        kept.executed += executed
        kept.partial += partial
        kept.not_executed += not_executed
    result = list(rows.values())
    if filters.status:
        result = [r for r in result if r.state == filters.status]
    return result


def sort_rows(rows: list[BodyRow], sort: str, direction: str, lang: str) -> list[BodyRow]:
    """By the column ``sort``, then by name; rows with nothing in that column come last either way."""
    rows = sorted(rows, key=lambda r: collation_key(r.name, lang))
    if sort == "body":
        return rows[::-1] if direction == "desc" else rows
    key = SORT_KEYS[sort]
    present = [r for r in rows if key(r) is not None]
    absent = [r for r in rows if key(r) is None]
    present.sort(key=key, reverse=direction == "desc")  # stable: ties keep the name order
    return present + absent


def totals_of(rows: list[BodyRow]) -> Totals:
    t = Totals(bodies=len(rows))
    t.units = [NO_UNITS] * 4
    t.reports = [defaultdict(int) for _ in QUARTERS]
    states: dict = defaultdict(int)
    for r in rows:
        states[r.state] += 1
        t.approved += bool(r.version)
        t.approvals[r.approval] += 1
        t.days_late = max(t.days_late, r.days_late or 0)
        for i, cell in enumerate(r.quarters):
            if cell.units is not None:
                t.units[i] = _add_units(t.units[i], cell.units)
            if cell.report is not None:
                t.reports[i][cell.report] += 1
        t.items_due += r.items_due
        t.executed += r.executed
        t.partial += r.partial
        t.not_executed += r.not_executed
        t.decisions_open += r.decisions_open
        t.decisions_overdue += r.decisions_overdue
        t.amendments += r.amendments
    t.by_state = dict(states)
    return t


def _trends(filters: Filters, body_ids: list[int] | None, today: date) -> tuple[dict, dict]:
    """Grouped sums of every year's quarters and years for the filtered bodies (two queries).

    ``body_ids``: the bodies of the table when a status filter narrows it (the status is the year's);
    otherwise the kind and region filters are applied in the query."""
    scope = Q()
    if body_ids is not None:
        scope &= Q(body_id__in=body_ids)
    else:
        if filters.kind:
            scope &= Q(body__kind=filters.kind)
        if filters.region:
            scope &= Q(body__region="" if filters.region == "none" else filters.region)
    submitted = Q(report_state=QuarterSummary.ReportState.SUBMITTED)
    quarters = (
        QuarterSummary.objects.filter(scope).values("year", "quarter", "info_due_on", "report_due_on")
        .annotate(due=Sum("units_due"), on_time=Sum("units_on_time"), late=Sum("units_late"),
                  r_on_time=Count("id", filter=submitted & Q(report_late=False)),
                  r_late=Count("id", filter=submitted & Q(report_late=True)),
                  r_none=Count("id", filter=~submitted),
                  items=Sum("items_due"), executed=Sum("executed"), partial=Sum("partial"),
                  not_executed=Sum("not_executed"))
        .order_by("year", "quarter")
    )
    by_quarter: dict[tuple[int, int], TrendPoint] = {}
    for g in quarters:
        key = (g["year"], g["quarter"])
        point = by_quarter.setdefault(key, TrendPoint("", NO_UNITS, defaultdict(int)))
        point.units = _add_units(point.units, units_count(g["due"], g["on_time"], g["late"], g["info_due_on"], today))
        point.reports[Timeliness.ON_TIME] += g["r_on_time"]
        point.reports[Timeliness.LATE] += g["r_late"]
        point.reports[Timeliness.MISSING if today > g["report_due_on"] else Timeliness.PENDING] += g["r_none"]
        point.items_due += g["items"]
        point.executed += g["executed"]
        point.partial += g["partial"]
        point.not_executed += g["not_executed"]
    approved = Q(approved_on__isnull=False)
    years = (
        YearSummary.objects.filter(scope).values("year")
        .annotate(due=Count("id", filter=Q(approval_due_on__isnull=False)),
                  late=Count("id", filter=approved & Q(approved_on__gt=F("approval_due_on"))),
                  on_time=Count("id", filter=approved & Q(approved_on__lte=F("approval_due_on"))),
                  missing=Count("id", filter=Q(approved_on__isnull=True, approval_due_on__lt=today)),
                  pending=Count("id", filter=Q(approved_on__isnull=True, approval_due_on__gte=today)))
        .order_by("year")
    )
    by_year = {g["year"]: {Timeliness.ON_TIME: g["on_time"], Timeliness.LATE: g["late"],
                           Timeliness.MISSING: g["missing"], Timeliness.PENDING: g["pending"]} for g in years}
    return by_quarter, by_year


def quarter_label(q: int, lang: str) -> str:
    return rules.ReportingPeriod(2000, q).label(lang)


def bodies_table(filters: Filters, today: date, lang: str | None = None) -> Table:
    """The national table of ``filters.year``: rows sorted and filtered, totals, and the trends (four queries)."""
    lang = lang or current_lang()
    rows = sort_rows(_body_rows(filters, today, lang), filters.sort, filters.dir, lang)
    by_quarter, by_year = _trends(filters, [r.body.id for r in rows] if filters.status else None, today)
    years = sorted(set(by_year) | {y for y, _q in by_quarter} | {today.year, filters.year})  # of the filtered bodies
    quarter_trend = []
    for q in QUARTERS:
        point = by_quarter.get((filters.year, q)) or TrendPoint("", NO_UNITS, defaultdict(int))
        point.label = quarter_label(q, lang)
        quarter_trend.append(point)
    year_trend = []
    for year in sorted({y for y, _ in by_quarter} | set(by_year)):
        point = TrendPoint(str(year), NO_UNITS, defaultdict(int), approvals=by_year.get(year, {}))
        for q in QUARTERS:
            quarter = by_quarter.get((year, q))
            if quarter is None:
                continue
            point.units = _add_units(point.units, quarter.units)
            for k, n in quarter.reports.items():
                point.reports[k] += n
            point.items_due += quarter.items_due
            point.executed += quarter.executed
            point.partial += quarter.partial
            point.not_executed += quarter.not_executed
        year_trend.append(point)
    return Table(filters, rows, totals_of(rows), years, quarter_trend, year_trend, today)


# --- the drill-down: one body's approved plan and submitted reports ------------------------------------------

@dataclass
class BodyPlan:
    body: StateBody
    plan: OperationalPlan | None
    versions: list[PlanVersion]  # approved only, oldest first
    periods: list[ReportingPeriod]
    reports: dict  # quarter -> the submitted Report
    documents: dict  # ("v", version_id) or ("r", report_id) -> [StoredDocument without its bytes]


def body_plan(body: StateBody, year: int) -> BodyPlan:
    """One body's plan of ``year`` as the national user may see it: approved versions, submitted reports and
    the files stored for them (a fixed number of queries; the files' bytes are not read)."""
    plan = (OperationalPlan.objects.filter(body=body, year=year).select_related("body", "development_plan")
            .first())
    if plan is None:
        return BodyPlan(body, None, [], [], {}, {})
    versions = list(plan.versions.filter(status=PlanVersion.Status.APPROVED).select_related("approved_by__person")
                    .order_by("number"))
    for v in versions:
        v.plan = plan
    periods = list(plan.reporting_periods.order_by("quarter"))
    for p in periods:
        p.plan = plan
    reports = {r.period.quarter: r for r in Report.objects.filter(period__plan=plan, status=ReportStatus.SUBMITTED)
               .select_related("period", "submitted_by__person")}
    documents = stored_documents(versions, list(reports.values()))
    return BodyPlan(body, plan, versions, periods, reports, documents)


def stored_documents(versions: list[PlanVersion], reports: list[Report]) -> dict:
    """The stored files of approved versions and submitted reports (those still served), without their bytes."""
    found: dict = defaultdict(list)
    approved = [v.id for v in versions if v.is_approved]
    submitted = [r.id for r in reports if r.is_submitted]
    if not approved and not submitted:
        return found
    docs = (StoredDocument.objects.filter(Q(form=StoredDocument.Form.FORM1, version_id__in=approved)
                                          | Q(form=StoredDocument.Form.FORM2, report_id__in=submitted,
                                              withdrawn_at__isnull=True))
            .only("id", "form", "version_id", "report_id", "lang", "fmt", "filename", "size")
            .order_by("lang", "fmt"))
    for doc in docs:
        found[("v", doc.version_id) if doc.form == StoredDocument.Form.FORM1 else ("r", doc.report_id)].append(doc)
    return found


def servable_document(pk: int) -> StoredDocument | None:
    """A stored file the national user may download: Form 1 of an approved version, or Form 2 of a report that
    is submitted and not taken back. None otherwise."""
    doc = StoredDocument.objects.select_related("version", "report").filter(pk=pk).first()
    if doc is None:
        return None
    if doc.form == StoredDocument.Form.FORM1:
        return doc if doc.version is not None and doc.version.is_approved else None
    ok = doc.report is not None and doc.report.is_submitted and doc.withdrawn_at is None
    return doc if ok else None
