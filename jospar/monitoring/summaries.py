"""Keeping the national view's figures (`summary_models`): computed from submitted and approved data only.

One function computes a plan's figures from scratch (`keep_plan`); `rebuild` runs it for every plan (or a
body's, or a year's) and removes the rows of plans that no longer exist. The services keep the figures in
their own transaction, each recomputing only what its action can change, in a fixed number of queries:

- the plan opened, an amendment opened, a version sent for approval or returned (planning's `plan_changed`)
  → `keep_state`: the year row's state and versions;
- a version approved (planning's `version_approved`) → `keep_plan`: everything (the version in force of
  every quarter may change, and the first approval opens the reporting);
- a unit's information submitted or returned in a quarter → `keep_unit_info`: that quarter and the later
  ones (an occurrence executed in a quarter no longer asks anything of its unit in the later ones);
- the report submitted, returned or recalled → `keep_report`: that quarter's report;
- a decision recorded or reported carried out → `keep_decisions`: the year row's open decisions.

Every keeping locks the plan's year row first and reads after it, so two actions on one plan keep the
figures one after the other (PostgreSQL's READ COMMITTED then shows the second what the first committed).
A plan whose rows are missing (opened before the figures were kept, or written around the services) gets
them all computed by the first keeping that meets it.

The figures, per plan (body and year) and quarter — what depends on today is derived on reading
(`jospar.rules.timeliness`):

- units with anything due: the lead executors of an event of the version in force at the quarter's end
  with anything to report in the quarter (an occurrence due in it, one due earlier and not executed by a
  submitted entry of an earlier quarter, or «within the year» in progress), as the period's units page and
  Form 2's timeliness table count them; on time and late: those of them whose information came (a
  submission returned for correction still counts, by its first submission);
- items due: the occurrences attributed to the quarter (`Deadline.occurrences`) of the events not
  cancelled in the version in force at its end; executed, partial, not executed, in progress: the quarter's
  submitted entries of those occurrences by their status (an occurrence is counted once, in its quarter:
  the quarters add up to the year);
- the report: submitted or not, its date, and its lateness (the first submission's: a report taken back and
  submitted again keeps it); a report returned or recalled is a draft again and not counted;
- the year: the state of the plan, the newest approved version, the approval due date and the first
  approval's date, the approved amendments, the decisions on the year's reports not yet carried out and the
  due dates of those that have one.
"""
from collections import defaultdict
from collections.abc import Callable
from datetime import date

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from jospar import rules
from jospar.orgs.models import StateBody
from jospar.planning import selectors as plan_selectors
from jospar.planning.models import OperationalPlan, PlanVersion

from .models import Decision, EntryState, ExecutionEntry, Report, ReportingPeriod, ReportStatus, UnitSubmission
from .selectors import in_force_among
from .summary_models import PlanState, QuarterSummary, YearSummary
from .walk import Occurrences, event_infos, has_items

QUARTERS = (1, 2, 3, 4)
STATE_FIELDS = ("state", "version_in_force", "approval_due_on", "approved_on", "amendments")
DECISION_FIELDS = ("decisions_open", "open_decision_due_dates")
YEAR_FIELDS = (*STATE_FIELDS, *DECISION_FIELDS)
DATE_FIELDS = ("info_due_on", "report_due_on")
REPORT_FIELDS = ("report_state", "report_submitted_on", "report_late")
QUARTER_FIELDS = (*DATE_FIELDS, *QuarterSummary.COUNTS, *REPORT_FIELDS)
Approved = PlanVersion.Status.APPROVED


# ---- the figures, from what was read (plain Python) ------------------------------------------------------

def state_fields(plan: OperationalPlan, versions: list[PlanVersion]) -> dict:
    """The year row's state and versions, from all the plan's versions (oldest first)."""
    approved = [v for v in versions if v.status == Approved]
    open_ = [v for v in versions if v.status != Approved]
    if approved:
        state = PlanState.AMENDING if open_ else PlanState.APPROVED
    elif open_:
        state = PlanState.ON_APPROVAL if open_[-1].status == PlanVersion.Status.ON_APPROVAL else PlanState.DRAFT
    else:
        state = PlanState.NONE
    first = next((v for v in approved if v.number == 1), None)
    return {
        "state": state.value,
        "version_in_force": max((v.number for v in approved), default=0),
        "approval_due_on": plan.approval_due,
        "approved_on": first.approved_on if first else None,
        "amendments": sum(1 for v in approved if v.number > 1),
    }


def decision_fields(due_dates: list[date | None]) -> dict:
    """The year row's open decisions, from the due dates (None: undated) of those not carried out."""
    return {"decisions_open": len(due_dates),
            "open_decision_due_dates": sorted(d.isoformat() for d in due_dates if d is not None)}


def date_fields(year: int, quarter: int, edition) -> dict:
    period = rules.ReportingPeriod(year, quarter)
    return {"info_due_on": period.info_due_on(edition), "report_due_on": period.report_due_on(edition)}


def report_fields(report: tuple | None) -> dict:
    """A quarter's report, from its (submitted_on, is_late) when submitted, else None."""
    if report is None:
        return {"report_state": QuarterSummary.ReportState.NONE.value, "report_submitted_on": None,
                "report_late": False}
    submitted_on, late = report
    return {"report_state": QuarterSummary.ReportState.SUBMITTED.value, "report_submitted_on": submitted_on,
            "report_late": late}


def unit_fields(year: int, approved: list[PlanVersion], quarters, infos_of, entries, submissions) -> dict:
    """Per quarter of ``quarters``, the units' and the execution counts (`QuarterSummary.COUNTS`).

    ``approved``: the approved versions in the order they came into force; ``infos_of(version)``: its events
    (`walk.event_infos`); ``entries``: (quarter, event, occurrence, status) of the plan's submitted entries
    (those of ``quarters``, and the executed ones before them); ``submissions``: (quarter, unit, is_late).
    """
    status_in: dict[int, dict] = defaultdict(dict)
    closed: dict[int, set] = {q: set() for q in QUARTERS}  # executed in an earlier quarter: asks nothing more
    for quarter, event_id, occurrence, status in entries:
        status_in[quarter][(event_id, occurrence)] = status
        if status == rules.ExecutionStatus.EXECUTED:
            for later in range(quarter + 1, 5):
                closed[later].add((event_id, occurrence))
    came: dict[int, list] = defaultdict(list)
    for quarter, unit_id, late in submissions:
        came[quarter].append((unit_id, late))
    occurrences = Occurrences(year)
    out = {}
    for quarter in quarters:
        counts = dict.fromkeys(QuarterSummary.COUNTS, 0)
        out[quarter] = counts
        version = in_force_among(approved, rules.ReportingPeriod(year, quarter).end)
        if version is None:
            continue
        units: set[int] = set()
        statuses = status_in[quarter]
        for info in infos_of(version):
            if info.cancelled:
                continue
            lead = info.lead_unit_id
            if lead is not None and lead not in units and has_items(info, quarter, occurrences, closed[quarter]):
                units.add(lead)
            for index, _due, _q in occurrences.split(info, quarter)[1]:
                counts["items_due"] += 1
                status = statuses.get((info.event_id, index))
                if status:
                    counts[status] += 1
        counts["units_due"] = len(units)
        for unit_id, late in came[quarter]:
            if unit_id in units:
                counts["units_late" if late else "units_on_time"] += 1
    return out


# ---- reading -------------------------------------------------------------------------------------------

def _approved(versions: list[PlanVersion], plan: OperationalPlan) -> list[PlanVersion]:
    """The approved ones in the order they came into force (as `planning.selectors.approved_versions`)."""
    approved = sorted((v for v in versions if v.status == Approved), key=lambda v: (v.approved_on, v.number))
    for v in approved:
        v.plan = plan
    return approved


def _infos_reader() -> Callable[[PlanVersion], list]:
    """``infos_of(version)``: each version's events read once (two queries)."""
    read: dict[int, list] = {}

    def infos_of(version: PlanVersion) -> list:
        found = read.get(version.pk)
        if found is None:
            found = read[version.pk] = event_infos(version)
        return found

    return infos_of


def _entries(plan_id: int, quarters) -> list[tuple]:
    """(quarter, event, occurrence, status) of the submitted entries of ``quarters``, and of the executed ones
    before them (they close an occurrence for the later quarters). Never a draft or a returned entry."""
    first = min(quarters)
    return list(
        ExecutionEntry.objects.filter(period__plan_id=plan_id, state=EntryState.SUBMITTED)
        .filter(Q(period__quarter__in=list(quarters))
                | Q(period__quarter__lt=first, status=rules.ExecutionStatus.EXECUTED.value))
        .values_list("period__quarter", "event_id", "occurrence", "status")
    )


def _submissions(plan_id: int, quarters) -> list[tuple]:
    return list(UnitSubmission.objects.filter(period__plan_id=plan_id, period__quarter__in=list(quarters))
                .values_list("period__quarter", "unit_id", "is_late"))


def _reports(plan_id: int) -> dict[int, tuple]:
    """Quarter → (submitted_on, is_late) of the plan's submitted reports (a draft report is never read)."""
    return {q: (on, late) for q, on, late in
            Report.objects.filter(period__plan_id=plan_id, status=ReportStatus.SUBMITTED)
            .values_list("period__quarter", "submitted_on", "is_late")}


def _open_decisions(plan_id: int) -> list[date | None]:
    return list(Decision.objects.filter(report__period__plan_id=plan_id, done_on__isnull=True)
                .order_by("id").values_list("due_on", flat=True))


# ---- writing -------------------------------------------------------------------------------------------

def _lock(plan: OperationalPlan) -> tuple[YearSummary, bool]:
    """The plan's year row, locked until the transaction ends; created (empty) when missing (True)."""
    row = YearSummary.objects.select_for_update().filter(body_id=plan.body_id, year=plan.year).first()
    if row is not None:
        return row, False
    YearSummary.objects.bulk_create([YearSummary(body_id=plan.body_id, year=plan.year)], ignore_conflicts=True)
    return YearSummary.objects.select_for_update().get(body_id=plan.body_id, year=plan.year), True


def _differs(row, fields: dict) -> bool:
    return any(getattr(row, name) != value for name, value in fields.items())


def _save_year(row: YearSummary, fields: dict) -> int:
    if not _differs(row, fields):
        return 0
    for name, value in fields.items():
        setattr(row, name, value)
    row.updated_at = timezone.now()
    YearSummary.objects.filter(pk=row.pk).update(**fields, updated_at=row.updated_at)
    return 1


def _save_quarters(plan: OperationalPlan, by_quarter: dict[int, dict]) -> int:
    """Write the quarters' fields that changed (rows created when missing); how many rows changed."""
    existing = {row.quarter: row for row in
                QuarterSummary.objects.filter(body_id=plan.body_id, year=plan.year, quarter__in=list(by_quarter))}
    now = timezone.now()
    changed: list[QuarterSummary] = []
    created: list[QuarterSummary] = []
    names: set[str] = set()
    for quarter, fields in by_quarter.items():
        row = existing.get(quarter)
        if row is None:
            created.append(QuarterSummary(body_id=plan.body_id, year=plan.year, quarter=quarter, updated_at=now,
                                          **fields))
        elif _differs(row, fields):
            names.update(name for name, value in fields.items() if getattr(row, name) != value)
            for name, value in fields.items():
                setattr(row, name, value)
            row.updated_at = now
            changed.append(row)
    if created:
        QuarterSummary.objects.bulk_create(created)
    if changed:
        QuarterSummary.objects.bulk_update(changed, [*sorted(names), "updated_at"])
    return len(created) + len(changed)


# ---- keeping (called by the services, inside their transaction) ----------------------------------------

def keep_plan(plan: OperationalPlan) -> int:
    """Every figure of the plan, from scratch (a version approved; `rebuild`); how many rows changed."""
    with transaction.atomic(savepoint=False):  # joins the service's transaction
        row, created = _lock(plan)
        year, quarters = _keep_all(plan, row)
        return max(year, int(created)) + quarters


def _keep_all(plan: OperationalPlan, row: YearSummary) -> tuple[int, int]:
    """(year rows changed, quarter rows changed)"""
    versions = plan_selectors.versions_by_plan([plan.pk]).get(plan.pk, [])
    approved = _approved(versions, plan)
    edition = plan.edition
    quarters: dict[int, dict] = {q: date_fields(plan.year, q, edition) for q in QUARTERS}
    if approved:  # nothing is reported on a plan never approved
        counts = unit_fields(plan.year, approved, QUARTERS, _infos_reader(), _entries(plan.pk, QUARTERS),
                             _submissions(plan.pk, QUARTERS))
        reports = _reports(plan.pk)
        decisions = _open_decisions(plan.pk)
    else:
        counts, reports, decisions = {q: dict.fromkeys(QuarterSummary.COUNTS, 0) for q in QUARTERS}, {}, []
    for q in QUARTERS:
        quarters[q].update(counts[q], **report_fields(reports.get(q)))
    return (_save_year(row, {**state_fields(plan, versions), **decision_fields(decisions)}),
            _save_quarters(plan, quarters))


def keep_state(plan: OperationalPlan) -> None:
    """The plan opened, an amendment opened, a version sent for approval or returned: its state (3 queries)."""
    with transaction.atomic(savepoint=False):  # joins the service's transaction
        row, created = _lock(plan)
        if created:
            _keep_all(plan, row)
            return
        versions = plan_selectors.versions_by_plan([plan.pk]).get(plan.pk, [])
        _save_year(row, state_fields(plan, versions))


def keep_unit_info(period: ReportingPeriod) -> None:
    """A unit's information submitted or returned: the quarter's and the later quarters' units and execution
    (an occurrence executed in a quarter asks nothing of its unit in the later ones). A fixed number of
    queries: the year row, the approved versions, the events of each version in force (two), the entries,
    the submissions, the rows and the write."""
    plan = period.plan
    with transaction.atomic(savepoint=False):  # joins the service's transaction
        row, created = _lock(plan)
        if created:
            _keep_all(plan, row)
            return
        quarters = tuple(range(period.quarter, 5))
        approved = plan_selectors.approved_versions(plan)
        counts = unit_fields(plan.year, approved, quarters, _infos_reader(), _entries(plan.pk, quarters),
                             _submissions(plan.pk, quarters))
        _save_quarters(plan, counts)


def keep_report(report: Report) -> None:
    """The report submitted, returned or recalled: its quarter's report (two queries)."""
    period = report.period
    plan = period.plan
    with transaction.atomic(savepoint=False):  # joins the service's transaction
        row, created = _lock(plan)
        if created:
            _keep_all(plan, row)
            return
        fields = report_fields((report.submitted_on, report.is_late) if report.is_submitted else None)
        updated = QuarterSummary.objects.filter(body_id=plan.body_id, year=plan.year, quarter=period.quarter
                                                ).update(**fields, updated_at=timezone.now())
        if not updated:  # the year row was there, the quarter's not (written around the services)
            _keep_all(plan, row)


def keep_decisions(plan: OperationalPlan) -> None:
    """A decision recorded or reported carried out: the plan's open decisions (three queries)."""
    with transaction.atomic(savepoint=False):  # joins the service's transaction
        row, created = _lock(plan)
        if created:
            _keep_all(plan, row)
            return
        _save_year(row, decision_fields(_open_decisions(plan.pk)))


# ---- rebuilding (manage.py rebuild_summaries, the data migration) ---------------------------------------

def rebuild(body: StateBody | int | None = None, year: int | None = None) -> int:
    """Recompute the figures of every plan (``body``'s, ``year``'s) from scratch, each plan in its own
    transaction, and remove the rows of plans that no longer exist. Idempotent; how many rows changed.
    A fixed number of queries per plan (about ten, and two for each version in force of a quarter)."""
    body_id = body.pk if isinstance(body, StateBody) else body
    changed = 0
    plans = list(plan_selectors.plans_of(body_id, year))
    for plan in plans:
        changed += keep_plan(plan)
    scope = {k: v for k, v in (("body_id", body_id), ("year", year)) if v is not None}
    have = {(p.body_id, p.year) for p in plans}
    for model in (YearSummary, QuarterSummary):
        stale = [pk for pk, b, y in model.objects.filter(**scope).values_list("pk", "body_id", "year")
                 if (b, y) not in have]
        if stale:
            changed += model.objects.filter(pk__in=stale).delete()[0]
    return changed


def figures_of(body_id: int, year: int) -> tuple[dict, dict[int, dict]]:
    """The kept figures of a body's year as plain values (the year row's, and each quarter's): what the tests
    compare with a rebuild; ({}, {}) when none are kept."""
    row = YearSummary.objects.filter(body_id=body_id, year=year).values(*YEAR_FIELDS).first() or {}
    quarters = {r.pop("quarter"): r for r in QuarterSummary.objects.filter(body_id=body_id, year=year)
                .values("quarter", *QUARTER_FIELDS)}
    return row, quarters
