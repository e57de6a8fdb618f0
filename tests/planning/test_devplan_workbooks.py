"""The development-plan workbook: the template handed out, its safety, and reading it back.

Also holds `fill()` and `SAMPLE`, which the import and browser tests use to fill a downloaded
template the way a planner would, with openpyxl.
"""
import io
import zipfile
from datetime import date
from decimal import Decimal

import pytest
from django.utils import translation
from openpyxl import load_workbook

from jospar.documents.importers.devplan import ImportRefused, blank_template, export_plan, layout, parse_workbook

SAMPLE = {
    "plan": {"title_kk": "Су ресурстары министрлігінің 2025–2029 жылдарға арналған даму жоспары",
             "title_ru": "План развития Министерства водных ресурсов на 2025–2029 годы",
             "year_from": 2025, "year_to": 2029, "edition": 1, "signed_on": date(2025, 12, 22),
             "document_number": "45"},
    "directions": [
        {"number": "1", "name_kk": "Су қауіпсіздігі", "name_ru": "Водная безопасность", "name_en": "Water security"},
        {"number": "2", "name_kk": "Суару", "name_ru": "Орошение"},
    ],
    "macroindicators": [
        {"number": "1", "direction": "1", "name_kk": "Үнемделген су", "name_ru": "Сэкономленная вода",
         "unit_kk": "млн м³", "unit_ru": "млн м³", "baseline": 420, "y2025": 900, "y2026": "1 500,5"},
        {"number": "2", "direction": "1", "name_kk": "Суармалы жер", "name_ru": "Орошаемые земли",
         "y2027": 1760},
        {"number": "1", "direction": "2", "name_kk": "Каналдар", "name_ru": "Каналы", "y2029": 12.5},
    ],
    "goals": [
        {"number": "1.1", "name_kk": "Су үнемдеу", "name_ru": "Водосбережение", "code": "G1.1"},
        {"number": "1.2", "name_kk": "Су сапасы", "name_ru": "Качество воды"},
        {"number": "2.1", "name_kk": "Суару жүйелері", "name_ru": "Оросительные системы"},
    ],
    "indicators": [
        {"goal": "1.1", "number": "1", "name_kk": "Тамшылатып суару", "name_ru": "Капельное орошение",
         "unit_ru": "тыс. га", "unit_kk": "мың га", "baseline": "310", "y2025": 400, "y2026": 520, "y2027": 650,
         "y2028": 790, "y2029": 950},
        {"goal": "1.1", "number": "2", "name_kk": "Шығындар", "name_ru": "Потери", "unit_ru": "%", "y2025": "12,5"},
        {"goal": "1.2", "number": "1", "name_kk": "Ауыз су", "name_ru": "Питьевая вода", "y2026": 98},
        {"goal": "2.1", "number": "1", "name_kk": "Каналдарды жөндеу", "name_ru": "Ремонт каналов", "y2029": 1000},
    ],
    "tasks": [
        {"number": "1", "name_kk": "Мемлекеттік бақылау", "name_ru": "Государственный контроль"},
        {"number": "2", "name_kk": "Халықаралық ынтымақтастық", "name_ru": "Международное сотрудничество"},
    ],
}


def sheets_by_kind(wb) -> dict:
    return {layout.sheet_kind(ws.title): ws for ws in wb.worksheets}


def fill(template: bytes, content: dict = SAMPLE, *, edit=None) -> bytes:
    """Fill a downloaded template: Plan values by key (column A), rows by the hidden key row."""
    wb = load_workbook(io.BytesIO(template))
    sheets = sheets_by_kind(wb)
    plan = sheets["plan"]
    for row in range(1, plan.max_row + 1):
        key = plan.cell(row, 1).value
        if key in content.get("plan", {}):
            plan.cell(row, 3).value = content["plan"][key]
    for kind in layout.DATA_SHEETS:
        ws = sheets[kind]
        cols = {ws.cell(1, c).value: c for c in range(1, ws.max_column + 1)}
        for r, item in enumerate(content.get(kind, ()), start=3):
            for key, value in item.items():
                ws.cell(r, cols[key]).value = value
    if edit:
        edit(wb, sheets)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def template():
    return blank_template(2025, 2029)


def test_template_has_every_sheet_with_hidden_keys_and_headers_in_the_users_language():
    with translation.override("ru"):
        data = blank_template(2025, 2029)
    wb = load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["Инструкция", "План", "Направления", "Макроиндикаторы", "Цели", "Целевые индикаторы",
                             "Задачи раздела II"]
    goals = wb["Цели"]
    assert goals.row_dimensions[1].hidden
    assert [c.value for c in goals[1]] == ["number", "name_kk", "name_ru", "name_en", "code"]
    assert goals["B2"].value.startswith("Наименование на казахском") or goals["B2"].value
    indicators = wb["Целевые индикаторы"]
    keys = [c.value for c in indicators[1]]
    assert keys[-8:] == ["y2025", "y2026", "y2027", "y2028", "y2029", "responsible", "polarity", "accumulation"]
    assert [c.value for c in indicators[2]][-8:-3] == ["2025", "2026", "2027", "2028", "2029"]
    assert indicators.data_validations.dataValidation, "value columns only take numbers"
    assert wb["План"].column_dimensions["A"].hidden
    assert wb["План"]["C5"].value == 2025


def test_template_headers_follow_the_language():
    with translation.override("kk"):
        wb = load_workbook(io.BytesIO(blank_template(2026, 2030)))
    assert "Мақсаттар" in wb.sheetnames and "Нысаналы индикаторлар" in wb.sheetnames
    assert [c.value for c in wb["Нысаналы индикаторлар"][1]][-4] == "y2030"


def test_user_text_that_looks_like_a_formula_is_written_as_text(db, body):
    from tests.factories import DevelopmentPlanFactory, DirectionFactory, RegulationTaskFactory

    plan = DevelopmentPlanFactory(body=body, title_kk="=HYPERLINK(\"http://x\")", title_ru="+7 701",
                                  document_number="-1")
    DirectionFactory(plan=plan, position=1, name_kk="=1+1", name_ru="@SUM(A1)")
    RegulationTaskFactory(plan=plan, position=1, name_kk="-задача", name_ru="Задача")
    data = export_plan(plan)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = "".join(archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/worksheets/"))
    assert "<f>" not in xml and "<f " not in xml
    wb = load_workbook(io.BytesIO(data))
    sheets = sheets_by_kind(wb)
    cell = sheets["directions"]["B3"]
    assert cell.value == "=1+1" and cell.data_type == "s" and cell.quotePrefix
    parsed = parse_workbook(data)  # and it comes back exactly as it was
    assert parsed.header["title_kk"] == "=HYPERLINK(\"http://x\")"
    assert parsed.items["directions"][0].fields["name_ru"] == "@SUM(A1)"
    assert parsed.items["tasks"][0].fields["name_kk"] == "-задача"


def test_values_stay_numbers_shown_as_the_reader_writes_them(db, body):
    from jospar.planning.models import IndicatorValue
    from tests.factories import DevelopmentPlanFactory, DirectionFactory, MacroindicatorFactory

    plan = DevelopmentPlanFactory(body=body, year_from=2026, year_to=2027)
    macro = MacroindicatorFactory(direction=DirectionFactory(plan=plan, position=1), position=1,
                                  baseline=Decimal("1200.5000"))
    IndicatorValue.objects.create(macroindicator=macro, year=2026, value=Decimal("520.0000"))
    sheet = sheets_by_kind(load_workbook(io.BytesIO(export_plan(plan))))["macroindicators"]
    keys = [c.value for c in sheet[layout.KEY_ROW]]
    row = sheet[layout.FIRST_DATA_ROW]
    baseline, value = row[keys.index("baseline")], row[keys.index("y2026")]
    assert (baseline.value, baseline.number_format) == (1200.5, "#,##0.0")  # «1 200,5» in a kk/ru Excel
    assert (value.value, value.number_format) == (520, "#,##0")  # «520», not «520,0000»
    assert parse_workbook(export_plan(plan)).items["macroindicators"][0].fields["baseline"] == Decimal("1200.5")


def test_a_filled_template_reads_back_completely(template):
    parsed = parse_workbook(fill(template))
    assert parsed.header["signed_on"] == date(2025, 12, 22)
    assert [i.label for i in parsed.items["goals"]] == ["1.1", "1.2", "2.1"]
    macro = parsed.items["macroindicators"][0]
    assert macro.values == {2025: Decimal("900"), 2026: Decimal("1500.5")}
    assert macro.fields["baseline"] == Decimal("420")
    assert parsed.items["indicators"][1].values == {2025: Decimal("12.5")}
    assert parsed.count("tasks") == 2


def test_rows_may_come_in_any_order(template):
    shuffled = {**SAMPLE, "goals": list(reversed(SAMPLE["goals"])), "indicators": SAMPLE["indicators"][::-1]}
    parsed = parse_workbook(fill(template, shuffled))
    assert [i.number for i in parsed.items["indicators"]] == [(1, 1, 1), (1, 1, 2), (1, 2, 1), (2, 1, 1)]


def test_a_kazakh_workbook_imports_for_a_russian_reader():
    with translation.override("kk"):
        data = fill(blank_template(2025, 2029))
    with translation.override("ru"):
        assert parse_workbook(data).count("directions") == 2


def test_numbers_typed_as_numbers_are_understood(template):
    def edit(wb, sheets):
        sheets["directions"]["A3"].value = 1
        sheets["goals"]["A3"].value = 1.1

    assert parse_workbook(fill(template, edit=edit)).items["goals"][0].number == (1, 1)


def test_problems_name_the_sheet_and_cell_in_the_users_language(template):
    broken = {**SAMPLE, "goals": [{"number": "1.1", "name_kk": "", "name_ru": "Цель"}]}
    with translation.override("ru"), pytest.raises(ImportRefused) as refused:
        parse_workbook(fill(blank_template(2025, 2029), broken))
    problem = refused.value.problems[0]
    assert problem.where == "Цели!B3"
    assert "на казахском" in problem.message


def test_an_emptied_or_removed_sheet_is_simply_empty(template):
    def edit(wb, sheets):
        sheets["macroindicators"].delete_rows(1, 10)
        wb.remove(sheets["instructions"])

    parsed = parse_workbook(fill(template, {**SAMPLE, "macroindicators": []}, edit=edit))
    assert parsed.count("macroindicators") == 0 and parsed.count("goals") == 3


def test_an_exported_plan_shows_the_annex_numbers_and_reads_back(db, body):
    """Macroindicators 1, 2 under both directions with the direction's number beside them; target
    indicators 1, 2 under each goal with the goal's number beside them; read back to the same tree."""
    from tests.factories import (
        DevelopmentPlanFactory,
        DirectionFactory,
        GoalFactory,
        MacroindicatorFactory,
        TargetIndicatorFactory,
    )

    plan = DevelopmentPlanFactory(body=body, year_from=2025, year_to=2029)
    for d in (1, 2):
        direction = DirectionFactory(plan=plan, position=d)
        for m in (1, 2):
            MacroindicatorFactory(direction=direction, position=m)
        goal = GoalFactory(direction=direction, position=1)
        for t in (1, 2):
            TargetIndicatorFactory(goal=goal, position=t)
    with translation.override("ru"):
        data = export_plan(plan)
    sheets = sheets_by_kind(load_workbook(io.BytesIO(data)))
    macros, indicators = sheets["macroindicators"], sheets["indicators"]
    assert [c.value for c in macros[2]][:2] == ["№ его стратегического направления *",
                                                  "№ макроиндикатора в направлении (1, 2 …) *"]
    assert [(r[0], r[1]) for r in macros.iter_rows(min_row=3, values_only=True)] == [
        ("1", "1"), ("1", "2"), ("2", "1"), ("2", "2")]
    assert [c.value for c in indicators[2]][:2] == ["№ его цели (например 1.2) *",
                                                      "№ целевого индикатора в цели (1, 2 …) *"]
    assert [(r[0], r[1]) for r in indicators.iter_rows(min_row=3, values_only=True)] == [
        ("1.1", "1"), ("1.1", "2"), ("2.1", "1"), ("2.1", "2")]
    parsed = parse_workbook(data)
    assert [i.number for i in parsed.items["macroindicators"]] == [(1, 1), (1, 2), (2, 1), (2, 2)]
    assert [i.number for i in parsed.items["indicators"]] == [(1, 1, 1), (1, 1, 2), (2, 1, 1), (2, 1, 2)]
