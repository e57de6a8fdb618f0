"""Journey (issue 6): on the approved and monitored plan, open an amendment based on the executive's
decision, cancel one event, change another, add a third, approve version 2, compare v1 with v2,
and download Form 1 of both versions — in headless Chromium."""
from datetime import date

import pytest
import time_machine

from jospar.demo.loader import PASSWORD, DemoLoader
from jospar.planning.models import PlanVersion

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo(transactional_db):
    DemoLoader(date(2026, 11, 25), log=lambda msg: None, amend=False).load()


def login(page, live_url, username):
    page.context.clear_cookies()
    page.goto(live_url("/accounts/login/"))
    page.get_by_role("button", name="РУС", exact=True).click()
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form.stack button[type=submit]").click()
    page.wait_for_url(live_url("/"))


def test_amend_approve_compare_download(page, live_url, screenshot, demo):
    with time_machine.travel("2026-11-25 10:00 +05:00", tick=True):
        login(page, live_url, "planner")
        page.goto(live_url("/plans/2026/"))
        page.locator("a[href$='/plans/2026/amend/']").click()
        page.locator("input[name=basis][value=monitoring]").check()
        page.locator("select[name=decision]").select_option(index=1)
        screenshot("amend-1-open", full_page=False)
        page.locator("form.card-form button[type=submit]").click()
        page.wait_for_url(live_url("/plans/2026/"))
        assert page.locator("tr.event.marked").count() >= 1  # the decision's events are marked for review

        # cancel the first event, with the reason typed into the form under its row, confirmed
        page.locator("tr.event button[title]").filter(has_text="⊘").first.click()
        page.fill("tr.cancelrow textarea[name=reason_kk]", "ЖАО-ға берілді")  # both languages, side by side
        page.fill("tr.cancelrow textarea[name=reason_ru]", "Передано в МИО")
        page.locator("tr.cancelrow button[type=submit]").click()
        page.locator("#confirm-dialog button[value=yes]").click()
        page.wait_for_selector("tr.event.cancelled")
        # change the second event's budget code
        page.locator("tr.event:not(.cancelled) button.icon").first.click()
        page.wait_for_selector("#edit-row")
        page.fill("#edit-row input[name=budget]", "001 100")
        page.uncheck("#edit-row input[name=no_funding]")
        page.locator("#edit-row button.primary").click()
        page.wait_for_selector("#edit-row", state="detached")
        # add a third one under the first macroindicator
        page.locator("tr.g-macroindicator button.add").first.click()
        page.wait_for_selector("#edit-row")
        page.fill("#edit-row textarea[name=name_kk]", "Жаңа іс-шара")
        page.fill("#edit-row textarea[name=name_ru]", "Новое мероприятие по решению")
        page.fill("#edit-row input[name=budget]", "001")
        page.locator("#edit-row select[name=deadline_kind]").select_option("quarter")
        page.locator("#edit-row select[name=deadline_quarter]").select_option("4")
        page.locator("#edit-row select[name=completion_form]").select_option(index=1)
        page.locator("#edit-row select[name=lead_unit]").select_option(index=2)
        page.locator("#edit-row button.primary").click()
        page.wait_for_selector("#edit-row", state="detached")
        assert "Новое мероприятие по решению" in page.locator("#form1-body").inner_text()
        screenshot("amend-2-edited", full_page=False)
        page.locator("form[action$='/send/'] button").click()
        with page.expect_navigation():
            page.locator("#confirm-dialog button[value=yes]").click()
        page.wait_for_url(live_url("/plans/2026/"))

        login(page, live_url, "executive")
        page.goto(live_url("/plans/2026/"))
        page.locator("form[action$='/approve/'] button:not([data-sign])").click()
        with page.expect_navigation():
            page.locator("#confirm-dialog button[value=yes]").click()
        page.wait_for_url(live_url("/plans/2026/"))
        version = PlanVersion.objects.get(plan__year=2026, number=2)
        assert version.status == "approved" and version.basis == "monitoring" and version.basis_decision.pk

        page.goto(live_url("/plans/2026/compare/?a=1&b=2"))
        screenshot("amend-3-compare", full_page=False)
        kinds = page.locator(".diff-item").evaluate_all("items => items.map(i => i.className)")
        assert any("diff-added" in k for k in kinds)
        assert any("diff-cancelled" in k for k in kinds)
        assert any("diff-changed" in k for k in kinds)
        assert "Передано в МИО" in page.locator(".diff-cancelled").first.inner_text()

        for number in (1, 2):
            with page.expect_download() as download:
                page.goto(live_url(f"/plans/2026/?v={number}"))
                page.locator(f"a[href*='/v{number}/form1-ru.docx']").click()
            assert download.value.suggested_filename.endswith(f"-v{number}-ru.docx")
