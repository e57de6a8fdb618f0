"""Issue 16, done when: a script integrates as an outside system would, over real HTTP against the running
app: a personal token → the approved plan → the unit's entries written → submitted → the report read
(scripts/api_integration.py, standard library only). And the unit's work list it relies on."""
import importlib.util
from pathlib import Path

import pytest
import time_machine
from django.urls import reverse

from jospar.api.models import ApiToken, token_digest
from jospar.monitoring.models import ExecutionEntry, UnitSubmission
from tests.monitoring.world import at, build_world

from .calls import client_for

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "api_integration.py"


def load_script():
    spec = importlib.util.spec_from_file_location("api_integration", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def token_for(user) -> str:
    raw = ApiToken.new_secret()
    ApiToken.objects.create(user=user, name="outside system", prefix=raw[:12], digest=token_digest(raw))
    return raw


@pytest.mark.django_db(transaction=True)
def test_an_outside_system_reports_a_units_quarter_over_http(live_server):
    world = build_world()
    script = load_script()
    lines: list[str] = []
    with time_machine.travel(at("2026-04-08", 10), tick=False):
        result = script.integrate(live_server.url, "a", token_for(world.users["head_a"]),
                                  token_for(world.users["planner"]), 2026, 1, say=lines.append)
    entries = ExecutionEntry.objects.filter(period__quarter=1, unit=world.units["a"])
    assert sorted(entries.values_list("pk", flat=True)) == sorted(result["entries"]) and len(result["entries"]) >= 2
    assert set(entries.values_list("status", "actual_ru")) == {("executed", script.ACTUAL["ru"])}
    submission = UnitSubmission.objects.get(period__quarter=1, unit=world.units["a"])
    assert submission.status == "submitted" and not result["submission"]["is_late"]
    assert {row["actual_kk"] for row in result["rows"]} == {script.ACTUAL["kk"]}
    assert lines[0].startswith("root: version 1") and "submitted on 2026-04-08" in lines[3]


@pytest.mark.django_db(transaction=True)
def test_the_script_stops_on_an_answer_it_did_not_expect(live_server):
    world = build_world()
    script = load_script()
    with time_machine.travel(at("2026-04-08", 10), tick=False), pytest.raises(script.Unexpected, match="403"):
        # a staff member's token cannot submit: only the head answers for the unit's information
        script.integrate(live_server.url, "a", token_for(world.users["staff_a"]), token_for(world.users["planner"]),
                         2026, 1, say=lambda line: None)
    assert not UnitSubmission.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_units_work_list_is_what_its_page_lists(lang):
    world = build_world()
    url = reverse("api:work", args=[2026, 1, world.units["a"].pk])
    with time_machine.travel(at("2026-04-02", 10), tick=False):
        answer = client_for(world.users["staff_a"], lang).get(url)
    assert answer.status_code == 200, answer.data
    items = answer.data["items"]
    kinds = {i["event_id"]: i["kind"] for i in items}
    assert kinds == {world.events["a_march"]: "due", world.events["a_quarterly"]: "due",
                     world.events["a_year"]: "in_progress"}
    march = next(i for i in items if i["event_id"] == world.events["a_march"])
    assert (march["occurrence"], march["due_on"], march["kind"], march["entry"], march["status"]) == (
        1, "2026-03-20", "due", None, None)
    assert march["name"] == ("Іс-шара a_march" if lang == "kk" else "Мероприятие a_march")
    assert answer.data["submission"] == "none" and answer.data["unit_code"] == "a"
    assert answer.data["contributes_to"] == []
    b_list = client_for(world.users["staff_b"]).get(reverse("api:work", args=[2026, 1, world.units["b"].pk])).data
    assert world.events["a_march"] in {i["event_id"] for i in b_list["contributes_to"]}


@pytest.mark.django_db
def test_another_units_work_list_is_refused_as_its_page_is(django_assert_max_num_queries):
    world = build_world()
    client = client_for(world.users["staff_a"])
    assert client.get(reverse("api:work", args=[2026, 1, world.units["b"].pk])).status_code == 403
    assert client.get(reverse("api:work", args=[2026, 1, 10**9])).status_code == 404
    with django_assert_max_num_queries(20):  # the unit page's work list: a fixed number, whatever the plan's size
        assert client_for(world.users["planner"]).get(
            reverse("api:work", args=[2026, 1, world.units["b"].pk])).status_code == 200
