"""A workbook with a hidden key sheet is read in the language it was made in, whoever uploads it."""
import pytest
import time_machine
from django.urls import reverse

from jospar.documents.importers.plan_columns import INDEX as IMPORT_INDEX
from jospar.documents.importers.worklist_book import FIRST_ROW
from jospar.monitoring.models import ExecutionEntry
from jospar.planning.models import Event
from tests.documents.importing import filled, good_rows, kind_label
from tests.documents.test_worklist import COL, as_upload, book, counts, fill_book, post
from tests.monitoring.conftest import at, build_world

pytestmark = pytest.mark.django_db

STATUS = {"kk": "орындалды", "ru": "исполнено"}
OTHER = {"kk": "ru", "ru": "kk"}


@pytest.fixture
def world(db):
    with time_machine.travel(at("2026-04-06"), tick=False):
        yield build_world()


@pytest.fixture(autouse=True)
def in_april():
    with time_machine.travel(at("2026-04-06"), tick=False):
        yield


@pytest.mark.parametrize("book_lang", ["kk", "ru"])
def test_a_work_list_imports_whatever_the_uploaders_language(client, world, book_lang):
    wb = fill_book(book(client, world, lang=book_lang), status=STATUS[book_lang])
    response = post(client, world, as_upload(wb), lang=OTHER[book_lang])
    assert response.status_code == 302, [(p.cell, p.message) for p in response.context["problems"]]
    assert set(ExecutionEntry.objects.values_list("status", flat=True)) == {"executed"}


@pytest.mark.parametrize("book_lang", ["kk", "ru"])
def test_a_status_word_of_the_other_language_is_a_cell_problem(client, world, book_lang):
    wb = fill_book(book(client, world, lang=book_lang), status=STATUS[book_lang])
    wb.worksheets[0][f"{COL['status']}{FIRST_ROW + 1}"] = STATUS[OTHER[book_lang]]
    before = counts()
    response = post(client, world, as_upload(wb), lang=book_lang)
    assert response.status_code == 400
    problems = [(p.cell, p.message) for p in response.context["problems"]]
    assert [cell for cell, _m in problems] == [f"{COL['status']}{FIRST_ROW + 1}"]
    assert f"«{STATUS[OTHER[book_lang]]}»" in problems[0][1] and f"«{STATUS[book_lang]}»" in problems[0][1]
    assert counts() == before


def test_a_changed_locked_cell_is_still_found_in_the_books_language(client, world):
    wb = fill_book(book(client, world, lang="kk"), status=STATUS["kk"])
    wb.worksheets[0][f"{COL['name']}{FIRST_ROW}"] = "Мероприятие a_march"  # the Russian name, in a Kazakh book
    response = post(client, world, as_upload(wb), lang="ru")
    assert response.status_code == 400
    assert [p.cell for p in response.context["problems"]] == [f"{COL['name']}{FIRST_ROW}"]


# ---- the events import into a draft follows its template's language too ---------------------------------------


def _post_events(client, planner, data, lang):
    client.force_login(planner)
    client.cookies["django_language"] = lang
    return client.post(reverse("documents:import_events", args=[2026, 1]), {"file": data})


def test_a_kazakh_events_template_imports_for_a_russian_reader(client, small_plan, planner):
    response = _post_events(client, planner, filled(small_plan, good_rows("kk"), lang="kk"), "ru")
    assert response.status_code == 302
    assert Event.objects.filter(plan=small_plan.plan).count() > 12


def test_a_deadline_kind_of_the_other_language_is_a_cell_problem(client, small_plan, planner):
    rows = good_rows("kk")
    rows[0] = {**rows[0], "kind": kind_label("quarter", "ru")}
    before = Event.objects.count()
    response = _post_events(client, planner, filled(small_plan, rows, lang="kk"), "kk")
    assert response.status_code == 400
    problems = [(p.cell, p.message) for p in response.context["problems"]]
    kind_column = chr(ord("A") + IMPORT_INDEX["kind"])
    assert [cell for cell, _m in problems] == [f"{kind_column}2"]
    assert f"«{kind_label('quarter', 'kk')}»" in problems[0][1]
    assert Event.objects.count() == before
