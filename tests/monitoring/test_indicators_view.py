"""The report page's table of goals and indicators (planned against actual, events executed) and its charts."""
from decimal import Decimal

import pytest
from django.urls import reverse

from jospar.planning.models import IndicatorValue, TargetIndicator
from tests.monitoring.world import build_world, report_all

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    world = build_world()
    for i, t in enumerate(TargetIndicator.objects.filter(goal__direction__plan=world.plan.development_plan)):
        for year in range(2025, 2030):
            IndicatorValue.objects.create(target_indicator=t, year=year, value=Decimal(100 + 10 * i + year - 2025))
    report_all(world, 1, "2026-04-08")
    return world


def report_html(client, user, lang="ru"):
    client.force_login(user)
    client.cookies["django_language"] = lang
    response = client.get(reverse("monitoring:report", args=[2026, 1]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_report_page_has_the_indicators_table_with_charts(client, world):
    html = report_html(client, world.users["planner"])
    section = html[html.index('id="indicators"'):]
    assert "<svg" in section and "<title" in section and "aria-labelledby" in section
    assert section.count('class="ind-row') == 3  # a macroindicator and two target indicators


def test_the_executives_home_has_the_indicators_table(client, world):
    import time_machine

    client.force_login(world.users["executive"])
    with time_machine.travel("2026-04-20 09:00 +05:00", tick=False):
        html = client.get(reverse("home")).content.decode()
    section = html[html.index('id="indicators"'):]
    assert section.count('class="ind-row') == 3 and "<svg" in section
    assert reverse("monitoring:report", args=[2026, 2]) + "#ev-" in section


def test_the_indicators_export_is_an_excel_workbook(client, world):
    client.force_login(world.users["planner"])
    response = client.get(reverse("documents:indicators", args=[2026, 1, "kk"]))
    assert response.status_code == 200 and response["Content-Disposition"].endswith('.xlsx"')
