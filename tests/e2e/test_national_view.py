"""Journey: the national user, in Kazakh and in Russian, filters the table of bodies, sorts it, drills into a
late body's Form 2 and exports the table. The kept figures are made directly (tests.national.factories); the
late body is a real one (a submitted Q1 report, five days late, with its stored files)."""
from datetime import date
from io import BytesIO

import pytest
import time_machine
from openpyxl import load_workbook

from jospar.documents.stored import store_form1
from jospar.monitoring import services_report
from jospar.monitoring.summary_models import PlanState, QuarterSummary
from jospar.orgs.models import BodyKind, Region
from tests.factories import StateBodyFactory
from tests.monitoring.world import at, build_world, report_all
from tests.national.factories import YearSummaryFactory, kept_body, national_user

pytestmark = pytest.mark.django_db(transaction=True)

WORDS = {
    "kk": {"button": "ҚАЗ", "national": "Ұлттық шолу", "show": "Көрсету", "late": "кешіктірілді",
           "form2": "2026 жыл бойынша (I тоқсан) операциялық жоспарды іске асыру туралы есебі",
           "export": "Excel-ге жүктеу", "total": "Барлық органдар: 3"},
    "ru": {"button": "РУС", "national": "Национальный обзор", "show": "Показать", "late": "с опозданием",
           "form2": "за 2026 год (I квартал)", "export": "Выгрузить в Excel", "total": "Итого органов: 3"},
}


def bodies():
    """Five bodies: two central (one of them late with its report), two regional akimats, a district one."""
    w = build_world()
    w.body.name_kk, w.body.name_ru = "Су ресурстары министрлігі", "Министерство водных ресурсов"
    w.body.save()
    store_form1(w.version)
    report_all(w, 1, "2026-04-08")
    with time_machine.travel(at("2026-04-20"), tick=False):
        services_report.submit_report(user=w.users["planner"], period=w.period(1))
    # the water ministry's figures are the ones its services kept (the report of Q1 came on the 20th: late)
    assert QuarterSummary.objects.get(body=w.body, year=2026, quarter=1).report_late
    kept_body("energy", name_kk="Энергетика министрлігі", name_ru="Министерство энергетики", quarters=2)
    kept_body("almaty", kind=BodyKind.REGIONAL_AKIMAT, region=Region.ALMATY, name_kk="Алматы облысының әкімдігі",
              name_ru="Акимат Алматинской области", quarters=2, report_late=True)
    kept_body("abai", kind=BodyKind.REGIONAL_AKIMAT, region=Region.ABAI, name_kk="Абай облысының әкімдігі",
              name_ru="Акимат области Абай", quarters=1)
    district = StateBodyFactory(code="district", kind=BodyKind.LOCAL_AKIMAT, region=Region.ALMATY,
                                name_kk="Қарасай ауданының әкімдігі", name_ru="Акимат Карасайского района")
    YearSummaryFactory(body=district, state=PlanState.ON_APPROVAL, version_in_force=0, approved_on=None,
                       approval_due_on=date(2026, 1, 10))
    for year in (2024, 2025):  # the trend over the years
        kept_body("energy", year=year, quarters=4)
        YearSummaryFactory(body=w.body, year=year, approved_on=date(year - 1, 12, 31) if year == 2025 else
                           date(year, 1, 15), approval_due_on=date(year - 1, 12, 31))
    return w


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_national_user_filters_sorts_drills_into_a_late_report_and_exports(new_context, live_url, screenshot, lang):
    w = bodies()
    user = national_user()
    words = WORDS[lang]
    with time_machine.travel(at("2026-08-20"), tick=True):
        page = new_context(accept_downloads=True).new_page()
        page.goto(live_url("/accounts/login/"))
        page.get_by_role("button", name=words["button"], exact=True).click()
        page.fill("input[name=username]", user.username)
        page.fill("input[name=password]", "secret-pass-1")
        page.locator("form.stack button[type=submit]").click()
        page.wait_for_url(live_url("/"))
        screenshot(f"national-home-{lang}", page=page)
        page.locator("nav.mainnav").get_by_role("link", name=words["national"]).click()
        page.locator("#national-table").wait_for()
        assert page.locator("#national-table tbody tr").count() == 6  # five bodies and the authority itself
        screenshot(f"national-table-{lang}", page=page)

        # filter: the central state bodies only
        page.select_option("select[name=kind]", "central")
        page.get_by_role("button", name=words["show"]).click()
        page.wait_for_url("**kind=central**")
        codes = page.locator("#national-table tbody tr").evaluate_all("rows => rows.map(r => r.dataset.body)")
        assert sorted(codes) == ["energy", "mne", w.body.code]
        assert words["total"] in page.locator("#national-table tfoot").inner_text()

        # sort by the days late of the approval, then by Q1's report, latest first
        page.locator("#national-table thead th.sortable a[href*='sort=q1r']").click()
        page.wait_for_url("**sort=q1r**")
        page.locator("#national-table thead th[aria-sort=ascending] a").click()
        page.wait_for_url("**dir=desc**")
        codes = page.locator("#national-table tbody tr").evaluate_all("rows => rows.map(r => r.dataset.body)")
        assert codes == [w.body.code, "energy", "mne"]  # late first, on time next, no plan last
        assert page.locator("select[name=kind]").input_value() == "central"  # the filter stays
        screenshot(f"national-sorted-{lang}", page=page)

        # the charts, with their text alternative
        chart = page.locator("#chart-q-reports")
        chart.scroll_into_view_if_needed()
        assert chart.locator("svg > title").text_content()
        chart.locator("details summary").click()
        assert chart.locator("details table tbody tr").count() == 4
        screenshot(f"national-charts-{lang}", page=page, full_page=False)

        # export what is shown
        with page.expect_download() as download:
            page.get_by_role("link", name=words["export"]).click()
        path = download.value.path()
        ws = load_workbook(BytesIO(path.read_bytes())).active
        assert ws.cell(row=4, column=2).value == w.body.code and ws.cell(row=6, column=2).value == "mne"

        # drill into the late body's Form 2
        row = page.locator(f"#national-table tbody tr[data-body={w.body.code}]")
        late = row.locator("td.report a.pill.r-late").first
        assert late.inner_text() == words["late"]
        late.click()
        page.wait_for_url("**/q1/form2/")
        assert words["form2"] in page.locator("h1").inner_text()
        actions = page.locator("form[method=post]").evaluate_all("forms => forms.map(f => f.getAttribute('action'))")
        assert actions == ["/i18n/setlang/", "/accounts/logout/"]  # the page's frame only: nothing to act on
        assert page.locator("a[data-doc]").count() == 6  # the stored files, kk and ru
        screenshot(f"national-form2-{lang}", page=page)
        page.locator(".eyebrow a").nth(1).click()  # the body's page
        page.wait_for_url(f"**/national/{w.body.code}/2026/")
        screenshot(f"national-body-{lang}", page=page)
