"""Issue 10 §9: reminders of proposals due (unit heads and staff), of the approval due (planner, executive)
and of decisions due and overdue (the responsible) — once per stage, safe to run every hour."""
from datetime import date

import pytest
import time_machine
from django.utils import translation

from jospar.monitoring import services_report
from jospar.monitoring.models import Reminder
from jospar.monitoring.reminders import send_reminders
from jospar.notifications.models import Notification
from jospar.orgs.models import Role
from jospar.planning import services
from jospar.planning.drafting import proposals
from tests.factories import DevelopmentPlanFactory, MacroindicatorFactory, OrgUnitFactory, StateBodyFactory, member
from tests.monitoring.test_report import _submit_report
from tests.monitoring.world import at, build_world, report_all
from tests.planning.test_drafting import data

pytestmark = pytest.mark.django_db


def run(moment: str) -> int:
    with time_machine.travel(moment, tick=False):
        return send_reminders()


def kinds(user) -> list:
    return list(Notification.objects.filter(recipient=user).order_by("id").values_list("kind", flat=True))


@pytest.fixture
def round_open(db):
    """The 2027 plan opened on 20.11.2026 (proposals due 27.11, approval due 30.11): unit 1 has submitted
    its proposals, unit 2 has none."""
    body = StateBodyFactory()
    spa = OrgUnitFactory(body=body, is_planning=True)
    unit1, unit2 = OrgUnitFactory(body=body), OrgUnitFactory(body=body)
    devplan = DevelopmentPlanFactory(body=body, signed_on=date(2026, 11, 20))
    w = {"body": body, "units": (unit1, unit2), "devplan": devplan,
         "macro": MacroindicatorFactory(direction__plan=devplan),
         "planner": member(body, Role.PLANNER, spa), "executive": member(body, Role.EXECUTIVE),
         "staff1": member(body, Role.UNIT_STAFF, unit1), "head1": member(body, Role.UNIT_HEAD, unit1),
         "staff2": member(body, Role.UNIT_STAFF, unit2), "head2": member(body, Role.UNIT_HEAD, unit2)}
    with time_machine.travel("2026-11-20 10:00 +05:00", tick=False):
        w["plan"] = services.open_year(user=w["planner"], development_plan=devplan, year=2027,
                                       proposals_due=date(2026, 11, 27))
        proposals.create_proposal(user=w["staff1"], plan=w["plan"], unit=unit1, data=data(w))
        proposals.submit_unit_set(user=w["head1"], plan=w["plan"], unit=unit1)
    Notification.objects.all().delete()
    return w


def test_units_still_proposing_are_reminded_once_per_stage(round_open):
    w = round_open
    assert run("2026-11-23 09:00 +05:00") == 0  # 4 days before: nothing yet
    run("2026-11-24 09:00 +05:00")
    assert kinds(w["staff2"]) == ["proposals_due_soon"] and kinds(w["head2"]) == ["proposals_due_soon"]
    assert kinds(w["staff1"]) == [] and kinds(w["head1"]) == []  # unit 1 has submitted everything
    assert run("2026-11-24 15:00 +05:00") == 0 and run("2026-11-25 09:00 +05:00") == 0
    run("2026-11-27 09:00 +05:00")
    run("2026-11-28 09:00 +05:00")
    run("2026-11-29 09:00 +05:00")
    assert kinds(w["staff2"]) == ["proposals_due_soon", "proposals_due_today", "proposals_overdue"]
    with translation.override("ru"):
        note = Notification.objects.filter(recipient=w["head2"]).last()
        assert "27.11.2026" in note.text and "2027" in note.subject


def test_the_planner_and_the_executive_are_reminded_of_the_approval(round_open):
    w = round_open
    run("2026-11-27 09:00 +05:00")  # approval due 30.11: in 3 days
    for who in ("planner", "executive"):
        assert "approval_due_soon" in kinds(w[who])
    assert "approval_due_soon" not in kinds(w["staff1"])
    run("2026-11-30 09:00 +05:00")
    run("2026-12-01 09:00 +05:00")
    assert [k for k in kinds(w["executive"]) if k.startswith("approval")] == [
        "approval_due_soon", "approval_due_today", "approval_overdue"]
    before = Reminder.objects.count()
    assert run("2026-12-01 18:00 +05:00") == 0 and Reminder.objects.count() == before


def test_the_responsible_are_reminded_of_decisions_due_and_overdue(db):
    world = build_world(year=2026)
    report_all(world, 1, "2026-04-08")
    _submit_report(world, 1, "2026-04-14")
    with time_machine.travel(at("2026-04-20"), tick=False):
        decision = services_report.record_decision(
            user=world.users["executive"], period=world.period(1), text_ru="Ускорить закупки",
            responsible_unit_id=world.units["a"].id, responsible_person_id=world.users["staff_a"].id,
            due_on=date(2026, 5, 15))
        services_report.record_decision(user=world.users["executive"], period=world.period(1), text_ru="Без срока",
                                        responsible_unit_id=world.units["b"].id)
    Notification.objects.all().delete()
    run("2026-05-12 09:00 +05:00")
    assert kinds(world.users["staff_a"]) == ["decision_due_soon"] and kinds(world.users["head_a"]) == [
        "decision_due_soon"]
    assert kinds(world.users["head_b"]) == []  # a decision with no due date
    run("2026-05-15 09:00 +05:00")
    run("2026-05-16 09:00 +05:00")
    run("2026-05-16 10:00 +05:00")
    assert kinds(world.users["staff_a"]) == ["decision_due_soon", "decision_due_today", "decision_overdue"]
    with translation.override("ru"):
        assert "Ускорить закупки" in Notification.objects.filter(recipient=world.users["staff_a"]).last().text
    with time_machine.travel(at("2026-05-17"), tick=False):
        services_report.complete_decision(user=world.users["head_a"], decision=decision, note="Закуплено")
    assert run("2026-05-20 09:00 +05:00") == 0
