"""Journey: the planner fills the import template of the demo's draft offline; a broken workbook is refused
with its cells, the corrected one lands in the draft."""
from io import BytesIO

import pytest
from openpyxl import load_workbook

from jospar.demo.loader import DemoLoader
from jospar.documents.importers.plan_columns import INDEX
from jospar.planning.models import EventRevision
from tests.e2e.test_documents_form1 import TODAY, click_download, log_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo(transactional_db):
    DemoLoader(TODAY, log=lambda msg: None).load()


def put(ws, row, **values):
    for key, value in values.items():
        ws.cell(row=row, column=INDEX[key] + 1, value=value)


def test_planner_imports_events_into_the_draft(page, live_url, demo, tmp_path, screenshot):
    log_in(page, live_url, "planner")
    page.goto(live_url("/plans/2027/"))
    page.locator("nav.downloads a.primary").click()
    page.wait_for_url("**/documents/plans/2027/v1/import/")
    name, data = click_download(page, "a[href$='import-template-ru.xlsx']", tmp_path)
    assert name == "operational-plan-2027-v1-import-ru.xlsx"
    wb = load_workbook(BytesIO(data))
    anchors, units, lists = wb.worksheets[1], wb.worksheets[2], wb.worksheets[3]
    ws = wb.worksheets[0]
    anchor, unit = anchors["A2"].value, units["A2"].value
    common = {"anchor": anchor, "executors": unit, "kind": lists["A4"].value, "quarter": 2,
              "completion_ru": "Приказ министра", "completion_kk": "Министрдің бұйрығы"}
    put(ws, 2, name_kk="Импортталған бірінші іс-шара", name_ru="Импортированное мероприятие один",
        budget="001", **common)
    put(ws, 3, name_kk="Импортталған екінші іс-шара", name_ru="Импортированное мероприятие два",
        budget="01", **common)
    broken, fixed = tmp_path / "broken.xlsx", tmp_path / "fixed.xlsx"
    wb.save(broken)
    put(ws, 3, budget="не требует финансирования")
    wb.save(fixed)
    before = EventRevision.objects.count()

    page.set_input_files("input[type=file]", str(broken))
    page.locator("form.upload button[type=submit]").click()
    cells = page.locator("table.problems tbody td:nth-child(2)").all_inner_texts()
    assert cells == ["D3"]
    assert EventRevision.objects.count() == before
    screenshot("documents-import-problems", full_page=False)

    page.set_input_files("input[type=file]", str(fixed))
    page.locator("form.upload button[type=submit]").click()
    page.wait_for_url("**/plans/2027/?v=1")
    assert EventRevision.objects.count() == before + 2
    assert "Импортированное мероприятие два" in page.content()
