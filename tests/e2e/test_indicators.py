"""Journey (issue 18), in Kazakh and in Russian: a unit enters its indicators' values with its quarterly
information and the head submits; the planner sees the statuses and the charts on the report page and names
the indicator at risk as the basis of a proposal to amend the plan; the executive sees them on the home page."""
from decimal import Decimal

import pytest
import time_machine
from playwright.sync_api import expect

from jospar.planning.models import IndicatorValue, Macroindicator, TargetIndicator
from tests.e2e.test_monitoring_quarter import login, save_item, submit_info
from tests.monitoring.world import at, build_world, fill, submit

pytestmark = pytest.mark.django_db(transaction=True)

WORDS = {
    "kk": {"at_risk": "қол жеткізілмеу қаупі бар", "on_track": "жоспар бойынша", "table": "Нысаналы индикаторлар",
           "needs": "жоспарға басқа іс-шаралар қажет", "propose": "Осы негізде өзгеріс енгізуді ұсыну"},
    "ru": {"at_risk": "под угрозой недостижения", "on_track": "в плановом режиме", "table": "Целевые индикаторы",
           "needs": "в план нужны другие мероприятия", "propose": "Предложить изменение на этом основании"},
}


def world_with_indicators():
    w = build_world()
    devplan = w.plan.development_plan
    macro = Macroindicator.objects.get(direction__plan=devplan)
    t1, t2 = TargetIndicator.objects.filter(goal__direction__plan=devplan).order_by("position")
    for ind, field in ((macro, "macroindicator"), (t1, "target_indicator"), (t2, "target_indicator")):
        for year, value in ((2025, 80), (2026, 100), (2027, 120), (2028, 140), (2029, 160)):
            IndicatorValue.objects.create(**{field: ind}, year=year, value=Decimal(value))
    Macroindicator.objects.filter(pk=macro.pk).update(responsible_unit=w.units["a"], name_ru="Доля <script>x</script>",
                                                    name_kk="Үлесі <script>x</script>")
    TargetIndicator.objects.filter(pk=t1.pk).update(responsible_unit=w.units["a"])
    return w, macro, t1


def enter_value(page, key: str, value: str, source: str):
    form = page.locator(f"li.indicator:has(input[name=indicator][value='{key}']) form.indicator-value").first
    form.locator("input[name=value]").fill(value)
    form.locator("textarea[name=source_ru]").fill(source)
    form.locator("textarea[name=source_kk]").fill(f"Қазақша: {source}")
    form.locator("button[type=submit]").click()
    expect(page.locator(f"li.indicator:has(input[name=indicator][value='{key}']) .saved")).to_have_count(1)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_indicators_from_the_work_list_to_the_report_and_the_home_page(new_context, live_url, screenshot, lang):
    w, macro, t1 = world_with_indicators()
    words = WORDS[lang]
    ev = w.events
    for code in "bc":
        fill(w, 1, code)
        submit(w, 1, code, "2026-04-07")

    with time_machine.travel(at("2026-04-06", 10), tick=True):
        a = login(new_context, live_url, w.users["head_a"], lang)
        a.goto(live_url("monitoring:unit", 2026, 1, w.units["a"].id))
        save_item(a, f"{ev['a_march']}-1", "executed", "Комплексный план утвержден приказом № 44")
        save_item(a, f"{ev['a_quarterly']}-1", "executed", "Сведения направлены")
        save_item(a, f"{ev['a_year']}-1", "in_progress", "Идет сбор предложений")
        enter_value(a, f"m:{macro.pk}", "30", "Статистика <b>АСПиР</b>")  # far behind: at risk
        enter_value(a, f"t:{t1.pk}", "110", "=SUM(A1)")
        screenshot(f"indicators-work-list-{lang}", page=a)
        submit_info(a)
        expect(a.locator("form.indicator-value")).to_have_count(0)  # submitted: locked

    with time_machine.travel(at("2026-04-14", 10), tick=True):
        planner = login(new_context, live_url, w.users["planner"], lang)
        planner.goto(live_url("monitoring:report", 2026, 1))
        table = planner.locator("#indicators")
        expect(table.locator("tr.ind-row")).to_have_count(3)
        expect(table.locator("figure.ind-chart svg[role=img]")).to_have_count(3)
        row = table.locator(f"tr[data-key='m:{macro.pk}']")
        expect(row.locator(".ind-st")).to_have_text(words["at_risk"])
        expect(row.locator(".needs-other")).to_contain_text(words["needs"])
        expect(table.locator(f"tr[data-key='t:{t1.pk}'] .ind-st")).to_have_text(words["on_track"])
        expect(table.locator("script")).to_have_count(0)  # the name typed with a tag stays text
        expect(row).to_contain_text("<script>x</script>")
        row.scroll_into_view_if_needed()
        screenshot(f"indicators-report-{lang}", page=planner)
        row.get_by_role("button", name=words["propose"]).click()
        planner.wait_for_load_state()
        expect(planner.locator(f"#amendment-bases a[href='#ind-macroindicator-{macro.pk}']")).to_have_count(1)
        planner.locator("#texts").scroll_into_view_if_needed()
        screenshot(f"indicators-amendment-basis-{lang}", page=planner, full_page=False)

    with time_machine.travel(at("2026-04-20", 9), tick=True):
        executive = login(new_context, live_url, w.users["executive"], lang)
        table = executive.locator("#indicators")
        expect(table.locator("tr.ind-row")).to_have_count(3)
        expect(table).to_contain_text(words["table"])
        expect(table.locator(f"tr[data-key='m:{macro.pk}'] .ind-st")).to_have_text(words["at_risk"])
        table.scroll_into_view_if_needed()
        screenshot(f"indicators-home-{lang}", page=executive)
