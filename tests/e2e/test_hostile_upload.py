"""Journey: a hostile workbook is refused at once with a plain message in the reader's language; a work list
is read in its own language, and a status word of the other language is shown in its cell."""
from io import BytesIO

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from jospar.demo.loader import DemoLoader
from jospar.monitoring.models import ExecutionEntry
from jospar.planning.models import EventRevision
from tests.documents import hostile_workbooks as hostile
from tests.e2e.test_documents_form1 import TODAY, click_download, log_in

pytestmark = pytest.mark.django_db(transaction=True)

REFUSAL = {
    "kk": "Кітап ашылғанда осы жүйенің кітабы бола алатыннан әлдеқайда үлкен",
    "ru": "В распакованном виде книга намного больше, чем может быть книга этой системы",
}


@pytest.fixture
def demo(transactional_db):
    DemoLoader(TODAY, log=lambda msg: None).load()


def _speak(page, live_url, lang):
    page.context.add_cookies([{"name": "django_language", "value": lang, "url": live_url()}])


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_zip_bomb_is_refused_in_the_readers_language(page, live_url, demo, tmp_path, screenshot, lang):
    bomb = tmp_path / "plan.xlsx"
    bomb.write_bytes(hostile.bomb())
    _speak(page, live_url, lang)
    log_in(page, live_url, "planner")
    page.goto(live_url("/documents/plans/2027/v1/import/"))
    before = EventRevision.objects.count()
    page.set_input_files("input[type=file]", str(bomb))
    page.locator("form.upload button[type=submit]").click()
    expect(page.locator("table.problems tbody tr")).to_have_count(1)
    assert REFUSAL[lang] in page.locator("table.problems tbody").inner_text()
    assert EventRevision.objects.count() == before
    screenshot(f"upload-refused-{lang}", full_page=False)


def test_a_russian_status_in_a_kazakh_work_list_is_shown_in_its_cell(page, live_url, demo, tmp_path, screenshot):
    _speak(page, live_url, "ru")
    log_in(page, live_url, "staff1")
    page.goto(live_url("/monitoring/2026/4/"))
    page.locator("a[href*='/monitoring/2026/4/units/']").first.click()
    _name, data = click_download(page, "a[data-doc=worklist-kk]", tmp_path)
    wb = load_workbook(BytesIO(data))
    ws = wb.worksheets[0]
    row = next(r for r in range(4, ws.max_row + 1) if ws[f"A{r}"].value and ws[f"G{r}"].protection.locked is False)
    ws[f"G{row}"] = "в процессе исполнения"  # the Russian word in the Kazakh work list
    ws[f"H{row}"] = "Жұмыс кестеге сай жүріп жатыр"
    book = tmp_path / "work-list-kk.xlsx"
    wb.save(book)
    before = ExecutionEntry.objects.count()
    page.locator("nav.downloads a.primary").click()
    page.set_input_files("input[type=file]", str(book))
    page.locator("form.upload button[type=submit]").click()
    expect(page.locator("table.problems tbody tr")).to_have_count(1)
    assert page.locator("table.problems tbody td").nth(1).inner_text() == f"G{row}"
    assert "«орындалу үстінде»" in page.locator("table.problems tbody").inner_text()
    assert ExecutionEntry.objects.count() == before
    screenshot("upload-worklist-other-language-ru", full_page=False)
