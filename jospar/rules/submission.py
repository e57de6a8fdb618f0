"""When the information of a unit (§13) and the report (§15) can be submitted.

Both report on a period, so neither goes before the period has ended: the report from the day after
the period's last day; a unit's information too, except that a unit whose every item of the quarter
is already executed may hand it in early (there is nothing left to happen).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from jospar.rules.periods import ReportingPeriod
from jospar.rules.statuses import ExecutionStatus


def opens_on(period: ReportingPeriod) -> date:
    """The first day on which anything reporting on ``period`` can be submitted: the day after it ends."""
    return period.end + timedelta(days=1)


def report_submittable(period: ReportingPeriod, today: date) -> bool:
    """§15: the report on a period once the period has ended (never before)."""
    return today >= opens_on(period)


def unit_info_submittable(period: ReportingPeriod, today: date, statuses: Iterable[str | None]) -> bool:
    """§13: a unit's information once the quarter has ended, or earlier when every item is executed."""
    if today >= opens_on(period):
        return True
    statuses = list(statuses)
    return bool(statuses) and all(s == ExecutionStatus.EXECUTED for s in statuses)
