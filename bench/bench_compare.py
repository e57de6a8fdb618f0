"""Comparing two versions: SQL queries for plans of 100 and 2,000 events, and time for 2,000.

Version 2 of each plan cancels every 20th event and renames every 10th.
"""
from datetime import date

from common import median_ms, report

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from jospar.orgs.models import Role
from jospar.planning.amendments import services as amendments
from jospar.planning.approval import services as approval
from jospar.planning.models import EventRevision
from tests.factories import StateBodyFactory, member, plan_with_events


def amended_plan(size: int, year: int):
    body = StateBodyFactory(code=f"cmp{size}")
    v1 = plan_with_events(size, n_units=30, body=body, year=year)
    planner = member(body, Role.PLANNER, body.units.get(is_planning=True), username=f"cmp-planner{size}")
    executive = member(body, Role.EXECUTIVE, username=f"cmp-exec{size}")
    approval.send_for_approval(user=planner, version=v1)
    approval.approve_version(version=v1, user=executive, on=date(year - 1, 12, 30))
    v2 = amendments.open_amendment(user=planner, plan=v1.plan, basis="development_plan", document_number="1",
                                   document_date=date(year, 3, 1))
    revisions = list(v2.revisions.order_by("id"))
    EventRevision.objects.filter(pk__in=[r.pk for r in revisions[::20]]).update(is_cancelled=True, cancel_reason_ru="x")
    EventRevision.objects.filter(pk__in=[r.pk for r in revisions[5::10]]).update(name_ru="Переименовано")
    return planner, v1.plan.year


def main(sizes=((100, 2040), (2000, 2041)), runs: int = 5):
    """Prints the BENCH lines (tests/bench runs it with tiny sizes)."""
    clients = {}
    for size, year in sizes:
        planner, year = amended_plan(size, year)
        client = Client()
        client.force_login(planner)
        client.cookies["django_language"] = "ru"
        url = reverse("planning:compare", args=[year]) + "?a=1&b=2"
        client.get(url)
        with CaptureQueriesContext(connection) as ctx:
            client.get(url)
        report(f"compare_queries_{size}", len(ctx.captured_queries), "queries")
        clients[size] = (client, url)
    big = sizes[-1][0]
    client, url = clients[big]
    report(f"compare_ms_{big}", median_ms(lambda: client.get(url), runs=runs), "ms")


if __name__ == "__main__":
    main()
