"""Form 1 page: SQL queries for plans of 100 and 2,000 events, server time, and its floor.

The floor is the same rows read with one raw SQL query and joined into the same HTML table by
plain Python string building, measured in the same run: what no framework can beat. Then the same plan
approved: the page with its table cache emptied, warm, and revalidated (304).
"""
from collections import defaultdict
from datetime import date
from html import escape

from common import cached_lines, median_ms, report
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from jospar import rules
from jospar.orgs.models import Role
from jospar.planning.models import PlanVersion
from tests.factories import StateBodyFactory, member, plan_with_events

FLOOR_SQL = """
SELECT r.id, r.name_ru, r.no_funding, r.budget_codes, r.deadline_kind, r.deadline_date, r.deadline_month,
       r.deadline_quarter, r.deadline_day, cf.name_ru, r.completion_ru,
       COALESCE(r.macroindicator_id, 0), COALESCE(r.target_indicator_id, 0), COALESCE(r.regulation_task_id, 0),
       u.name_ru, e.is_lead, e.position
FROM planning_eventrevision r
LEFT JOIN planning_completionform cf ON cf.id = r.completion_form_id
LEFT JOIN planning_eventexecutor e ON e.revision_id = r.id
LEFT JOIN orgs_orgunit u ON u.id = e.unit_id
WHERE r.version_id = %s
ORDER BY r.position, r.id, e.is_lead DESC, e.position
"""


def floor(version_id: int, year: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute(FLOOR_SQL, [version_id])
        rows = cursor.fetchall()
    events, executors = {}, defaultdict(list)
    for row in rows:
        events.setdefault(row[0], row)
        if row[14]:
            executors[row[0]].append(row[14])
    groups = defaultdict(list)
    for row in events.values():
        groups[(row[11], row[12], row[13])].append(row)
    out = ["<table><tbody>"]
    n = 0
    for key, items in groups.items():
        out.append(f'<tr class="group"><td colspan="6">{escape(str(key))}</td></tr>')
        for row in items:
            n += 1
            deadline = rules.Deadline(rules.DeadlineKind(row[4]), row[5], row[6], row[7], row[8]).wording("ru")
            code = rules.NO_FUNDING["ru"] if row[2] else row[3]
            out.append(
                f"<tr><td>{n}</td><td>{escape(row[1])}</td><td>{escape(code)}</td>"
                f"<td>{escape(', '.join(executors[row[0]]))}</td><td>{escape(deadline)}</td>"
                f"<td>{escape(row[9] or row[10])}</td></tr>"
            )
    out.append("</tbody></table>")
    return "".join(out)


def page(client, year, etag=None):
    response = client.get(reverse("planning:plan_detail", args=[year]), headers={"If-None-Match": etag} if etag else {})
    if response.status_code != (304 if etag else 200):
        raise SystemExit(f"plan page answered {response.status_code}")
    return response


def main(sizes=((100, 2030), (2000, 2031)), runs: int = 7):
    """Prints the BENCH lines (tests/bench runs it with tiny sizes)."""
    results = {}
    for size, year in sizes:
        body = StateBodyFactory(code=f"bench{size}")
        version = plan_with_events(size, n_units=30, body=body, year=year)
        user = member(body, Role.VIEWER, username=f"bench{size}")
        client = Client()
        client.force_login(user)
        client.cookies["django_language"] = "ru"
        page(client, year)
        with CaptureQueriesContext(connection) as ctx:
            page(client, year)
        report(f"form1_page_queries_{size}", len(ctx.captured_queries), "queries")
        results[size] = (client, version, year)
    big = sizes[-1][0]
    client, version, year = results[big]
    page_ms = median_ms(lambda: page(client, year), runs=runs)
    floor_ms = median_ms(lambda: floor(version.id, year), runs=runs)
    report(f"form1_page_ms_{big}", page_ms, "ms")
    report(f"form1_floor_ms_{big}", floor_ms, "ms")
    report(f"form1_page_vs_floor_{big}", round(page_ms / floor_ms, 2), "x")
    # the same plan approved: its table cached (form1_page_ms_2000_cold / _cached / _304)
    PlanVersion.objects.filter(pk=version.pk).update(status="approved", approved_on=date(year - 1, 12, 30),
                                                     approved_by=member(version.plan.body, Role.EXECUTIVE))
    cached_lines("form1_page", big, lambda etag=None: page(client, year, etag))


if __name__ == "__main__":
    main()
