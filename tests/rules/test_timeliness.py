from datetime import date

import pytest

from jospar.rules.timeliness import (
    Timeliness,
    approval_days_late,
    approval_timeliness,
    overdue_count,
    report_timeliness,
    share,
    units_count,
)

DUE = date(2026, 1, 10)


def test_approval_late_by_calendar_days_or_still_awaited():
    assert approval_days_late(DUE, date(2026, 1, 10), date(2026, 3, 1)) == 0
    assert approval_days_late(DUE, date(2026, 1, 13), date(2026, 3, 1)) == 3
    assert approval_days_late(DUE, None, date(2026, 1, 15)) == 5
    assert approval_days_late(None, None, date(2026, 1, 15)) is None
    assert approval_timeliness(DUE, date(2026, 1, 9), DUE) is Timeliness.ON_TIME
    assert approval_timeliness(DUE, date(2026, 1, 11), DUE) is Timeliness.LATE
    assert approval_timeliness(DUE, None, DUE) is Timeliness.PENDING
    assert approval_timeliness(DUE, None, date(2026, 1, 11)) is Timeliness.MISSING
    assert approval_timeliness(None, None, DUE) is Timeliness.NOT_DUE


def test_units_missing_only_once_the_tenth_has_passed():
    info_due = date(2026, 4, 10)
    before = units_count(5, 2, 1, info_due, date(2026, 4, 10))
    assert (before.missing, before.pending) == (0, 2)
    after = units_count(5, 2, 1, info_due, date(2026, 4, 11))
    assert (after.on_time, after.late, after.missing, after.pending) == (2, 1, 2, 0)
    with pytest.raises(ValueError):
        units_count(2, 2, 1, info_due, date(2026, 4, 11))


def test_report_by_the_fifteenth():
    due = date(2026, 4, 15)
    assert report_timeliness(date(2026, 4, 15), due, date(2026, 5, 1)) is Timeliness.ON_TIME
    assert report_timeliness(date(2026, 4, 16), due, date(2026, 5, 1)) is Timeliness.LATE
    assert report_timeliness(None, due, due) is Timeliness.PENDING
    assert report_timeliness(None, due, date(2026, 4, 16)) is Timeliness.MISSING


def test_overdue_decisions_and_shares():
    today = date(2026, 6, 1)
    assert overdue_count([date(2026, 5, 31), date(2026, 6, 1), date(2026, 7, 1)], today) == 1
    assert share(1, 3) == 33.3
    assert share(0, 0) is None
