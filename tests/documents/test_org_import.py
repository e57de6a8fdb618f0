"""The org-structure workbook: the template holds the body's units and people with hidden keys and headers in
its language; an upload is checked in full (every problem with sheet, cell and a message in the reader's
language), saved all or nothing, and importing the same workbook again changes nothing."""
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from openpyxl import load_workbook

from jospar.documents.importers import org_layout as layout
from jospar.documents.importers.org_structure import import_org_structure
from jospar.documents.importers.org_template import build_org_template
from jospar.orgs.models import Membership, Office, OrgUnit, Person, Role
from tests.factories import OrgUnitFactory, StateBodyFactory, member

pytestmark = pytest.mark.django_db

UNITS = [
    {"code": "plan", "kind": "structural unit", "name_kk": "Стратегиялық жоспарлау департаменті",
     "name_ru": "Департамент стратегического планирования", "is_planning": "yes", "position": 1},
    {"code": "water", "kind": "structural unit", "name_kk": "Су ресурстары департаменті",
     "name_ru": "Департамент водных ресурсов", "is_planning": "no", "position": 2},
    {"code": "kazvodkhoz", "kind": "subordinate organisation", "name_kk": "«Қазсушар» РМК",
     "name_ru": "РГП «Казводхоз»"},
]
PEOPLE = [
    {"username": "a.seitova", "last_name": "Сейітова", "first_name": "Айгүл", "patronymic": "Маратқызы",
     "email": "a.seitova@example.kz", "position_kk": "Бас сарапшы", "position_ru": "Главный эксперт",
     "language": "kk", "role": "planner (monitoring unit)", "unit": "plan"},
    {"username": "b.nurlanov", "last_name": "Нұрланов", "first_name": "Болат", "role": "unit head", "unit": "water"},
    {"username": "b.nurlanov", "last_name": "Нұрланов", "first_name": "Болат", "role": "unit staff",
     "unit": "kazvodkhoz"},
    {"username": "k.abenov", "last_name": "Әбенов", "first_name": "Қайрат",
     "role": "executive (first head or chief of staff)", "office": "chief of staff"},
]


@pytest.fixture
def body(db):
    return StateBodyFactory(code="mwri")


@pytest.fixture
def admin(body):
    return member(body, Role.ADMIN, username="bodyadmin")


def sheets(wb):
    return {layout.sheet_kind(ws.title): ws for ws in wb.worksheets}


def fill(template: bytes, units=(), people=(), *, edit=None, replace=False) -> bytes:
    """Add rows to a downloaded template by the hidden key row (as a person would in Excel); with ``replace``, a
    row whose code or login is already there is typed over that row."""
    wb = load_workbook(io.BytesIO(template))
    by_kind = sheets(wb)
    for kind, rows in (("units", units), ("people", people)):
        ws = by_kind[kind]
        cols = {ws.cell(1, c).value: c for c in range(1, ws.max_column + 1)}
        filled = {str(ws.cell(r, 1).value).casefold(): r for r in range(layout.FIRST_DATA_ROW, ws.max_row + 1)
                  if ws.cell(r, 1).value}
        last = max(filled.values(), default=layout.FIRST_DATA_ROW - 1)
        for item in rows:
            key = str(item.get("code") or item.get("username")).casefold()
            if replace and key in filled:
                r = filled[key]
            else:
                last += 1
                r = last
            for name, value in item.items():
                ws.cell(r, cols[name]).value = value
    if edit:
        edit(by_kind)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def upload(data: bytes, name="org.xlsx"):
    return SimpleUploadedFile(name, data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml."
                                                      "sheet")


def run(admin, data, lang="ru"):
    with translation.override(lang):
        return import_org_structure(user=admin, upload=upload(data))


def snapshot():
    return (sorted(OrgUnit.objects.values_list("code", "kind", "name_ru", "is_planning", "position", "is_active")),
            sorted(Membership.objects.values_list("user__username", "role", "unit__code", "office", "acting")),
            sorted(Person.objects.values_list("user__username", "patronymic", "position_ru", "language")),
            OrgUnit.history.count(), Membership.history.count(), Person.history.count())


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_template_has_hidden_keys_headers_in_its_language_and_the_current_structure(body, admin, lang):
    OrgUnitFactory(body=body, code="=cmd", name_ru="=HYPERLINK(1)", is_planning=True)
    data = build_org_template(body, lang)
    wb = load_workbook(io.BytesIO(data))
    by_kind = sheets(wb)
    assert set(by_kind) == {"instructions", "units", "people", "lists"}
    assert by_kind["units"].title == layout.SHEET_NAMES["units"][lang]
    units = by_kind["units"]
    assert [c.value for c in units[1]][:3] == ["code", "kind", "name_kk"]
    assert units.row_dimensions[1].hidden
    with translation.override(lang):
        assert units.cell(2, 3).value.startswith(str(layout.COLUMNS["units"][2].label))
    assert units.cell(3, 1).value == "=cmd" and units.cell(3, 1).data_type == "s"  # text, never a formula
    assert units.cell(3, 6).value == layout.YES[lang]
    people = by_kind["people"]
    assert people.cell(3, 1).value == "bodyadmin"


def test_a_filled_workbook_imports_units_people_and_roles(body, admin):
    data = fill(build_org_template(body, "ru"), UNITS, PEOPLE)
    counts, problems = run(admin, data)
    assert problems == []
    assert (counts.units_created, counts.people_created, counts.roles_added) == (3, 3, 4)
    assert counts.new_people == ["a.seitova", "b.nurlanov", "k.abenov"]
    plan = OrgUnit.objects.get(code="plan")
    assert plan.is_planning and plan.body == body and plan.position == 1
    assert OrgUnit.objects.get(code="kazvodkhoz").kind == OrgUnit.Kind.SUBORDINATE
    seitova = Person.objects.get(user__username="a.seitova")
    assert (seitova.patronymic, seitova.position_ru, seitova.language) == ("Маратқызы", "Главный эксперт", "kk")
    assert not seitova.user.has_usable_password()  # a password is set on the person's page
    executive = Membership.objects.get(user__username="k.abenov")
    assert (executive.role, executive.office, executive.unit) == (Role.EXECUTIVE, Office.CHIEF_OF_STAFF, None)
    assert Membership.objects.filter(user__username="b.nurlanov").count() == 2
    record = OrgUnit.history.filter(code="plan").get()
    assert record.history_user == admin  # the audit trail names the administrator


def test_importing_the_same_workbook_again_changes_nothing(body, admin):
    data = fill(build_org_template(body, "kk"), UNITS, PEOPLE)
    run(admin, data)
    before = snapshot()
    counts, problems = run(admin, data)
    assert problems == [] and not counts.changed
    assert snapshot() == before
    counts, problems = run(admin, build_org_template(body, "ru"))  # the downloaded workbook as it is
    assert problems == [] and not counts.changed
    assert snapshot() == before


def test_a_changed_row_updates_the_unit_and_the_person_matched_by_code_and_login(body, admin):
    run(admin, fill(build_org_template(body, "ru"), UNITS, PEOPLE))
    renamed = [{**UNITS[1], "code": "WATER", "name_ru": "Департамент водного хозяйства"}]
    moved = [{**PEOPLE[3], "username": "K.Abenov", "office": "first head", "acting": "да"}]
    counts, problems = run(admin, fill(build_org_template(body, "ru"), renamed, moved, replace=True))
    assert problems == []
    assert (counts.units_updated, counts.people_created, counts.roles_updated) == (1, 0, 1)
    assert OrgUnit.objects.get(code__iexact="water").name_ru == "Департамент водного хозяйства"
    executive = Membership.objects.get(user__username="k.abenov")
    assert (executive.office, executive.acting) == (Office.FIRST_HEAD, True)


MISTAKES = {
    "ru": {
        ("Подразделения", "F4"): "уже является подразделением, ответственным",
        ("Подразделения", "B5"): "нет в списке",
        ("Сотрудники", "J5"): "Неизвестное подразделение «nowhere»",
        ("Сотрудники", "K6"): "только пользователь с ролью руководства",
        ("Сотрудники", "A7"): "уже занят",
    },
    "kk": {
        ("Бөлімшелер", "F4"): "жоспарлау мен мониторингке жауапты бөлімше болып тұр",
        ("Бөлімшелер", "B5"): "тізімде жоқ",
        ("Қызметкерлер", "J5"): "«nowhere» белгісіз бөлімше",
        ("Қызметкерлер", "K6"): "тек басшылық рөліндегі",
        ("Қызметкерлер", "A7"): "пайдаланылып жүр",
    },
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_mistake_is_listed_by_cell_in_the_readers_language_and_nothing_is_saved(body, admin, lang):
    other = StateBodyFactory(code="other")
    member(other, Role.VIEWER, username="taken")
    units = [UNITS[0], {**UNITS[1], "is_planning": "yes"}, {**UNITS[2], "kind": "department"}]
    people = [PEOPLE[0], {**PEOPLE[1], "unit": "nowhere"},
              {**PEOPLE[1], "role": "viewer", "unit": "", "office": "first head"},
              {**PEOPLE[3], "username": "taken"}]
    template = build_org_template(body, lang)
    before = snapshot()
    counts, problems = run(admin, fill(template, units, people), lang)
    assert counts is None
    found = {(p.sheet, p.cell): p.message for p in problems}
    for where, words in MISTAKES[lang].items():
        assert words in found.get(where, ""), (where, found)
    assert snapshot() == before  # all or nothing


def test_formulas_are_refused_cell_by_cell(body, admin):
    def formula(by_kind):
        by_kind["units"]["D3"] = "=1+1"
    counts, problems = run(admin, fill(build_org_template(body, "ru"), [UNITS[0]], edit=formula))
    assert counts is None and [(p.cell, "Формулы" in p.message) for p in problems] == [("D3", True)]


def test_a_planner_must_be_in_the_planning_unit_and_a_marked_unit_keeps_its_planners(body, admin):
    planning = OrgUnitFactory(body=body, code="plan", is_planning=True)
    member(body, Role.PLANNER, planning)
    rows = [{**UNITS[0], "is_planning": "no"}, {**UNITS[1], "is_planning": "yes"}]
    people = [{**PEOPLE[0], "unit": "water"}]
    with translation.override("en"):
        counts, problems = run(admin, fill(build_org_template(body, "ru"), rows, people, replace=True), "en")
    messages = {p.cell: p.message for p in problems}
    assert "Planners work in this unit (1)" in messages["F3"]
    assert "A planner works in the unit responsible" in messages["J4"]


def test_not_a_workbook_is_refused_by_the_guarded_reader(body, admin):
    counts, problems = run(admin, b"not a zip at all")
    assert counts is None and "Это не файл Excel" in problems[0].message


def test_only_the_body_administrator_imports(body):
    from django.core.exceptions import PermissionDenied

    planner = member(body, Role.PLANNER, OrgUnitFactory(body=body, is_planning=True))
    with pytest.raises(PermissionDenied):
        import_org_structure(user=planner, upload=upload(build_org_template(body, "ru")))


def test_an_account_of_another_body_or_the_installation_is_never_changed(body, admin, django_user_model):
    root = django_user_model.objects.create_superuser("root", password="x-secret-pass-1")
    Membership.objects.create(user=root, body=body, role=Role.ADMIN)
    data = fill(build_org_template(body, "ru"), people=[{"username": "root", "last_name": "Иванов",
                                                         "first_name": "Иван", "role": "viewer"}], replace=True)
    counts, problems = run(admin, data)
    assert counts is None and [p.cell for p in problems] == ["A3"] and "администратор системы" in problems[0].message
    root.refresh_from_db()
    assert root.last_name == ""
