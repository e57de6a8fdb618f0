"""A unit's work list as a workbook: download, fill offline, upload; checked in full, saved all or nothing."""
from io import BytesIO

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from jospar.documents.importers.worklist_book import FIRST_ROW, INDEX
from jospar.monitoring.models import ExecutionEntry
from tests.monitoring.conftest import at, build_world, fill, submit

pytestmark = pytest.mark.django_db

COL = {key: chr(ord("A") + i) for key, i in INDEX.items()}


@pytest.fixture
def world(db):
    return build_world()


@pytest.fixture(autouse=True)
def in_april():
    with time_machine.travel(at("2026-04-06"), tick=False):
        yield


def download(client, world, user="staff_a", unit="a", quarter=1, lang="ru"):
    client.force_login(world.users[user])
    url = reverse("documents:worklist", args=[2026, quarter, world.units[unit].pk, lang])
    return client.get(url)


def book(client, world, **kwargs):
    response = download(client, world, **kwargs)
    assert response.status_code == 200, response.status_code
    return load_workbook(BytesIO(response.content))


def as_upload(wb, name="work-list.xlsx"):
    out = BytesIO()
    wb.save(out)
    return SimpleUploadedFile(name, out.getvalue())


def post(client, world, data, user="staff_a", unit="a", lang="ru"):
    client.force_login(world.users[user])
    client.cookies["django_language"] = lang
    return client.post(reverse("documents:worklist_upload", args=[2026, 1, world.units[unit].pk]), {"file": data})


def fill_book(wb, status="исполнено", **texts):
    texts = {"actual_kk": "Бұйрық жобасы келісілді", "actual_ru": "Проект приказа согласован", "reasons_kk": "",
             "reasons_ru": "", **texts}
    ws = wb.worksheets[0]
    for r in range(FIRST_ROW, ws.max_row + 1):
        if ws[f"{COL['key']}{r}"].value:
            ws[f"{COL['status']}{r}"] = status
            for name, text in texts.items():
                ws[f"{COL[name]}{r}"] = text
    return wb


def counts():
    return ExecutionEntry.objects.count(), ExecutionEntry.history.count()


def test_work_list_lists_the_units_items_with_locked_columns(client, world):
    response = download(client, world)
    assert response["Content-Disposition"] == 'attachment; filename="work-list-2026-q1-a-ru.xlsx"'
    wb = load_workbook(BytesIO(response.content))
    ws = wb.worksheets[0]
    keys = [ws[f"A{r}"].value for r in range(FIRST_ROW, ws.max_row + 1)]
    assert keys == [f"{world.events['a_march']}-1", f"{world.events['a_quarterly']}-1", f"{world.events['a_year']}-1"]
    assert ws[f"C{FIRST_ROW}"].value == "Мероприятие a_march"
    assert ws.protection.sheet is True
    assert ws[f"C{FIRST_ROW}"].protection.locked is True
    assert ws[f"{COL['status']}{FIRST_ROW}"].protection.locked is False
    dv = ws.data_validations.dataValidation[0]
    assert "исполнено" in dv.formula1 and "не исполнено" in dv.formula1
    assert wb["jospar"].sheet_state == "veryHidden"


def test_filled_work_list_is_saved_through_the_monitoring_service(client, world):
    wb = fill_book(book(client, world))
    ws = wb.worksheets[0]
    ws[f"{COL['status']}{FIRST_ROW + 2}"] = "в процессе исполнения"
    ws[f"{COL['status']}{FIRST_ROW + 1}"] = "не исполнено"
    ws[f"{COL['actual_kk']}{FIRST_ROW + 1}"] = ws[f"{COL['actual_ru']}{FIRST_ROW + 1}"] = ""
    ws[f"{COL['reasons_ru']}{FIRST_ROW + 1}"] = "Не поступило финансирование"
    response = post(client, world, as_upload(wb))
    assert response.status_code == 302
    entries = {e.event_id: e for e in ExecutionEntry.objects.filter(period__quarter=1)}
    assert entries[world.events["a_march"]].status == "executed"
    quarterly = entries[world.events["a_quarterly"]]
    assert (quarterly.reasons_kk, quarterly.reasons_ru) == ("", "Не поступило финансирование")  # one is enough
    march = entries[world.events["a_march"]]
    assert (march.actual_kk, march.actual_ru) == ("Бұйрық жобасы келісілді", "Проект приказа согласован")
    assert entries[world.events["a_year"]].status == "in_progress"
    assert all(e.updated_by == world.users["staff_a"] for e in entries.values())
    again = book(client, world)  # the next download shows what was saved; uploading it unchanged saves nothing
    before = counts()
    assert post(client, world, as_upload(again)).status_code == 302
    assert counts() == before


def test_viewer_cannot_upload(client, world):
    wb = fill_book(book(client, world))
    assert post(client, world, as_upload(wb), user="viewer").status_code == 403


def _other_event(world):
    return f"{world.events['b_q1']}-1"


def mutate_row(key, value, row=FIRST_ROW):
    def change(wb):
        wb.worksheets[0][f"{COL[key]}{row}"] = value
    return change


def formula(wb):
    wb.worksheets[0][f"{COL['actual_kk']}{FIRST_ROW}"] = "=1+1"


def duplicate(wb):
    ws = wb.worksheets[0]
    last = ws.max_row + 1
    for key, col in COL.items():
        ws[f"{col}{last}"] = ws[f"{col}{FIRST_ROW}"].value


def drop_header(wb):
    wb.worksheets[0][f"{COL['status']}3"] = None


CASES = {
    "unknown status": (mutate_row("status", "почти готово"), "G4"),
    "not executed without reasons": (mutate_row("status", "не исполнено"), "K4"),
    "partial without reasons": (mutate_row("status", "частично исполнено"), "K4"),
    "executed without the actual execution": (lambda wb: [mutate_row(f"actual_{x}", "")(wb) for x in ("kk", "ru")],
                                              "I4"),
    "text without a status": (mutate_row("status", None), "G4"),
    "edited locked name": (mutate_row("name", "Другое мероприятие"), "C4"),
    "edited locked deadline": (mutate_row("deadline", "IV квартал"), "D4"),
    "someone else's event": (lambda wb: None, "A4"),
    "unknown key": (mutate_row("key", "999999-1"), "A4"),
    "a formula": (formula, "H4"),
    "a row twice": (duplicate, "A7"),
    "columns changed": (drop_header, "A3"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_broken_work_list_is_refused_with_cells_and_nothing_saved(client, world, case):
    change, cell = CASES[case]
    wb = fill_book(book(client, world))
    if case == "someone else's event":
        change = mutate_row("key", _other_event(world))
    change(wb)
    before = counts()
    response = post(client, world, as_upload(wb))
    assert response.status_code == 400
    problems = response.context["problems"]
    assert cell in [p.cell for p in problems], [(p.cell, p.message) for p in problems]
    assert all(p.sheet for p in problems)
    assert counts() == before


def _plain():
    wb = Workbook()
    wb.active["A1"] = "Мероприятие"
    return wb


WHOLE = {
    "not a workbook": lambda client, world: SimpleUploadedFile("list.xlsx", b"not a zip at all"),
    "a PDF": lambda client, world: SimpleUploadedFile("list.pdf", b"%PDF-1.7 ..."),
    "someone's own workbook": lambda client, world: as_upload(_plain()),
    "another period": lambda client, world: as_upload(fill_book(book(client, world, quarter=2))),
    "another unit": lambda client, world: as_upload(fill_book(book(client, world, user="planner", unit="b"))),
}


@pytest.mark.parametrize("case", list(WHOLE))
def test_wrong_file_is_refused_and_nothing_saved(client, world, case):
    data = WHOLE[case](client, world)
    before = counts()
    response = post(client, world, data)
    assert response.status_code == 400
    problem = response.context["problems"][0]
    if case in ("another period", "another unit"):
        assert (problem.sheet, problem.cell) == ("jospar", "B6")
    else:
        assert (problem.sheet, problem.cell) == ("", "")
    assert counts() == before


def test_submitted_items_are_locked(client, world):
    fill(world, 1, "a")
    submit(world, 1, "a", "2026-04-06")
    wb = book(client, world)
    ws = wb.worksheets[0]
    assert ws[f"{COL['status']}{FIRST_ROW}"].protection.locked is True
    ws[f"{COL['actual_ru']}{FIRST_ROW}"] = "Переписано задним числом"
    before = counts()
    response = post(client, world, as_upload(wb))
    assert response.status_code == 400
    assert response.context["problems"][0].cell == "G4"
    assert counts() == before


def test_problems_are_in_the_users_language(client, world):
    wb = fill_book(book(client, world, lang="kk"))
    mutate_row("status", "орындалмады")(wb)  # not executed, in Kazakh, without reasons
    response = post(client, world, as_upload(wb), lang="kk")
    messages = [p.message for p in response.context["problems"]]
    assert messages and all(m and m.isascii() is False for m in messages), messages


def test_a_refusal_by_the_monitoring_service_rolls_back_every_entry(client, world, monkeypatch):
    from django.core.exceptions import ValidationError

    from jospar.monitoring import services

    real, calls = services.save_entry, []

    def second_refused(**kwargs):
        calls.append(kwargs["event_id"])
        if len(calls) == 2:
            raise ValidationError("Отказано сервисом мониторинга.")
        return real(**kwargs)

    monkeypatch.setattr(services, "save_entry", second_refused)
    wb = fill_book(book(client, world))
    before = counts()
    response = post(client, world, as_upload(wb))
    assert response.status_code == 400
    assert [(p.cell, p.message) for p in response.context["problems"]] == [("G5", "Отказано сервисом мониторинга.")]
    assert len(calls) == 3 and counts() == before  # every row was tried, none was kept


def test_both_languages_make_the_round_trip(client, world):
    """The Kazakh and Russian columns come back as saved; a text in one language only is saved as it is."""
    ws = book(client, world).worksheets[0]
    assert [ws.cell(row=3, column=i + 1).value for i in (INDEX["actual_kk"], INDEX["actual_ru"])] == [
        "Фактическое исполнение (на казахском языке)", "Фактическое исполнение (на русском языке)"]
    wb = fill_book(book(client, world), actual_ru="")
    assert post(client, world, as_upload(wb)).status_code == 302
    march = ExecutionEntry.objects.get(event_id=world.events["a_march"])
    assert (march.actual_kk, march.actual_ru) == ("Бұйрық жобасы келісілді", "")
    wb = book(client, world)
    ws = wb.worksheets[0]
    assert (ws[f"{COL['actual_kk']}{FIRST_ROW}"].value, ws[f"{COL['actual_ru']}{FIRST_ROW}"].value) == (
        "Бұйрық жобасы келісілді", None)
    ws[f"{COL['actual_ru']}{FIRST_ROW}"] = "Проект приказа согласован"
    assert post(client, world, as_upload(wb)).status_code == 302
    march.refresh_from_db()
    assert (march.actual_kk, march.actual_ru) == ("Бұйрық жобасы келісілді", "Проект приказа согласован")
