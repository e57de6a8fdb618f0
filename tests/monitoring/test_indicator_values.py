"""Indicators' actual values entered by their responsible units (services_indicators), locked by the head's
submission, required by it; who may enter and who may read; the work list's section and its cost."""
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from jospar.monitoring import services, services_indicators
from jospar.monitoring.models import IndicatorActual, UnitSubmission
from jospar.monitoring.services_indicators import ActualInput, RowsRefused
from tests.factories import UserFactory
from tests.monitoring.test_indicator_table import plan_values
from tests.monitoring.world import at, fill, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene(world):
    world.macro, world.t1, world.t2 = plan_values(world)  # a answers for the macroindicator and t1, b for t2
    world.keys = {"macro": f"m:{world.macro.pk}", "t1": f"t:{world.t1.pk}", "t2": f"t:{world.t2.pk}"}
    return world


def save(world, who, name, value="12,5", quarter=1, **extra):
    with time_machine.travel(at("2026-04-05"), tick=False):
        return services_indicators.save_actual(user=world.users[who], period=world.period(quarter),
                                               key=world.keys[name], value=value, **extra)


def test_the_responsible_units_people_enter_a_value_with_its_source_and_comment(scene):
    actual = save(scene, "staff_a", "t1", "1 200,5", source_kk="Статистика", source_ru="Статистика",
                  comment_ru="Оценка")
    assert (actual.value, actual.unit, actual.is_final) == (Decimal("1200.5"), scene.units["a"], False)
    assert save(scene, "head_a", "t1", "7").value == Decimal(7)  # the head too; the same row
    assert IndicatorActual.objects.count() == 1
    assert save(scene, "staff_a", "t1", "") is None  # a blank value withdraws it
    assert IndicatorActual.objects.count() == 0


@pytest.mark.parametrize("who", ["staff_b", "head_b", "planner", "executive", "viewer"])
def test_no_one_else_enters_an_indicators_value(scene, who):
    with pytest.raises(PermissionDenied):
        save(scene, who, "t1")
    assert IndicatorActual.objects.count() == 0


def test_a_superuser_is_no_exception(scene):
    admin = UserFactory(is_superuser=True, is_staff=True)
    with pytest.raises(PermissionDenied):
        services_indicators.save_actual(user=admin, period=scene.period(1), key=scene.keys["t1"], value="1")


def test_bad_values_are_refused_by_field(scene):
    with pytest.raises(ValidationError) as refused:
        save(scene, "staff_a", "t1", "twelve", source_ru="x" * 501)
    assert set(refused.value.message_dict) == {"value", "source_ru"}
    with pytest.raises(ValidationError, match="fourth quarter"):
        save(scene, "staff_a", "t1", "1", final=True)  # the final value comes with the IV quarter
    with pytest.raises(ValidationError, match="not in the development plan"):
        services_indicators.save_actual(user=scene.users["staff_a"], period=scene.period(1), key="t:999999",
                                        value="1")
    assert IndicatorActual.objects.count() == 0


def test_the_final_value_is_given_on_the_fourth_quarter(scene):
    save(scene, "staff_a", "t1", "90", quarter=4)
    final = save(scene, "staff_a", "t1", "101", quarter=4, final=True)
    assert final.is_final and IndicatorActual.objects.filter(period=scene.period(4)).count() == 2


def test_the_head_submits_only_when_every_indicator_has_a_value_then_it_is_locked(scene):
    fill(scene, 1, "a")
    save(scene, "staff_a", "macro", "95")
    with pytest.raises(ValidationError) as refused:
        submit(scene, 1, "a", "2026-04-08")
    assert "Give the actual value of every indicator" in refused.value.messages[0]
    assert scene.t1.name_en in refused.value.messages[0] or scene.t1.name_ru in refused.value.messages[0]
    assert not UnitSubmission.objects.exists()
    save(scene, "staff_a", "t1", "20")
    submit(scene, 1, "a", "2026-04-08")
    with pytest.raises(ValidationError, match="locked"):
        save(scene, "staff_a", "t1", "21")
    with time_machine.travel(at("2026-04-09"), tick=False):
        services.return_unit_info(user=scene.users["planner"], period=scene.period(1), unit=scene.units["a"],
                                  comment="Уточните")
    assert save(scene, "staff_a", "t1", "21").value == Decimal(21)


def test_the_refusal_names_the_missing_indicators_in_the_users_language(scene):
    from django.utils import translation

    fill(scene, 1, "a")
    with translation.override("ru"), pytest.raises(ValidationError) as refused:
        submit(scene, 1, "a", "2026-04-08")
    message = refused.value.messages[0]
    assert "Укажите фактическое значение" in message and scene.t1.name_ru in message


def test_a_unit_with_indicators_but_no_events_in_the_quarter_submits_them(scene):
    for code in ("a", "b"):
        fill(scene, 1, code)
    save(scene, "staff_a", "macro", "1")
    save(scene, "staff_a", "t1", "1")
    save(scene, "staff_b", "t2", "1")
    submit(scene, 1, "a", "2026-04-08")
    submit(scene, 1, "b", "2026-04-08")
    with time_machine.travel(at("2026-07-05"), tick=False):  # II: b has no event, t2 still asks for a value
        services_indicators.save_actual(user=scene.users["staff_b"], period=scene.period(2), key=scene.keys["t2"],
                                        value="3")
    submission = submit(scene, 2, "b", "2026-07-08")
    assert submission.status == "submitted"
    with time_machine.travel(at("2026-07-09"), tick=False):  # and the planner can return it
        services.return_unit_info(user=scene.users["planner"], period=scene.period(2), unit=scene.units["b"],
                                  comment="Уточните")


def test_many_values_at_once_all_or_nothing(scene):
    rows = [("row 5", ActualInput(scene.keys["macro"], "10")), ("row 6", ActualInput(scene.keys["t1"], "abc")),
            ("row 7", ActualInput(scene.keys["t2"], "5"))]
    with pytest.raises(RowsRefused) as refused:
        services_indicators.save_actuals(user=scene.users["staff_a"], period=scene.period(1), unit=scene.units["a"],
                                         rows=rows)
    assert [where for where, _m in refused.value.problems] == ["row 6", "row 7"]  # t2 is b's
    assert IndicatorActual.objects.count() == 0
    saved = services_indicators.save_actuals(user=scene.users["staff_a"], period=scene.period(1),
                                             unit=scene.units["a"], rows=rows[:1] + [("row 6", ActualInput(
                                                 scene.keys["t1"], "4"))])
    assert saved == 2 and IndicatorActual.objects.count() == 2


def _get(client, user, url, lang="en"):
    client.force_login(user)
    client.cookies["django_language"] = lang
    with time_machine.travel(at("2026-04-05"), tick=False):
        response = client.get(url)
    return response


def test_the_work_list_has_the_units_indicators_and_saves_them_in_place(scene, client):
    url = reverse("monitoring:unit", args=[2026, 1, scene.units["a"].pk])
    html = _get(client, scene.users["staff_a"], url, "ru").content.decode()
    assert "Целевые индикаторы" in html and scene.t1.name_ru in html and scene.macro.name_ru in html
    assert scene.t2.name_ru not in html  # b's
    with time_machine.travel(at("2026-04-05"), tick=False):
        response = client.post(reverse("monitoring:save_indicator", args=[2026, 1, scene.units["a"].pk]),
                               {"indicator": scene.keys["t1"], "value": "abc"}, HTTP_HX_REQUEST="true")
        assert response.status_code == 200 and 'aria-invalid="true"' in response.content.decode()
        response = client.post(reverse("monitoring:save_indicator", args=[2026, 1, scene.units["a"].pk]),
                               {"indicator": scene.keys["t1"], "value": "25", "source_ru": "<b>Стат</b>"},
                               HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 200 and f'id="ind-t-{scene.t1.pk}"' in body
    assert "&lt;b&gt;Стат&lt;/b&gt;" in body and "<b>Стат" not in body
    assert IndicatorActual.objects.get().value == Decimal(25)
    with time_machine.travel(at("2026-04-05"), tick=False):  # another unit's indicator through a's address
        response = client.post(reverse("monitoring:save_indicator", args=[2026, 1, scene.units["a"].pk]),
                               {"indicator": scene.keys["t2"], "value": "1"})
    assert response.status_code == 422 and IndicatorActual.objects.count() == 1


def test_a_unit_sees_only_its_own_and_the_planner_reads_every_units(scene, client):
    save(scene, "staff_b", "t2", "33")
    url_b = reverse("monitoring:unit", args=[2026, 1, scene.units["b"].pk])
    assert _get(client, scene.users["staff_a"], url_b).status_code == 403
    html = _get(client, scene.users["planner"], url_b).content.decode()
    assert scene.t2.name_en in html and "33" in html and 'name="value"' not in html  # read only


def test_the_work_list_costs_a_fixed_number_of_queries(scene, client):
    url = reverse("monitoring:unit", args=[2026, 1, scene.units["a"].pk])
    save(scene, "staff_a", "t1", "1")
    client.force_login(scene.users["staff_a"])
    with time_machine.travel(at("2026-04-05"), tick=False):
        client.get(url)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        with_indicators = len(ctx)  # read now: the context reads the connection's log when asked
    client.force_login(scene.users["staff_c"])  # c answers for no indicator: one query more than before
    url_c = reverse("monitoring:unit", args=[2026, 1, scene.units["c"].pk])
    with time_machine.travel(at("2026-04-05"), tick=False):
        client.get(url_c)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url_c).status_code == 200
        without = len(ctx)
    assert (with_indicators, without) == (32, 25)
