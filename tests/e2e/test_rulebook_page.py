"""Journey: the administrator corrects a column heading of Form 1 on the rulebook page, and the draft plan's
Form 1 downloaded afterwards carries the corrected heading; a broken label is refused with the reason."""
from datetime import date

import pytest

from jospar.demo.loader import DemoLoader
from jospar.rulebook import editions
from tests.documents.readback import docx_rows
from tests.e2e.test_documents_form1 import click_download, log_in

pytestmark = pytest.mark.django_db(transaction=True)

TODAY = date(2026, 11, 25)
KEY = "dpm-mne-28-2025"  # governs the demo's plans for 2026 and 2027
CASES = {
    "kk": ("kk-KZ", "Жауапты орындаушы", "Жауапты орындаушы (түзетілді)", "сақталды", "тек солар үшін"),
    "ru": ("ru-RU", "Ответственный исполнитель", "Ответственный исполнитель (исправлено)", "сохранено",
           "только для них"),
}


@pytest.fixture
def demo(transactional_db):
    DemoLoader(TODAY, log=lambda msg: None).load()


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_administrator_corrects_a_form1_label_and_the_next_document_shows_it(
        new_context, live_url, demo, tmp_path, screenshot, lang):
    locale, before, after, saved, refused = CASES[lang]
    page = new_context(locale=locale).new_page()
    log_in(page, live_url, "admin")
    page.locator("nav.mainnav a[href='/rulebook/']").click()
    page.locator(f"a[href='/rulebook/{KEY}/']").click()
    field = page.locator(f"textarea[name=f1_columns4_{lang}]")
    assert field.input_value() == before
    goal = editions.edition(KEY).form1.goal[lang]

    page.locator(f"textarea[name=f1_goal_{lang}]").fill("{m}")  # a broken placeholder: refused, nothing saved
    page.locator("form.rb-form button[type=submit]").click()
    assert refused in page.locator(".rb-refusal").inner_text()
    assert editions.edition(KEY).form1.goal[lang] == goal

    page.locator(f"textarea[name=f1_goal_{lang}]").fill(goal)
    page.locator(f"textarea[name=f1_columns4_{lang}]").fill(after)
    page.locator("form.rb-form button[type=submit]").click()
    assert saved in page.locator("#editor .msg-success").inner_text()
    assert after in page.locator("table.rb-history").inner_text()
    screenshot(f"rulebook-corrected-{lang}", page=page, full_page=False)

    page.goto(live_url("/plans/2027/"))
    _name, data = click_download(page, f"a[data-doc=form1-{lang}-docx]", tmp_path)
    _document, rows = docx_rows(data)
    assert after in rows[0][0]
