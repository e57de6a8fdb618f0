"""Journey: Form 2 downloads from the demo's report page; a unit fills its work list offline and uploads it."""
from io import BytesIO

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from jospar.demo.loader import DemoLoader
from jospar.monitoring.models import ExecutionEntry
from tests.documents.readback import docx_rows, pdf_pages, xlsx_sheet
from tests.e2e.test_documents_form1 import TODAY, click_download, log_in

pytestmark = pytest.mark.django_db(transaction=True)

FORM2_COL8 = {
    "kk": "Ұсынымдар, оның ішінде операциялық жоспарға өзгерістер енгізу жөніндегі ұсыныстар",
    "ru": "Рекомендации, в том числе предложения по внесению изменений в операционный план",
}


@pytest.fixture
def demo(transactional_db):
    DemoLoader(TODAY, log=lambda msg: None).load()


def test_form2_downloads_from_the_report_page(page, live_url, demo, tmp_path, screenshot):
    log_in(page, live_url, "planner")
    page.goto(live_url("/monitoring/2026/3/report/"))
    assert page.locator("nav.downloads a[data-doc^=form2]").count() == 6
    screenshot("documents-report-downloads", full_page=False)
    for lang in ("kk", "ru"):
        for fmt in ("docx", "xlsx", "pdf"):
            name, data = click_download(page, f"a[data-doc=form2-{lang}-{fmt}]", tmp_path)
            assert name == f"report-2026-q3-{lang}.{fmt}"
            title = "жыл бойынша" if lang == "kk" else "Отчет о реализации операционного плана"
            if fmt == "pdf":
                text = " ".join(" ".join(pdf_pages(data)).split())
                assert title in text and FORM2_COL8[lang][:20] in text
            elif fmt == "xlsx":
                ws = xlsx_sheet(data)
                assert title in ws["A1"].value and [c.value for c in ws[4]][7] == FORM2_COL8[lang]
            else:
                document, rows = docx_rows(data)
                assert title in document.paragraphs[0].text and rows[0][0][7] == FORM2_COL8[lang]


def test_unit_fills_its_work_list_offline_and_uploads_it(page, live_url, demo, tmp_path, screenshot):
    log_in(page, live_url, "staff1")
    page.goto(live_url("/monitoring/2026/4/"))
    page.locator("a[href*='/monitoring/2026/4/units/']").first.click()
    name, data = click_download(page, "a[data-doc=worklist-ru]", tmp_path)
    assert name.startswith("work-list-2026-q4-") and name.endswith("-ru.xlsx")
    wb = load_workbook(BytesIO(data))
    ws = wb.worksheets[0]
    filled = 0
    for r in range(4, ws.max_row + 1):
        if ws[f"A{r}"].value and ws[f"G{r}"].protection.locked is False and not ws[f"G{r}"].value:
            ws[f"G{r}"] = "в процессе исполнения"
            ws[f"H{r}"] = "Работа ведется по графику"
            filled += 1
    assert filled
    first = next(r for r in range(4, ws.max_row + 1) if ws[f"G{r}"].value == "в процессе исполнения")
    ws[f"G{first}"] = "почти готово"
    broken, target = tmp_path / "broken.xlsx", tmp_path / "filled.xlsx"
    wb.save(broken)
    ws[f"G{first}"] = "в процессе исполнения"
    wb.save(target)
    before = ExecutionEntry.objects.count()
    page.locator("nav.downloads a.primary").click()
    page.set_input_files("input[type=file]", str(broken))
    page.locator("form.upload button[type=submit]").click()
    expect(page.locator("table.problems tbody tr")).to_have_count(1)
    assert page.locator("table.problems tbody td").nth(1).inner_text() == f"G{first}"
    assert ExecutionEntry.objects.count() == before
    page.set_input_files("input[type=file]", str(target))
    page.locator("form.upload button[type=submit]").click()
    page.wait_for_load_state()
    assert "/monitoring/2026/4/units/" in page.url
    assert page.locator(".messages").count() == 1
    assert ExecutionEntry.objects.count() == before + filled
    screenshot("documents-worklist-saved", full_page=False)
