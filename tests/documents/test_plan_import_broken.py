"""Broken import workbooks: each is refused with sheet, cell and a plain message, and nothing is saved."""
from datetime import date
from io import BytesIO

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import Workbook

from jospar.documents.importers.plan_template import build_import_template
from jospar.planning import services as planning_services
from jospar.planning.models import Event, EventExecutor, EventRevision
from tests.documents.importing import filled, good_rows, kind_label, upload, workbook_bytes
from tests.factories import StateBodyFactory, plan_with_events

pytestmark = pytest.mark.django_db


def counts():
    return (Event.objects.count(), EventRevision.objects.count(), EventExecutor.objects.count(),
            EventRevision.history.count(), EventExecutor.history.count())


def row(**changes):
    base = dict(good_rows()[0])
    base.update(changes)
    return {k: v for k, v in base.items() if v is not None}


def t(message: str, **params) -> str:
    """The message in Russian, the language of the request below."""
    with translation.override("ru"):
        text = translation.gettext(message)
    return text % params if params else text


def sheet_rows(bad: dict) -> list[dict]:
    """A good row first: the bad second row must keep the good one from being saved too."""
    return [good_rows()[1], bad]


def insert_column(wb):
    wb.worksheets[0].insert_cols(2)


def formula(wb):
    wb.worksheets[0]["B3"] = "=CONCAT(\"a\";\"b\")"


def first_format(wb):
    """A template of format 1, whose anchors sheet listed macroindicators numbered through the plan («M3»)."""
    wb["jospar"]["B2"] = 1


def other_plan_template(version, lang):
    other = plan_with_events(3, n_units=4, body=StateBodyFactory(), year=2027)
    return build_import_template(other, lang)


CASES = {
    "unknown anchor": (row(anchor="T9.9.9"), "A3", "Код — это M, направление и макроиндикатор (M1.2)"),
    "a macroindicator numbered through the plan": (row(anchor="M3"), "A3", "M1.2 — второй макроиндикатор"),
    "a target indicator without its goal": (row(anchor="T1"), "A3", "T, цель и целевой индикатор (T1.2.1)"),
    "no anchor": (row(anchor=""), "A3", None),
    "bad budget code": (row(budget="01"), "D3", "код должен состоять из трех цифр"),
    "letters in the budget code": (row(budget="00A"), "D3", "только из цифр"),
    "unknown unit": (row(executors="su1, nope"), "E3", None),
    "unit twice": (row(executors="su1; su1"), "E3", None),
    "no executor": (row(executors=""), "E3", None),
    "missing Kazakh name": (row(name_kk=""), "B3", None),
    "missing Russian name": (row(name_ru=" "), "C3", None),
    "quarter without its number": (row(quarter=None), "F3", "нужно указать «квартал»"),
    "month 13": (row(kind=kind_label("month"), quarter=None, month=13), "F3", "Месяц должен быть от 1 до 12"),
    "unknown deadline kind": (row(kind="иногда"), "F3", None),
    "unreadable wording": (row(kind=None, quarter=None, wording="когда-нибудь потом"), "K3",
                           "Не удалось распознать срок исполнения"),
    "no deadline at all": (row(kind=None, quarter=None), "F3", None),
    "date outside the plan year": (row(kind=kind_label("date"), quarter=None, date=date(2027, 1, 5)), "G3",
                                   None),
    "not a date": (row(kind=kind_label("date"), quarter=None, date="в июле"), "G3", None),
    "text in a number column": (row(quarter="третий"), "I3", None),
    "no completion form": (row(completion_kk=None, completion_ru=None), "L3", None),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_row_is_reported_and_nothing_is_saved(client, small_plan, planner, case):
    bad, cell, fragment = CASES[case]
    client.force_login(planner)
    client.cookies["django_language"] = "ru"
    before = counts()
    response = client.post(reverse("documents:import_events", args=[2026, 1]),
                           {"file": filled(small_plan, sheet_rows(bad))})
    assert response.status_code == 400
    problems = [(p.sheet, p.cell, p.message) for p in response.context["problems"]]
    assert problems and all(c == cell for _, c, _ in problems), problems
    assert problems[0][0] == "Мероприятия" or problems[0][0]  # the events sheet, named in the template's language
    if fragment:
        assert any(fragment in m for _, _, m in problems), problems
    assert counts() == before


WHOLE_FILE = {
    "a CSV file": lambda v: upload(b"anchor;name\nT1.1.1;x\n", "plan.csv"),
    "garbage named .xlsx": lambda v: upload(b"PK\x03\x04 not really a zip", "plan.xlsx"),
    "a Word file renamed": lambda v: upload(b"PK\x05\x06" + b"\x00" * 18, "plan.xlsx"),
    "someone's own workbook": lambda v: upload(_plain_workbook()),
    "another plan's template": lambda v: upload(workbook_bytes(other_plan_template(v, "ru"), [good_rows()[0]])),
    "a moved column": lambda v: filled(v, good_rows(), mutate=insert_column),
    "a formula": lambda v: filled(v, good_rows(), mutate=formula),
    "a template made before the annex's numbering": lambda v: filled(v, good_rows(), mutate=first_format),
    "no rows": lambda v: filled(v, []),
}
NOT_XLSX = "This is not an Excel workbook (.xlsx). Save the file as .xlsx and upload it again."
WHOLE_FILE_EXPECT = {
    "a CSV file": ("", "", NOT_XLSX),
    "garbage named .xlsx": ("", "", NOT_XLSX),
    "a Word file renamed": ("", "", NOT_XLSX),
    "someone's own workbook": ("", "", None),
    "another plan's template": ("jospar", "B3", None),
    "a moved column": (None, "B1", None),
    "a formula": (None, "B3", "Formulas are not accepted: type the value itself."),
    "a template made before the annex's numbering": ("jospar", "B2", "This template is of an older format. Download a "
                                                                      "new template."),
    "no rows": (None, "A2", "The workbook has no events to import."),
}


def _plain_workbook() -> bytes:
    wb = Workbook()
    wb.active.append(["Наименование", "Код"])
    wb.active.append(["Мероприятие", "001"])
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


@pytest.mark.parametrize("case", list(WHOLE_FILE))
def test_bad_file_is_refused_and_nothing_is_saved(client, small_plan, planner, case):
    client.force_login(planner)
    client.cookies["django_language"] = "ru"
    data = WHOLE_FILE[case](small_plan)
    before = counts()
    response = client.post(reverse("documents:import_events", args=[2026, 1]), {"file": data})
    assert response.status_code == 400
    problems = response.context["problems"]
    sheet, cell, message = WHOLE_FILE_EXPECT[case]
    assert problems[0].cell == cell
    if sheet is not None:
        assert problems[0].sheet == sheet
    if message:
        assert problems[0].message == t(message)
    assert counts() == before


def test_approved_version_refuses_the_import(client, small_plan, planner, executive):
    data = filled(small_plan, good_rows())
    small_plan.status = "approved"
    small_plan.approved_on = date(2026, 1, 5)
    small_plan.approved_by = executive
    small_plan.save()
    client.force_login(planner)
    client.cookies["django_language"] = "ru"
    before = counts()
    response = client.post(reverse("documents:import_events", args=[2026, 1]), {"file": data})
    assert response.status_code == 400
    assert "1" in response.context["problems"][0].message
    assert counts() == before
    assert planning_services  # the planning services own approval; here the version is approved directly


def test_every_problem_of_a_workbook_is_listed_at_once(client, small_plan, planner):
    client.force_login(planner)
    client.cookies["django_language"] = "ru"
    rows = [row(anchor="X1"), row(budget="1234"), row(name_ru="", executors="zz")]
    response = client.post(reverse("documents:import_events", args=[2026, 1]), {"file": filled(small_plan, rows)})
    cells = [p.cell for p in response.context["problems"]]
    assert cells == ["A2", "D3", "C4", "E4"]
    html = response.content.decode()
    assert "D3" in html and "<td>C4</td>" in html


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_messages_are_in_the_users_language(client, small_plan, planner, lang):
    client.force_login(planner)
    client.cookies["django_language"] = lang
    rows = [row(anchor="X1", budget="01")]
    response = client.post(reverse("documents:import_events", args=[2026, 1]),
                           {"file": filled(small_plan, rows, lang=lang)})
    messages = {p.cell: p.message for p in response.context["problems"]}
    english = ("Unknown anchor «%(code)s»: it is not on the sheet of anchors of this plan. A code is M, the direction "
               "and the macroindicator (M1.2); T, the goal and the target indicator (T1.2.1); or II. and the task "
               "(II.4).")
    with translation.override(lang):
        expected = translation.gettext(english) % {"code": "X1"}
    assert messages["A2"] == expected and expected != english % {"code": "X1"}
    assert messages["D2"] == {"kk": "«01»: код үш цифрдан тұруы керек",
                              "ru": "«01»: код должен состоять из трех цифр"}[lang]
    with translation.override(lang):
        assert response.context["problems"][0].sheet == translation.gettext("Events") != "Events"
