"""Many state bodies, built fast: the data of the national benchmark (bench_national.py).

`build(count, events, year)` adds `count` bodies, each with 30 units, a development plan (3 directions,
6 macroindicators, 6 goals, 18 target indicators, 5 Section II tasks), an operational plan of `events`
events whose version 1 is approved (one to three executors each, every kind of deadline), its four
reporting periods with the units' entries and submissions, the four reports (submitted, a few late, the
IV quarter's missing at some bodies), decisions on them, and the kept figures of the national view
(`monitoring.summary_models.YearSummary` and `QuarterSummary`) filled with the values the built data
implies. Every body has the same plan (the entries of a quarter are worked out once, with monitoring's own
walk rules, and repeated); the bodies differ in kind, region, approval date and timeliness.

Rows go in with PostgreSQL's COPY, with their ids chosen here (the sequences are moved past them after),
and with `bulk_create` on other databases (the suite's SQLite: tests/bench builds two bodies of five
events). No row passes through a model's save() or the frozen-version guards: the version is written
approved from the start, as a data migration would. Nothing here writes the audit trail (history tables).
"""
import json
import os
import sys
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth.models import User
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.utils import timezone

from jospar import rules
from jospar.monitoring.models import (
    Decision,
    EntryState,
    ExecutionEntry,
    Report,
    ReportingPeriod,
    UnitSubmission,
)
from jospar.monitoring.summary_models import PlanState, QuarterSummary, YearSummary
from jospar.monitoring.walk import DUE, IN_PROGRESS, EventInfo, Occurrences, items_in
from jospar.orgs.models import BodyKind, Membership, Office, OrgUnit, Person, Region, Role, StateBody
from jospar.planning.models import (
    CompletionForm,
    DevelopmentPlan,
    Event,
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
from jospar.rulebook import editions

YEAR = 2025
UNITS = 30
EDITION_KEY = "dpm-mne-28-2025"
ALMATY = ZoneInfo("Asia/Almaty")
REGIONS = [r.value for r in Region]


# ---- writing rows ------------------------------------------------------------------------------------------

def _is_postgres() -> bool:
    return connection.vendor == "postgresql"


class Ids:
    """The next free id of each table, read once per build: rows get their ids here, before they are written."""

    def __init__(self):
        self._next: dict = {}

    def take(self, model, n: int) -> int:
        """The first of `n` consecutive ids for `model`."""
        if model not in self._next:
            top = model._base_manager.aggregate(top=models.Max("pk"))["top"] or 0
            self._next[model] = top + 1
        first = self._next[model]
        self._next[model] += n
        return first


def insert(model, fields: tuple[str, ...], rows) -> int:
    """Write `rows` (tuples of `fields`, attnames, the id first) into `model`'s table; every other column gets
    the field's default (auto_now fields: now). COPY on PostgreSQL, bulk_create elsewhere. Returns the count."""
    concrete = {f.attname: f for f in model._meta.concrete_fields}
    unknown = set(fields) - set(concrete)
    if unknown:
        raise ValueError(f"{model.__name__} has no column {sorted(unknown)}")
    blank, now = model(), timezone.now()
    rest = []
    for name, field in concrete.items():
        if name in fields or field.primary_key:  # an id not given: the database numbers the row
            continue
        value = now if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False) else getattr(
            blank, name)
        if value is None and not field.null:
            raise ValueError(f"{model.__name__}.{name} needs a value")
        rest.append((name, value))
    names = [*fields, *(n for n, _v in rest)]
    tail = tuple(v for _n, v in rest)
    if not _is_postgres():
        objs = [model(**dict(zip(names, (*row, *tail), strict=True))) for row in rows]
        models.QuerySet(model).bulk_create(objs, batch_size=500)  # the plain queryset: no frozen guards
        return len(objs)
    json_at = [i for i, n in enumerate(names) if isinstance(concrete[n], models.JSONField)]
    columns = ", ".join(connection.ops.quote_name(concrete[n].column) for n in names)
    count = 0
    connection.ensure_connection()
    with connection.connection.cursor() as cursor, cursor.copy(
            f"COPY {connection.ops.quote_name(model._meta.db_table)} ({columns}) FROM STDIN") as copy:
        for row in rows:
            full = (*row, *tail)
            if json_at:
                full = tuple(json.dumps(v) if i in json_at else v for i, v in enumerate(full))
            copy.write_row(full)
            count += 1
    return count


def _defer_foreign_key_checks() -> None:
    """PostgreSQL checks each written row's foreign keys by a trigger, a query per row and key, queued to the
    commit (Django's constraints are deferred): most of a COPY's time. The ids here are made to match, so the
    build turns the triggers off while it writes (`session_replication_role`, for a superuser only, as the
    private bench server's `postgres`; others write with the checks). Unique, CHECK and NOT NULL constraints
    still hold."""
    if _is_postgres():
        with connection.cursor() as cursor:
            cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
            if cursor.fetchone()[0]:
                cursor.execute("SET LOCAL session_replication_role = replica")


def _check_foreign_keys_again() -> None:
    """Back to the ordinary mode for the rest of the transaction (the suite builds inside a test's)."""
    if _is_postgres():
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL session_replication_role = DEFAULT")


def reset_sequences(written) -> None:
    """Move each table's id sequence past the ids chosen here (PostgreSQL; SQLite needs nothing)."""
    if not _is_postgres():
        return
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), list(written)):
            cursor.execute(sql)


def analyze() -> None:
    """Fresh planner statistics, as autovacuum would have them on a server that has run for a while."""
    if _is_postgres():
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


# ---- the plan every body has --------------------------------------------------------------------------------

def deadlines(year: int) -> list[dict]:
    """Every kind of deadline, as tests.factories.DEADLINES, in `year`."""
    return [
        {"deadline_kind": "quarter", "deadline_quarter": 4},
        {"deadline_kind": "date", "deadline_date": date(year, 7, 1)},
        {"deadline_kind": "month", "deadline_month": 9},
        {"deadline_kind": "yearly", "deadline_month": 12, "deadline_day": 20},
        {"deadline_kind": "half_yearly"},
        {"deadline_kind": "quarterly", "deadline_day": 5},
        {"deadline_kind": "monthly"},
        {"deadline_kind": "within_year"},
    ]


ANCHOR_KINDS = (  # 38 anchors: (kind, direction, goal) as plan_with_events spreads events over them
    [("macroindicator", d, None) for d in range(3) for _m in range(2)]
    + [("target_indicator", d, g) for d in range(3) for g in range(2) for _t in range(3)]
    + [("regulation_task", None, None)] * 5
)


def status_of(i: int, kind: str) -> str:
    if kind == IN_PROGRESS:
        return "in_progress"
    return "not_executed" if i % 9 == 0 else "partial" if i % 13 == 0 else "executed"


@dataclass
class Template:
    """One body's plan worked out once: per event its anchor, deadline and executors (unit indexes), and per
    quarter the work items its lead executors report on (monitoring's walk rules: carried, due, in progress)."""

    events: int
    year: int
    executors: list  # per event: unit indexes, the lead first
    deadline_of: list  # per event: its deadline's fields
    items: dict  # quarter -> [(event index, occurrence, due on, quarter due, kind)]

    @classmethod
    def make(cls, events: int, year: int) -> "Template":
        kinds = deadlines(year)
        executors = [[(i + k) % UNITS for k in range(1 + i % 3)] for i in range(events)]
        deadline_of = [kinds[i % len(kinds)] for i in range(events)]
        infos = []
        for i, fields in enumerate(deadline_of):
            d = rules.Deadline(rules.DeadlineKind(fields["deadline_kind"]), fields.get("deadline_date"),
                               fields.get("deadline_month"), fields.get("deadline_quarter"),
                               fields.get("deadline_day"))
            key = tuple(sorted(fields.items()))
            infos.append(EventInfo(i, i, "", executors[i], [""] * len(executors[i]), d, key, "", "", None))
        occurrences, closed, items = Occurrences(year), set(), {}
        for quarter in (1, 2, 3, 4):
            items[quarter] = [(it.event_id, it.occurrence, it.due, it.quarter, it.kind)
                              for info in infos for it in items_in(info, quarter, occurrences, closed)]
            closed |= {(i, occ) for i, occ, _d, _q, kind in items[quarter] if status_of(i + 1, kind) == "executed"}
        return cls(events, year, executors, deadline_of, items)

    @property
    def executor_count(self) -> int:
        return sum(len(x) for x in self.executors)


# ---- what differs between bodies -----------------------------------------------------------------------------

def at(day: date, hour: int = 11) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=ALMATY)


def unit_late(b: int, unit: int, quarter: int) -> bool:
    return (b * 7 + unit * 3 + quarter) % 17 == 0


def unit_missing(b: int, unit: int, quarter: int) -> bool:
    return (b * 5 + unit + quarter * 11) % 29 == 0


def report_missing(b: int, quarter: int) -> bool:
    return quarter == 4 and b % 10 == 3


def report_late(b: int, quarter: int) -> bool:
    return (b + quarter) % 6 == 0


def body_kind(b: int) -> tuple[str, str]:
    """(kind, region): central bodies and their committees, then regional and local akimats."""
    n = b % 10
    if n < 3:
        return BodyKind.CENTRAL, ""
    if n < 5:
        return BodyKind.COMMITTEE, ""
    return (BodyKind.REGIONAL_AKIMAT if n < 7 else BodyKind.LOCAL_AKIMAT), REGIONS[b % len(REGIONS)]


@dataclass
class Built:
    """What the benchmark needs of a built body."""

    body_id: int
    plan_id: int
    version_id: int
    planner_id: int
    unit_ids: list


# ---- the build -------------------------------------------------------------------------------------------------

def build(count: int, events: int, year: int = YEAR, prefix: str = "nb", offset: int = 0) -> list[Built]:
    """`count` bodies of `events` events each (codes `<prefix><offset + b>`), in one transaction."""
    template = Template.make(events, year)
    edition = editions.edition(EDITION_KEY)
    signed_on = date(year - 1, 12, 20)
    due_on = rules.approval_due(signed_on, edition)
    periods = {q: rules.ReportingPeriod(year, q) for q in (1, 2, 3, 4)}
    info_due = {q: p.info_due_on(edition) for q, p in periods.items()}
    report_due = {q: p.report_due_on(edition) for q, p in periods.items()}
    ids = Ids()
    n_anchor = len(ANCHOR_KINDS)
    base = {m: ids.take(m, count * k) for m, k in (
        (StateBody, 1), (OrgUnit, UNITS), (User, 2), (DevelopmentPlan, 1), (StrategicDirection, 3),
        (Macroindicator, 6), (Goal, 6), (TargetIndicator, 18), (RegulationTask, 5), (CompletionForm, 1),
        (OperationalPlan, 1), (PlanVersion, 1), (Event, events), (EventRevision, events),
        (EventExecutor, template.executor_count), (ReportingPeriod, 4), (Report, 4))}
    written: list = []
    with transaction.atomic():
        _defer_foreign_key_checks()
        _bodies(base, count, prefix, offset, written)
        _people(base, count, prefix, offset, written)
        _development_plans(base, count, signed_on, year, written)
        _plans(base, count, year, due_on, offset, template, n_anchor, written)
        _monitoring(base, count, offset, template, info_due, report_due, ids, written)
        _summaries(base, count, offset, template, year, due_on, info_due, report_due, written)
        reset_sequences(written)
        _check_foreign_keys_again()
    return [Built(base[StateBody] + b, base[OperationalPlan] + b, base[PlanVersion] + b, base[User] + 2 * b,
                  list(range(base[OrgUnit] + b * UNITS, base[OrgUnit] + (b + 1) * UNITS))) for b in range(count)]


def _write(written, model, fields, rows):
    start = time.perf_counter()
    count = insert(model, fields, rows)
    written.append(model)
    if os.environ.get("BENCH_TRACE"):
        print(f"  {model.__name__}: {count} rows in {time.perf_counter() - start:.2f} s", file=sys.stderr)


def _bodies(base, count, prefix, offset, written):
    def bodies():
        for b in range(count):
            kind, region = body_kind(offset + b)
            n = offset + b + 1
            name_ru = (f"Министерство {n}" if kind == BodyKind.CENTRAL else f"Комитет {n}"
                       if kind == BodyKind.COMMITTEE else f"Акимат {n}")
            name_kk = (f"{n}-министрлік" if kind == BodyKind.CENTRAL else f"{n}-комитет"
                       if kind == BodyKind.COMMITTEE else f"{n}-әкімдік")
            yield (base[StateBody] + b, f"{prefix}{offset + b}", kind, region, name_kk, name_ru, f"Body {n}")

    _write(written, StateBody, ("id", "code", "kind", "region", "name_kk", "name_ru", "name_en"), bodies())
    _write(written, OrgUnit, ("id", "body_id", "code", "name_kk", "name_ru", "position", "is_planning"), (
        (base[OrgUnit] + b * UNITS + u, base[StateBody] + b, f"u{u}", f"{u + 1}-бөлім", f"Отдел {u + 1}", u, u == 0)
        for b in range(count) for u in range(UNITS)))
    _write(written, CompletionForm, ("id", "body_id", "code", "name_kk", "name_ru"), (
        (base[CompletionForm] + b, base[StateBody] + b, "order", "Министрдің бұйрығы", "Приказ министра")
        for b in range(count)))


def _people(base, count, prefix, offset, written):
    """Per body its planner (the planning unit) and its executive (chief of staff); no usable password."""
    _write(written, User, ("id", "username", "password", "first_name", "last_name", "is_active"), (
        (base[User] + 2 * b + k, f"{prefix}{offset + b}-{('planner', 'executive')[k]}", "!", "Ерлан",
         f"Ахметов{offset + b}", True) for b in range(count) for k in (0, 1)))
    _write(written, Person, ("user_id", "patronymic"), ((base[User] + i, "Сәкенұлы") for i in range(2 * count)))
    _write(written, Membership, ("user_id", "body_id", "role", "unit_id", "office"), (
        row for b in range(count) for row in (
            (base[User] + 2 * b, base[StateBody] + b, Role.PLANNER, base[OrgUnit] + b * UNITS, ""),
            (base[User] + 2 * b + 1, base[StateBody] + b, Role.EXECUTIVE, None, Office.CHIEF_OF_STAFF))))


def _development_plans(base, count, signed_on, year, written):
    _write(written, DevelopmentPlan, ("id", "body_id", "title_kk", "title_ru", "year_from", "year_to", "signed_on"), (
        (base[DevelopmentPlan] + b, base[StateBody] + b, "Даму жоспары", "План развития", year, year + 4, signed_on)
        for b in range(count)))
    _write(written, StrategicDirection, ("id", "plan_id", "position", "name_kk", "name_ru"), (
        (base[StrategicDirection] + b * 3 + d, base[DevelopmentPlan] + b, d + 1, f"{d + 1}-бағыт",
         f"Направление {d + 1}") for b in range(count) for d in range(3)))
    _write(written, Macroindicator, ("id", "direction_id", "position", "name_kk", "name_ru"), (
        (base[Macroindicator] + b * 6 + d * 2 + m, base[StrategicDirection] + b * 3 + d, m + 1,
         f"{m + 1}-макроиндикатор", f"Макроиндикатор {m + 1}") for b in range(count) for d in range(3)
        for m in range(2)))
    _write(written, Goal, ("id", "direction_id", "position", "name_kk", "name_ru"), (
        (base[Goal] + b * 6 + d * 2 + g, base[StrategicDirection] + b * 3 + d, g + 1, f"{g + 1}-мақсат",
         f"Цель {g + 1}") for b in range(count) for d in range(3) for g in range(2)))
    _write(written, TargetIndicator, ("id", "goal_id", "position", "name_kk", "name_ru"), (
        (base[TargetIndicator] + b * 18 + g * 3 + t, base[Goal] + b * 6 + g, t + 1, f"{t + 1}-индикатор",
         f"Индикатор {t + 1}") for b in range(count) for g in range(6) for t in range(3)))
    _write(written, RegulationTask, ("id", "plan_id", "position", "name_kk", "name_ru"), (
        (base[RegulationTask] + b * 5 + r, base[DevelopmentPlan] + b, r + 1, f"{r + 1}-міндет", f"Задача {r + 1}")
        for b in range(count) for r in range(5)))


def _anchor(base, b: int, a: int) -> tuple:
    """(macroindicator_id, target_indicator_id, regulation_task_id) of the body's anchor number `a`."""
    if a < 6:
        return base[Macroindicator] + b * 6 + a, None, None
    if a < 24:
        return None, base[TargetIndicator] + b * 18 + (a - 6), None
    return None, None, base[RegulationTask] + b * 5 + (a - 24)


def approved_on(b: int, due_on: date) -> date:
    """Most bodies approve two days before the due date; every fifth a week late (§6)."""
    return due_on + timedelta(days=7) if b % 5 == 0 else due_on - timedelta(days=2)


def _plans(base, count, year, due_on, offset, template, n_anchor, written):
    events = template.events
    _write(written, OperationalPlan, ("id", "body_id", "year", "development_plan_id", "rule_edition",
                                      "approval_due_on"), (
        (base[OperationalPlan] + b, base[StateBody] + b, year, base[DevelopmentPlan] + b, EDITION_KEY, due_on)
        for b in range(count)))
    _write(written, PlanVersion, ("id", "plan_id", "number", "status", "basis", "development_plan_id",
                                  "approved_on", "approved_by_id", "approved_as_kk", "approved_as_ru",
                                  "approver_office"), (
        (base[PlanVersion] + b, base[OperationalPlan] + b, 1, PlanVersion.Status.APPROVED, "initial",
         base[DevelopmentPlan] + b, approved_on(offset + b, due_on), base[User] + 2 * b + 1,
         "Аппарат басшысы", "Руководитель аппарата", Office.CHIEF_OF_STAFF) for b in range(count)))
    _write(written, Event, ("id", "plan_id"), (
        (base[Event] + b * events + i, base[OperationalPlan] + b) for b in range(count) for i in range(events)))
    deadline_fields = ("deadline_kind", "deadline_date", "deadline_month", "deadline_quarter", "deadline_day")

    def revisions():
        for b in range(count):
            for i in range(events):
                n = i + 1
                d = template.deadline_of[i]
                yield (base[EventRevision] + b * events + i, base[PlanVersion] + b, base[Event] + b * events + i,
                       n, f"Іс-шара {n}: су шаруашылығы инфрақұрылымын жаңғырту",
                       f"Мероприятие {n}: модернизация водохозяйственной инфраструктуры",
                       n % 4 == 0, "" if n % 4 == 0 else "001 100",
                       base[CompletionForm] + b if n % 2 else None, "Есеп", "Отчет",
                       *_anchor(base, b, i % n_anchor), *(d.get(f) for f in deadline_fields))

    _write(written, EventRevision, ("id", "version_id", "event_id", "position", "name_kk", "name_ru", "no_funding",
                                    "budget_codes", "completion_form_id", "completion_kk", "completion_ru",
                                    "macroindicator_id", "target_indicator_id", "regulation_task_id",
                                    *deadline_fields), revisions())
    with_version = any(f.attname == "version_id" for f in EventExecutor._meta.concrete_fields)
    per_body = template.executor_count

    def executors():
        for b in range(count):
            n = 0
            for i, units in enumerate(template.executors):
                for k, u in enumerate(units):
                    row = (base[EventExecutor] + b * per_body + n, base[EventRevision] + b * events + i,
                           base[OrgUnit] + b * UNITS + u, k == 0, k)
                    yield (*row, base[PlanVersion] + b) if with_version else row
                    n += 1

    _write(written, EventExecutor, ("id", "revision_id", "unit_id", "is_lead", "position",
                                    *(("version_id",) if with_version else ())), executors())


def _monitoring(base, count, offset, template, info_due, report_due, ids, written):
    _write(written, ReportingPeriod, ("id", "plan_id", "quarter"), (
        (base[ReportingPeriod] + b * 4 + q - 1, base[OperationalPlan] + b, q) for b in range(count)
        for q in (1, 2, 3, 4)))
    _entries(base, count, offset, template, info_due, ids, written)
    _submissions(base, count, offset, template, info_due, written)
    _reports(base, count, offset, report_due, written)


def _entries(base, count, offset, template, info_due, ids, written):
    """Every work item of every quarter, by the lead executor: submitted, or a draft where the unit missed."""
    events = template.events
    total = sum(len(v) for v in template.items.values())
    first = ids.take(ExecutionEntry, total * count)
    actual_ru, actual_kk = "Исполнено: информация направлена в Правительство", "Орындалды: ақпарат Үкіметке жіберілді"

    def entries():
        n = first
        for b in range(count):
            planner = base[User] + 2 * b
            for q in (1, 2, 3, 4):
                period = base[ReportingPeriod] + b * 4 + q - 1
                for i, occ, due, _qd, kind in template.items[q]:
                    lead = template.executors[i][0]
                    status = status_of(i + 1, kind)
                    missing = unit_missing(offset + b, lead, q)
                    moment = at(info_due[q] + timedelta(days=3 if unit_late(offset + b, lead, q) else -2))
                    short = status in ("not_executed", "partial")
                    yield (n, period, base[Event] + b * events + i, occ, due, base[OrgUnit] + b * UNITS + lead, status,
                           "" if status == "not_executed" else actual_ru, "" if status == "not_executed" else actual_kk,
                           "Не поступило финансирование" if short else "", "Қаржыландыру түспеді" if short else "",
                           EntryState.DRAFT if missing else EntryState.SUBMITTED, None if missing else moment,
                           moment, planner)
                    n += 1

    _write(written, ExecutionEntry, ("id", "period_id", "event_id", "occurrence", "due_on", "unit_id", "status",
                                     "actual_ru", "actual_kk", "reasons_ru", "reasons_kk", "state", "submitted_at",
                                     "updated_at", "updated_by_id"), entries())


def _submissions(base, count, offset, template, info_due, written):
    leads = {q: sorted({template.executors[i][0] for i, *_rest in template.items[q]}) for q in (1, 2, 3, 4)}

    def submissions():
        for b in range(count):
            for q in (1, 2, 3, 4):
                for u in leads[q]:
                    if unit_missing(offset + b, u, q):
                        continue
                    late = unit_late(offset + b, u, q)
                    moment = at(info_due[q] + timedelta(days=3 if late else -2))
                    yield (base[ReportingPeriod] + b * 4 + q - 1, base[OrgUnit] + b * UNITS + u, "submitted", moment,
                           moment, moment.date(), base[User] + 2 * b, late, 3 if late else 0)

    _write(written, UnitSubmission, ("period_id", "unit_id", "status", "first_submitted_at", "submitted_at",
                                     "submitted_on", "submitted_by_id", "is_late", "delay_days"), submissions())


def _reports(base, count, offset, report_due, written):
    """The four reports (the IV quarter's left in draft at some bodies) and two decisions on each submitted one."""

    def reports():
        for b in range(count):
            for q in (1, 2, 3, 4):
                rid, period = base[Report] + b * 4 + q - 1, base[ReportingPeriod] + b * 4 + q - 1
                if report_missing(offset + b, q):
                    yield rid, period, "draft", None, None, None, None, False, 0
                    continue
                late = report_late(offset + b, q)
                on = report_due[q] + timedelta(days=4 if late else -1)
                yield (rid, period, "submitted", base[PlanVersion] + b, at(on, 16), on, base[User] + 2 * b, late,
                       4 if late else 0)

    _write(written, Report, ("id", "period_id", "status", "version_id", "submitted_at", "submitted_on",
                             "submitted_by_id", "is_late", "delay_days"), reports())

    def decisions():
        for b in range(count):
            for q in (1, 2, 3, 4):
                if report_missing(offset + b, q):
                    continue
                rid, made = base[Report] + b * 4 + q - 1, report_due[q] + timedelta(days=5)
                for k in range(2):
                    done = k == 0 or q < 3
                    yield (rid, "Орындауды жеделдету", "Ускорить исполнение мероприятий",
                           base[OrgUnit] + b * UNITS + 1 + k, made + timedelta(days=30), at(made),
                           base[User] + 2 * b + 1, made + timedelta(days=20) if done else None,
                           "Исполнено, информация направлена" if done else "", base[User] + 2 * b if done else None)

    _write(written, Decision, ("report_id", "text_kk", "text_ru", "responsible_unit_id", "due_on", "created_at",
                               "created_by_id", "done_on", "done_note", "done_by_id"), decisions())


def _summaries(base, count, offset, template, year, due_on, info_due, report_due, written):
    """The kept figures as the built data implies them (QuarterSummary's docstring defines each)."""
    due_items = {q: [(i, kind) for i, _o, _d, _qd, kind in template.items[q] if kind == DUE] for q in (1, 2, 3, 4)}
    # the units with anything to report: an occurrence due, one carried over, one «within the year» in progress
    due_units = {q: sorted({template.executors[i][0] for i, _o, _d, _qd, _k in template.items[q]})
                 for q in (1, 2, 3, 4)}

    def years():
        for b in range(count):
            open_dates = [(report_due[q] + timedelta(days=35)).isoformat() for q in (3, 4)
                          if not report_missing(offset + b, q)]
            yield (base[StateBody] + b, year, PlanState.APPROVED, 1, due_on, approved_on(offset + b, due_on), 0,
                   len(open_dates), open_dates)

    _write(written, YearSummary, ("body_id", "year", "state", "version_in_force", "approval_due_on", "approved_on",
                                  "amendments", "decisions_open", "open_decision_due_dates"), years())

    def quarters():
        for b in range(count):
            for q in (1, 2, 3, 4):
                submitted = [u for u in due_units[q] if not unit_missing(offset + b, u, q)]
                late = sum(1 for u in submitted if unit_late(offset + b, u, q))
                counts = {"executed": 0, "partial": 0, "not_executed": 0, "in_progress": 0}
                for i, kind in due_items[q]:
                    if not unit_missing(offset + b, template.executors[i][0], q):
                        counts[status_of(i + 1, kind)] += 1
                missing = report_missing(offset + b, q)
                on = None if missing else report_due[q] + timedelta(days=4 if report_late(offset + b, q) else -1)
                yield (base[StateBody] + b, year, q, info_due[q], report_due[q], len(due_units[q]),
                       len(submitted) - late, late, "none" if missing else "submitted", on,
                       bool(on and on > report_due[q]), len(due_items[q]), counts["executed"], counts["partial"],
                       counts["not_executed"], counts["in_progress"])

    _write(written, QuarterSummary, ("body_id", "year", "quarter", "info_due_on", "report_due_on", "units_due",
                                     "units_on_time", "units_late", "report_state", "report_submitted_on",
                                     "report_late", "items_due", "executed", "partial", "not_executed",
                                     "in_progress"), quarters())


def national_user(body_id: int, username: str = "bench-national") -> User:
    """A user of the state planning authority (Role.NATIONAL), member of the given body."""
    user = User.objects.create(username=username, first_name="Айгүл", last_name="Сейтқали")
    Person.objects.create(user=user)
    Membership.objects.create(user=user, body_id=body_id, role=Role.NATIONAL)
    return user


def viewer(body_id: int, username: str) -> User:
    user = User.objects.create(username=username, first_name="Ерлан", last_name="Оспанов")
    Person.objects.create(user=user)
    Membership.objects.create(user=user, body_id=body_id, role=Role.VIEWER)
    return user
