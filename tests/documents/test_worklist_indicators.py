"""The work-list workbook's indicators sheet: filled and uploaded, saved with the entries all or nothing."""
from decimal import Decimal
from io import BytesIO
from types import SimpleNamespace

import pytest
import time_machine
from django.utils import translation
from django.utils.translation import gettext
from openpyxl import load_workbook

from jospar.documents.importers.worklist_indicators import FIRST_ROW, INDEX, indicator_lines
from jospar.monitoring.models import ExecutionEntry, IndicatorActual
from tests.documents.test_worklist import as_upload, download, fill_book, post
from tests.monitoring.conftest import at, build_world
from tests.monitoring.test_indicator_table import plan_values

pytestmark = pytest.mark.django_db
COL = {key: chr(ord("A") + i) for key, i in INDEX.items()}


@pytest.fixture
def world(db):
    world = build_world()
    world.macro, world.t1, world.t2 = plan_values(world)
    return world


@pytest.fixture(autouse=True)
def in_april():
    with time_machine.travel(at("2026-04-06"), tick=False):
        yield


def book(client, world):
    response = download(client, world)
    assert response.status_code == 200
    return load_workbook(BytesIO(response.content))


def sheet(wb):
    return wb["Индикаторы"]


def test_the_sheet_lists_the_units_indicators_and_saves_their_values(client, world):
    wb = fill_book(book(client, world))
    ws = sheet(wb)
    keys = [ws[f"A{r}"].value for r in range(FIRST_ROW, ws.max_row + 1)]
    assert keys == [f"m:{world.macro.pk}", f"t:{world.t1.pk}"]  # b's t2 is not a's
    assert ws[f"{COL['value']}{FIRST_ROW}"].protection.locked is False
    assert ws[f"{COL['name']}{FIRST_ROW}"].protection.locked is True
    ws[f"{COL['value']}{FIRST_ROW}"] = 97.5
    ws[f"{COL['source_ru']}{FIRST_ROW}"] = "Бюро национальной статистики"
    ws[f"{COL['value']}{FIRST_ROW + 1}"] = "1 200,5"
    response = post(client, world, as_upload(wb))
    assert response.status_code == 302, [p.message for p in response.context["problems"]]
    values = {a.indicator_key: a for a in IndicatorActual.objects.all()}
    assert values[f"m:{world.macro.pk}"].value == Decimal("97.5")
    assert values[f"m:{world.macro.pk}"].source_ru == "Бюро национальной статистики"
    assert values[f"t:{world.t1.pk}"].value == Decimal("1200.5")
    assert ExecutionEntry.objects.count() == 3
    again = book(client, world)  # downloaded again and uploaded unchanged: nothing changes
    assert sheet(again)[f"{COL['value']}{FIRST_ROW + 1}"].value == 1200.5
    before = IndicatorActual.history.count()
    assert post(client, world, as_upload(again)).status_code == 302
    assert IndicatorActual.history.count() == before


@pytest.mark.parametrize("change", [
    lambda ws: ws.__setitem__(f"{COL['value']}{FIRST_ROW + 1}", "много"),
    lambda ws: ws.__setitem__(f"{COL['name']}{FIRST_ROW + 1}", "Другое имя"),
    lambda ws: ws.__setitem__(f"{COL['key']}{FIRST_ROW + 2}", "t:999999"),
    lambda ws: ws.__setitem__(f"{COL['value']}{FIRST_ROW + 1}", "=1+1"),
])
def test_a_bad_row_refuses_everything(client, world, change):
    wb = fill_book(book(client, world))
    ws = sheet(wb)
    ws[f"{COL['value']}{FIRST_ROW}"] = 10
    change(ws)
    response = post(client, world, as_upload(wb))
    assert response.status_code == 400 and "Индикаторы" in response.content.decode()
    assert IndicatorActual.objects.count() == 0 and ExecutionEntry.objects.count() == 0


def test_the_final_values_row_is_labelled_in_the_workbooks_language_whatever_the_readers():
    """A Kazakh work list uploaded by someone reading in Russian: its locked labels are checked in Kazakh."""
    row = SimpleNamespace(forms=(False, True), actual=None, final=None, key="t:1", label="1-нысаналы индикатор",
                          name="Атауы", unit_of_measure="%", planned=None, editable=True)
    with translation.override("kk"):
        kk = gettext("final value for the year")
    with translation.override("ru"):
        lines = indicator_lines([row], "kk")
        assert kk != gettext("final value for the year")
    assert [line.locked["label"] for line in lines] == ["1-нысаналы индикатор", f"1-нысаналы индикатор — {kk}"]
