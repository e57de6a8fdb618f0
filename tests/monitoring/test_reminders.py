"""`send_reminders`: 3 days before, on the day, overdue — once per stage, however often it runs."""
from io import StringIO

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from jospar.monitoring.models import Reminder
from jospar.monitoring.reminders import send_reminders, stage_of
from jospar.notifications.models import Notification
from tests.monitoring.world import at, fill, report_all, submit

pytestmark = pytest.mark.django_db(transaction=True)  # e-mails go out when the transaction commits


def run(day: str, hour: int = 9) -> int:
    with time_machine.travel(at(day, hour), tick=False):
        return send_reminders()


def kinds(user) -> list:
    return list(Notification.objects.filter(recipient=user).order_by("id").values_list("kind", flat=True))


def test_stages():
    assert [stage_of(d) for d in (4, 3, 1, 0, -1, -31, -32)] == [None, "soon", "soon", "today", "overdue",
                                                                  "overdue", None]


def test_units_are_reminded_three_days_before_on_the_day_and_once_overdue(world):
    assert run("2026-04-06") == 0
    sent = run("2026-04-07")
    assert sent == 6  # head and staff of units a, b, c
    assert kinds(world.users["head_a"]) == ["info_due_soon"]
    assert {m.to[0] for m in mail.outbox} == {world.users[f"{r}_{u}"].email for r in ("head", "staff")
                                              for u in "abc"}
    assert "10.04.2026" in mail.outbox[0].body
    assert run("2026-04-07", 15) == 0 and run("2026-04-08") == 0 and run("2026-04-09", 23) == 0
    fill(world, 1, "a")
    submit(world, 1, "a", "2026-04-09")
    assert run("2026-04-10") == 4  # a has submitted
    assert kinds(world.users["staff_a"]) == ["info_due_soon"]
    assert kinds(world.users["staff_b"]) == ["info_due_soon", "info_due_today"]
    assert run("2026-04-11") == 4 and run("2026-04-12") == 1  # overdue; then the planner: report in 3 days
    assert kinds(world.users["head_c"]) == ["info_due_soon", "info_due_today", "info_overdue"]
    assert run("2026-04-13") == 0 and run("2026-04-14") == 0


def test_the_planner_is_reminded_of_the_report_until_it_is_submitted(world):
    planner = world.users["planner"]
    run("2026-04-12")
    run("2026-04-15")
    assert kinds(planner) == ["report_due_soon", "report_due_today"]
    report_all(world, 1, "2026-04-15")
    from jospar.monitoring import services_report

    with time_machine.travel(at("2026-04-15", 18), tick=False):
        services_report.submit_report(user=planner, period=world.period(1))
    run("2026-04-16")
    assert kinds(planner)[-1] != "report_overdue"


def test_units_with_nothing_due_are_not_reminded(world):
    report_all(world, 1, "2026-04-08")
    run("2026-07-07")
    assert Notification.objects.filter(recipient=world.users["head_b"], kind="info_due_soon").count() == 0
    assert Notification.objects.filter(recipient=world.users["head_a"], kind="info_due_soon").count() == 1


def test_year_end_reminders_go_out_in_january_for_the_fourth_quarter(world):
    assert run("2027-01-07") > 0
    assert Reminder.objects.filter(period__quarter=4, kind="info", stage="soon").exists()
    assert "10.01.2027" in mail.outbox[-1].body


def test_the_command_is_safe_to_run_every_hour(world):
    out = StringIO()
    with time_machine.travel(at("2026-04-07", 8), tick=False):
        call_command("send_reminders", stdout=out)
        call_command("send_reminders", stdout=out)
    assert out.getvalue().splitlines() == ["reminders sent: 6", "reminders sent: 0"]
    assert Reminder.objects.count() == 6 and len(mail.outbox) == 6
