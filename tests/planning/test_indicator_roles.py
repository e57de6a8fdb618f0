"""An indicator's responsible unit and kind: set on the development plan's page (also on an approved edition)
and through its workbook (a new column each, all or nothing), exported back."""
import io

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from jospar.documents.importers.devplan import export_plan
from jospar.orgs.models import OrgUnit, Role
from jospar.planning.devplan import services
from jospar.planning.models import DevelopmentPlan, Macroindicator, TargetIndicator
from tests.factories import OrgUnitFactory, StateBodyFactory, member
from tests.planning.test_devplan_import import counts, template, upload
from tests.planning.test_devplan_workbooks import SAMPLE, fill, sheets_by_kind

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def planner(db):
    body = StateBodyFactory(code="mwri")
    OrgUnitFactory(body=body, code="water", name_kk="Су басқармасы", name_ru="Управление водных ресурсов")
    OrgUnitFactory(body=body, code="stat", name_ru="Отдел статистики")
    return member(body, Role.PLANNER, OrgUnitFactory(body=body, is_planning=True, code="plan"), username="planner")


@pytest.fixture
def pclient(client, planner):
    client.force_login(planner)
    client.cookies["django_language"] = "ru"
    return client


def with_roles():
    macros = [dict(m) for m in SAMPLE["macroindicators"]]
    macros[0] |= {"responsible": "water", "polarity": "чем меньше, тем лучше", "accumulation": "нарастающим итогом"}
    indicators = [dict(t) for t in SAMPLE["indicators"]]
    indicators[0] |= {"responsible": "Отдел статистики", "polarity": "target", "accumulation": "кезең үшін"}
    return {**SAMPLE, "macroindicators": macros, "indicators": indicators}


def test_the_workbook_sets_the_responsible_unit_and_the_kind_and_exports_them_back(pclient, planner):
    response = upload(pclient, fill(template(), with_roles()), lang="ru")
    assert response.status_code == 302, response.content.decode()[:2000]
    macro = Macroindicator.objects.get(direction__position=1, position=1)
    assert (macro.responsible_unit.code, macro.polarity, macro.accumulation) == ("water", "lower", "cumulative")
    target = TargetIndicator.objects.get(goal__direction__position=1, goal__position=1, position=1)
    assert (target.responsible_unit.code, target.polarity, target.accumulation) == ("stat", "target", "period")
    other = Macroindicator.objects.get(direction__position=1, position=2)  # left empty: the defaults
    assert (other.responsible_unit, other.polarity, other.accumulation) == (None, "higher", "period")
    with translation.override("ru"):
        wb = load_workbook(io.BytesIO(export_plan(DevelopmentPlan.objects.get())))
    ws = sheets_by_kind(wb)["macroindicators"]
    cols = {ws.cell(1, c).value: c for c in range(1, ws.max_column + 1)}
    assert [ws.cell(3, cols[k]).value for k in ("responsible", "polarity", "accumulation")] == [
        "water", "чем меньше, тем лучше", "нарастающим итогом"]


@pytest.mark.parametrize("cell, value, message", [
    ("responsible", "nowhere", "is not a unit of this state body"),
    ("polarity", "sideways", "is not one of"),
    ("accumulation", "quarterly", "is not one of"),
])
def test_a_bad_role_cell_refuses_the_whole_workbook(pclient, planner, cell, value, message):
    content = with_roles()
    content["indicators"][1] = {**content["indicators"][1], cell: value}
    before = counts()
    response = upload(pclient, fill(template(), content))
    assert response.status_code == 200 and message in response.content.decode()  # the page lists the problems
    assert counts() == before


def test_a_unit_of_another_body_is_refused(pclient, planner):
    StateBodyFactory(code="other").units.create(code="foreign", name_kk="x", name_ru="Чужой")
    content = with_roles()
    content["indicators"][0] = {**content["indicators"][0], "responsible": "foreign"}
    assert "is not a unit of this state body" in upload(pclient, fill(template(), content)).content.decode()
    assert not DevelopmentPlan.objects.exists()


def test_the_page_sets_them_in_place_also_on_an_approved_edition(pclient, planner, monkeypatch):
    upload(pclient, fill(template()))
    pclient.cookies["django_language"] = "ru"
    plan = DevelopmentPlan.objects.get()
    target = TargetIndicator.objects.filter(goal__direction__plan=plan).first()
    stat = OrgUnit.objects.get(code="stat")
    monkeypatch.setattr(services, "ensure_open", lambda plan: (_ for _ in ()).throw(AssertionError("frozen")))
    url = reverse("devplan:indicator_roles", args=[plan.pk, "indicator", target.pk])
    assert "Какое направление лучше" in pclient.get(url, **HTMX).content.decode()
    response = pclient.post(url, {"responsible_unit": stat.pk, "polarity": "lower", "accumulation": "cumulative"},
                            **HTMX)
    assert response.status_code == 200 and "Отдел статистики" in response.content.decode()
    target.refresh_from_db()
    assert (target.responsible_unit, target.polarity, target.accumulation) == (stat, "lower", "cumulative")
    page = pclient.get(reverse("devplan:detail", args=[plan.pk])).content.decode()
    assert "Ответственное подразделение" in page and "чем меньше, тем лучше · нарастающим итогом" in page


def test_only_the_bodys_units_and_only_the_planner(pclient, planner):
    upload(pclient, fill(template()))
    plan = DevelopmentPlan.objects.get()
    target = TargetIndicator.objects.filter(goal__direction__plan=plan).first()
    foreign = StateBodyFactory(code="other").units.create(code="foreign", name_kk="x", name_ru="Чужой")
    url = reverse("devplan:indicator_roles", args=[plan.pk, "indicator", target.pk])
    pclient.post(url, {"responsible_unit": foreign.pk, "polarity": "lower", "accumulation": "period"}, **HTMX)
    target.refresh_from_db()
    assert target.responsible_unit is None
    staff = member(plan.body, Role.UNIT_STAFF, OrgUnit.objects.get(code="stat"), username="staff")
    with pytest.raises(PermissionDenied):
        services.set_indicator_roles(user=staff, kind="indicator", node=target, responsible_unit_id=None,
                                     polarity="lower", accumulation="period")
