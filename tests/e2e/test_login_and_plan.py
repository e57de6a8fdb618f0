"""Journey: log in → home → the Form 1 plan page, in Kazakh and in Russian (and log out)."""
from datetime import date

import pytest

from jospar.demo.loader import PASSWORD, DemoLoader
from jospar.planning.models import EventRevision

pytestmark = pytest.mark.django_db(transaction=True)

TODAY = date(2026, 11, 25)

EXPECTED = {
    "kk": {
        "button": "ҚАЗ",
        "home": "Сіздің назарыңызды қажет етеді",
        "title": "Қазақстан Республикасы Су ресурстары және ирригация министрлігінің "
        "2026 жылға арналған операциялық жоспары",
        "columns": ["Р/с №", "Атауы", "Бюджеттік бағдарламаның коды", "Жауапты орындаушы", "Орындалу мерзімі",
                    "Аяқталу нысаны"],
        "section2": "II. Мемлекеттік органның ережесінде айқындалған өзге де міндеттерді шешуге арналған іс-шаралар",
        "direction": "1-стратегиялық бағыт",
        "logout": "Шығу",
    },
    "ru": {
        "button": "РУС",
        "home": "Требует вашего внимания",
        "title": "Операционный план Министерства водных ресурсов и ирригации Республики Казахстан на 2026 год",
        "columns": ["№ п/п", "Наименование", "Код бюджетной программы", "Ответственный исполнитель",
                    "Срок исполнения", "Форма завершения"],
        "section2": "II. Мероприятия по решению иных задач, определенных положением государственного органа",
        "direction": "Стратегическое направление 1",
        "logout": "Выйти",
    },
}


@pytest.fixture
def demo(transactional_db):
    DemoLoader(TODAY, log=lambda msg: None).load()


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_planner_logs_in_and_reads_form1(page, live_url, screenshot, demo, lang):
    words = EXPECTED[lang]
    page.goto(live_url("/"))
    assert "/accounts/login/" in page.url
    page.get_by_role("button", name=words["button"], exact=True).click()
    page.fill("input[name=username]", "planner")
    page.fill("input[name=password]", PASSWORD)
    page.locator("form.stack button[type=submit]").click()
    page.wait_for_url(live_url("/"))
    assert words["home"] in page.content()
    screenshot(f"home-planner-{lang}", full_page=False)

    page.goto(live_url("/plans/2026/"))
    assert page.locator("h1").inner_text() == words["title"]
    headers = page.locator("table.form1 thead tr").first.locator("th").all_inner_texts()
    assert headers == words["columns"]
    assert page.locator("tr.colnums th").all_inner_texts() == ["1", "2", "3", "4", "5", "6"]
    assert page.locator("tr.g-direction").first.inner_text().startswith(words["direction"])
    assert words["section2"] in page.locator("tr.g-section").nth(1).inner_text()
    in_force = EventRevision.objects.filter(version__plan__body__code="mwri", version__plan__year=2026,
                                            version__status="approved")
    assert page.locator("tr.event").count() == in_force.filter(version__number=2).count()
    assert page.locator("tr.event td.num").first.inner_text() == "1"
    screenshot(f"plan-form1-{lang}", full_page=False)

    page.get_by_role("button", name=words["logout"]).click()
    page.wait_for_url("**/accounts/login/")


def test_language_choice_sticks_across_sessions(page, live_url, new_context, demo):
    page.goto(live_url("/accounts/login/"))
    page.fill("input[name=username]", "head1")
    page.fill("input[name=password]", PASSWORD)
    page.locator("form.stack button[type=submit]").click()
    page.get_by_role("button", name="РУС", exact=True).click()
    assert "Выйти" in page.content()
    fresh = new_context().new_page()  # another browser: no language cookie
    fresh.goto(live_url("/accounts/login/"))
    fresh.fill("input[name=username]", "head1")
    fresh.fill("input[name=password]", PASSWORD)
    fresh.locator("form.stack button[type=submit]").click()
    fresh.wait_for_url(live_url("/"))
    assert "Выйти" in fresh.content()
