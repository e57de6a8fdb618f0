"""Dates that cannot be: each refused (or warned about) with a clear message in the user's language."""
from datetime import date

import pytest
import time_machine
from django.urls import reverse

from jospar.orgs.models import Role
from jospar.planning.models import DevelopmentPlan, OperationalPlan
from tests.factories import DevelopmentPlanFactory, OrgUnitFactory, StateBodyFactory, member

pytestmark = pytest.mark.django_db

NOW = "2026-11-20 10:00 +05:00"


@pytest.fixture
def body(db):
    return StateBodyFactory(code="mwri")


@pytest.fixture
def pclient(client, body):
    client.planner = member(body, Role.PLANNER, OrgUnitFactory(body=body, is_planning=True))
    client.force_login(client.planner)
    client.cookies["django_language"] = "ru"
    return client


def new_plan(pclient, **fields):
    data = {"title_kk": "Даму жоспары", "title_ru": "План развития", "year_from": 2026, "year_to": 2030,
            "edition": 1, "signed_on": "2026-01-15", "document_number": "12", **fields}
    return pclient.post(reverse("devplan:create"), data)


def test_a_development_plan_signed_after_its_last_year_is_refused(pclient):
    html = new_plan(pclient, year_from=2021, year_to=2025, signed_on="2026-01-15").content.decode()
    assert "не может быть подписан после своего последнего года" in html
    assert not DevelopmentPlan.objects.exists()


def test_two_development_plans_for_the_same_years_are_refused_but_editions_are_not(pclient, body):
    DevelopmentPlanFactory(body=body, year_from=2024, year_to=2028, signed_on=date(2023, 12, 20))
    html = new_plan(pclient, year_from=2026, year_to=2030).content.decode()
    assert "уже охватывает часть этих лет" in html and "(2024–2028)" in html
    assert DevelopmentPlan.objects.count() == 1
    assert new_plan(pclient, year_from=2024, year_to=2028, edition=2).status_code == 302  # an edition of it
    assert new_plan(pclient, year_from=2029, year_to=2033, signed_on="2028-12-01").status_code == 302


@pytest.fixture
def devplan(body):
    return DevelopmentPlanFactory(body=body, year_from=2026, year_to=2030, signed_on=date(2026, 11, 20))


def open_year(pclient, **fields):
    data = {"year": 2027, "development_plan": DevelopmentPlan.objects.get().pk, "proposals_due": "2026-11-27",
            **fields}
    return pclient.post(reverse("planning:open_year"), data)


def test_proposals_due_after_the_approval_due_date_are_refused(pclient, devplan):
    with time_machine.travel(NOW, tick=False):
        html = open_year(pclient, proposals_due="2026-12-05").content.decode()
    assert "позже срока утверждения плана (30.11.2026" in html
    assert not OperationalPlan.objects.exists()


def test_a_year_opened_after_its_approval_due_date_warns_and_is_flagged(pclient, devplan):
    with time_machine.travel("2026-12-03 10:00 +05:00", tick=False):
        pclient.force_login(pclient.planner)  # a fresh session on that day
        page = pclient.get(reverse("planning:open_year")).content.decode()
        assert "этот срок прошел" in page and 'name="late_ok"' in page
        html = open_year(pclient, proposals_due="2026-12-10").content.decode()
        assert "Отметьте поле, чтобы все равно открыть его" in html
        assert not OperationalPlan.objects.exists()
        response = open_year(pclient, proposals_due="2026-12-10", late_ok="on")
        assert response.status_code == 302
        shown = pclient.get(response["Location"]).content.decode()
        assert "План просрочен с первого дня" in shown
        plan_page = pclient.get(reverse("planning:plan_detail", args=[2027])).content.decode()
    assert "(просрочено" in plan_page


def test_the_open_year_form_suggests_the_next_year_and_its_development_plan(pclient, body, devplan):
    DevelopmentPlanFactory(body=body, year_from=2026, year_to=2030, edition=2, signed_on=date(2026, 11, 25))
    second = DevelopmentPlan.objects.get(edition=2)
    OperationalPlan.objects.create(body=body, year=2027, development_plan=devplan, rule_edition="dpm-mne-28-2025")
    with time_machine.travel(NOW, tick=False):
        page = pclient.get(reverse("planning:open_year")).content.decode()
    assert 'name="year" value="2028"' in page
    assert f'<option value="{second.pk}" selected>' in page
