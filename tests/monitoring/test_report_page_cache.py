"""The report page of a submitted report is revalidated (ETag, 304 without compiling Form 2) until it is taken back;
a draft report's page has no ETag; the permission is checked first."""
import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from jospar.monitoring import services_report
from jospar.orgs.models import Role
from tests.factories import StateBodyFactory, member
from tests.monitoring.world import at, build_world, report_all

pytestmark = pytest.mark.django_db

URL = reverse("monitoring:report", args=[2026, 1])


def get(client, etag=None, **query):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(URL, query, headers={"If-None-Match": etag} if etag else {})
    return response, [q["sql"] for q in ctx.captured_queries]


def table(response) -> str:
    return response.content.decode().split('<table class="form1 form2">')[1].split("</table>")[0]


def login(client, user):
    client.force_login(user)
    client.cookies["csrftoken"] = "a" * 32  # as a browser holds it after its first page (the ETag covers it)


def submit(world, day: str):
    with time_machine.travel(at(day), tick=False):
        return services_report.submit_report(user=world.users["planner"], period=world.period(1))


@pytest.fixture
def world():
    world = build_world()
    report_all(world, 1, "2026-04-08")
    return world


def test_a_submitted_report_revalidates_without_compiling_form2(client, world):
    login(client, world.users["planner"])
    draft, _ = get(client)
    assert draft.status_code == 200 and not draft.has_header("ETag")
    submit(world, "2026-04-15")
    first, cold = get(client)
    assert first.has_header("ETag") and "private" in first["Cache-Control"] and "no-cache" in first["Cache-Control"]
    again, warm = get(client, etag=first["ETag"])
    assert again.status_code == 304 and not again.content
    assert any('FROM "monitoring_executionentry"' in sql for sql in cold)
    assert not any('FROM "monitoring_executionentry"' in sql or "planning_eventrevision" in sql for sql in warm)
    assert len(warm) < len(cold)
    page, warm_page = get(client)  # no ETag from the browser: the page again, its Form 2 from the cache
    assert page.status_code == 200 and page["ETag"] == first["ETag"]
    assert not any('FROM "monitoring_executionentry"' in sql for sql in warm_page)
    assert table(page) == table(first) and "a_march" in table(page)
    quarter, _ = get(client, etag=first["ETag"], view="quarter")
    assert quarter.status_code == 200 and quarter["ETag"] != first["ETag"]


def test_a_report_taken_back_is_not_served_from_the_old_etag(client, world):
    submit(world, "2026-04-15")
    login(client, world.users["planner"])
    first, _ = get(client)
    with time_machine.travel(at("2026-04-16"), tick=False):
        services_report.recall_report(user=world.users["planner"], period=world.period(1), comment="Опечатка")
    taken_back, _ = get(client, etag=first["ETag"])
    assert taken_back.status_code == 200 and not taken_back.has_header("ETag")
    submit(world, "2026-04-17")
    again, _ = get(client, etag=first["ETag"])
    assert again.status_code == 200 and again["ETag"] != first["ETag"]


def test_the_permission_comes_before_the_etag(client, world):
    submit(world, "2026-04-15")
    login(client, world.users["planner"])
    etag = get(client)[0]["ETag"]
    login(client, member(StateBodyFactory(), Role.VIEWER))
    assert get(client, etag=etag)[0].status_code in (403, 404)
    login(client, world.users["staff_a"])  # a unit's staff does not read the report
    assert get(client, etag=etag)[0].status_code in (200, 403)
    assert get(client, etag=etag)[0].status_code != 304
