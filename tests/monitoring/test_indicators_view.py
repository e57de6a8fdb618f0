"""Where people look at the indicators: the report page's table of goals and indicators (planned against actual,
status in words, events executed, an inline SVG chart with its text alternative), the executive's home and the
Excel export through the document layer."""
from decimal import Decimal
from io import BytesIO

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from jospar.monitoring.models import IndicatorActual
from jospar.planning.models import IndicatorValue, Macroindicator, TargetIndicator
from tests.monitoring.world import build_world, report_all

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    world = build_world()
    devplan = world.plan.development_plan
    macro = Macroindicator.objects.get(direction__plan=devplan)
    t1, t2 = TargetIndicator.objects.filter(goal__direction__plan=devplan).order_by("position")
    TargetIndicator.objects.filter(pk=t2.pk).update(name_ru="=1+1 <b>жирный</b>", name_kk="=1+1 <b>қалың</b>")
    for ind, field in ((macro, "macroindicator"), (t1, "target_indicator"), (t2, "target_indicator")):
        for year, value in ((2025, 80), (2026, 100), (2027, 120), (2028, 140), (2029, 160)):
            IndicatorValue.objects.create(**{field: ind}, year=year, value=Decimal(value))
    report_all(world, 1, "2026-04-08")

    def actual(quarter, unit, value, **anchor):
        IndicatorActual.objects.create(period=world.period(quarter), unit=world.units[unit], value=Decimal(value),
                                       source_ru="Данные <i>стат</i>", updated_at=timezone.now(),
                                       updated_by=world.users[f"staff_{unit}"], **anchor)
    actual(1, "a", 30, macroindicator=macro)  # its one event (a_march) executed, the value far behind
    actual(1, "a", 110, target_indicator=t1)
    actual(1, "b", 96, target_indicator=t2)
    world.anchors = {"macro": macro, "t1": t1, "t2": t2}
    return world


def page(client, user, url, lang="ru", when="2026-04-14 09:00 +05:00"):
    client.force_login(user)
    client.cookies["django_language"] = lang
    with time_machine.travel(when, tick=False):
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def section(html: str) -> str:
    return html[html.index('<section class="panel indicators" id="indicators">'):].split("</section>")[0]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_report_page_shows_each_indicator_with_its_status_events_and_chart(client, world, lang):
    html = section(page(client, world.users["planner"], reverse("monitoring:report", args=[2026, 1]), lang))
    assert html.count('class="ind-row') == 3 and html.count("<svg") == 3
    assert html.count('role="img" aria-label=') == 3 and html.count("<desc") == 3
    assert html.count('<details class="chart-data">') == 3  # the values as a table: the text alternative
    macro = world.anchors["macro"]
    row = html[html.index(f'data-key="m:{macro.pk}"'):].split("</tr>")[0]
    words = {"kk": ("қол жеткізілмеді", "қол жеткізілмеу қаупі бар"), "ru": ("не достигнут", "под угрозой")}[lang]
    assert any(w in row for w in words)  # the status in words, not only a colour
    assert "needs-events" in html[html.index(f'id="ind-macroindicator-{macro.pk}"') - 5:][:200]
    assert ("1 ішінен 1" if lang == "kk" else "1 из 1") in row
    assert "<b>" not in html and "&lt;b&gt;" in html and "<i>стат" not in html  # users' text stays text


def test_the_executive_sees_the_indicators_on_the_home_page(client, world):
    html = section(page(client, world.users["executive"], reverse("home"), when="2026-04-20 09:00 +05:00"))
    assert html.count('class="ind-row') == 3 and html.count("<svg") == 3
    assert "ind-events" not in html  # the home page reads no plan: the events are on the report page
    assert reverse("monitoring:report", args=[2026, 2]) + "#indicators" in page(
        client, world.users["executive"], reverse("home"), when="2026-04-20 09:00 +05:00")


def test_other_roles_home_pages_have_no_indicators_table(client, world):
    html = page(client, world.users["head_a"], reverse("home"), when="2026-04-20 09:00 +05:00")
    assert 'id="indicators"' not in html


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_indicators_export_through_the_document_layer(client, world, lang):
    client.force_login(world.users["planner"])
    response = client.get(reverse("documents:indicators", args=[2026, 1, lang]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="indicators-2026-q1-{lang}.xlsx"'
    ws = load_workbook(BytesIO(response.content)).active
    names = [ws.cell(row=r, column=3) for r in range(4, ws.max_row + 1)]
    hostile = next(c for c in names if str(c.value).startswith("=1+1"))
    assert hostile.data_type == "s" and hostile.quotePrefix  # a name typed by a user never becomes a formula
    assert len(names) == 3


def test_the_export_needs_the_report_permission(client, world):
    client.force_login(world.users["staff_a"])
    assert client.get(reverse("documents:indicators", args=[2026, 1, "ru"])).status_code == 403


def test_an_indicator_at_risk_becomes_the_basis_of_a_proposal_to_amend(client, world):
    macro = world.anchors["macro"]
    url = reverse("monitoring:amendment_basis", args=[2026, 1])
    client.force_login(world.users["planner"])
    with time_machine.travel("2026-04-14 09:00 +05:00", tick=False):
        assert client.post(url, {"indicator": f"m:{macro.pk}"}).status_code == 302
        t1 = world.anchors["t1"]  # on track: refused
        client.post(url, {"indicator": f"t:{t1.pk}"})
    html = page(client, world.users["planner"], reverse("monitoring:report", args=[2026, 1]))
    bases = html[html.index('<div id="amendment-bases">'):].split("</div>")[0]
    assert f'href="#ind-macroindicator-{macro.pk}"' in bases and f"ind-target_indicator-{t1.pk}" not in bases
    with time_machine.travel("2026-04-14 09:00 +05:00", tick=False):
        client.post(url, {"indicator": f"m:{macro.pk}", "remove": "1"})
    assert '<div id="amendment-bases">' not in page(client, world.users["planner"],
                                                     reverse("monitoring:report", args=[2026, 1]))


def test_only_the_planner_names_a_basis(client, world):
    client.force_login(world.users["executive"])
    client.post(reverse("monitoring:amendment_basis", args=[2026, 1]), {"indicator": f"m:{world.anchors['macro'].pk}"})
    from jospar.monitoring.basis_models import AmendmentBasis
    assert not AmendmentBasis.objects.exists()
