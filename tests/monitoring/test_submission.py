"""The head submits and answers for the unit's information by the 10th; the planner may return it."""
from datetime import UTC, datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from jospar.monitoring import services, services_report
from jospar.monitoring.models import ExecutionEntry, UnitSubmission
from jospar.notifications.models import Notification
from tests.monitoring.world import at, fill, submit

pytestmark = pytest.mark.django_db


def test_submitted_on_the_10th_is_on_time_and_locks_the_entries(world):
    fill(world, 1, "a")
    sub = submit(world, 1, "a", "2026-04-10", hour=23)
    assert (sub.status, sub.is_late, sub.delay_days, sub.submitted_by) == ("submitted", False, 0,
                                                                           world.users["head_a"])
    assert set(ExecutionEntry.objects.filter(unit=world.units["a"]).values_list("state", flat=True)) == {"submitted"}
    note = Notification.objects.get(recipient=world.users["planner"])
    assert note.kind == "info_submitted" and note.url.endswith(f"/units/{world.units['a'].id}/")


def test_the_11th_in_almaty_is_late_even_while_it_is_still_the_10th_in_utc(world):
    fill(world, 1, "a")
    moment = datetime(2026, 4, 10, 19, 30, tzinfo=UTC)  # 00:30 on 11 April in Almaty (UTC+5)
    with time_machine.travel(moment, tick=False):
        sub = services.submit_unit_info(user=world.users["head_a"], period=world.period(1), unit=world.units["a"],
                                        attest=True)
    assert (sub.submitted_on.isoformat(), sub.is_late, sub.delay_days) == ("2026-04-11", True, 1)
    assert Notification.objects.get(recipient=world.users["planner"]).kind == "info_submitted_late"


def test_late_submission_is_accepted_and_marked_with_its_delay(world):
    fill(world, 1, "c")
    sub = submit(world, 1, "c", "2026-04-17")
    assert (sub.is_late, sub.delay_days) == (True, 7)


def test_the_head_must_attest(world):
    fill(world, 1, "a")
    with pytest.raises(ValidationError, match="Confirm"):
        services.submit_unit_info(user=world.users["head_a"], period=world.period(1), unit=world.units["a"],
                                  attest=False)
    assert not UnitSubmission.objects.exists()


@pytest.mark.parametrize("user", ["staff_a", "head_b", "planner", "executive", "viewer"])
def test_only_the_units_head_submits(world, user):
    fill(world, 1, "a")
    with time_machine.travel(at("2026-04-08"), tick=False), pytest.raises(PermissionDenied):
        services.submit_unit_info(user=world.users[user], period=world.period(1), unit=world.units["a"], attest=True)
    assert not UnitSubmission.objects.exists()


def test_incomplete_information_is_not_submitted(world):
    period = world.period(1)
    with time_machine.travel(at("2026-04-06"), tick=False):
        services.save_entry(user=world.users["staff_a"], period=period, event_id=world.events["a_march"],
                            occurrence=1, status="executed", actual_ru="Да")
    with pytest.raises(ValidationError, match="events 2, 3"):
        submit(world, 1, "a", "2026-04-08")
    assert not UnitSubmission.objects.exists()
    assert ExecutionEntry.objects.get().state == "draft"


def test_in_progress_is_for_events_not_yet_due(world):
    fill(world, 1, "a", status="in_progress")  # a_march was due on 20 March
    with pytest.raises(ValidationError, match="in progress although their deadline has passed"):
        submit(world, 1, "a", "2026-04-08")


def test_a_second_submission_is_refused(world):
    fill(world, 1, "a")
    submit(world, 1, "a", "2026-04-08")
    with pytest.raises(ValidationError, match="already been submitted"):
        submit(world, 1, "a", "2026-04-09")


def _return(world, comment="Уточните реквизиты", entry_ids=None, user="planner"):
    with time_machine.travel(at("2026-04-11"), tick=False):
        return services.return_unit_info(user=world.users[user], period=world.period(1), unit=world.units["a"],
                                         comment=comment, entry_ids=entry_ids)


def test_the_planner_returns_one_entry_and_the_head_resubmits(world):
    fill(world, 1, "a")
    submit(world, 1, "a", "2026-04-12")  # late by 2 days
    entry = ExecutionEntry.objects.get(event_id=world.events["a_march"])
    sub = _return(world, entry_ids=[entry.pk])
    assert (sub.status, sub.return_comment, sub.returned_by) == ("returned", "Уточните реквизиты",
                                                                 world.users["planner"])
    states = dict(ExecutionEntry.objects.values_list("event_id", "state"))
    assert states[entry.event_id] == "returned" and states[world.events["a_quarterly"]] == "submitted"
    notes = Notification.objects.filter(kind="info_returned")
    assert {n.recipient for n in notes} == {world.users["head_a"], world.users["staff_a"]}
    with time_machine.travel(at("2026-04-13"), tick=False):
        services.save_entry(user=world.users["staff_a"], period=world.period(1), event_id=entry.event_id,
                            occurrence=1, status="executed", actual_ru="Исх. № 12 от 20.03",
                            actual_kk="Шығыс № 12, 20.03")
    sub = submit(world, 1, "a", "2026-04-13")
    assert (sub.status, sub.is_late, sub.delay_days) == ("submitted", True, 2)  # lateness of the first submission
    assert sub.first_submitted_at < sub.submitted_at
    assert entry.history.count() >= 4  # created, submitted, returned, corrected, resubmitted


def test_the_planner_can_return_everything(world):
    fill(world, 1, "a")
    submit(world, 1, "a", "2026-04-08")
    _return(world)
    assert set(ExecutionEntry.objects.values_list("state", flat=True)) == {"returned"}


def test_a_return_needs_a_comment_and_a_planner(world):
    fill(world, 1, "a")
    submit(world, 1, "a", "2026-04-08")
    with pytest.raises(ValidationError, match="Comment"):
        _return(world, comment=" ")
    for user in ("head_a", "executive", "viewer"):
        with pytest.raises(PermissionDenied):
            _return(world, user=user)
    assert UnitSubmission.objects.get().status == "submitted"


def test_nothing_to_return_before_submission(world):
    fill(world, 1, "a")
    with pytest.raises(ValidationError, match="not submitted"):
        _return(world)


def test_no_return_once_the_report_relying_on_it_is_submitted(world):
    fill(world, 1, "a")
    submit(world, 1, "a", "2026-04-08")
    with time_machine.travel(at("2026-04-14"), tick=False):
        services_report.submit_report(user=world.users["planner"], period=world.period(1))
    with pytest.raises(ValidationError, match="cannot be returned"):
        _return(world)
    assert UnitSubmission.objects.get().status == "submitted"


def test_the_information_waits_for_the_end_of_the_quarter_unless_all_is_executed(world):
    """Issue 10 §5: not before the quarter ends, unless every item is fully executed."""
    period = world.period(1)
    fill(world, 1, "a", when="2026-03-20")  # a: executed, but its «within the year» event is in progress
    with time_machine.travel(at("2026-03-25"), tick=False), pytest.raises(ValidationError, match="01.04.2026"):
        services.submit_unit_info(user=world.users["head_a"], period=period, unit=world.units["a"], attest=True)
    assert not UnitSubmission.objects.exists()
    fill(world, 1, "c", when="2026-03-20")  # c: its February event, executed
    with time_machine.travel(at("2026-03-25"), tick=False):
        sub = services.submit_unit_info(user=world.users["head_c"], period=period, unit=world.units["c"],
                                        attest=True)
    assert (sub.status, sub.is_late) == ("submitted", False)


def test_the_annual_report_cannot_be_submitted_in_december(world):
    """Issue 10 §5: the Q4 report on 2 December is refused with the date from which it can go."""
    with time_machine.travel(at("2026-12-02"), tick=False), pytest.raises(ValidationError, match="01.01.2027"):
        services_report.submit_report(user=world.users["planner"], period=world.period(4))
    assert not world.period(4).plan.reporting_periods.filter(report__status="submitted").exists()
