"""Journey: a full I quarter in Chromium, in Kazakh and in Russian.

Three units report (one late, one entry returned by the planner and corrected), the planner compiles
and submits the Form 2 report with recommendations, the executive records a decision asking to amend
the plan. The clock is pinned with time-machine (the live server runs in this process, so it follows).
"""
import re

import pytest
import time_machine

from tests.monitoring.world import at, build_world

pytestmark = pytest.mark.django_db(transaction=True)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
WORDS = {
    "kk": {"button": "ҚАЗ", "title": "2026 жыл бойынша (I тоқсан) операциялық жоспарды іске асыру туралы есебі",
           "executed": "орындалды", "not_executed": "орындалмады", "column6": "Іс-шаралардың нақты орындалуы",
           "rec": "Мерзімді II тоқсанға", "no_kk": "қазақша мәтін жоқ",
           "decision": "өзгерістер дайындау"},
    "ru": {"button": "РУС", "title": "за 2026 год (I квартал)", "executed": "исполнено",
           "not_executed": "не исполнено", "column6": "Фактическое исполнение мероприятий",
           "rec": "Перенести срок", "no_kk": "нет текста на казахском",
           "decision": "Подготовить изменения"},
}


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def login(new_context, live_url, user, lang):
    page = new_context().new_page()
    page.goto(live_url("/accounts/login/"))
    page.get_by_role("button", name=WORDS[lang]["button"], exact=True).click()
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", "secret-pass-1")
    page.locator("form.stack button[type=submit]").click()
    page.wait_for_url(live_url("/"))
    return page


def save_item(page, key, status, actual="", reasons=""):
    """Saves in place (htmx swaps the item): «Saved.» appears next to the button. Each text is typed in both
    state languages (the Kazakh one marked as such), as the head's submission needs."""
    item = page.locator(f"#item-{key}")
    item.locator("select[name=status]").select_option(status)
    for name, text in (("actual", actual), ("reasons", reasons)):
        item.locator(f"textarea[name={name}_ru]").fill(text)
        item.locator(f"textarea[name={name}_kk]").fill(f"Қазақша: {text}" if text else "")
    item.locator("form.entry button[type=submit]").click()
    page.locator(f"#item-{key} .saved").wait_for()


def confirm(page):
    """Answer «yes» in the confirmation dialog an irreversible action opens first; the form then posts."""
    with page.expect_navigation():
        page.locator("#confirm-dialog button[value=yes]").click()
    page.wait_for_load_state()


def submit_info(page):
    page.reload()  # the submit box counts what is filled in
    page.locator("form.submit-box input[name=attest]").check()
    page.locator("form.submit-box button[type=submit]:not([data-sign])").click()
    confirm(page)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_full_quarter(new_context, live_url, screenshot, media, lang):
    w = build_world()
    words = WORDS[lang]
    ev = w.events
    unit_url = {code: live_url("monitoring:unit", 2026, 1, w.units[code].id) for code in "abc"}
    report_url = live_url("monitoring:report", 2026, 1)

    with time_machine.travel(at("2026-04-06", 10), tick=True):
        # unit b, co-executor of event 1, sends its part; then reports its own event
        b = login(new_context, live_url, w.users["head_b"], lang)
        b.goto(unit_url["b"])
        b.locator(f"#co-{ev['a_march']}-1 textarea[name=text]").fill("Келісім хат жолданды / Письмо согласовано")
        b.locator(f"#co-{ev['a_march']}-1 button[type=submit]").click()
        b.locator(f"#co-{ev['a_march']}-1 .saved").wait_for()
        save_item(b, f"{ev['b_q1']}-1", "executed", "Ведомственный приказ № 15 от 25.03.2026")
        submit_info(b)
        assert "msg-success" in b.content()

        # unit a: three items, a file, then the head submits
        a = login(new_context, live_url, w.users["head_a"], lang)
        a.goto(unit_url["a"])
        assert "Письмо согласовано" in a.content()  # the co-executor's contribution reached the lead
        save_item(a, f"{ev['a_march']}-1", "executed", "Комплексный план утвержден приказом № 44")
        save_item(a, f"{ev['a_quarterly']}-1", "not_executed", reasons="Данные акиматов не поступили")
        save_item(a, f"{ev['a_year']}-1", "in_progress", "Идет сбор предложений")
        item = a.locator(f"#item-{ev['a_march']}-1")
        item.locator("input[type=file]").set_input_files(
            files=[{"name": "бұйрық.pdf", "mimeType": "application/pdf", "buffer": PDF}])
        item.locator("form[enctype] button[type=submit]").click()
        a.wait_for_load_state()
        assert "бұйрық.pdf" in a.content()
        screenshot(f"monitoring-unit-filled-{lang}", page=a)
        submit_info(a)
        assert a.locator("form.entry").count() == 0  # locked

    with time_machine.travel(at("2026-04-08", 11), tick=True):
        planner = login(new_context, live_url, w.users["planner"], lang)
        planner.goto(unit_url["a"])
        box = planner.locator(f"#item-{ev['a_quarterly']}-1 details.return-box")
        box.locator("summary").click()
        box.locator("textarea[name=comment]").fill("Укажите, когда будут получены данные")
        box.locator("button[type=submit]").click()
        confirm(planner)
        screenshot(f"monitoring-returned-{lang}", page=planner)

        a = login(new_context, live_url, w.users["head_a"], lang)
        a.goto(unit_url["a"])
        assert "Укажите, когда будут получены данные" in a.content()
        assert a.locator("form.entry").count() == 1  # only the returned entry reopens
        save_item(a, f"{ev['a_quarterly']}-1", "not_executed",
                  reasons="Данные акиматов не поступили; ожидаются до 20.04.2026")
        submit_info(a)

    with time_machine.travel(at("2026-04-12", 16), tick=True):
        c = login(new_context, live_url, w.users["head_c"], lang)
        c.goto(unit_url["c"])
        save_item(c, f"{ev['c_feb']}-1", "executed", "Информация направлена в Правительство")
        submit_info(c)
        assert c.locator(".msg-success").count() == 1 and c.locator(".pill.late").count() >= 1
        screenshot(f"monitoring-late-{lang}", page=c)

    with time_machine.travel(at("2026-04-14", 10), tick=True):
        planner = login(new_context, live_url, w.users["planner"], lang)
        planner.goto(report_url)
        assert words["title"] in planner.locator("h1").inner_text()
        assert planner.locator("table.form2 thead tr").first.locator("th").nth(5).inner_text() == words["column6"]
        assert planner.locator("tr.colnums th").all_inner_texts() == [str(i) for i in range(1, 9)]
        assert planner.locator(".panel.pending").count() == 0  # all three units have submitted
        row = planner.locator(f"#ev-{ev['a_quarterly']}")
        assert words["not_executed"] in row.inner_text() and "20.04.2026" in row.inner_text()
        row.locator(".edit-rec").click()
        row.locator("textarea[name=text_kk]").fill("Мерзімді II тоқсанға ауыстыру")  # both languages side by side
        row.locator("textarea[name=text_ru]").fill("Перенести срок на II квартал")
        row.locator(".rec-form button").click()
        row.locator(".rec", has_text=words["rec"]).wait_for()
        planner.fill("textarea[name=general_ru]", "Усилить контроль за сроками представления данных.")
        planner.fill("textarea[name=proposals_kk]", "2-іс-шараның мерзімін өзгерту (II тоқсан).")
        planner.fill("textarea[name=proposals_ru]", "Изменить срок мероприятия 2 (II квартал).")
        planner.locator("#texts button[type=submit]").click()
        planner.wait_for_load_state()
        # the recommendations lack their Kazakh text: the submission is refused, the list links to the field
        planner.locator("form.submit-box button[type=submit]:not([data-sign])").click()
        confirm(planner)
        missing = planner.locator("#texts-missing")
        assert words["no_kk"] in missing.inner_text() and missing.locator("a").count() == 1
        screenshot(f"monitoring-report-texts-missing-{lang}", page=planner, full_page=False)
        missing.locator("a").click()
        planner.wait_for_url(re.compile(r"#general-recommendations$"))
        planner.fill("textarea[name=general_kk]", "Деректерді ұсыну мерзімдерін бақылауды күшейту.")
        planner.locator("#texts button[type=submit]").click()
        planner.wait_for_load_state()
        planner.locator("form.submit-box button[type=submit]:not([data-sign])").click()
        confirm(planner)
        assert planner.locator("textarea[name=general_ru]").count() == 0  # read-only once submitted
        assert words["rec"] in planner.content()  # the reader's language
        screenshot(f"monitoring-report-{lang}", page=planner)
        planner.goto(live_url("monitoring:periods", 2026))
        assert planner.locator(".periods .card").count() == 4 and "10.07.2026" in planner.content()
        screenshot(f"monitoring-periods-{lang}", page=planner, full_page=False)

    with time_machine.travel(at("2026-04-16", 15), tick=True):
        executive = login(new_context, live_url, w.users["executive"], lang)
        assert "100%" in executive.content() or "%" in executive.content()  # the summary card
        screenshot(f"monitoring-home-executive-{lang}", page=executive, full_page=False)
        executive.goto(report_url + "#decisions")
        form = executive.locator("#decisions form")
        form.locator("textarea[name=text_kk]").fill("2-іс-шара бойынша операциялық жоспарға өзгерістер дайындау.")
        form.locator("textarea[name=text_ru]").fill("Подготовить изменения в операционный план по мероприятию 2.")
        form.locator("select[name=responsible_unit]").select_option(str(w.units["plan"].id))
        form.locator("input[name=due_on]").fill("2026-05-15")
        form.locator("input[name=events]").fill("2")
        form.locator("input[name=requests_amendment]").check()
        form.locator("button[type=submit]").click()
        confirm(executive)
        decision = executive.locator("ul.decisions li.amend")
        assert words["decision"] in decision.inner_text() and re.search(r"\b2\b", decision.inner_text())
        screenshot(f"monitoring-decision-{lang}", page=executive)

    from jospar.monitoring.models import Decision, UnitSubmission
    from jospar.monitoring.selectors import decisions_requesting_amendment

    late = UnitSubmission.objects.filter(is_late=True)
    assert [(s.unit.code, s.delay_days) for s in late] == [("c", 2)]
    assert list(decisions_requesting_amendment(w.plan)) == list(Decision.objects.all())
