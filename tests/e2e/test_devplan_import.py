"""Journey: a planner downloads the development-plan template, fills it in (openpyxl, as Excel would),
uploads a broken copy and sees every problem, then the correct one and sees the tree — in Kazakh and
in Russian. And a plan entered from scratch in the browser, every level, with htmx."""
from pathlib import Path

import pytest
from playwright.sync_api import expect

from jospar.orgs.models import Role
from jospar.planning.models import DevelopmentPlan, Goal, IndicatorValue, StrategicDirection, TargetIndicator
from tests.factories import OrgUnitFactory, StateBodyFactory, member
from tests.planning.test_devplan_workbooks import SAMPLE, fill

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "secret-pass-1"

WORDS = {
    "kk": {"button": "ҚАЗ", "direction": "1-стратегиялық бағыт", "goal": "1.2-мақсаты", "problems": "Жоспар!C2"},
    "ru": {"button": "РУС", "direction": "Стратегическое направление 1", "goal": "Цель 1.2", "problems": "План!C2"},
}


@pytest.fixture
def planner(transactional_db):
    body = StateBodyFactory(code="mwri")
    return member(body, Role.PLANNER, OrgUnitFactory(body=body, is_planning=True), username="planner")


def log_in(page, live_url, lang):
    page.goto(live_url("/accounts/login/"))
    page.get_by_role("button", name=WORDS[lang]["button"], exact=True).click()
    page.fill("input[name=username]", "planner")
    page.fill("input[name=password]", PASSWORD)
    page.locator("form.stack button[type=submit]").click()
    page.wait_for_url(live_url("/"))


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_planner_imports_the_development_plan_from_the_template(page, live_url, screenshot, planner, tmp_path, lang):
    log_in(page, live_url, lang)
    page.locator("nav.mainnav a[href='/development-plans/']").click()
    page.locator("a[href='/documents/development-plans/import/']").first.click()
    page.fill("input[name=year_from]", "2025")
    page.fill("input[name=year_to]", "2029")
    with page.expect_download() as info:
        page.click("#download-template")
    template = Path(info.value.path()).read_bytes()
    assert info.value.suggested_filename == "development-plan-template-2025-2029.xlsx"

    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(fill(template, {**SAMPLE, "plan": {**SAMPLE["plan"], "title_kk": ""},
                                       "goals": [*SAMPLE["goals"], {"number": "3.1", "name_kk": "x", "name_ru": ""}]},
                            edit=lambda wb, sheets: setattr(sheets["indicators"]["J3"], "value", "=1+1")))
    page.set_input_files("input[name=workbook]", str(broken))
    page.click("#upload-workbook")
    rows = page.locator("table.dp-problems tbody tr")
    expect(rows).to_have_count(4)
    cells = page.locator("table.dp-problems td.where").all_inner_texts()
    assert WORDS[lang]["problems"] in cells
    screenshot(f"devplan-import-problems-{lang}")
    assert DevelopmentPlan.objects.count() == 0

    good = tmp_path / "plan.xlsx"
    good.write_bytes(fill(template))
    page.set_input_files("input[name=workbook]", str(good))
    page.click("#upload-workbook")
    page.wait_for_url("**/development-plans/*/")
    assert page.locator("section.dp-direction h3").first.inner_text().startswith(WORDS[lang]["direction"])
    assert WORDS[lang]["goal"] in page.content()
    assert page.locator("tr[id^=indicator-]").count() == 4
    assert page.locator("tr[id^=task-]").count() == 2
    screenshot(f"devplan-imported-tree-{lang}")
    plan = DevelopmentPlan.objects.get()
    assert plan.directions.count() == 2 and IndicatorValue.objects.count() == 12


def test_planner_enters_a_plan_from_scratch_with_htmx(page, live_url, screenshot, planner):
    log_in(page, live_url, "ru")
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(live_url("/development-plans/new/"))
    page.fill("textarea[name=title_kk]", "Даму жоспары 2026–2030")
    page.fill("textarea[name=title_ru]", "План развития на 2026–2030 годы")
    page.fill("input[name=year_from]", "2026")
    page.fill("input[name=year_to]", "2030")
    page.fill("input[name=signed_on]", "2026-01-20")
    page.locator("form.dp-form button[type=submit]").click()
    page.wait_for_url("**/development-plans/*/")
    plan = DevelopmentPlan.objects.get()

    def add(button, names, extra=None):
        page.locator(button).first.click()
        form = page.locator("form.dp-form").last
        form.locator("textarea[name=name_kk]").fill(names[0])
        form.locator("textarea[name=name_ru]").fill(names[1])
        for name, value in (extra or {}).items():
            form.locator(f"[name={name}]").fill(value)
        form.locator("button[type=submit]").click()
        page.wait_for_selector("form.dp-form", state="detached")

    add("button[hx-get$='/direction/add/']", ("Бірінші бағыт", "Первое направление"))
    add("button[hx-get$='/direction/add/']", ("Екінші бағыт", "Второе направление"))
    first = StrategicDirection.objects.get(position=1)
    add(f"button[hx-get$='/goal/add/{first.pk}/']", ("Мақсат", "Цель"))
    goal = Goal.objects.get()
    add(f"button[hx-get$='/indicator/add/{goal.pk}/']", ("Индикатор", "Индикатор"),
        {"unit_ru": "%", "baseline": "10,5", "value_2026": "11", "value_2030": "15"})
    add(f"button[hx-get$='/macroindicator/add/{first.pk}/']", ("Макро", "Макро"), {"value_2027": "100"})
    add("button[hx-get$='/task/add/']", ("Міндет", "Задача раздела II"))
    assert page.locator("tr[id^=indicator-] td.num").inner_text() == "1"  # «1-нысаналы индикатор» of goal 1.1

    indicator = TargetIndicator.objects.get()
    page.locator(f"#indicator-{indicator.pk} button[hx-get$='/edit/']").click()
    page.locator("form.dp-form textarea[name=name_ru]").fill("Доля водосберегающих технологий")
    page.locator("form.dp-form button[type=submit]").click()
    page.wait_for_selector("form.dp-form", state="detached")
    assert "Доля водосберегающих технологий" in page.locator(f"#indicator-{indicator.pk}").inner_text()

    second = StrategicDirection.objects.get(position=2)
    page.locator(f"#direction-{second.pk} button[hx-vals*='up']").first.click()
    expect(page.locator("section.dp-direction h3").first).to_contain_text("Второе")  # no eval under the CSP
    screenshot("devplan-entered-in-browser-ru")
    assert [d.name_ru for d in plan.directions.order_by("position")] == ["Второе направление", "Первое направление"]
    assert indicator.values.count() == 2
