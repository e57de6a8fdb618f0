"""Report page (Form 2): SQL queries for plans of 100 and 2,000 events, server time, and its floor.

Each plan has 30 units; its version is approved and every unit has submitted its information for the
I and II quarters. The page is the planner's II quarter report in the official, cumulative view. The
floor is the same table read with two raw SQL queries and joined into HTML by plain string building,
in the same run, the two measured turn about. Then the same report submitted: the page with its cache
emptied, warm, and revalidated (304).
"""
import statistics
import time
from collections import defaultdict
from datetime import date, datetime
from html import escape
from zoneinfo import ZoneInfo

from common import cached_lines, report  # noqa: I001
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from jospar import rules
from jospar.monitoring import selectors, services
from jospar.monitoring.models import EventRecommendation, ExecutionEntry, Report, UnitSubmission
from jospar.orgs.models import Role
from jospar.planning.models import PlanVersion
from tests.factories import StateBodyFactory, member, plan_with_events

QUARTER = 2
FLOOR_EVENTS = """
SELECT r.event_id, r.name_ru, r.deadline_kind, r.deadline_date, r.deadline_month, r.deadline_quarter,
       r.deadline_day, cf.name_ru, r.completion_ru, COALESCE(r.macroindicator_id, 0),
       COALESCE(r.target_indicator_id, 0), COALESCE(r.regulation_task_id, 0), u.name_ru
FROM planning_eventrevision r
LEFT JOIN planning_completionform cf ON cf.id = r.completion_form_id
LEFT JOIN planning_eventexecutor e ON e.revision_id = r.id
LEFT JOIN orgs_orgunit u ON u.id = e.unit_id
WHERE r.version_id = %s AND NOT r.is_cancelled
ORDER BY r.position, r.id, e.is_lead DESC, e.position
"""
FLOOR_ENTRIES = """
SELECT x.event_id, x.occurrence, x.status, COALESCE(NULLIF(x.actual_ru, ''), x.actual_kk),
       COALESCE(NULLIF(x.reasons_ru, ''), x.reasons_kk), p.quarter
FROM monitoring_executionentry x JOIN monitoring_reportingperiod p ON p.id = x.period_id
WHERE p.plan_id = %s AND p.quarter <= %s AND x.state = 'submitted'
ORDER BY p.quarter, x.id
"""
FLOOR_RECS = """SELECT event_id, COALESCE(NULLIF(text_ru, ''), text_kk) FROM monitoring_eventrecommendation
WHERE report_id = %s"""


def floor(version_id: int, plan_id: int, report_id: int, year: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute(FLOOR_EVENTS, [version_id])
        rows = cursor.fetchall()
        cursor.execute(FLOOR_ENTRIES, [plan_id, QUARTER])
        entries = {(e[0], e[1]): e for e in cursor.fetchall()}
        cursor.execute(FLOOR_RECS, [report_id])
        recs = dict(cursor.fetchall())
    events, executors = {}, defaultdict(list)
    for row in rows:
        events.setdefault(row[0], row)
        if row[12]:
            executors[row[0]].append(row[12])
    groups = defaultdict(list)
    for row in events.values():
        groups[(row[9], row[10], row[11])].append(row)
    deadlines: dict = {}
    out = ["<table><tbody>"]
    n = 0
    for key, items in groups.items():
        out.append(f'<tr class="group"><td colspan="8">{escape(str(key))}</td></tr>')
        for row in items:
            n += 1
            dkey = row[2:7]
            if dkey not in deadlines:
                d = rules.Deadline(rules.DeadlineKind(row[2]), row[3], row[4], row[5], row[6])
                deadlines[dkey] = (d.wording("ru"), [o.index for o in d.occurrences(year) if o.quarter <= QUARTER])
            wording, occs = deadlines[dkey]
            found = [entries[(row[0], o)] for o in occs if (row[0], o) in entries]
            if not occs:
                continue
            actual = "\n".join(e[3] for e in found if e[3])
            reasons = "\n".join(e[4] for e in found if e[4])
            status = found[-1][2] if found else ""
            out.append(
                f'<tr id="ev-{row[0]}"><td>{n}</td><td>{escape(row[1])}</td>'
                f"<td>{escape(', '.join(executors[row[0]]))}</td><td>{escape(wording)}</td>"
                f"<td>{escape(row[7] or row[8])}</td><td><span>{status}</span>{escape(actual)}</td>"
                f"<td>{escape(reasons)}</td><td>{escape(recs.get(row[0], ''))}</td></tr>"
            )
    out.append("</tbody></table>")
    return "".join(out)


def interleaved(page_fn, floor_fn, runs: int = 9) -> tuple[float, float]:
    """Median milliseconds of each, measured turn about so that both see the same load on the machine."""
    page_fn(), floor_fn()
    pages, floors = [], []
    for _ in range(runs):
        for fn, samples in ((page_fn, pages), (floor_fn, floors)):
            start = time.perf_counter()
            fn()
            samples.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(pages), 1), round(statistics.median(floors), 1)


def at(year: int, month: int, day: int) -> datetime:
    return datetime(year, month, day, 12, tzinfo=ZoneInfo("Asia/Almaty"))


def setup(size: int, year: int, code: str = ""):
    """An approved plan whose units all reported on the I and II quarters; the II quarter report in draft."""
    body = StateBodyFactory(code=code or f"benchrep{size}")
    version = plan_with_events(size, n_units=30, body=body, year=year)
    planner = member(body, Role.PLANNER, body.units.get(is_planning=True), username=code or f"benchrep{size}")
    PlanVersion.objects.filter(pk=version.pk).update(status="approved", approved_on=date(year - 1, 12, 30),
                                                     approved_by=planner)
    version.refresh_from_db()
    periods = services.open_periods(version.plan)
    for period in periods[:QUARTER]:
        moment = at(year, period.quarter * 3 + 1, 8)
        pairs = selectors.period_items(period, version, "ru")
        ExecutionEntry.objects.bulk_create(
            ExecutionEntry(
                period=period, event_id=info.event_id, occurrence=item.occurrence, unit_id=info.lead_unit_id,
                status="not_executed" if info.number % 9 == 0 else "executed",
                actual_ru="" if info.number % 9 == 0 else f"Исполнено: направлена информация (исх. № {info.number})",
                actual_kk="" if info.number % 9 == 0 else f"Орындалды: ақпарат жіберілді (шығ. № {info.number})",
                reasons_ru="Не поступило финансирование" if info.number % 9 == 0 else "",
                reasons_kk="Қаржыландыру түспеді" if info.number % 9 == 0 else "",
                state="submitted", submitted_at=moment, updated_at=moment, updated_by=planner)
            for info, item in pairs)
        UnitSubmission.objects.bulk_create(
            UnitSubmission(period=period, unit_id=unit_id, status="submitted", first_submitted_at=moment,
                           submitted_at=moment, submitted_on=moment.date(), submitted_by=planner)
            for unit_id in {info.lead_unit_id for info, _ in pairs})
    period = periods[QUARTER - 1]
    rep = Report.objects.create(period=period)
    EventRecommendation.objects.bulk_create(
        EventRecommendation(report=rep, event_id=e, text_kk="Орындауды жеделдету", text_ru="Ускорить исполнение",
                            updated_at=at(year, 7, 12),
                            updated_by=planner)
        for e in set(ExecutionEntry.objects.filter(period=period, status="not_executed").values_list("event_id",
                                                                                                    flat=True)))
    return planner, version, rep


def page(client, year, etag=None):
    response = client.get(reverse("monitoring:report", args=[year, QUARTER]),
                          headers={"If-None-Match": etag} if etag else {})
    if response.status_code != (304 if etag else 200):
        raise SystemExit(f"report page answered {response.status_code}")
    return response


def main(sizes=((100, 2040), (2000, 2041)), runs: int = 9):
    """Prints the BENCH lines (tests/bench runs it with tiny sizes)."""
    results = {}
    for size, year in sizes:
        planner, version, rep = setup(size, year)
        client = Client()
        client.force_login(planner)
        client.cookies["django_language"] = "ru"
        page(client, year)
        with CaptureQueriesContext(connection) as ctx:
            page(client, year)
        report(f"report_page_queries_{size}", len(ctx.captured_queries), "queries")
        results[size] = (client, version, rep, year)
    big = sizes[-1][0]
    client, version, rep, year = results[big]
    page_ms, floor_ms = interleaved(lambda: page(client, year),
                                    lambda: floor(version.id, version.plan_id, rep.id, year), runs)
    report(f"report_page_ms_{big}", page_ms, "ms")
    report(f"report_floor_ms_{big}", floor_ms, "ms")
    report(f"report_page_vs_floor_{big}", round(page_ms / floor_ms, 2), "x")
    # the same report submitted: its compiled Form 2 cached (report_page_ms_2000_cold / _cached / _304)
    Report.objects.filter(pk=rep.pk).update(status="submitted", submitted_at=at(year, 7, 14), version=version,
                                            submitted_on=date(year, 7, 14), submitted_by=version.approved_by)
    cached_lines("report_page", big, lambda etag=None: page(client, year, etag))


if __name__ == "__main__":
    main()
