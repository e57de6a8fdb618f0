"""Dates that cannot be (no database)."""
from datetime import date

from jospar.rules.plan_dates import (
    DateProblem,
    DevPlanYears,
    development_plan_in_force,
    next_year_to_open,
    opened_late,
    plans_covering_the_same_years,
    proposals_due_problem,
    signed_after_its_years,
)


def test_a_development_plan_is_not_signed_after_its_last_year():
    assert signed_after_its_years(date(2029, 1, 1), 2028)
    assert not signed_after_its_years(date(2028, 12, 31), 2028)
    assert not signed_after_its_years(date(2023, 12, 20), 2028)  # signed before it starts: the usual case


def test_two_plans_for_the_same_years_unless_editions_of_one():
    plan = DevPlanYears(1, 2024, 2028)
    edition2 = DevPlanYears(2, 2024, 2029, edition=2)
    other = DevPlanYears(3, 2026, 2030)
    later = DevPlanYears(4, 2029, 2033)
    assert plans_covering_the_same_years(plan, [plan, edition2, other, later]) == [other]
    assert plans_covering_the_same_years(later, [plan, edition2, other]) == [edition2, other]


def test_proposals_are_due_before_the_plan_must_be_approved():
    today, approval = date(2026, 11, 20), date(2026, 11, 30)
    assert proposals_due_problem(date(2026, 11, 27), approval, today) is None
    assert proposals_due_problem(date(2026, 11, 30), approval, today) is None  # the due day itself is in time
    assert proposals_due_problem(date(2026, 12, 1), approval, today) == DateProblem.PROPOSALS_AFTER_APPROVAL
    assert proposals_due_problem(date(2026, 11, 19), approval, today) == DateProblem.PROPOSALS_IN_THE_PAST


def test_a_year_opened_after_its_approval_due_date_is_late_but_allowed():
    approval = date(2026, 11, 30)
    assert opened_late(approval, date(2026, 12, 1))
    assert not opened_late(approval, date(2026, 11, 30))
    # proposals can only be due after an approval date that has passed: no refusal then, the plan is late
    assert proposals_due_problem(date(2026, 12, 10), approval, date(2026, 12, 5)) is None


def test_the_next_year_not_yet_opened_is_suggested():
    today = date(2026, 12, 1)
    assert next_year_to_open(today, set()) == 2027
    assert next_year_to_open(today, {2026, 2027}) == 2028
    assert next_year_to_open(today, {2026, 2028}) == 2027


def test_the_development_plan_in_force_for_a_year():
    first = DevPlanYears(1, 2024, 2028, 1, date(2023, 12, 20))
    second = DevPlanYears(2, 2024, 2028, 2, date(2026, 11, 20))
    next_plan = DevPlanYears(3, 2029, 2033, 1, date(2028, 12, 1))
    assert development_plan_in_force(2027, [first, second, next_plan]) == second
    assert development_plan_in_force(2030, [first, second, next_plan]) == next_plan
    assert development_plan_in_force(2040, [first, second, next_plan]) is None
