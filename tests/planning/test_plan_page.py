"""The plan page shows Form 1 in its official structure with a fixed number of queries."""
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from jospar.orgs.models import Role
from jospar.planning.selectors import form1_rows
from tests.factories import StateBodyFactory, member, plan_with_events

pytestmark = pytest.mark.django_db


def _get(client, user, year=2026, lang="ru", **params):
    client.force_login(user)
    client.cookies["django_language"] = lang
    return client.get(reverse("planning:plan_detail", args=[year]), params)


def test_form1_structure_in_russian(client, small_plan, planner):
    html = _get(client, planner).content.decode()
    for header in ["№ п/п", "Наименование", "Код бюджетной программы", "Ответственный исполнитель",
                   "Срок исполнения", "Форма завершения"]:
        assert f'<th scope="col">{header}</th>' in html
    assert "I. Мероприятия по достижению целей и целевых индикаторов стратегического плана" in html
    assert "II. Мероприятия по решению иных задач, определенных положением государственного органа" in html
    assert "Стратегическое направление 1" in html
    assert "Цель 1.1" in html
    # Annex 1: macroindicators from 1 in every direction, target indicators from 1 in every goal
    numbers = re.findall(r'<span class="gnum">([^<]*)\.</span>', html)
    assert numbers.count("Макроиндикатор 1") == 3 and numbers.count("Макроиндикатор 2") == 3
    assert numbers.count("Целевой индикатор 1") == 6 and numbers.count("Целевой индикатор 3") == 6
    assert "Макроиндикатор 3" not in numbers and "Целевой индикатор 1.1.1" not in numbers
    assert "Мероприятие 1" in html


def test_form1_structure_in_kazakh(client, small_plan, planner):
    html = _get(client, planner, lang="kk").content.decode()
    for header in ["Р/с №", "Атауы", "Бюджеттік бағдарламаның коды", "Жауапты орындаушы", "Орындалу мерзімі",
                   "Аяқталу нысаны"]:
        assert f'<th scope="col">{header}</th>' in html
    assert "1-стратегиялық бағыт" in html
    assert "1.1-мақсаты" in html
    numbers = re.findall(r'<span class="gnum">([^<]*)\.</span>', html)
    assert numbers.count("2-макроиндикатор") == 3 and numbers.count("3-нысаналы индикатор") == 6
    assert "Іс-шара 1" in html


def test_rows_follow_form1_order_and_number_events_continuously(small_plan):
    rows = form1_rows(small_plan, "ru")
    kinds = [r.kind for r in rows]
    assert kinds[0] == "section" and kinds[1] == "direction"
    second_section = kinds.index("section", 1)
    assert all(k in ("task", "event") for k in kinds[second_section + 1:])
    numbers = [r.number for r in rows if r.kind == "event"]
    assert numbers == [str(i) for i in range(1, 13)]
    no_funding = [r for r in rows if r.kind == "event" and r.code == "не требует финансирования"]
    assert len(no_funding) == 3  # every fourth event of 12


def test_executors_lead_first(small_plan):
    rows = [r for r in form1_rows(small_plan, "ru") if r.kind == "event"]
    assert any(", " in r.executors for r in rows)


def _queries(client, user, year):
    client.force_login(user)
    client.get(reverse("planning:plan_detail", args=[year]))  # warm caches (sessions, content types)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse("planning:plan_detail", args=[year]))
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_query_count_does_not_grow_with_the_plan(client):
    body_small, body_large = StateBodyFactory(), StateBodyFactory()
    small = plan_with_events(10, body=body_small)
    large = plan_with_events(1000, n_units=30, body=body_large)
    user_small = member(body_small, Role.VIEWER)
    user_large = member(body_large, Role.VIEWER)
    q_small = _queries(client, user_small, small.plan.year)
    q_large = _queries(client, user_large, large.plan.year)
    assert q_small == q_large
    assert q_small <= 20


def test_other_bodies_plans_are_not_visible(client, small_plan):
    stranger = member(StateBodyFactory(), Role.VIEWER)
    assert _get(client, stranger).status_code == 404


def test_anonymous_user_is_sent_to_login(client, small_plan):
    response = client.get(reverse("planning:plan_detail", args=[2026]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_unit_people_can_narrow_form1_to_their_units_events(client):
    from datetime import date
    from html import escape

    from django.contrib.auth.models import User

    from jospar.demo.loader import DemoLoader
    from jospar.planning.models import EventExecutor, PlanVersion

    DemoLoader(date(2026, 11, 25), log=lambda msg: None).load()
    staff = User.objects.get(username="staff1")
    client.force_login(staff)
    client.cookies["django_language"] = "ru"
    version = PlanVersion.objects.get(plan__year=2026, number=2)
    url = reverse("planning:plan_detail", args=[2026])
    everything = client.get(url, {"v": 2}).content.decode()
    assert "Только мероприятия моего подразделения" in everything
    mine = client.get(url, {"v": 2, "mine": 1}).content.decode()
    wrm = EventExecutor.objects.filter(revision__version=version, unit__code="wrm")
    other = EventExecutor.objects.filter(revision__version=version).exclude(
        revision__in=wrm.values("revision")).select_related("revision").first().revision
    assert all(escape(e.revision.name_ru) in mine for e in wrm.select_related("revision"))
    assert escape(other.name_ru) not in mine and escape(other.name_ru) in everything
    assert mine.count('class="event') < everything.count('class="event')


def test_those_who_sign_are_told_the_governing_acts_text_is_not_yet_checked(client):
    from datetime import date

    from django.contrib.auth.models import User

    from jospar import rules
    from jospar.demo.loader import DemoLoader

    assert rules.edition_by_key("dpm-mne-28-2025").text_checked is False
    assert rules.edition_by_key("mne-45-2022").text_checked is True
    DemoLoader(date(2026, 11, 25), log=lambda msg: None).load()
    url = reverse("planning:plan_detail", args=[2026])
    for username, told in (("planner", True), ("executive", True), ("staff1", False)):
        client.force_login(User.objects.get(username=username))
        client.cookies["django_language"] = "ru"
        html = client.get(url).content.decode()
        assert ("от 14 мая 2025 года № 28" in html) is told, username
        assert ("/rulebook/dpm-mne-28-2025/" in html) is False, username
    admin = User.objects.get(username="admin")
    client.force_login(admin)
    assert "/rulebook/dpm-mne-28-2025/" in client.get(url).content.decode()  # the administrator may correct it
    from jospar.rulebook import editions, services

    data = rules.edition_to_dict(editions.edition("dpm-mne-28-2025")) | {"text_checked": True}
    services.correct_edition(user=admin, key="dpm-mne-28-2025", data=data, revision=1)
    client.force_login(User.objects.get(username="planner"))
    assert "от 14 мая 2025 года № 28" not in client.get(url).content.decode()  # checked now: no note
