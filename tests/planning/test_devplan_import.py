"""Importing a development plan from Excel: all or nothing, every problem with sheet, cell and message."""
import io

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import translation
from openpyxl import Workbook

from jospar.documents.importers.devplan import blank_template
from jospar.orgs.models import Role
from jospar.planning.models import DevelopmentPlan, Goal, IndicatorValue, Macroindicator, TargetIndicator
from tests.factories import (
    DevelopmentPlanFactory,
    DirectionFactory,
    OperationalPlanFactory,
    OrgUnitFactory,
    StateBodyFactory,
    member,
)
from tests.planning.test_devplan_workbooks import SAMPLE, fill

pytestmark = pytest.mark.django_db

URL = reverse("documents:devplan_import")


@pytest.fixture
def planner(db):
    body = StateBodyFactory(code="mwri")
    return member(body, Role.PLANNER, OrgUnitFactory(body=body, is_planning=True), username="planner")


@pytest.fixture
def client_ru(client, planner):
    client.force_login(planner)
    client.cookies["django_language"] = "en"
    return client


def counts() -> dict:
    return {
        model._meta.label: model._default_manager.count()
        for app in ("planning", "orgs")
        for model in apps.get_app_config(app).get_models()
    }


def upload(client, data: bytes, name="plan.xlsx", lang="en"):
    client.cookies["django_language"] = lang
    return client.post(URL, {"workbook": _file(data, name)})


def _file(data, name):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def template():
    with translation.override("en"):
        return blank_template(2025, 2029)


def _edit(fn):
    return lambda: fill(template(), edit=fn)


def _content(**changes):
    return lambda: fill(template(), {**SAMPLE, **changes})


def _set(sheet, cell, value):
    def edit(wb, sheets):
        sheets[sheet][cell].value = value
    return _edit(edit)


def _empty_workbook():
    buffer = io.BytesIO()
    Workbook().save(buffer)
    return buffer.getvalue()


def _extra_sheet(wb, sheets):
    wb.create_sheet("Лист1")["A1"] = "notes"


def _unknown_column(wb, sheets):
    sheets["goals"]["F1"] = "owner"
    sheets["goals"]["F2"] = "Owner"
    sheets["goals"]["F3"] = "Department 1"


def _year_outside(wb, sheets):
    ws = sheets["indicators"]
    ws["O1"], ws["O2"], ws["O3"] = "y2031", "2031", 5


def _formula(wb, sheets):
    sheets["indicators"]["J3"] = "=SUM(K3:N3)"


def _too_big():
    return fill(template()) + b"\0" * (10 * 1024 * 1024)


BROKEN = {
    "not an xlsx": (lambda: b"%PDF-1.4 this is not a workbook", [("", "not an Excel workbook")]),
    "old xls": (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, [("", ".xls")]),
    "zip but not xlsx": (lambda: _zip_of("word/document.xml"), [("", "not an Excel workbook")]),
    "too big": (_too_big, [("", "larger than 10 MB")]),
    "empty workbook": (_empty_workbook, [("Sheet", "not part of the template"), ("Plan", "is missing")]),
    "nothing to import": (lambda: fill(template(), {"plan": SAMPLE["plan"]}),
                          [("Directions!A3", "nothing to import")]),
    "formula cell": (_edit(_formula), [("Target indicators!J3", "formula")]),
    "goal of a missing direction": (
        _content(goals=[*SAMPLE["goals"], {"number": "3.1", "name_kk": "x", "name_ru": "y"}]),
        [("Goals!A6", "strategic direction 3")]),
    "indicator of a missing goal": (
        _content(indicators=[*SAMPLE["indicators"], {"goal": "1.3", "number": "1", "name_kk": "x", "name_ru": "y"}]),
        [("Target indicators!A7", "goal 1.3")]),
    "indicator numbered direction.goal.indicator as before the annex": (
        _content(indicators=[{**SAMPLE["indicators"][0], "goal": None, "number": "1.1.1"}]),
        [("Target indicators!B3", "«1.1.1» is the old numbering"), ("Target indicators!B3", "write 1 here"),
         ("Target indicators!A3", "number is missing")]),
    "missing kazakh and russian names": (
        _content(directions=[{"number": "1", "name_kk": "", "name_ru": "Направление"},
                             {"number": "2", "name_kk": "Бағыт", "name_ru": None}]),
        [("Directions!B3", "Kazakh is missing"), ("Directions!C4", "Russian is missing")]),
    "duplicate numbers": (
        _content(tasks=[*SAMPLE["tasks"], {"number": "2", "name_kk": "x", "name_ru": "y"}]),
        [("Section II tasks!A5", "appears twice")]),
    "gap in numbering": (
        _content(goals=[SAMPLE["goals"][0], {**SAMPLE["goals"][1], "number": "1.3"}, SAMPLE["goals"][2]]),
        [("Goals!A4", "1.2 is missing")]),
    "bad number shape": (_set("goals", "A3", "1-1"), [("Goals!A3", "like 1.2")]),
    "over-long name": (_set("directions", "C3", "Н" * 2001), [("Directions!C3", "at most 2000 characters")]),
    "over-long unit of measure": (_set("indicators", "G3", "м" * 101), [("Target indicators!G3", "at most 100")]),
    "value not a number": (_set("indicators", "J3", "about 400"), [("Target indicators!J3", "is not a number")]),
    "baseline not a number": (_set("macroindicators", "J3", "n/a"), [("Macroindicators!J3", "not a number")]),
    "year outside the plan": (_edit(_year_outside), [("Target indicators!O2", "outside the plan's years")]),
    "unknown sheet": (_edit(_extra_sheet), [("Лист1", "not part of the template")]),
    "unknown column": (_edit(_unknown_column), [("Goals!F1", "not part of this sheet")]),
    "missing title and bad date": (
        lambda: fill(template(), {**SAMPLE, "plan": {**SAMPLE["plan"], "title_ru": "", "signed_on": "вчера"}}),
        [("Plan!C3", "Title in Russian"), ("Plan!C8", "not a date")]),
    "years reversed": (lambda: fill(template(), {**SAMPLE, "plan": {**SAMPLE["plan"], "year_to": 2020}}),
                       [("Plan!C6", "last year must come after")]),
    "macroindicators numbered through the plan as before the annex": (
        _content(macroindicators=[*SAMPLE["macroindicators"][:2], {**SAMPLE["macroindicators"][2], "number": "3"},
                                  {**SAMPLE["macroindicators"][2], "number": "4"}]),
        [("Macroindicators!B5", "strategic direction 2 start at 3"),
         ("Macroindicators!B5", "from 1 again in every strategic direction")]),
    "macroindicator 1 twice in a direction": (
        _content(macroindicators=[*SAMPLE["macroindicators"], {**SAMPLE["macroindicators"][2], "name_ru": "Дубль"}]),
        [("Macroindicators!B6", "Macroindicator 1 of strategic direction 2 appears twice: also in row 5")]),
    "macroindicator of a missing direction": (
        _content(macroindicators=[{**SAMPLE["macroindicators"][0], "direction": "7"}]),
        [("Macroindicators!A3", "strategic direction 7")]),
}


def _zip_of(name):
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(name, "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize("case", list(BROKEN))
def test_a_broken_workbook_lists_its_problems_and_changes_nothing(client_ru, case):
    make, expected = BROKEN[case]
    data = make()
    before = counts()
    response = upload(client_ru, data)
    assert response.status_code == 200
    problems = response.context["problems"]
    shown = [(p.where, p.message) for p in problems]
    for where, words in expected:
        assert any(w == where and words in m for w, m in shown), (where, words, shown)
    html = response.content.decode()
    for where, _words in expected:
        assert (where or "—") in html
    assert counts() == before


def test_every_problem_is_listed_at_once(client_ru):
    def edit(wb, sheets):
        sheets["directions"]["C4"] = None  # Russian name of direction 2
        sheets["goals"]["A5"] = "2.2"  # a gap: 2.1 is missing in direction 2 ... and 2.1 disappears
        sheets["indicators"]["K4"] = "lots"
        sheets["tasks"]["A4"] = "1"  # a duplicate

    response = upload(client_ru, fill(template(), edit=edit))
    where = [p.where for p in response.context["problems"]]
    assert {"Directions!C4", "Goals!A5", "Target indicators!K4", "Section II tasks!A4"} <= set(where)
    assert DevelopmentPlan.objects.count() == 0


def test_a_correct_workbook_creates_the_whole_plan(client_ru, planner):
    response = upload(client_ru, fill(template()))
    plan = DevelopmentPlan.objects.get()
    assert response.status_code == 302 and response.url == reverse("devplan:detail", args=[plan.pk])
    assert plan.body_id == planner.memberships.get().body_id
    assert (plan.title_ru, plan.edition, plan.document_number) == (SAMPLE["plan"]["title_ru"], 1, "45")
    assert plan.directions.count() == 2 and plan.regulation_tasks.count() == 2
    goal = Goal.objects.get(direction__plan=plan, direction__position=2, position=1)
    assert goal.name_ru == "Оросительные системы"
    macro = Macroindicator.objects.get(direction__position=2)
    assert macro.position == 1  # «1-макроиндикатор» of direction 2, as direction 1 has its own 1 and 2
    assert list(Macroindicator.objects.filter(direction__position=1).values_list("position", flat=True)
                .order_by("position")) == [1, 2]
    indicator = TargetIndicator.objects.get(goal__direction__position=1, goal__position=1, position=1)
    assert list(indicator.values.values_list("year", flat=True)) == [2025, 2026, 2027, 2028, 2029]
    assert IndicatorValue.objects.count() == 4 + 8
    history = Goal.history.filter(direction__plan=plan)
    assert history.count() == 3 and all(h.history_user_id == planner.pk for h in history)
    assert {h.history_change_reason for h in IndicatorValue.history.all()} == {"Excel import"}


def test_an_import_fills_an_empty_plan_of_the_same_edition(client_ru, planner):
    body = planner.memberships.get().body
    empty = DevelopmentPlanFactory(body=body, year_from=2025, edition=1, title_ru="Черновик")
    upload(client_ru, fill(template()))
    empty.refresh_from_db()
    assert DevelopmentPlan.objects.count() == 1
    assert empty.title_ru == SAMPLE["plan"]["title_ru"] and empty.directions.count() == 2


def test_an_import_never_overwrites_a_plan_in_use(client_ru, planner):
    body = planner.memberships.get().body
    used = DevelopmentPlanFactory(body=body, year_from=2025, edition=1)
    OperationalPlanFactory(development_plan=used, year=2026)
    before = counts()
    response = upload(client_ru, fill(template()))
    [problem] = response.context["problems"]
    assert problem.where == "Plan!C7"
    assert "2026" in problem.message and "write 2 here" in problem.message
    assert counts() == before


def test_an_import_does_not_replace_a_plan_with_content(client_ru, planner):
    body = planner.memberships.get().body
    DirectionFactory(plan=DevelopmentPlanFactory(body=body, year_from=2025, edition=1))
    response = upload(client_ru, fill(template()))
    assert "already exists and has content" in response.context["problems"][0].message
    response = upload(client_ru, fill(template(), {**SAMPLE, "plan": {**SAMPLE["plan"], "edition": 2}}))
    assert response.status_code == 302
    assert DevelopmentPlan.objects.filter(edition=2).get().directions.count() == 2


def test_problems_are_in_the_users_language(client_ru):
    with translation.override("kk"):
        data = fill(blank_template(2025, 2029), {**SAMPLE, "directions": [{"number": "1", "name_ru": "Н"}]})
    response = upload(client_ru, data, lang="ru")
    messages = [p.message for p in response.context["problems"]]
    assert any("на казахском" in m for m in messages), messages
    response = upload(client_ru, data, lang="kk")
    assert any("қазақ" in p.message.lower() for p in response.context["problems"])


def test_nothing_is_imported_for_another_body(client_ru):
    other = StateBodyFactory()
    upload(client_ru, fill(template()))
    assert not DevelopmentPlan.objects.filter(body=other).exists()
