"""One guarded way in for every uploaded workbook: hostile files are refused before openpyxl parses them.

Each hostile file goes through the real upload page of each importer (development plan, events into
a draft, a unit's work list, a body's units and people), is refused with a message in the uploader's
language, and nothing is saved. (Measured by hand, not asserted: each refusal takes well under a second.)
"""
from io import BytesIO

import pytest
import time_machine
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from openpyxl import Workbook

from jospar.documents.importers import guarded_workbook
from jospar.documents.importers.guarded_workbook import WorkbookRefused, check
from tests.documents import hostile_workbooks as hostile
from tests.monitoring.world import at, build_world

pytestmark = pytest.mark.django_db

HOSTILE = {
    "a decompression bomb (300 MB of rows in 323 KB)": (hostile.bomb, "zip bomb"),
    "a bomb whose declared size lies": (hostile.lying_bomb, "damaged"),
    "100,000 rows under a dimension that says two": (hostile.many_rows, "more than 10 000 rows"),
    "one row numbered 1,048,576": (hostile.far_row, "more than 10 000 rows"),
    "a cell in column XFD": (hostile.wide_row, "more than 200 columns"),
    "500 sheets": (hostile.many_sheets, "more than 30 sheets"),
    "an XML entity (billion laughs)": (hostile.with_doctype, "damaged"),
    "macros": (hostile.macro_enabled, "macros"),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_the_guard_refuses_a_hostile_workbook_before_parsing(case, monkeypatch):
    make, words = HOSTILE[case]
    monkeypatch.setattr(guarded_workbook, "load_workbook", _never)
    with translation.override("en"), pytest.raises(WorkbookRefused) as refused:
        guarded_workbook.open_guarded(make())
    assert words in refused.value.message


def _never(*args, **kwargs):
    raise AssertionError("openpyxl was asked to parse a hostile workbook")


def test_a_workbook_at_the_import_limit_passes_the_guard():
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Events")
    for r in range(5_001):
        ws.append([f"T1.1.{r}", "Іс-шара " * 30, "Мероприятие " * 30, "001 100", "su1", "квартал", None, None, 3,
                   None, None, "Бұйрық", "Приказ"])
    out = BytesIO()
    wb.save(out)
    check(out.getvalue())


def test_limits_come_from_settings(settings):
    settings.WORKBOOK_LIMITS = {"max_rows": 50}
    with translation.override("en"), pytest.raises(WorkbookRefused, match="more than 50 rows"):
        check(hostile.xlsx(hostile._numbered_rows(60)))


def test_cells_are_counted_too(settings):
    settings.WORKBOOK_LIMITS = {"max_cells": 100}
    wide = b'<row r="1">' + b"".join(f'<c r="{c}1"><v>1</v></c>'.encode() for c in "ABCDEFGHIJ") + b"</row>"
    rows = [wide.replace(b'"1"', f'"{r}"'.encode()).replace(b'1"><v>', f'{r}"><v>'.encode()) for r in range(1, 12)]
    with translation.override("en"), pytest.raises(WorkbookRefused, match="more than 100 filled cells"):
        check(hostile.xlsx(rows))


def test_the_message_is_in_the_users_language():
    with translation.override("kk"), pytest.raises(WorkbookRefused) as kk:
        check(hostile.many_rows())
    with translation.override("ru"), pytest.raises(WorkbookRefused) as ru:
        check(hostile.many_rows())
    assert "10 000" in kk.value.message and "жол" in kk.value.message
    assert "10 000" in ru.value.message and "строк" in ru.value.message


# ---- through the real upload pages ---------------------------------------------------------------------------

REFUSED = ("bomb", "lying_bomb", "many_rows")


def _file(data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile("plan.xlsx", data, content_type="application/vnd.openxmlformats-officedocument."
                                                             "spreadsheetml.sheet")


def _counts() -> dict:
    return {model._meta.label: model._default_manager.count()
            for app in ("planning", "monitoring", "orgs") for model in apps.get_app_config(app).get_models()}


def _messages(response) -> list[str]:
    return [getattr(p, "message", "") for p in response.context["problems"]]


def _refusal(data: bytes, lang: str) -> str:
    """What the guard says of ``data`` in ``lang``: the one message the page must show."""
    with translation.override(lang), pytest.raises(WorkbookRefused) as refused:
        check(data)
    return refused.value.message


@pytest.mark.parametrize("kind", REFUSED)
def test_development_plan_import_refuses_a_hostile_workbook(client, planner, kind):
    client.force_login(planner)
    client.cookies["django_language"] = "ru"
    before = _counts()
    data = getattr(hostile, kind)()
    response = client.post(reverse("documents:devplan_import"), {"workbook": _file(data)})
    assert response.status_code == 200 and _messages(response) == [_refusal(data, "ru")]
    assert _counts() == before


@pytest.mark.parametrize("kind", REFUSED)
def test_events_import_refuses_a_hostile_workbook(client, small_plan, planner, kind):
    client.force_login(planner)
    client.cookies["django_language"] = "kk"
    before = _counts()
    data = getattr(hostile, kind)()
    response = client.post(reverse("documents:import_events", args=[2026, 1]), {"file": _file(data)})
    assert response.status_code == 400 and _messages(response) == [_refusal(data, "kk")]
    assert _counts() == before


@pytest.mark.parametrize("kind", REFUSED)
def test_work_list_upload_refuses_a_hostile_workbook(client, kind):
    with time_machine.travel(at("2026-04-06"), tick=False):
        world = build_world()
        world.period(1)  # the quarters exist before the upload
        client.force_login(world.users["staff_a"])
        client.cookies["django_language"] = "ru"
        before = _counts()
        data = getattr(hostile, kind)()
        response = client.post(reverse("documents:worklist_upload", args=[2026, 1, world.units["a"].pk]),
                               {"file": _file(data)})
    assert response.status_code == 400 and _messages(response) == [_refusal(data, "ru")]
    assert _counts() == before


@pytest.mark.parametrize("kind", REFUSED)
def test_org_structure_import_refuses_a_hostile_workbook(client, kind):
    from jospar.orgs.models import Role
    from tests.factories import StateBodyFactory, member

    client.force_login(member(StateBodyFactory(), Role.ADMIN))
    client.cookies["django_language"] = "kk"
    before = _counts()
    data = getattr(hostile, kind)()
    response = client.post(reverse("documents:org_import"), {"file": _file(data)})
    assert response.status_code == 400 and _messages(response) == [_refusal(data, "kk")]
    assert _counts() == before
