"""Home page: SQL queries and server time for the executive, the planner and a unit head, plans of 100 and
2,000 events (30 units; every unit reported on the I and II quarters, the II quarter report submitted).

The day is 14 July: the II quarter is in focus, so every monitoring card is shown (the unit head's
information, the planner's report, the executive's execution summary).
"""
from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine
from bench_report_page import setup  # noqa: I001
from common import median_ms, report
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from jospar.monitoring import services_report
from jospar.orgs.models import Role
from tests.factories import member

ROLES = (("executive", Role.EXECUTIVE), ("planner", Role.PLANNER), ("unit_head", Role.UNIT_HEAD))


def home(client) -> str:
    response = client.get(reverse("home"))
    if response.status_code != 200:
        raise SystemExit(f"home page answered {response.status_code}")
    return response.content.decode()


def main(sizes=((100, 2050), (2000, 2051)), runs: int = 7):
    """Prints the BENCH lines (tests/bench runs it with tiny sizes)."""
    almaty = ZoneInfo("Asia/Almaty")
    for size, year in sizes:
        planner, version, rep = setup(size, year, code=f"benchhome{size}")
        body = version.plan.body
        with time_machine.travel(datetime(year, 7, 12, 12, tzinfo=almaty), tick=False):
            services_report.submit_report(user=planner, period=rep.period)
        users = {
            "executive": member(body, Role.EXECUTIVE, username=f"benchhome-x{size}"),
            "planner": planner,
            "unit_head": member(body, Role.UNIT_HEAD, body.units.get(position=5), username=f"benchhome-h{size}"),
        }
        with time_machine.travel(datetime(year, 7, 14, 10, tzinfo=almaty), tick=True):
            for name, _role in ROLES:
                client = Client()
                client.force_login(users[name])
                client.cookies["django_language"] = "ru"
                html = home(client)
                assert str(year) in html
                with CaptureQueriesContext(connection) as ctx:
                    home(client)
                report(f"home_page_queries_{name}_{size}", len(ctx.captured_queries), "queries")
                report(f"home_page_ms_{name}_{size}", median_ms(lambda c=client: home(c), runs=runs), "ms")


if __name__ == "__main__":
    main()
