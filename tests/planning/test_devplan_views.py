"""Entering the development plan in the browser: create, edit every level, reorder, delete — with htmx
partial updates — and what is refused: deleting an anchor of an event, and everyone but the planner."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from jospar.orgs.models import Role
from jospar.planning.devplan.selectors import devplan_tree
from jospar.planning.models import DevelopmentPlan, Goal, IndicatorValue, StrategicDirection, TargetIndicator
from tests.factories import (
    DevelopmentPlanFactory,
    DirectionFactory,
    GoalFactory,
    MacroindicatorFactory,
    OrgUnitFactory,
    RegulationTaskFactory,
    StateBodyFactory,
    TargetIndicatorFactory,
    member,
    plan_with_events,
)

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def body(db):
    return StateBodyFactory(code="mwri")


@pytest.fixture
def planner(body):
    return member(body, Role.PLANNER, OrgUnitFactory(body=body, is_planning=True), username="planner")


@pytest.fixture
def pclient(client, planner):
    client.force_login(planner)
    client.cookies["django_language"] = "en"
    return client


@pytest.fixture
def plan(body):
    plan = DevelopmentPlanFactory(body=body, year_from=2025, year_to=2027)
    d1 = DirectionFactory(plan=plan, position=1, name_ru="Первое")
    DirectionFactory(plan=plan, position=2, name_ru="Второе")
    goal = GoalFactory(direction=d1, position=1)
    TargetIndicatorFactory(goal=goal, position=1)
    MacroindicatorFactory(direction=d1, position=1)
    RegulationTaskFactory(plan=plan, position=1)
    return plan


def url(name, *args):
    if name in ("workbook", "template", "import"):  # the workbooks are documents
        return reverse(f"documents:devplan_{name}", args=args)
    return reverse(f"devplan:{name}", args=args)


def test_planner_creates_a_plan_from_scratch(pclient, planner, body):
    response = pclient.post(url("create"), {
        "title_kk": "Даму жоспары", "title_ru": "План развития", "year_from": 2026, "year_to": 2030,
        "edition": 1, "signed_on": "2026-01-15", "document_number": "12"})
    plan = DevelopmentPlan.objects.get()
    assert response.status_code == 302 and plan.body == body
    assert plan.history.get().history_user == planner
    pclient.post(url("node_add", plan.pk, "direction"), {"name_kk": "Бағыт", "name_ru": "Направление"}, **HTMX)
    direction = StrategicDirection.objects.get()
    response = pclient.post(url("node_add_under", plan.pk, "goal", direction.pk),
                            {"name_kk": "Мақсат", "name_ru": "Цель"}, **HTMX)
    assert response.headers["HX-Retarget"] == f"#direction-{direction.pk}"
    goal = Goal.objects.get()
    response = pclient.post(url("node_add_under", plan.pk, "indicator", goal.pk), {
        "name_kk": "Индикатор", "name_ru": "Индикатор", "unit_ru": "%", "baseline": "1 200,5",
        "value_2026": "10", "value_2027": "12,25", "value_2030": ""}, **HTMX)
    indicator = TargetIndicator.objects.get()
    assert str(indicator.baseline) == "1200.5000"
    assert dict(indicator.values.values_list("year", "value")) == {2026: 10, 2027: 12.25}
    assert '<td class="num">1</td>' in response.content.decode()  # «1-нысаналы индикатор» of goal 1.1
    pclient.post(url("node_add_under", plan.pk, "macroindicator", direction.pk),
                 {"name_kk": "М", "name_ru": "М", "value_2028": "3"}, **HTMX)
    pclient.post(url("node_add", plan.pk, "task"), {"name_kk": "Міндет", "name_ru": "Задача"}, **HTMX)
    tree = devplan_tree(plan)
    assert tree.counts == {"directions": 1, "macroindicators": 1, "goals": 1, "indicators": 1, "tasks": 1}
    assert IndicatorValue.history.filter(history_user=planner).count() == 3


@pytest.mark.parametrize(("lang", "shown_as", "typed_as"), [("kk", "1\u00a0200,5", "1200,5"),
                                                         ("ru", "1\u00a0200,5", "1200,5"), ("en", "1,200.5", "1200.5")])
def test_planned_values_are_written_as_people_write_them(pclient, plan, lang, shown_as, typed_as):
    goal = Goal.objects.filter(direction__plan=plan).first()
    indicator = TargetIndicator.objects.create(goal=goal, position=9, name_kk="И", name_ru="И", baseline="1200.5")
    IndicatorValue.objects.create(target_indicator=indicator, year=plan.year_from, value="520.0000")
    pclient.cookies["django_language"] = lang
    page = pclient.get(url("detail", plan.pk)).content.decode()
    assert f">{shown_as}<" in page and ">520<" in page and "520.0000" not in page
    form = pclient.get(url("node_edit", plan.pk, "indicator", indicator.pk), **HTMX).content.decode()
    assert f'value="{typed_as}"' in form and 'value="520"' in form


def test_kazakh_formats_use_a_decimal_comma_and_day_first_dates():
    from datetime import date
    from decimal import Decimal

    from django.utils import formats, translation

    with translation.override("kk"):
        assert formats.number_format(Decimal("1234.5")) == "1234,5"
        assert formats.date_format(date(2026, 11, 25), "SHORT_DATE_FORMAT") == "25.11.2026"
        assert "%d.%m.%Y" in formats.get_format("DATE_INPUT_FORMATS")


def test_the_plan_form_refuses_a_taken_edition_and_reversed_years(pclient, plan):
    response = pclient.post(url("create"), {"title_kk": "a", "title_ru": "b", "year_from": 2025, "year_to": 2020,
                                            "edition": 1, "signed_on": "2025-01-01"})
    errors = response.context["form"].errors
    assert "already exists" in str(errors["edition"]) and "year_to" in errors
    assert DevelopmentPlan.objects.count() == 1


def test_names_in_both_languages_are_required(pclient, plan):
    response = pclient.post(url("node_add", plan.pk, "direction"), {"name_kk": "", "name_ru": "Н"}, **HTMX)
    assert response.status_code == 200 and "name_kk" in response.context["form"].errors
    assert 'id="new-direction-' in response.content.decode()
    assert plan.directions.count() == 2


def test_edit_every_level(pclient, plan, planner):
    d1 = plan.directions.get(position=1)
    goal, macro = d1.goals.get(), d1.macroindicators.get()
    indicator, task = goal.indicators.get(), plan.regulation_tasks.get()
    for kind, obj in (("direction", d1), ("goal", goal), ("macroindicator", macro), ("indicator", indicator),
                      ("task", task)):
        form = pclient.get(url("node_edit", plan.pk, kind, obj.pk), **HTMX)
        assert form.status_code == 200 and 'class="dp-form"' in form.content.decode()
        data = {"name_kk": f"{kind} kk", "name_ru": f"{kind} ru", "value_2025": "7"}
        response = pclient.post(url("node_edit", plan.pk, kind, obj.pk), data, **HTMX)
        assert response.status_code == 200
        obj.refresh_from_db()
        assert obj.name_ru == f"{kind} ru"
        assert obj.history.latest().history_user == planner
    assert indicator.values.get().value == 7
    response = pclient.post(url("node_edit", plan.pk, "indicator", indicator.pk),
                            {"name_kk": "a", "name_ru": "b", "value_2025": ""}, **HTMX)
    assert not indicator.values.exists()


def test_edit_the_plan_itself(pclient, plan):
    form = pclient.get(url("edit", plan.pk), **HTMX).content.decode()
    assert form.startswith('\n<div id="header">') or '<div id="header">' in form
    assert "<html" not in form  # just the partial
    assert "<h1>" in pclient.get(url("part", plan.pk, "header"), **HTMX).content.decode()
    response = pclient.post(url("edit", plan.pk), {
        "title_kk": "Жаңа", "title_ru": "Новый", "year_from": 2025, "year_to": 2029, "edition": 1,
        "signed_on": "2025-12-22", "document_number": "7"}, **HTMX)
    assert response.status_code == 200 and response.headers["HX-Refresh"] == "true"
    plan.refresh_from_db()
    assert (plan.title_ru, plan.year_to) == ("Новый", 2029)


def test_the_years_keep_the_operational_plans_built_on_it(pclient, plan):
    from tests.factories import OperationalPlanFactory

    OperationalPlanFactory(development_plan=plan, year=2027)
    response = pclient.post(url("edit", plan.pk), {
        "title_kk": "a", "title_ru": "b", "year_from": 2025, "year_to": 2026, "edition": 1,
        "signed_on": "2025-12-22"})
    assert "2027" in str(response.context["form"].non_field_errors())
    plan.refresh_from_db()
    assert plan.year_to == 2027


def test_reorder_keeps_numbers_consecutive(pclient, plan):
    first, second = plan.directions.order_by("position")
    response = pclient.post(url("node_move", plan.pk, "direction", second.pk), {"to": "up"}, **HTMX)
    assert response.headers["HX-Retarget"] == "#directions"
    assert [d.name_ru for d in plan.directions.order_by("position")] == ["Второе", "Первое"]
    pclient.post(url("node_move", plan.pk, "direction", second.pk), {"to": "up"}, **HTMX)  # already first
    assert list(plan.directions.order_by("position").values_list("position", flat=True)) == [1, 2]
    pclient.post(url("node_move", plan.pk, "direction", second.pk), {"to": "down"})
    assert [d.name_ru for d in plan.directions.order_by("position")] == ["Первое", "Второе"]


def test_delete_renumbers_what_follows(pclient, plan):
    first = plan.directions.get(position=1)
    response = pclient.post(url("node_delete", plan.pk, "direction", first.pk), **HTMX)
    assert response.status_code == 200
    assert list(plan.directions.values_list("position", "name_ru")) == [(1, "Второе")]
    assert not Goal.objects.exists() and not TargetIndicator.objects.exists()
    assert StrategicDirection.history.filter(history_type="-").count() == 1


def test_deleting_an_anchor_of_an_event_is_refused_with_a_clear_message(client):
    version = plan_with_events(40, n_units=3)  # every anchor gets an event
    body = version.plan.body
    client.force_login(member(body, Role.PLANNER, body.units.get(is_planning=True)))
    client.cookies["django_language"] = "en"
    pclient = client
    devplan = version.plan.development_plan
    indicator = TargetIndicator.objects.filter(goal__direction__plan=devplan).first()
    direction = indicator.goal.direction
    for kind, obj in (("indicator", indicator), ("goal", indicator.goal), ("direction", direction),
                      ("task", devplan.regulation_tasks.first())):
        response = pclient.post(url("node_delete", devplan.pk, kind, obj.pk), **HTMX)
        assert response.headers["HX-Retarget"] == "#dp-flash"
        text = response.content.decode()
        assert "cannot be deleted" in text and "2026" in text
        assert type(obj).objects.filter(pk=obj.pk).exists()
    response = pclient.post(url("delete", devplan.pk), follow=True)
    assert "cannot be deleted" in response.content.decode()
    assert DevelopmentPlan.objects.filter(pk=devplan.pk).exists()


def test_a_plan_without_operational_plans_can_be_deleted(pclient, plan):
    response = pclient.post(url("delete", plan.pk))
    assert response.status_code == 302 and not DevelopmentPlan.objects.exists()


def test_the_tree_page_uses_a_fixed_number_of_queries(pclient, body, plan):
    big = DevelopmentPlanFactory(body=body, year_from=2030, year_to=2034)
    for d in range(1, 5):
        direction = DirectionFactory(plan=big, position=d)
        for g in range(1, 4):
            goal = GoalFactory(direction=direction, position=g)
            for t in range(1, 4):
                TargetIndicatorFactory(goal=goal, position=t)
        MacroindicatorFactory(direction=direction, position=1)
    counts = []
    for p in (plan, big):
        with CaptureQueriesContext(connection) as queries:
            assert pclient.get(url("detail", p.pk)).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_the_tree_numbers_items_as_form1_does(plan, body):
    d2 = plan.directions.get(position=2)
    MacroindicatorFactory(direction=d2, position=1)
    TargetIndicatorFactory(goal=GoalFactory(direction=d2, position=1), position=1)
    tree = devplan_tree(plan, "kk")
    d1, d2 = tree.directions
    assert d1.heading == "1-стратегиялық бағыт"
    assert [(m.number, m.heading) for d in (d1, d2) for m in d.macros] == [("1", "1-макроиндикатор")] * 2
    assert [(g.heading, [(t.number, t.heading) for t in g.indicators]) for d in (d1, d2) for g in d.goals] == [
        ("1.1-мақсаты", [("1", "1-нысаналы индикатор")]), ("2.1-мақсаты", [("1", "1-нысаналы индикатор")])]
    assert tree.find("task", plan.regulation_tasks.get().pk).number == "1"


def test_another_bodys_plan_is_not_found(pclient):
    other = DevelopmentPlanFactory(body=StateBodyFactory())
    assert pclient.get(url("detail", other.pk)).status_code == 404
    assert pclient.post(url("delete", other.pk)).status_code == 404


def test_workbook_and_template_downloads(pclient, plan):
    response = pclient.get(url("workbook", plan.pk))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response.content[:2] == b"PK"
    response = pclient.get(url("template") + "?year_from=2026&year_to=2030")
    assert "2026-2030" in response["Content-Disposition"]
    assert pclient.get(url("template") + "?year_from=2030&year_to=2026").status_code == 400


# --- everyone but the planner is refused each action


def _actions(plan):
    d = plan.directions.get(position=1)
    goal = d.goals.get()
    names = {"name_kk": "x", "name_ru": "y"}
    header = {"title_kk": "a", "title_ru": "b", "year_from": 2025, "year_to": 2027, "edition": 5,
              "signed_on": "2025-01-01"}
    return {
        "list": ("get", url("list"), None),
        "create form": ("get", url("create"), None),
        "create": ("post", url("create"), header),
        "detail": ("get", url("detail", plan.pk), None),
        "edit form": ("get", url("edit", plan.pk), None),
        "edit": ("post", url("edit", plan.pk), header),
        "delete plan": ("post", url("delete", plan.pk), None),
        "workbook": ("get", url("workbook", plan.pk), None),
        "template": ("get", url("template"), None),
        "import page": ("get", url("import"), None),
        "import": ("post", url("import"), {}),
        "part": ("get", url("part", plan.pk, "directions"), None),
        "add direction": ("post", url("node_add", plan.pk, "direction"), names),
        "add goal": ("post", url("node_add_under", plan.pk, "goal", d.pk), names),
        "add indicator form": ("get", url("node_add_under", plan.pk, "indicator", goal.pk), None),
        "edit goal": ("post", url("node_edit", plan.pk, "goal", goal.pk), names),
        "move direction": ("post", url("node_move", plan.pk, "direction", d.pk), {"to": "down"}),
        "delete direction": ("post", url("node_delete", plan.pk, "direction", d.pk), None),
        "delete task": ("post", url("node_delete", plan.pk, "task", plan.regulation_tasks.get().pk), None),
    }


ROLES = [Role.UNIT_STAFF, Role.UNIT_HEAD, Role.EXECUTIVE, Role.VIEWER]


@pytest.mark.parametrize("role", ROLES)
def test_non_planners_are_refused_every_action(client, body, plan, role):
    unit = OrgUnitFactory(body=body) if role in (Role.UNIT_STAFF, Role.UNIT_HEAD) else None
    client.force_login(member(body, role, unit))
    before = (DevelopmentPlan.objects.count(), StrategicDirection.objects.count(), Goal.objects.count(),
              StrategicDirection.history.count())
    for name, (method, target, data) in _actions(plan).items():
        response = getattr(client, method)(target, data or {}, **HTMX)
        assert response.status_code == 403, (role, name, response.status_code)
    after = (DevelopmentPlan.objects.count(), StrategicDirection.objects.count(), Goal.objects.count(),
             StrategicDirection.history.count())
    assert before == after


@pytest.mark.parametrize("role", ROLES)
def test_non_planners_do_not_see_the_menu_link(client, body, role):
    unit = OrgUnitFactory(body=body) if role in (Role.UNIT_STAFF, Role.UNIT_HEAD) else None
    client.force_login(member(body, role, unit))
    assert reverse("devplan:list") not in client.get(reverse("home")).content.decode()


def test_the_planner_sees_the_menu_link(pclient):
    assert reverse("devplan:list") in pclient.get(reverse("home")).content.decode()


def test_the_services_refuse_non_planners_too(body, plan):
    from django.core.exceptions import PermissionDenied

    from jospar.documents.importers.devplan.service import import_development_plan
    from jospar.planning.devplan import services

    viewer = member(body, Role.VIEWER)
    with pytest.raises(PermissionDenied):
        services.add_node(user=viewer, kind="direction", parent=plan, data={"name_kk": "a", "name_ru": "b"})
    with pytest.raises(PermissionDenied):
        import_development_plan(user=viewer, data=b"")


def test_the_unit_of_measure_column_is_not_called_a_structural_unit(pclient, plan):
    pclient.cookies["django_language"] = "ru"
    html = pclient.get(url("detail", plan.pk)).content.decode()
    assert "<th>Ед. изм.</th>" in html and "<th>Подразделение</th>" not in html
