"""Dates that cannot be: the checks on a development plan's and an operational plan's dates (§6).

§2: one operational plan a year, tied to the development plan in force for it (`development_plan_in_force`).

Pure functions, no Django: the services and forms ask here, and say why in the user's language.
"after" is strictly later (the due day itself is on time), as `periods.is_overdue` counts it.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from itertools import count


class DateProblem(StrEnum):
    SIGNED_AFTER_ITS_YEARS = "signed_after_its_years"  # a development plan signed after its own last year
    YEARS_TAKEN = "years_taken"  # another development plan (not an edition of this one) covers these years
    PROPOSALS_IN_THE_PAST = "proposals_in_the_past"
    PROPOSALS_AFTER_APPROVAL = "proposals_after_approval"  # units' proposals due after the plan's approval due


@dataclass(frozen=True)
class DevPlanYears:
    """What the checks need of a development plan: its identity (first year) and years, edition, signing."""

    key: int
    year_from: int
    year_to: int
    edition: int = 1
    signed_on: date | None = None


def signed_after_its_years(signed_on: date, year_to: int) -> bool:
    """A development plan signed after 31 December of its own last year cannot be."""
    return signed_on.year > year_to


def years_overlap(a_from: int, a_to: int, b_from: int, b_to: int) -> bool:
    return a_from <= b_to and b_from <= a_to


def plans_covering_the_same_years(plan: DevPlanYears, others: list[DevPlanYears]) -> list[DevPlanYears]:
    """Other development plans, not editions of `plan` (editions share the first year), for some of its years."""
    return [o for o in others if o.key != plan.key and o.year_from != plan.year_from
            and years_overlap(plan.year_from, plan.year_to, o.year_from, o.year_to)]


def proposals_due_problem(proposals_due: date, approval_due: date, today: date) -> DateProblem | None:
    """Units' proposals are due today or later, and not after the plan must be approved (§6). When the
    approval due date has already passed (a year opened late), only the first rule holds: the plan is
    flagged late instead."""
    if proposals_due < today:
        return DateProblem.PROPOSALS_IN_THE_PAST
    if approval_due >= today and proposals_due > approval_due:
        return DateProblem.PROPOSALS_AFTER_APPROVAL
    return None


def opened_late(approval_due: date, today: date) -> bool:
    """Opening a year whose approval due date has already passed: allowed, but the plan is late from day one."""
    return today > approval_due


def next_year_to_open(today: date, opened_years: set[int]) -> int:
    """The first year after the current one that has no operational plan yet."""
    return next(year for year in count(today.year + 1) if year not in opened_years)


def development_plan_in_force(year: int, plans: list[DevPlanYears]) -> DevPlanYears | None:
    """The edition in force for `year`: of the plans covering it, the latest edition, then the latest signed."""
    covering = [p for p in plans if p.year_from <= year <= p.year_to]
    return max(covering, key=lambda p: (p.edition, p.signed_on or date.min, p.key), default=None)
