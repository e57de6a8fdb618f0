"""Journey (issue 3): import a development plan from the template, open the year on it, two units
propose, the planner consolidates in place, the executive approves — in Kazakh and in Russian."""
from datetime import date
from pathlib import Path

import pytest
import time_machine

from jospar.demo.loader import PASSWORD, DemoLoader
from jospar.planning.models import DevelopmentPlan, EventRevision, PlanVersion, Proposal
from tests.planning.test_devplan_workbooks import SAMPLE, fill

pytestmark = pytest.mark.django_db(transaction=True)

YEAR = 2028
WORDS = {
    "kk": {"lang_button": "ҚАЗ", "approved": "бекітілді"},
    "ru": {"lang_button": "РУС", "approved": "утвержден"},
}


@pytest.fixture
def demo(transactional_db):
    DemoLoader(date(2026, 11, 25), log=lambda msg: None).load()


@pytest.fixture
def clock():
    with time_machine.travel("2026-11-25 10:00 +05:00", tick=True):
        yield


def login(page, live_url, username, lang):
    page.context.clear_cookies()
    page.goto(live_url("/accounts/login/"))
    page.get_by_role("button", name=WORDS[lang]["lang_button"], exact=True).click()
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form.stack button[type=submit]").click()
    page.wait_for_url(live_url("/"))


def propose(page, live_url, name_kk, name_ru, budget):
    page.goto(live_url(f"/plans/{YEAR}/proposals/new/"))
    page.locator("select[name=anchor]").select_option(index=2)
    page.fill("textarea[name=name_kk]", name_kk)
    page.fill("textarea[name=name_ru]", name_ru)
    page.fill("input[name=budget]", budget)
    page.locator("select[name=deadline_kind]").select_option("quarter")
    page.locator("select[name=deadline_quarter]").select_option("3")
    page.locator("select[name=completion_form]").select_option(index=3)
    page.locator("form.card-form button[type=submit]").click()
    page.wait_for_url(live_url(f"/plans/{YEAR}/proposals/"))


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_import_open_propose_consolidate_approve(page, live_url, screenshot, demo, clock, tmp_path, lang):
    # The planner imports a new edition of the development plan from the template the system hands out.
    login(page, live_url, "planner", lang)
    page.goto(live_url("/documents/development-plans/import/"))
    page.fill("input[name=year_from]", "2025")
    page.fill("input[name=year_to]", "2029")
    with page.expect_download() as info:
        page.click("#download-template")
    workbook = tmp_path / "development-plan.xlsx"
    workbook.write_bytes(fill(Path(info.value.path()).read_bytes(), {
        **SAMPLE, "plan": {**SAMPLE["plan"], "edition": 3, "signed_on": date(2026, 11, 22)}}))
    page.set_input_files("input[name=workbook]", str(workbook))
    page.click("#upload-workbook")
    page.wait_for_url("**/development-plans/*/")
    imported = DevelopmentPlan.objects.get(edition=3)
    screenshot(f"drafting-0-imported-{lang}", full_page=False)

    # The planner opens the year on it: approval falls due 10 days after its signing.
    page.goto(live_url("/plans/open/"))
    page.fill("input[name=year]", str(YEAR))
    page.locator("select[name=development_plan]").select_option(str(imported.pk))
    page.fill("input[name=proposals_due]", "2026-12-01")  # by the approval due date (2 December)
    page.locator("form.stack button[type=submit]").click()
    page.wait_for_url(live_url(f"/plans/{YEAR}/proposals/"))
    screenshot(f"drafting-1-opened-{lang}", full_page=False)

    # Two units propose; their heads submit.
    for staff, head, name in (("staff1", "head1", "Су есебі"), ("staff2", "head2", "Каналдар")):
        login(page, live_url, staff, lang)
        propose(page, live_url, f"{name} бойынша іс-шара", f"Мероприятие: {name}", "005 100")
        login(page, live_url, head, lang)
        page.goto(live_url(f"/plans/{YEAR}/proposals/"))
        page.locator("form[action$='/proposals/submit/'] button").click()
        with page.expect_navigation():  # submitting asks first
            page.locator("#confirm-dialog button[value=yes]").click()
        page.wait_for_url(live_url(f"/plans/{YEAR}/proposals/"))
    screenshot(f"drafting-2-submitted-{lang}", full_page=False)
    assert Proposal.objects.filter(plan__year=YEAR, status="submitted").count() == 2
    assert PlanVersion.objects.get(plan__year=YEAR).plan.approval_due == date(2026, 12, 2)

    # The planner accepts one as is and the other edited, then edits the draft in place.
    login(page, live_url, "planner", lang)
    page.goto(live_url(f"/plans/{YEAR}/proposals/"))
    screenshot(f"drafting-3-side-by-side-{lang}", full_page=False)
    for edit in (False, True):
        page.locator("a.button.primary[href*='/accept/']").first.click()
        if edit:
            page.fill("textarea[name=name_ru]", "Мероприятие: Каналдар (уточнено)")
        page.locator("form.card-form button[type=submit]").click()
        page.wait_for_url(live_url(f"/plans/{YEAR}/proposals/"))
    page.goto(live_url(f"/plans/{YEAR}/"))
    page.locator("tr.event button.icon").first.click()
    page.wait_for_selector("#edit-row")
    page.fill("#edit-row input[name=budget]", "005 101")
    page.locator("#edit-row button.primary").click()
    page.wait_for_selector("#edit-row", state="detached")
    assert page.locator("tr.event").count() == 2
    assert "005 101" in page.locator("tr.event").first.inner_text()
    screenshot(f"drafting-4-draft-{lang}", full_page=False)
    page.locator("form[action$='/send/'] button").click()
    with page.expect_navigation():  # sending asks first
        page.locator("#confirm-dialog button[value=yes]").click()
    page.wait_for_url(live_url(f"/plans/{YEAR}/"))
    assert PlanVersion.objects.get(plan__year=YEAR).status == "on_approval"

    # The executive approves; version 1 is frozen.
    login(page, live_url, "executive", lang)
    page.goto(live_url(f"/plans/{YEAR}/"))
    screenshot(f"drafting-5-on-approval-{lang}", full_page=False)
    page.locator("form[action$='/approve/'] button:not([data-sign])").click()
    with page.expect_navigation():  # approving asks first
        page.locator("#confirm-dialog button[value=yes]").click()
    page.wait_for_url(live_url(f"/plans/{YEAR}/"))
    assert WORDS[lang]["approved"] in page.locator(".plan-status").inner_text()
    screenshot(f"drafting-6-approved-{lang}", full_page=False)
    version = PlanVersion.objects.get(plan__year=YEAR)
    assert version.status == "approved" and version.approved_by.username == "executive"
    assert {r.name_ru for r in EventRevision.objects.filter(version=version)} == {
        "Мероприятие: Су есебі", "Мероприятие: Каналдар (уточнено)"}
