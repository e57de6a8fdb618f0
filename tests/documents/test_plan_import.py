"""The planner's Excel import into the draft: template, checks, all-or-nothing save."""
from io import BytesIO

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from jospar.documents.importers.plan_events import check_plan_workbook
from jospar.documents.importers.plan_template import build_import_template
from jospar.documents.importers.save_events import import_events
from jospar.planning.models import EventExecutor, EventRevision, Macroindicator
from jospar.planning.selectors import form1_rows
from tests.documents.importing import filled, good_rows

pytestmark = pytest.mark.django_db


def test_template_lists_anchors_units_and_dropdowns(small_plan):
    wb = load_workbook(BytesIO(build_import_template(small_plan, "ru")))
    assert wb.sheetnames[-1] == "jospar" and wb["jospar"].sheet_state == "veryHidden"
    meta = {row[0]: row[1] for row in wb["jospar"].iter_rows(values_only=True)}
    assert meta["plan"] == small_plan.plan.pk and meta["version"] == small_plan.pk and meta["year"] == 2026
    anchors = [row[:2] for row in wb.worksheets[1].iter_rows(min_row=2, values_only=True)]
    assert anchors[:3] == [("M1.1", "Стратегическое направление 1 · Макроиндикатор 1"),
                           ("M1.2", "Стратегическое направление 1 · Макроиндикатор 2"),
                           ("T1.1.1", "Цель 1.1 · Целевой индикатор 1")]
    assert ("M2.1", "Стратегическое направление 2 · Макроиндикатор 1") in anchors
    assert ("T2.2.3", "Цель 2.2 · Целевой индикатор 3") in anchors and anchors[-1] == ("II.5", "II.5")
    assert len({code for code, _place in anchors}) == len(anchors)  # numbers repeat, codes do not
    units = [row[0] for row in wb.worksheets[2].iter_rows(min_row=2, values_only=True)]
    assert units == ["su0", "su1", "su2", "su3"]
    ws = wb.worksheets[0]
    validated = {str(dv.sqref).split(":")[0]: dv for dv in ws.data_validations.dataValidation}
    assert validated["A2"].type == "list" and validated["F2"].type == "list"
    assert validated["L2"].showErrorMessage is False  # completion forms: the list or free text
    assert ws.freeze_panes == "A2"


def test_check_reads_every_deadline_style(small_plan):
    with translation.override("ru"):
        check = check_plan_workbook(filled(small_plan, good_rows()), small_plan)
    assert check.problems == [] and len(check.events) == 3
    first, second, third = check.events
    assert first.deadline.to_dict() == {"kind": "quarter", "quarter": 3}
    assert first.completion_form_id is not None and first.budget_codes == "001 100"
    assert second.deadline.to_dict() == {"kind": "yearly", "month": 12, "day": 20}
    assert second.no_funding and second.budget_codes == ""
    assert third.deadline.to_dict() == {"kind": "date", "date": "2026-07-01"}
    assert third.budget_codes == "001"  # the number 1 Excel made of «001»
    assert third.anchor_field == "macroindicator_id"  # «м2.1» typed with a Cyrillic letter
    assert third.anchor_id == Macroindicator.objects.get(direction__plan=small_plan.plan.development_plan,
                                                         direction__position=2, position=1).pk


def test_planner_imports_all_rows_with_history(client, small_plan, planner):
    before = EventRevision.objects.filter(version=small_plan).count()
    client.force_login(planner)
    client.cookies["django_language"] = "ru"
    url = reverse("documents:import_events", args=[2026, 1])
    assert client.get(url).status_code == 200
    response = client.post(url, {"file": filled(small_plan, good_rows())})
    assert response.status_code == 302 and response["Location"].endswith("/plans/2026/?v=1")
    assert EventRevision.objects.filter(version=small_plan).count() == before + 3
    new = EventRevision.objects.get(version=small_plan, name_ru="Новое мероприятие")
    assert [(e.unit.code, e.is_lead) for e in new.executors.order_by("position")] == [("su1", True), ("su2", False)]
    assert new.position == 1 + max(r.position for r in EventRevision.objects.filter(
        version=small_plan, target_indicator=new.target_indicator).exclude(pk=new.pk))
    record = new.history.get()
    assert record.history_user == planner and "plan.xlsx" in record.history_change_reason
    assert new.event.created_by == planner
    names = [r.label for r in form1_rows(small_plan, "ru") if r.kind == "event"]
    assert "Новое мероприятие" in names and "Третье мероприятие" in names


def test_a_name_starting_with_a_formula_sign_is_imported_as_text(small_plan, planner):
    rows = good_rows()[:1]
    rows[0]["name_ru"] = "=SUM(1)"  # typed with the quote prefix: a string cell, not a formula

    def as_text(wb):
        wb.worksheets[0]["C2"].data_type = "s"

    with translation.override("ru"):
        check = check_plan_workbook(filled(small_plan, rows, mutate=as_text), small_plan)
    assert check.problems == []
    import_events(user=planner, version=small_plan, events=check.events)
    assert EventRevision.objects.filter(version=small_plan, name_ru="=SUM(1)").exists()


def test_viewer_cannot_import(client, small_plan, viewer):
    client.force_login(viewer)
    assert client.get(reverse("documents:import_events", args=[2026, 1])).status_code == 403
    assert client.get(reverse("documents:import_template", args=[2026, 1, "ru"])).status_code == 403


def test_template_download(client, small_plan, planner):
    client.force_login(planner)
    response = client.get(reverse("documents:import_template", args=[2026, 1, "kk"]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="operational-plan-2026-v1-import-kk.xlsx"'
    assert EventExecutor.objects.count() > 0
