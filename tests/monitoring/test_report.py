"""The Form 2 report: rows, views, recommendations, submission by the 15th, read-only, decisions."""
from datetime import date

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jospar.monitoring import selectors, services_report
from jospar.monitoring.models import Decision, EventRecommendation, ExecutionEntry, Report, UnitSubmission
from jospar.notifications.models import Notification
from tests.monitoring.world import at, big_plan, fill, report_all, submit

pytestmark = pytest.mark.django_db


def events(rows):
    return [(r.number, r.label, r.status) for r in rows if r.kind == "event"]


def test_form2_rows_follow_form1_grouping_numbering_and_the_form2_labels(world):
    report_all(world, 1, "2026-04-08")
    rows = selectors.form2_rows(world.period(1), "kk")
    assert [r.kind for r in rows] == ["section", "direction", "macroindicator", "event", "goal", "target_indicator",
                                      "event", "event", "target_indicator", "event", "section", "task", "event"]
    assert rows[0].label.endswith("қол жеткізу бойынша іс-шаралар")  # Form 2's own Section I heading
    assert rows[1].number == "1-стратегиялық бағыт" and rows[4].number == "1.1-мақсаты"
    assert events(rows) == [("1", "Іс-шара a_march", "executed"), ("2", "Іс-шара a_quarterly", "executed"),
                            ("3", "Іс-шара a_year", "in_progress"), ("4", "Іс-шара b_q1", "executed"),
                            ("6", "Іс-шара c_feb", "executed")]  # 5 (b_q3) is not due: numbers stay Form 1's
    first = next(r for r in rows if r.kind == "event")
    assert (first.executors, first.deadline, first.actual, first.reasons, first.recommendation) == (
        "a-бөлім, b-бөлім", "2026 жылғы 20 наурыз", "Орындалды 1", "", "")  # the Kazakh text
    assert first.status_label == "орындалды"


def test_only_submitted_information_enters_the_report(world):
    fill(world, 1, "a")
    assert {r.status for r in selectors.form2_rows(world.period(1), "en") if r.kind == "event"} == {""}
    submit(world, 1, "a", "2026-04-08")
    statuses = {r.label: r.status for r in selectors.form2_rows(world.period(1), "en") if r.kind == "event"}
    assert statuses["Event a_march"] == "executed" and statuses["Event b_q1"] == ""


def test_cumulative_view_is_official_and_the_quarter_view_is_offered(world):
    report_all(world, 1, "2026-04-08", status="not_executed")
    report_all(world, 2, "2026-07-08")
    cumulative = events(selectors.form2_rows(world.period(2), "en"))
    quarter = events(selectors.form2_rows(world.period(2), "en", view=selectors.QUARTER))
    assert [n for n, *_ in cumulative] == ["1", "2", "3", "4", "6", "7"]
    # the quarter alone: what fell due in II plus what was carried over from I
    assert [n for n, *_ in quarter] == ["1", "2", "3", "4", "6", "7"]
    assert {n: s for n, _, s in cumulative}["1"] == "executed"  # executed late, in II
    rows = {r.number: r for r in selectors.form2_rows(world.period(2), "en") if r.kind == "event"}
    # one line per occurrence, each from its latest submitted entry (occurrence 1 was executed late, in II)
    assert rows["2"].actual.splitlines() == ["05.04.2026: Сделано 2", "05.07.2026: Сделано 2"]
    assert (rows["2"].reasons, rows["2"].status) == ("", "executed")
    q1 = {r.number: r for r in selectors.form2_rows(world.period(1), "en") if r.kind == "event"}
    assert (q1["2"].actual, q1["2"].reasons, q1["2"].status) == ("", "Причина", "not_executed")


def test_recommendations_per_event_and_in_general(world):
    period = world.period(1)
    planner = world.users["planner"]
    services_report.save_event_recommendation(user=planner, period=period, event_id=world.events["a_march"],
                                              text_ru="Ускорить")
    services_report.save_report_texts(user=planner, period=period, general_ru="Общие", proposals_ru="Перенести срок")
    rows = {r.label: r for r in selectors.form2_rows(period, "en") if r.kind == "event"}
    assert rows["Event a_march"].recommendation == "Ускорить"
    report = Report.objects.get()
    assert (report.general_recommendations_ru, report.amendment_proposals_ru, report.updated_by) == (
        "Общие", "Перенести срок", planner)
    assert report.general_recommendations_kk == report.amendment_proposals_kk == ""  # one language may come first
    services_report.save_event_recommendation(user=planner, period=period, event_id=world.events["a_march"], text_ru="")
    assert not EventRecommendation.objects.exists()
    for user in ("head_a", "executive", "viewer"):
        with pytest.raises(PermissionDenied):
            services_report.save_report_texts(user=world.users[user], period=period, general_ru="x", proposals_ru="")


def _submit_report(world, quarter, when, hour=12):
    with time_machine.travel(at(when, hour), tick=False):
        return services_report.submit_report(user=world.users["planner"], period=world.period(quarter))


def test_report_submitted_by_the_15th_is_on_time_then_read_only(world):
    report_all(world, 1, "2026-04-08")
    report = _submit_report(world, 1, "2026-04-15", hour=23)
    assert (report.status, report.is_late, report.delay_days, report.version) == ("submitted", False, 0,
                                                                                   world.version)
    assert Notification.objects.get(recipient=world.users["executive"]).kind == "report_submitted"
    with pytest.raises(ValidationError, match="can no longer be changed"):
        services_report.save_report_texts(user=world.users["planner"], period=world.period(1), general_ru="x",
                                          proposals_ru="")
    with pytest.raises(ValidationError, match="can no longer be changed"):
        services_report.save_event_recommendation(user=world.users["planner"], period=world.period(1),
                                                  event_id=world.events["a_march"], text_ru="x")
    with pytest.raises(ValidationError, match="can no longer be changed"):
        _submit_report(world, 1, "2026-04-16")


def test_report_after_the_15th_is_flagged_late(world):
    report = _submit_report(world, 1, "2026-04-18")
    assert (report.is_late, report.delay_days) == (True, 3)
    assert Notification.objects.get(recipient=world.users["executive"]).kind == "report_submitted_late"


@pytest.mark.parametrize(("when", "hour", "late"), [("2027-01-15", 23, 0), ("2027-01-16", 0, 1)])
def test_the_fourth_quarters_report_is_due_on_15_january_next_year(world, when, hour, late):
    report = _submit_report(world, 4, when, hour=hour)
    assert (report.submitted_on.isoformat(), report.delay_days) == (when, late)


def test_units_that_have_not_submitted_are_listed(world):
    report_all(world, 1, "2026-04-08")
    UnitSubmission.objects.filter(unit=world.units["c"]).delete()
    ExecutionEntry.objects.filter(unit=world.units["c"]).update(state="draft")
    with time_machine.travel(at("2026-04-14"), tick=False):
        compiled, _ = selectors.report_page(world.period(1), "en", view="cumulative", today=date(2026, 4, 14))
    assert [(name, state) for _, name, state in compiled.pending_units] == [("Unit c", None)]
    t = {row.name: row.cells[0]["state"] for row in compiled.timeliness}
    assert t == {"Unit a": "on_time", "Unit b": "on_time", "Unit c": "overdue"}


def test_a_submitted_report_does_not_change_afterwards(world):
    report_all(world, 1, "2026-04-08")
    UnitSubmission.objects.filter(unit=world.units["c"]).delete()
    ExecutionEntry.objects.filter(unit=world.units["c"]).update(state="draft", submitted_at=None)
    _submit_report(world, 1, "2026-04-14")
    before = selectors.form2_rows(world.period(1), "en")
    submit(world, 1, "c", "2026-04-20")  # late information after the report: accepted, not in that report
    assert selectors.form2_rows(world.period(1), "en") == before
    assert UnitSubmission.objects.get(unit=world.units["c"]).is_late


def test_decisions_on_the_submitted_report(world):
    period = world.period(1)
    executive = world.users["executive"]
    with pytest.raises(ValidationError, match="submitted report"):
        services_report.record_decision(user=executive, period=period, text_ru="Рано")
    report_all(world, 1, "2026-04-08")
    _submit_report(world, 1, "2026-04-14")
    with pytest.raises(PermissionDenied):
        services_report.record_decision(user=world.users["planner"], period=period, text_ru="Не мое")
    with time_machine.travel(at("2026-04-20"), tick=False):
        plain = services_report.record_decision(user=executive, period=period, text_ru="Принять к сведению")
        amend = services_report.record_decision(
            user=executive, period=period, text_ru="Подготовить изменения", responsible_unit_id=world.units["plan"].id,
            responsible_person_id=world.users["planner"].id, due_on=date(2026, 5, 15),
            event_ids=[world.events["a_march"]], requests_amendment=True)
        with pytest.raises(ValidationError, match="past"):
            services_report.record_decision(user=executive, period=period, text_ru="x", due_on=date(2026, 4, 1))
    assert plain.created_by == executive and plain.report.period == period
    assert list(amend.events.all().values_list("pk", flat=True)) == [world.events["a_march"]]
    assert list(selectors.decisions_requesting_amendment(world.plan)) == [amend]
    assert Notification.objects.filter(kind="decision_recorded", recipient=world.users["planner"]).count() == 2


def test_decisions_name_only_this_bodys_units_people_and_events(world):
    from tests.monitoring.world import build_world

    other = build_world(2027)
    report_all(world, 1, "2026-04-08")
    _submit_report(world, 1, "2026-04-14")
    for kwargs in ({"responsible_unit_id": other.units["a"].id}, {"responsible_person_id": other.users["head_a"].id},
                   {"event_ids": [other.events["a_march"]]}):
        with time_machine.travel(at("2026-04-20"), tick=False), pytest.raises(ValidationError):
            services_report.record_decision(user=world.users["executive"], period=world.period(1), text_ru="x",
                                            **kwargs)
    assert not Decision.objects.exists()


def test_the_summary_counts_shares_by_direction_goal_indicator_and_unit(world):
    report_all(world, 1, "2026-04-08")
    ExecutionEntry.objects.filter(event_id=world.events["b_q1"]).update(status="not_executed", reasons_ru="Нет")
    compiled, _ = selectors.report_page(world.period(1), "en", view="cumulative", today=date(2026, 4, 14))
    total = compiled.summary_cumulative.total
    assert (total.due, total.executed, total.not_executed, total.not_yet_due) == (4, 3, 1, 1)
    assert total.executed_share == 75 and total.not_executed_share == 25
    assert [(c.label, c.due, c.executed) for c in compiled.summary_cumulative.directions] == [
        ("Strategic direction 1", 3, 2), ("II. Events to solve other tasks defined by the regulation of the state "
                                          "body", 1, 1)]
    assert [(c.label, c.due) for c in compiled.summary_cumulative.goals] == [("Goal 1.1", 2)]
    assert [(c.label, c.not_executed) for c in compiled.summary_cumulative.indicators] == [
        ("Goal 1.1 · Target indicator 1", 0), ("Goal 1.1 · Target indicator 2", 1)]  # placed: numbers repeat
    assert [(c.label, c.due) for c in compiled.summary_cumulative.units] == [("Unit a", 2), ("Unit b", 1),
                                                                             ("Unit c", 1)]


def test_form2_rows_take_a_fixed_number_of_queries():
    counts = []
    for n, year in ((24, 2030), (240, 2031)):
        period = big_plan(n, year)
        with CaptureQueriesContext(connection) as ctx:
            rows = selectors.form2_rows(period, "ru")
        assert len([r for r in rows if r.kind == "event"]) > n // 3
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1]
