"""The monitoring pages in Kazakh, Russian and English; escaping; fixed query counts; home cards."""
import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from jospar.monitoring import services, services_report
from jospar.orgs.models import Role
from tests.factories import member
from tests.monitoring.world import at, big_plan, fill, report_all, submit

pytestmark = pytest.mark.django_db


def page(client, user, url, lang="en", when="2026-04-12", **data):
    client.force_login(user)
    client.cookies["django_language"] = lang
    with time_machine.travel(at(when), tick=False):
        response = client.get(url, data)
    assert response.status_code == 200, url
    return response.content.decode()


def test_periods_show_what_is_due_and_how_many_days_are_left(world, client):
    html = page(client, world.users["planner"], reverse("monitoring:periods", args=[2026]), when="2026-04-07")
    for text in ("10.04.2026", "(3 days left)", "15.04.2026", "10.07.2026", "10.10.2026", "10.01.2027",
                 "15.01.2027", "0 of 3 units submitted"):
        assert text in html, text
    html = page(client, world.users["planner"], reverse("monitoring:periods", args=[2026]), when="2026-04-12")
    assert "overdue by 2 days" in html


def test_a_stage_every_unit_finished_is_not_called_overdue(world, client):
    urls = (reverse("monitoring:periods", args=[2026]), reverse("monitoring:period", args=[2026, 1]))
    for url in urls:
        assert "overdue by 40 days" in page(client, world.users["planner"], url, when="2026-05-20")
    report_all(world, 1, "2026-04-08")
    for url in urls:  # the units' stage of the I quarter is over
        assert "overdue by 40 days" not in page(client, world.users["planner"], url, when="2026-05-20")


def test_monitoring_index_goes_to_the_current_year(world, client):
    client.force_login(world.users["head_a"])
    with time_machine.travel(at("2026-04-12"), tick=False):
        assert client.get(reverse("monitoring:index")).url == reverse("monitoring:periods", args=[2026])


def test_period_page_lists_units_and_unit_people_see_only_theirs(world, client):
    fill(world, 1, "a")
    submit(world, 1, "a", "2026-04-11")
    html = page(client, world.users["planner"], reverse("monitoring:period", args=[2026, 1]))
    assert html.count('data-unit="') == 3 and "late by 1 day" in html and "being prepared" not in html
    html = page(client, world.users["head_b"], reverse("monitoring:period", args=[2026, 1]))
    assert html.count('data-unit="') == 1 and "Unit b" in html and "Report (Form 2)" not in html


def test_unit_page_in_kazakh_and_russian(world, client):
    fill(world, 1, "a")
    url = reverse("monitoring:unit", args=[2026, 1, world.units["a"].id])
    kk = page(client, world.users["staff_a"], url, "kk")
    assert "Іс-шара a_march" in kk and "2026 жылғы 20 наурыз" in kk and "орындалды" in kk
    ru = page(client, world.users["staff_a"], url, "ru")
    assert "Мероприятие a_march" in ru and "20 марта 2026 года" in ru and "исполнено" in ru
    assert "attest" not in ru  # staff prepare; the head submits
    assert 'name="attest"' in page(client, world.users["head_a"], url, "ru")


def test_the_report_page_has_form2_title_columns_and_the_pending_units(world, client):
    fill(world, 1, "a")
    submit(world, 1, "a", "2026-04-08")
    url = reverse("monitoring:report", args=[2026, 1])
    kk = page(client, world.users["planner"], url, "kk")
    assert "Министрлік" in kk and "2026 жыл бойынша (I тоқсан) операциялық жоспарды іске асыру туралы есебі" in kk
    assert "Іс-шаралардың нақты орындалуы" in kk and "Орындалмау себептері" in kk
    ru = page(client, world.users["planner"], url, "ru")
    assert "Отчет о реализации операционного плана" in ru and "за 2026 год (I квартал)" in ru
    assert '<tr class="colnums">' + "".join(f'<th scope="col">{i}</th>' for i in range(1, 9)) + "</tr>" in ru
    assert "Units that have not submitted their information" in page(client, world.users["planner"], url)
    quarter = page(client, world.users["planner"], url, "ru", view="quarter")
    assert "(I квартал)" in quarter


def test_user_text_is_escaped_everywhere(world, client):
    period = world.period(1)
    evil = '<script>alert("x")</script>'
    fill(world, 1, "a")
    with time_machine.travel(at("2026-04-06"), tick=False):
        services.save_entry(user=world.users["staff_a"], period=period, event_id=world.events["a_march"],
                            occurrence=1, status="partial", actual_ru=evil, reasons_ru=evil,
                            actual_kk=evil, reasons_kk=evil)
    submit(world, 1, "a", "2026-04-08")
    with time_machine.travel(at("2026-04-09"), tick=False):
        services_report.save_event_recommendation(user=world.users["planner"], period=period,
                                                  event_id=world.events["a_march"], text_ru=evil)
    for user, url in (("planner", reverse("monitoring:report", args=[2026, 1])),
                      ("staff_a", reverse("monitoring:unit", args=[2026, 1, world.units["a"].id]))):
        html = page(client, world.users[user], url)
        assert "<script>alert" not in html and "&lt;script&gt;" in html


def test_recommendations_are_edited_in_place(world, client):
    url = reverse("monitoring:recommendation", args=[2026, 1, world.events["a_march"]])
    form = page(client, world.users["planner"], url)
    assert "<textarea" in form and f'hx-post="{url}"' in form
    response = client.post(url, {"text_ru": "Ускорить <b>"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "Ускорить &lt;b&gt;" in response.content.decode()
    assert "Ускорить &lt;b&gt;" in page(client, world.users["planner"], reverse("monitoring:report", args=[2026, 1]))


def _report_page_queries(client, period, user) -> int:
    client.force_login(user)
    client.cookies["django_language"] = "ru"
    url = reverse("monitoring:report", args=[period.plan.year, period.quarter])
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


# Form 2 and the decisions: 22 queries (README, bench report_page_queries_*); the goals and their indicators
# (issue 18): the development plan and the edition, the planned values, the actual values and the submissions
# that make them count, the amendment bases — the walk's tree and the executed events are reused, not read again.
REPORT_PAGE_QUERIES = 29  # 22 + 7


def test_report_page_takes_a_fixed_number_of_queries(client):
    counts = []
    for n, year in ((24, 2030), (240, 2031)):
        period = big_plan(n, year)
        counts.append(_report_page_queries(client, period, period.plan.body.memberships.get(role="planner").user))
    assert counts[0] == counts[1] == REPORT_PAGE_QUERIES


def test_home_cards_for_unit_planner_and_executive(world, client):
    fill(world, 1, "a")
    html = page(client, world.users["head_a"], reverse("home"), when="2026-04-07")
    assert "Information on execution for Q1 2026 — Unit a" in html and "3 of 3 entries filled in" in html
    html = page(client, world.users["planner"], reverse("home"), when="2026-04-07")
    assert "Report on Q1 2026 (Form 2)" in html and "0 of 3 units submitted" in html
    report_all(world, 1, "2026-04-08")
    with time_machine.travel(at("2026-04-14"), tick=False):
        services_report.submit_report(user=world.users["planner"], period=world.period(1))
    html = page(client, world.users["executive"], reverse("home"), when="2026-04-16")
    assert "Execution of the 2026 plan" in html and "Q1: 100% executed" in html
    assert "The report on Q1 2026 awaits your decisions" in html
    assert "Strategic direction 1" in html
    html = page(client, world.users["executive"], reverse("monitoring:report", args=[2026, 1]), when="2026-04-16")
    assert html.index('href="#record-decision"') < html.index('id="record-decision"')  # reachable from the top


@pytest.mark.parametrize(("role", "card"), [
    (Role.UNIT_HEAD, "Information on execution for"), (Role.PLANNER, "Report on Q2"),
    (Role.EXECUTIVE, "Execution of the"),
])
def test_home_query_count_does_not_grow_with_the_plan(client, role, card):
    counts = []
    for n, year in ((24, 2030), (240, 2031)):
        period = big_plan(n, year)
        body = period.plan.body
        planner = body.memberships.get(role="planner").user
        with time_machine.travel(at(f"{year}-07-12"), tick=False):
            services_report.submit_report(user=planner, period=period)
        unit = body.units.get(position=5) if role != Role.EXECUTIVE else None  # unit 5 leads quarterly events
        user = planner if role == Role.PLANNER else member(body, role, unit, username=f"h{n}{role}")
        with time_machine.travel(at(f"{year}-07-14"), tick=False):  # the II quarter is in focus until 15 July
            client.force_login(user)
            client.cookies["django_language"] = "en"
            assert card in client.get(reverse("home")).content.decode()
            with CaptureQueriesContext(connection) as ctx:
                assert client.get(reverse("home")).status_code == 200
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1]


def test_the_periods_page_walks_the_plan_once_whatever_its_size(client):
    """Four started quarters read one version: one plan walk, shared (issue 12.2: pages cost what they show)."""
    counts = []
    for n, year in ((24, 2030), (240, 2031)):
        period = big_plan(n, year)
        url = reverse("monitoring:periods", args=[year])
        with time_machine.travel(at(f"{year}-12-01"), tick=False):
            client.force_login(period.plan.body.memberships.get(role="planner").user)
            client.cookies["django_language"] = "en"
            client.get(url)
            with CaptureQueriesContext(connection) as ctx:
                assert client.get(url).status_code == 200
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1] == PERIODS_PAGE_QUERIES


PERIODS_PAGE_QUERIES = 37  # 64 when each quarter walked the plan anew; one of them reads the rulebook
