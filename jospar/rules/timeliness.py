"""Timeliness of a body's plan as the national view counts it (§6, §13, §15, §17).

The kept figures (monitoring.summary_models) hold dates and counts of what was submitted; what depends on
today — a deadline passed with nothing submitted, an approval still awaited, a decision past its due date —
is derived here, so a figure never goes stale overnight. Every function is pure.
"""
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from jospar.rules.periods import delay_days, is_overdue


class Timeliness(StrEnum):
    ON_TIME = "on_time"
    LATE = "late"
    MISSING = "missing"  # the due date has passed and nothing came
    PENDING = "pending"  # not due yet and nothing came
    NOT_DUE = "not_due"  # nothing was due (no approval asked for, no unit with anything due)


def approval_days_late(due: date | None, approved_on: date | None, today: date) -> int | None:
    """§6: days the first approval came (or is still awaited) after its due date; None when no due date."""
    if due is None:
        return None
    return delay_days(due, approved_on if approved_on is not None else today)


def approval_timeliness(due: date | None, approved_on: date | None, today: date) -> Timeliness:
    if due is None:
        return Timeliness.NOT_DUE
    if approved_on is not None:
        return Timeliness.LATE if approved_on > due else Timeliness.ON_TIME
    return Timeliness.MISSING if today > due else Timeliness.PENDING


@dataclass(frozen=True)
class UnitsCount:
    """§13: the units with anything due in a quarter, split by how their information came."""

    due: int
    on_time: int
    late: int
    missing: int  # not submitted, deadline passed
    pending: int  # not submitted, deadline not yet passed


def units_count(due: int, on_time: int, late: int, info_due_on: date, today: date) -> UnitsCount:
    """Missing are the units with something due that submitted nothing once the 10th has passed."""
    if min(due, on_time, late) < 0 or on_time + late > due:
        raise ValueError("submitted units cannot exceed the units with anything due")
    rest = due - on_time - late
    passed = today > info_due_on
    return UnitsCount(due, on_time, late, rest if passed else 0, 0 if passed else rest)


def report_timeliness(submitted_on: date | None, due_on: date, today: date) -> Timeliness:
    """§15: the report by the 15th of the month after the quarter."""
    if submitted_on is not None:
        return Timeliness.LATE if submitted_on > due_on else Timeliness.ON_TIME
    return Timeliness.MISSING if today > due_on else Timeliness.PENDING


def overdue_count(due_dates: Iterable[date], today: date) -> int:
    """§17: open decisions whose due date has passed (the due day itself is on time)."""
    return sum(1 for d in due_dates if is_overdue(d, today))


def share(part: int, whole: int) -> float | None:
    """`part` of `whole` as a percentage rounded to one decimal; None when nothing was due."""
    if whole <= 0:
        return None
    return round(100 * part / whole, 1)
