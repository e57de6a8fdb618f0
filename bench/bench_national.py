"""The national view and one body among many, on PostgreSQL (issue 14).

Builds, in one run and one database (bodies.py, in bulk): first one body whose plan has 2,000 events, and
measures its Form 1 page alone (`form1_page_ms_2000_alone`); then 19 bodies of 1,000 events (20 in all),
then 180 more (200 in all), and measures:

- `national_page_queries_20` and `national_page_queries_200`: SQL queries of the national table of bodies
  (`national:bodies`, GET /national/?year=2025, as a user with Role.NATIONAL) with 20 and with 200 bodies:
  equal, whatever the number of bodies;
- `national_page_ms_200` (median server time) and its floor `national_floor_ms_200`: the same table read
  with one raw SQL query over the kept figures (StateBody, YearSummary, QuarterSummary) and joined into an
  HTML table with the same columns by plain string building, the two measured turn about. Goal: the page
  within 3x of its floor and under 1 s;
- `form1_page_ms_2000_among_200`: the same 2,000-event body's Form 1 page among 200 bodies. Goal: within
  1.2x of `form1_page_ms_2000_alone` (one body's page does not slow down as other bodies are added). Both
  are the fastest of eleven loads after three warm-up loads (see `best_ms`).

The national page lines are skipped, with a message, where `national:bodies` does not resolve. The whole
benchmark needs PostgreSQL (scripts/bench.sh starts a private server for it); elsewhere it says so and stops.
"""
import json
import statistics
import sys
import time
from html import escape

from common import median_ms, report  # noqa: I001
import bodies
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse

from jospar.clock import today_in
from jospar.rules import timeliness

FLOOR_SQL = """
SELECT b.id, b.name_ru, b.kind, b.region, y.state, y.version_in_force, y.approval_due_on, y.approved_on,
       y.amendments, y.decisions_open, y.open_decision_due_dates, q.quarter, q.info_due_on, q.report_due_on,
       q.units_due, q.units_on_time, q.units_late, q.report_submitted_on, q.items_due, q.executed, q.partial,
       q.not_executed
FROM orgs_statebody b
LEFT JOIN monitoring_yearsummary y ON y.body_id = b.id AND y.year = %s
LEFT JOIN monitoring_quartersummary q ON q.body_id = b.id AND q.year = %s
ORDER BY b.name_ru, b.id, q.quarter
"""


def _day(value):
    """SQLite hands dates over as text."""
    from datetime import date
    return date.fromisoformat(value) if isinstance(value, str) else value


def _pct(part, whole) -> str:
    found = timeliness.share(part, whole)
    return "—" if found is None else f"{found:.1f}"


def floor(year: int) -> str:
    """The national table from one raw query and plain string building: what no framework can beat."""
    today = today_in()
    with connection.cursor() as cursor:
        cursor.execute(FLOOR_SQL, [year, year])
        rows = cursor.fetchall()
    by_body: dict = {}
    for row in rows:
        by_body.setdefault(row[0], []).append(row)
    out = ["<table><thead><tr><th>Орган</th><th>Статус</th><th>Версия</th><th>Срок утверждения</th>"
           "<th>Утвержден</th><th>Дней просрочки</th>",
           *(f"<th>{q} кв.: подразделения</th><th>{q} кв.: отчет</th>" for q in (1, 2, 3, 4)),
           "<th>Исполнено, %</th><th>Частично, %</th><th>Не исполнено, %</th><th>Решения открыты</th>"
           "<th>Просрочены</th><th>Изменения</th></tr></thead><tbody>"]
    totals = [0, 0, 0, 0]
    for quarters in by_body.values():
        first = quarters[0]
        due, approved = _day(first[6]), _day(first[7])
        late = timeliness.approval_days_late(due, approved, today)
        dates = first[10] or []
        dates = json.loads(dates) if isinstance(dates, str) else dates
        overdue = timeliness.overdue_count([_day(d) for d in dates], today)
        cells = [f"<td>{escape(first[1])}</td><td>{escape(first[4] or 'none')}</td><td>{first[5] or ''}</td>"
                 f"<td>{due or ''}</td><td>{approved or ''}</td><td>{'' if late is None else late}</td>"]
        items = executed = partial = not_executed = 0
        for q in quarters:
            if q[11] is None:
                cells.append("<td></td><td></td>")
                continue
            units = timeliness.units_count(q[14], q[15], q[16], _day(q[12]), today)
            report_state = timeliness.report_timeliness(_day(q[17]), _day(q[13]), today)
            cells.append(f"<td>{units.on_time}/{units.late}/{units.missing} из {units.due}</td>"
                         f"<td>{report_state.value}</td>")
            items, executed = items + q[18], executed + q[19]
            partial, not_executed = partial + q[20], not_executed + q[21]
        cells.append(f"<td>{_pct(executed, items)}</td><td>{_pct(partial, items)}</td>"
                     f"<td>{_pct(not_executed, items)}</td><td>{first[9] or 0}</td><td>{overdue}</td>"
                     f"<td>{first[8] or 0}</td>")
        totals = [totals[0] + items, totals[1] + executed, totals[2] + partial, totals[3] + not_executed]
        out.append(f"<tr>{''.join(cells)}</tr>")
    out.append(f"</tbody><tfoot><tr><td>{len(by_body)}</td><td colspan='13'></td><td>{_pct(totals[1], totals[0])}"
               f"</td><td>{_pct(totals[2], totals[0])}</td><td>{_pct(totals[3], totals[0])}</td>"
               "<td colspan='3'></td></tr></tfoot></table>")
    return "".join(out)


def national_url(year: int) -> str | None:
    try:
        return reverse("national:bodies") + f"?year={year}"
    except NoReverseMatch:
        return None


def get(client, url: str):
    response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    return response


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    client.cookies["django_language"] = "ru"
    return client


def best_ms(fn, runs: int, warmup: int = 3) -> float:
    """The fastest of `runs` loads after `warmup`: alone and among 200 are measured a minute apart on a shared
    machine, and the least disturbed load is what compares the two (a median carries the neighbours' load)."""
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return round(min(samples), 1)


def interleaved(page_fn, floor_fn, runs: int) -> tuple[float, float]:
    """Median milliseconds of each, measured turn about so that both see the same load on the machine."""
    page_fn(), floor_fn()
    pages, floors = [], []
    for _ in range(runs):
        for fn, samples in ((page_fn, pages), (floor_fn, floors)):
            start = time.perf_counter()
            fn()
            samples.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(pages), 1), round(statistics.median(floors), 1)


def main(big: int = 2000, events: int = 1000, counts: tuple[int, ...] = (20, 200), runs: int = 7,
         require_postgres: bool = True) -> dict:
    """Prints the BENCH lines; returns them as a dict (tests/bench runs it with tiny sizes on any database)."""
    if require_postgres and connection.vendor != "postgresql":
        print(f"bench_national: skipped, it needs PostgreSQL (this database is {connection.vendor}); "
              "scripts/bench.sh runs it on a private PostgreSQL server", flush=True)
        return {}
    results: dict = {}

    def put(name, value, unit):
        results[name] = value
        report(name, value, unit)

    year, start = bodies.YEAR, time.perf_counter()
    target = bodies.build(1, big, year, prefix="big")[0]
    bodies.analyze()
    form1_client = logged_in(bodies.viewer(target.body_id, "bench-form1"))
    form1_url = reverse("planning:plan_detail", args=[year])
    put(f"form1_page_ms_{big}_alone", best_ms(lambda: get(form1_client, form1_url), runs + 4), "ms")

    url = national_url(year)
    if url is None:
        print("bench_national: the national page (URL name national:bodies) is not in this build: its lines "
              f"(national_page_queries_*, national_page_ms_{counts[-1]}) are skipped", flush=True)
    have, national = 1, None
    for count in counts:
        build_start = time.perf_counter()
        bodies.build(count - have, events, year, prefix="nb", offset=have)
        bodies.analyze()
        print(f"bench_national: {count} bodies built in {time.perf_counter() - build_start:.1f} s", file=sys.stderr,
              flush=True)
        if national is None:
            authority = bodies.StateBody.objects.filter(code=f"nb{have}").values_list("pk", flat=True).get()
            national = logged_in(bodies.national_user(authority))
        have = count
        if url is not None:
            get(national, url)
            with CaptureQueriesContext(connection) as ctx:
                get(national, url)
            put(f"national_page_queries_{count}", len(ctx.captured_queries), "queries")
    put(f"national_build_s_{have}", round(time.perf_counter() - start, 1), "s")

    if url is not None:
        page_ms, floor_ms = interleaved(lambda: get(national, url), lambda: floor(year), runs)
        put(f"national_page_ms_{have}", page_ms, "ms")
        put(f"national_floor_ms_{have}", floor_ms, "ms")
        put(f"national_page_vs_floor_{have}", round(page_ms / floor_ms, 2), "x")
    else:
        floor(year)
        put(f"national_floor_ms_{have}", median_ms(lambda: floor(year), runs=runs), "ms")
    among = best_ms(lambda: get(form1_client, form1_url), runs + 4)
    put(f"form1_page_ms_{big}_among_{have}", among, "ms")
    put(f"form1_among_vs_alone_{big}", round(among / results[f"form1_page_ms_{big}_alone"], 2), "x")
    return results


if __name__ == "__main__":
    main()
