"""A proposal's deadline shows only the inputs its kind uses, in the browser."""
from datetime import date

import pytest

from jospar.demo.loader import PASSWORD, DemoLoader

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo(transactional_db):
    DemoLoader(date(2026, 11, 25), log=lambda msg: None).load()


def visible(page, field: str) -> bool:
    return page.locator(f"fieldset.deadline [name$='{field}']").is_visible()


def test_the_deadline_kind_decides_which_inputs_show(page, live_url, screenshot, demo):
    page.goto(live_url("/accounts/login/"))
    page.fill("input[name=username]", "staff1")
    page.fill("input[name=password]", PASSWORD)
    page.press("input[name=password]", "Enter")
    page.goto(live_url("/plans/2027/proposals/new/"))
    kind = page.locator("fieldset.deadline select[name$='deadline_kind']")
    expected = {
        "date": {"deadline_date"}, "quarter": {"deadline_quarter"}, "yearly": {"deadline_month", "deadline_day"},
        "within_year": set(), "quarterly": {"deadline_day"},
    }
    for value, shown in expected.items():
        kind.select_option(value)
        for field in ("deadline_date", "deadline_month", "deadline_quarter", "deadline_day"):
            assert visible(page, field) == (field in shown), (value, field)
    kind.select_option("yearly")
    screenshot("proposal-deadline-yearly")


def test_an_amendment_shows_the_fields_of_its_basis_only(page, live_url, demo):
    page.goto(live_url("/accounts/login/"))
    page.fill("input[name=username]", "planner")
    page.fill("input[name=password]", PASSWORD)
    page.press("input[name=password]", "Enter")
    page.goto(live_url("/plans/2026/amend/"))
    decision, number = page.locator("select[name=decision]"), page.locator("input[name=document_number]")
    page.locator("input[name=basis][value=development_plan]").check()
    assert number.is_visible() and not decision.is_visible()
    page.locator("input[name=basis][value=monitoring]").check()
    assert decision.is_visible() and not number.is_visible()


def test_file_pickers_speak_the_pages_language(page, live_url, screenshot, demo):
    page.goto(live_url("/accounts/login/"))
    page.fill("input[name=username]", "staff1")
    page.fill("input[name=password]", PASSWORD)
    page.press("input[name=password]", "Enter")
    page.context.add_cookies([{"name": "django_language", "value": "kk", "url": live_url("/")}])
    from jospar.orgs.models import OrgUnit

    page.goto(live_url(f"/monitoring/2026/4/units/{OrgUnit.objects.get(code='wrm').pk}/"))
    pick = page.locator("button.file-pick").first
    assert pick.inner_text() == "Файлды таңдау"
    assert page.locator(".file-name").first.inner_text() == "Файл таңдалмаған"
    page.locator("input[type=file]").first.set_input_files({"name": "akt.pdf", "mimeType": "application/pdf",
                                                            "buffer": b"%PDF-1.4 test"})
    assert page.locator(".file-name").first.inner_text() == "akt.pdf"
