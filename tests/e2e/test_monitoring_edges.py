"""Issue 10 §5–§8, §13 in Chromium, in Kazakh and Russian: a submission before the period ends is explained
and refused, a rejected entry keeps what was typed with the error under its field, the report goes back
(returned by the executive, recalled by the planner), the decision's person list follows the unit, and
every irreversible step asks first."""
import pytest
import time_machine
from playwright.sync_api import expect

from jospar.monitoring.models import Report, ReportStep
from tests.e2e.test_monitoring_quarter import confirm, login
from tests.monitoring.world import at, build_world, report_all

pytestmark = pytest.mark.django_db(transaction=True)

WORDS = {
    "kk": {"opens": "01.04.2026 бастап", "annual_opens": "01.01.2027 бастап", "reasons_required": "міндетті",
           "returned": "Басшы есепті қайтарды", "recalled": "кері қайтарып алды", "cancel": "Болдырмау"},
    "ru": {"opens": "с 01.04.2026", "annual_opens": "с 01.01.2027", "reasons_required": "обязательн",
           "returned": "Отчет возвращен руководителем", "recalled": "отозван", "cancel": "Отмена"},
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_too_early_and_a_rejected_entry(new_context, live_url, screenshot, lang):
    w = build_world()
    words = WORDS[lang]
    key = f"{w.events['a_quarterly']}-1"
    with time_machine.travel(at("2026-03-25", 10), tick=True):
        head = login(new_context, live_url, w.users["head_a"], lang)
        head.goto(live_url("monitoring:unit", 2026, 1, w.units["a"].id))
        # a wrong click: «not executed» with an explanation in the wrong box and no reasons
        item = head.locator(f"#item-{key}")
        item.locator("select[name=status]").select_option("not_executed")
        item.locator("textarea[name=actual_ru]").fill("Данные акиматов <ещё> не поступили")
        item.locator("form.entry button[type=submit]").click()
        error = head.locator(f"#item-{key} fieldset:has(textarea[name=reasons_ru]) > .error")
        error.wait_for()
        assert words["reasons_required"] in error.inner_text().lower()
        assert head.locator(f"#item-{key} select[name=status]").input_value() == "not_executed"
        typed = head.locator(f"#item-{key} textarea[name=actual_ru]").input_value()
        assert typed == "Данные акиматов <ещё> не поступили"
        screenshot(f"edges-entry-rejected-{lang}", page=head, full_page=False)
        head.locator(f"#item-{key} textarea[name=reasons_ru]").fill("Данные акиматов не поступили")
        head.locator(f"#item-{key} form.entry button[type=submit]").click()
        head.locator(f"#item-{key} .saved").wait_for()

        # submitting before the quarter ends: the box says from when; cancelling changes nothing
        head.reload()
        box = head.locator("form.submit-box")
        assert words["opens"] in box.inner_text()
        box.locator("input[name=attest]").check()
        box.locator("button[type=submit]:not([data-sign])").click()
        head.locator("#confirm-dialog[open]").wait_for()
        screenshot(f"edges-submit-confirm-{lang}", page=head, full_page=False)
        head.locator("#confirm-dialog button[value=no]").click()
        assert head.locator("#confirm-dialog[open]").count() == 0
        box.locator("button[type=submit]:not([data-sign])").click()
        confirm(head)
        assert words["opens"] in head.locator(".msg-error").inner_text()
        screenshot(f"edges-submit-too-early-{lang}", page=head, full_page=False)

    with time_machine.travel(at("2026-12-02", 10), tick=True):
        planner = login(new_context, live_url, w.users["planner"], lang)
        planner.goto(live_url("monitoring:report", 2026, 4))
        assert words["annual_opens"] in planner.locator("#submit-report").inner_text()
        assert planner.locator("#submit-report button").count() == 0
        assert "(год)" not in planner.locator("h1").inner_text() and "(жыл)" not in planner.locator("h1").inner_text()
        screenshot(f"edges-annual-report-early-{lang}", page=planner, full_page=False)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_report_goes_back_and_the_decision_names_a_person_of_the_unit(new_context, live_url, screenshot, lang):
    w = build_world()
    words = WORDS[lang]
    report_all(w, 1, "2026-04-08")
    report_url = live_url("monitoring:report", 2026, 1)
    with time_machine.travel(at("2026-04-14", 10), tick=True):
        planner = login(new_context, live_url, w.users["planner"], lang)
        planner.goto(report_url)
        planner.locator("#submit-report button[type=submit]:not([data-sign])").click()
        confirm(planner)
        expect(planner.locator(".msg-success")).to_have_count(1)

        executive = login(new_context, live_url, w.users["executive"], lang)
        executive.goto(report_url)
        form = executive.locator("form#take-back")
        form.locator("textarea[name=comment]").fill("Уточните причины по мероприятию 2")
        form.locator("button[type=submit]").click()
        confirm(executive)
        expect(executive.locator(".msg-success")).to_have_count(1)
        screenshot(f"edges-report-returned-executive-{lang}", page=executive, full_page=False)

        planner.goto(report_url)
        note = planner.locator("#taken-back")
        assert words["returned"] in note.inner_text() and "Уточните причины" in note.inner_text()
        screenshot(f"edges-report-returned-planner-{lang}", page=planner, full_page=False)
        planner.locator("#submit-report button[type=submit]:not([data-sign])").click()
        confirm(planner)
        planner.locator("form#take-back button[type=submit]").click()  # the planner recalls it at once
        confirm(planner)
        expect(planner.locator("#submit-report button:not([data-sign])")).to_have_count(1)
        planner.locator("#report-history summary").click()
        assert words["recalled"] in planner.locator("#report-history").inner_text()
        screenshot(f"edges-report-recalled-{lang}", page=planner)
        planner.locator("#submit-report button[type=submit]:not([data-sign])").click()
        confirm(planner)

        executive.goto(report_url)
        form = executive.locator("form#record-decision")
        form.locator("textarea[name=text_ru]").fill("Представить план-график по мероприятию 2.")
        form.locator("select[name=responsible_unit]").select_option(str(w.units["a"].id))
        person = form.locator("#decision-person select")
        person.locator(f"option[value='{w.users['staff_a'].id}']").wait_for(state="attached")
        names = person.locator("option").all_inner_texts()
        assert len(names) == 3  # «—», the head and the staff member of unit a, nobody else
        person.select_option(str(w.users["staff_a"].id))
        form.locator("input[name=events]").fill("2, 99")  # a wrong number: refused, everything kept
        form.locator("button[type=submit]").click()
        confirm(executive)
        assert executive.locator("form#record-decision textarea[name=text_ru]").input_value().startswith("Представить")
        assert executive.locator("form#record-decision input[name=events] + .error").count() == 1
        assert executive.locator("#decision-person select").input_value() == str(w.users["staff_a"].id)
        screenshot(f"edges-decision-rejected-{lang}", page=executive)
        executive.locator("form#record-decision input[name=events]").fill("2")
        executive.locator("form#record-decision button[type=submit]").click()
        confirm(executive)
        expect(executive.locator(".msg-success")).to_have_count(1)
        assert executive.locator("form#take-back").count() == 0  # a decision is recorded: no more taking back

    assert Report.objects.get(period__quarter=1).status == "submitted"
    assert list(ReportStep.objects.values_list("action", flat=True)) == [
        "submitted", "returned", "submitted", "recalled", "submitted"]
