"""The national view's kept figures (issue 14.4): each service keeps what its action changes, in its own
transaction, and the kept figures are what a rebuild from scratch computes."""
from datetime import date

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jospar.monitoring import services, services_report, summaries
from jospar.monitoring.models import ExecutionEntry, QuarterSummary, YearSummary
from jospar.orgs.models import Role
from jospar.planning import services as planning
from jospar.planning.amendments import services as amendments
from jospar.planning.approval import services as approval
from jospar.rules import timeliness
from tests.factories import DevelopmentPlanFactory, StateBodyFactory, member, plan_with_events
from tests.monitoring.test_report import _submit_report
from tests.monitoring.world import at, fill, submit

pytestmark = pytest.mark.django_db


def kept(world) -> tuple[dict, dict]:
    return summaries.figures_of(world.body.pk, world.plan.year)


def same_as_rebuilt(world) -> tuple[dict, dict]:
    """The kept figures, once checked to be what a rebuild from scratch computes."""
    before = kept(world)
    changed = summaries.rebuild(world.body)
    assert kept(world) == before
    assert changed == 0
    return before


def quarter(world, q: int) -> dict:
    return kept(world)[1][q]


@pytest.fixture
def kept_world(world):
    summaries.rebuild(world.body)
    return world


def test_a_rebuild_counts_an_approved_plan_and_changes_nothing_the_second_time(world):
    assert summaries.rebuild(world.body) == 5  # the year and its four quarters
    assert summaries.rebuild(world.body) == 0
    year, quarters = kept(world)
    assert year == {"state": "approved", "version_in_force": 1, "approval_due_on": world.plan.approval_due,
                    "approved_on": date(2025, 12, 30), "amendments": 0, "decisions_open": 0,
                    "open_decision_due_dates": []}
    # I: a_march, a_quarterly, b_q1, c_feb; II: a_quarterly, c_half; III: a_quarterly, b_q3; IV: a_quarterly,
    # a_year, c_half. Every unit has something in every quarter (what is due, carried over, in progress).
    assert {q: (r["units_due"], r["items_due"]) for q, r in quarters.items()} == {1: (3, 4), 2: (3, 2), 3: (3, 2),
                                                                                4: (3, 3)}
    assert (quarters[1]["info_due_on"], quarters[1]["report_due_on"]) == (date(2026, 4, 10), date(2026, 4, 15))
    assert quarters[4]["report_state"] == "none" and quarters[4]["executed"] == 0


def test_a_units_submission_counts_on_time_or_late_and_its_entries_by_status(kept_world):
    world = kept_world
    fill(world, 1, "a")
    submit(world, 1, "a", "2026-04-08")
    q1 = same_as_rebuilt(world)[1][1]
    assert (q1["units_due"], q1["units_on_time"], q1["units_late"]) == (3, 1, 0)
    assert (q1["items_due"], q1["executed"]) == (4, 2)  # a_year is in progress in I, not due there
    fill(world, 1, "c", status="not_executed")
    submit(world, 1, "c", "2026-04-17")
    q1 = same_as_rebuilt(world)[1][1]
    assert (q1["units_on_time"], q1["units_late"], q1["executed"], q1["not_executed"]) == (1, 1, 2, 1)
    counted = timeliness.units_count(q1["units_due"], q1["units_on_time"], q1["units_late"], q1["info_due_on"],
                                     date(2026, 4, 20))
    assert (counted.missing, counted.pending) == (1, 0)  # b: derived on reading, not kept


def test_draft_entries_are_never_counted(kept_world):
    fill(kept_world, 1, "a")  # saved, not submitted
    assert quarter(kept_world, 1)["executed"] == 0
    assert same_as_rebuilt(kept_world)[1][1]["executed"] == 0


def test_an_occurrence_executed_leaves_the_later_quarters_and_a_return_brings_it_back(kept_world):
    world = kept_world
    assert quarter(world, 2)["units_due"] == 3  # b: b_q1 would be carried over into II
    fill(world, 1, "b")
    submit(world, 1, "b", "2026-04-08")
    assert quarter(world, 2)["units_due"] == 2  # executed in I: b has nothing in II
    same_as_rebuilt(world)
    with time_machine.travel(at("2026-04-09"), tick=False):
        services.return_unit_info(user=world.users["planner"], period=world.period(1), unit=world.units["b"],
                                  comment="Уточните")
    q1 = same_as_rebuilt(world)[1][1]
    assert (q1["units_on_time"], q1["executed"]) == (1, 0)  # received (by its first submission), entries back
    assert quarter(world, 2)["units_due"] == 3


def test_a_partial_return_takes_out_only_the_returned_entries(kept_world):
    world = kept_world
    fill(world, 1, "a")
    submit(world, 1, "a", "2026-04-08")
    entry = ExecutionEntry.objects.get(period=world.period(1), event_id=world.events["a_march"])
    with time_machine.travel(at("2026-04-09"), tick=False):
        services.return_unit_info(user=world.users["planner"], period=world.period(1), unit=world.units["a"],
                                  comment="Уточните", entry_ids=[entry.pk])
    assert same_as_rebuilt(world)[1][1]["executed"] == 1
    submit(world, 1, "a", "2026-04-12")
    q1 = same_as_rebuilt(world)[1][1]
    assert (q1["executed"], q1["units_on_time"], q1["units_late"]) == (2, 1, 0)  # still on time: its first


def test_the_report_submitted_returned_submitted_again_and_recalled(kept_world):
    world = kept_world
    for code in ("a", "b", "c"):
        fill(world, 1, code)
        submit(world, 1, code, "2026-04-08")
    _submit_report(world, 1, "2026-04-14")
    q1 = same_as_rebuilt(world)[1][1]
    assert (q1["report_state"], q1["report_submitted_on"], q1["report_late"]) == ("submitted", date(2026, 4, 14),
                                                                                 False)
    with time_machine.travel(at("2026-04-15"), tick=False):
        services_report.return_report(user=world.users["executive"], period=world.period(1), comment="Доработать")
    q1 = same_as_rebuilt(world)[1][1]
    assert (q1["report_state"], q1["report_submitted_on"]) == ("none", None)  # a draft again: not counted
    _submit_report(world, 1, "2026-04-17")
    q1 = same_as_rebuilt(world)[1][1]
    assert (q1["report_state"], q1["report_submitted_on"], q1["report_late"]) == ("submitted", date(2026, 4, 17),
                                                                                 False)  # its first lateness
    with time_machine.travel(at("2026-04-18"), tick=False):
        services_report.recall_report(user=world.users["planner"], period=world.period(1))
    assert same_as_rebuilt(world)[1][1]["report_state"] == "none"


def test_a_late_report_is_kept_late(kept_world):
    world = kept_world
    for code in ("a", "b", "c"):
        fill(world, 1, code)
        submit(world, 1, code, "2026-04-08")
    _submit_report(world, 1, "2026-04-20")
    assert same_as_rebuilt(world)[1][1]["report_late"] is True


def test_decisions_recorded_and_carried_out(kept_world):
    world = kept_world
    for code in ("a", "b", "c"):
        fill(world, 1, code)
        submit(world, 1, code, "2026-04-08")
    _submit_report(world, 1, "2026-04-14")
    with time_machine.travel(at("2026-04-20"), tick=False):
        dated = services_report.record_decision(user=world.users["executive"], period=world.period(1),
                                                text_ru="Доложить", due_on=date(2026, 5, 20))
        services_report.record_decision(user=world.users["executive"], period=world.period(1), text_ru="Учесть")
    year = same_as_rebuilt(world)[0]
    assert (year["decisions_open"], year["open_decision_due_dates"]) == (2, ["2026-05-20"])
    assert timeliness.overdue_count([date.fromisoformat(d) for d in year["open_decision_due_dates"]],
                                    date(2026, 5, 21)) == 1
    with time_machine.travel(at("2026-05-02"), tick=False):
        services_report.complete_decision(user=world.users["planner"], decision=dated, note="Доложено")
    year = same_as_rebuilt(world)[0]
    assert (year["decisions_open"], year["open_decision_due_dates"]) == (1, [])


def test_an_amendment_approved_changes_the_quarters_it_governs(kept_world):
    world = kept_world
    with time_machine.travel(at("2026-05-04"), tick=False):
        v2 = amendments.open_amendment(user=world.users["planner"], plan=world.plan, basis="development_plan",
                                       document_number="7", document_date=date(2026, 5, 1),
                                       basis_kk="Өзгерістер", basis_ru="Изменения")
        assert same_as_rebuilt(world)[0]["state"] == "amending"
        v2.revisions.update(completion_kk="Есеп", completion_ru="Отчет")  # the world's events name no form
        amendments.cancel_event(user=world.users["planner"], revision=v2.revisions.get(event_id=world.events["b_q3"]),
                                reason_kk="Себебі", reason_ru="Причина")
        approval.send_for_approval(user=world.users["planner"], version=v2)
        assert same_as_rebuilt(world)[0]["state"] == "amending"
        approval.approve_version(version=v2, user=world.users["executive"], on=date(2026, 5, 4))
    year, quarters = same_as_rebuilt(world)
    assert (year["state"], year["version_in_force"], year["amendments"], year["approved_on"]) == (
        "approved", 2, 1, date(2025, 12, 30))
    assert (quarters[1]["items_due"], quarters[3]["items_due"]) == (4, 1)  # I under version 1, III under 2


def test_the_plan_state_through_the_approval_services():
    version = plan_with_events(12, n_units=4, body=StateBodyFactory(code="states"))
    plan, body = version.plan, version.plan.body
    planner = member(body, Role.PLANNER, body.units.get(is_planning=True))
    executive = member(body, Role.EXECUTIVE)

    def state():
        row = YearSummary.objects.get(body=body, year=plan.year)
        assert summaries.rebuild(body) == 0
        return row.state, row.version_in_force, row.approved_on

    approval.send_for_approval(user=planner, version=version)  # its rows are made by the first keeping
    assert state() == ("on_approval", 0, None)
    approval.return_version(version=version, user=executive, comment="Доработать")
    assert state() == ("draft", 0, None)
    approval.send_for_approval(user=planner, version=version)
    approval.approve_version(version=version, user=executive, on=date(2026, 1, 5))
    assert state() == ("approved", 1, date(2026, 1, 5))
    assert QuarterSummary.objects.filter(body=body, year=plan.year, units_due__gt=0).count() == 4


def test_opening_a_plan_makes_its_rows():
    devplan = DevelopmentPlanFactory(body=StateBodyFactory(code="opened"))
    plan = planning.open_operational_plan(development_plan=devplan, year=2027)
    year, quarters = summaries.figures_of(plan.body_id, 2027)
    assert (year["state"], year["approval_due_on"]) == ("draft", plan.approval_due)
    assert sorted(quarters) == [1, 2, 3, 4] and quarters[2]["info_due_on"] == date(2027, 7, 10)
    assert not any(quarters[q][name] for q in quarters for name in QuarterSummary.COUNTS)
    assert summaries.rebuild(plan.body) == 0


def test_rows_missing_are_made_by_the_first_keeping(world):
    fill(world, 1, "a")
    submit(world, 1, "a", "2026-04-08")  # the world's plan was approved around the services: no rows yet
    assert same_as_rebuilt(world)[1][1]["units_on_time"] == 1


def test_a_rebuild_removes_the_rows_of_a_plan_that_is_gone_and_keeps_other_bodies(kept_world):
    other = StateBodyFactory(code="gone")
    YearSummary.objects.create(body=other, year=2026)
    QuarterSummary.objects.create(body=other, year=2026, quarter=1, info_due_on=date(2026, 4, 10),
                                  report_due_on=date(2026, 4, 15))
    assert summaries.rebuild(kept_world.body) == 0  # another body's rows are not in scope
    assert summaries.rebuild(year=2026) == 2
    assert not YearSummary.objects.filter(body=other).exists()


def test_the_command_says_how_many_rows_changed_and_is_safe_to_run_twice(world, capsys):
    call_command("rebuild_summaries", "--body", world.body.code, "--year", "2026")
    assert "5" in capsys.readouterr().out
    QuarterSummary.objects.filter(body=world.body, quarter=2).update(units_due=99)
    call_command("rebuild_summaries")
    assert "1" in capsys.readouterr().out
    call_command("rebuild_summaries", "--body", world.body.code)
    assert "0" in capsys.readouterr().out
    assert quarter(world, 2)["units_due"] == 3


def test_the_command_refuses_an_unknown_body(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("rebuild_summaries", "--body", "nosuchbody")


# ---- the cost of keeping: a fixed number of queries, pinned ---------------------------------------------

def _queries(action) -> int:
    with CaptureQueriesContext(connection) as ctx:
        action()
    return len(ctx.captured_queries)


def test_what_each_keeping_costs(kept_world, django_assert_num_queries):
    world = kept_world
    fill(world, 1, "a")
    submit(world, 1, "a", "2026-04-08")
    period = world.period(1)
    # the year row locked, the approved versions, the version's events (two), the entries, the submissions,
    # the quarters' rows (nothing changed: no write)
    with django_assert_num_queries(7):
        summaries.keep_unit_info(period)
    ExecutionEntry.objects.filter(period=period).update(status="partial", reasons_kk="x", reasons_ru="x")
    with django_assert_num_queries(8):  # and one write for the rows that changed
        summaries.keep_unit_info(period)
    for code in ("b", "c"):
        fill(world, 1, code)
        submit(world, 1, code, "2026-04-08")
    report = _submit_report(world, 1, "2026-04-14")
    with django_assert_num_queries(2):  # the year row locked, the quarter's row written
        summaries.keep_report(report)
    with django_assert_num_queries(2):  # the year row locked, the decisions read (nothing changed: no write)
        summaries.keep_decisions(world.plan)
    with django_assert_num_queries(2):  # the year row locked, the versions read
        summaries.keep_state(world.plan)
    # the year row locked, the versions, the edition, the version's events (two), entries, submissions,
    # reports, decisions, the quarters' rows
    with django_assert_num_queries(10):
        summaries.keep_plan(world.plan)


def test_a_submissions_keeping_costs_the_same_for_a_plan_ten_times_larger():
    from tests.monitoring.world import big_plan

    counts = []
    for n, year in ((24, 2030), (240, 2031)):
        period = big_plan(n, year)
        summaries.rebuild(year=year)
        ExecutionEntry.objects.filter(period=period).update(status="partial", reasons_kk="x", reasons_ru="x")
        counts.append(_queries(lambda period=period: summaries.keep_unit_info(period)))
    assert counts[0] == counts[1] == 8
