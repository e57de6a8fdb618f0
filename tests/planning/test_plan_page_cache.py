"""The Form 1 page of an approved version: its table is cached, the page revalidated (ETag, 304), never for a draft."""
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from jospar.notifications.models import Notification
from jospar.orgs.models import OrgUnit, Role
from jospar.planning.models import EventRevision, PlanVersion
from tests.factories import StateBodyFactory, member, plan_with_events

pytestmark = pytest.mark.django_db

URL = reverse("planning:plan_detail", args=[2026])


def approve(version):
    """Approved directly (the stored documents are not what these tests are about)."""
    by = member(version.plan.body, Role.EXECUTIVE)
    PlanVersion.objects.filter(pk=version.pk).update(status=PlanVersion.Status.APPROVED, approved_on=date(2026, 1, 5),
                                                     approved_by=by)


@pytest.fixture
def approved(small_plan):
    approve(small_plan)
    return small_plan


@pytest.fixture
def unit_head(small_plan):
    unit = small_plan.plan.body.units.order_by("position").last()
    return member(small_plan.plan.body, Role.UNIT_HEAD, unit, username="head")


def get(client, user, lang="ru", etag=None, **params):
    if client.session.get("_auth_user_id") != str(user.pk):
        client.force_login(user)
        client.cookies["csrftoken"] = "a" * 32  # as a browser holds it after its first page (the ETag covers it)
    client.cookies["django_language"] = lang
    headers = {"If-None-Match": etag} if etag else {}
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(URL, params, headers=headers)
    return response, [q["sql"] for q in ctx.captured_queries]


def table(response) -> str:
    return response.content.decode().split('<tbody id="form1-body">')[1].split("</tbody>")[0]


def reads_rows(queries) -> bool:
    return any("planning_eventrevision" in sql or "planning_eventexecutor" in sql for sql in queries)


def test_warm_page_reads_no_row_of_the_table(client, approved, planner):
    cold, cold_queries = get(client, planner)
    warm, warm_queries = get(client, planner)
    assert cold.status_code == warm.status_code == 200
    assert reads_rows(cold_queries) and not reads_rows(warm_queries)
    assert len(warm_queries) < len(cold_queries)
    assert table(warm) == table(cold) and "Мероприятие 12" in table(warm)


def test_matching_etag_gives_304_after_the_permission_check_alone(client, approved, planner,
                                                                  django_assert_num_queries):
    first, _ = get(client, planner)
    etag = first["ETag"]
    assert etag.startswith('"') and "private" in first["Cache-Control"] and "no-cache" in first["Cache-Control"]
    # session, user, memberships, the plan (with its stamps), its versions, the unread count
    with django_assert_num_queries(6):
        again = client.get(URL, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again["ETag"] == etag and not again.content
    assert "private" in again["Cache-Control"]


def test_language_and_view_change_the_content_and_the_etag(client, approved, unit_head):
    ru, _ = get(client, unit_head)
    kk, _ = get(client, unit_head, lang="kk")
    mine, _ = get(client, unit_head, mine="1")
    assert len({ru["ETag"], kk["ETag"], mine["ETag"]}) == 3
    assert "Мероприятие 1<" in ru.content.decode() and "Іс-шара 1<" in kk.content.decode()
    assert mine.content.decode().count('class="event') < ru.content.decode().count('class="event')
    assert get(client, unit_head, etag=ru["ETag"], mine="1")[0].status_code == 200


def test_each_reader_has_their_own_etag(client, approved, planner, unit_head):
    first, _ = get(client, planner)
    other, _ = get(client, unit_head, etag=first["ETag"])
    assert other.status_code == 200 and other["ETag"] != first["ETag"]
    assert "planner" not in other.content.decode().split('class="username"')[1][:40]


def test_a_draft_is_never_cached(client, small_plan, planner):
    first, _ = get(client, planner)
    assert "ETag" not in first
    EventRevision.objects.filter(version=small_plan, position=1).update(name_ru="Переименовано")
    second, queries = get(client, planner)
    assert "Переименовано" in second.content.decode() and reads_rows(queries)


def test_another_bodys_user_gets_404_even_with_the_etag(client, approved, planner):
    etag = get(client, planner)[0]["ETag"]
    stranger = member(StateBodyFactory(), Role.VIEWER, username="stranger")
    assert get(client, stranger, etag=etag)[0].status_code == 404
    assert get(client, stranger)[0].status_code == 404


def test_a_renamed_unit_shows_on_the_cached_page(client, approved, planner):
    first, _ = get(client, planner)
    assert get(client, planner, etag=first["ETag"])[0].status_code == 304
    unit = OrgUnit.objects.filter(body=approved.plan.body).order_by("position").first()
    unit.name_ru = "Новое имя отдела"
    unit.save()
    second, _ = get(client, planner, etag=first["ETag"])
    assert second.status_code == 200 and "Новое имя отдела" in second.content.decode()


def test_a_new_notification_changes_the_etag(client, approved, planner):
    first, _ = get(client, planner)
    assert get(client, planner, etag=first["ETag"])[0].status_code == 304
    Notification.objects.create(recipient=planner, kind="plan_returned")
    second, _ = get(client, planner, etag=first["ETag"])
    assert second.status_code == 200 and second["ETag"] != first["ETag"]


def test_a_large_plan_costs_the_same_queries_warm(client):
    body = StateBodyFactory()
    version = plan_with_events(300, n_units=12, body=body)
    approve(version)
    user = member(body, Role.VIEWER, username="reader")
    cold, cold_queries = get(client, user)
    warm, warm_queries = get(client, user)
    assert cold.content.count(b'class="event') == 300 == warm.content.count(b'class="event')
    assert not reads_rows(warm_queries)
