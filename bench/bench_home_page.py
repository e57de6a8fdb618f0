"""Home page and a unit's work list: SQL queries and server time in plans of 100 and 10,000 events.

Each plan is one body built by `bodies.build` (COPY on PostgreSQL: seconds for 10,000 events): 30 units, the
version approved, every quarter's information and report submitted, decisions, the kept figures; the report
the executive's card reads gets its kept execution figures as submitting it would. The day is 14 July: the
II quarter is in focus, so every monitoring card is shown.

Home: the executive, the planner, a unit head, a viewer and the body administrator (a line each);
`home_page_ms_<size>` is the slowest role's median. Work list: the unit head's page of its unit's II quarter.
The unit has a fixed share: the same events in both plans (its part in the events after the first 100 is
handed to another unit), so the page shows the same items and any difference is what the rest of the plan
costs. The pages run with the garbage collector set as gunicorn's workers set it (`jospar.ops.memory`).
"""
from datetime import datetime
from zoneinfo import ZoneInfo

from common import median_ms, report  # noqa: I001
import bodies
import time_machine
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from jospar.monitoring import figures, selectors
from jospar.monitoring.models import Report, ReportStatus
from jospar.monitoring.report_data import compile_report
from jospar.monitoring.summaries import rebuild
from jospar.ops.memory import settle_worker
from jospar.orgs.models import OrgUnit, Role
from tests.factories import member

ROLES = ("executive", "planner", "unit_head", "viewer", "admin")
UNIT = 5  # the unit (its index among the body's units) whose head and work list are measured
QUARTER = 2


def fixed_share(built: bodies.Built, keep: int) -> None:
    """The unit's part (lead or co-executor) in the events after the first ``keep`` goes to a new unit, with its
    entries; the kept figures are rebuilt from the data."""
    unit_id = built.unit_ids[UNIT]
    other = OrgUnit.objects.create(body_id=built.body_id, name_ru="Отдел сопровождения", name_kk="Сүйемелдеу бөлімі",
                                   position=UNIT + 100)
    later = "SELECT {} FROM planning_eventrevision WHERE version_id = %s AND position > %s"
    with connection.cursor() as cursor:  # as a data migration would: no model guard, no audit row
        for table, column, of in (("planning_eventexecutor", "revision_id", "id"),
                                  ("monitoring_executionentry", "event_id", "event_id")):
            cursor.execute(f"UPDATE {table} SET unit_id = %s WHERE unit_id = %s AND {column} IN ({later.format(of)})",  # noqa: S608
                           [other.pk, unit_id, built.version_id, keep])
    rebuild(built.body_id)


def keep_figures(built: bodies.Built) -> None:
    """The execution figures of the report the executive's card reads, as submitting it keeps them."""
    rep = (Report.objects.filter(period__plan_id=built.plan_id, status=ReportStatus.SUBMITTED)
           .select_related("period__plan").order_by("-period__quarter").first())
    if rep is not None:
        figures.keep(rep, compile_report(rep.period, selectors.report_version(rep.period, rep), "ru", report=rep))


def setup(size: int, keep: int) -> tuple[dict, str]:
    """The body's users by role, and the unit's work list address."""
    built = bodies.build(1, size, prefix=f"benchhome{size}-")[0]
    if size > keep:
        fixed_share(built, keep)
    keep_figures(built)
    bodies.analyze()
    body = OrgUnit.objects.get(pk=built.unit_ids[UNIT]).body
    unit = body.units.get(pk=built.unit_ids[UNIT])
    users = {
        "executive": User.objects.get(pk=built.planner_id + 1),
        "planner": User.objects.get(pk=built.planner_id),
        "unit_head": member(body, Role.UNIT_HEAD, unit, username=f"benchhome-h{size}"),
        "viewer": bodies.viewer(body.pk, f"benchhome-v{size}"),
        "admin": member(body, Role.ADMIN, username=f"benchhome-a{size}"),
    }
    return users, reverse("monitoring:unit", args=[bodies.YEAR, QUARTER, unit.pk])


def client_of(user) -> Client:
    client = Client()
    client.force_login(user)
    client.cookies["django_language"] = "ru"
    return client


def get(client, url: str) -> str:
    response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    return response.content.decode()


def measure(name: str, client, url: str, runs: int) -> float:
    get(client, url)
    with CaptureQueriesContext(connection) as ctx:
        get(client, url)
    report(name.replace("_ms", "_queries"), len(ctx.captured_queries), "queries")
    ms = median_ms(lambda: get(client, url), runs=runs)
    report(name, ms, "ms")
    return ms


def main(sizes=(100, 10000), keep: int = 100, runs: int = 7, settle: bool = True):
    """Prints the BENCH lines (tests/bench runs it with tiny sizes, leaving its own collector alone)."""
    built = {size: setup(size, keep) for size in sizes}
    if settle:
        settle_worker()  # as a gunicorn worker after the fork: what is loaded so far is frozen
    almaty = ZoneInfo("Asia/Almaty")
    with time_machine.travel(datetime(bodies.YEAR, 7, 14, 10, tzinfo=almaty), tick=True):
        for size, (users, worklist) in built.items():
            clients = {role: client_of(users[role]) for role in ROLES}
            slowest = max(measure(f"home_page_ms_{role}_{size}", clients[role], reverse("home"), runs)
                          for role in ROLES)
            report(f"home_page_ms_{size}", slowest, "ms")
            measure(f"worklist_ms_{size}", clients["unit_head"], worklist, runs)


if __name__ == "__main__":
    main()
