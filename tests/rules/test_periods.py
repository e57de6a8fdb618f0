"""Quarters, reporting periods and the due dates of the Rules (§6, §13, §15)."""

import dataclasses
from datetime import date

import pytest

from jospar.rules import periods
from jospar.rules.periods import (
    LANGS,
    ROMAN,
    ReportingPeriod,
    approval_due,
    check_lang,
    days_left,
    delay_days,
    is_non_working_day,
    is_overdue,
    next_working_day,
    quarter_bounds,
    quarter_of,
)
from jospar.rules.rulebook import edition_by_key

SHIFTING = dataclasses.replace(edition_by_key("mne-45-2022"), shift_to_workday=True)


def test_langs_and_roman():
    assert LANGS == ("kk", "ru", "en")
    assert ROMAN == {1: "I", 2: "II", 3: "III", 4: "IV"}


@pytest.mark.parametrize(
    ("month", "quarter"),
    [(1, 1), (2, 1), (3, 1), (4, 2), (5, 2), (6, 2), (7, 3), (8, 3), (9, 3), (10, 4), (11, 4), (12, 4)],
)
def test_quarter_of_every_month(month, quarter):
    assert quarter_of(date(2026, month, 1)) == quarter
    assert quarter_of(date(2026, month, 28)) == quarter


@pytest.mark.parametrize(
    ("quarter", "first", "last"),
    [
        (1, date(2026, 1, 1), date(2026, 3, 31)),
        (2, date(2026, 4, 1), date(2026, 6, 30)),
        (3, date(2026, 7, 1), date(2026, 9, 30)),
        (4, date(2026, 10, 1), date(2026, 12, 31)),
    ],
)
def test_quarter_bounds(quarter, first, last):
    assert quarter_bounds(2026, quarter) == (first, last)


@pytest.mark.parametrize("bad", [0, 5, -1, True, 1.0, "1"])
def test_quarter_bounds_rejects_bad_quarter(bad):
    with pytest.raises(ValueError):
        quarter_bounds(2026, bad)


def test_check_lang_normalises_and_rejects():
    assert check_lang("ru-RU") == "ru"
    assert check_lang("kk_KZ") == "kk"
    assert check_lang("EN") == "en"
    for bad in ("de", "", None):
        with pytest.raises(ValueError):
            check_lang(bad)


class TestReportingPeriod:
    def test_bounds_and_cumulative_start(self):
        p = ReportingPeriod(2026, 3)
        assert (p.start, p.end, p.cumulative_start) == (date(2026, 7, 1), date(2026, 9, 30), date(2026, 1, 1))
        assert p.contains(date(2026, 8, 15)) and not p.contains(date(2026, 10, 1))

    @pytest.mark.parametrize(("args"), [(2026, 0), (2026, 5), (0, 1), (9999, 1), ("2026", 1), (2026, True)])
    def test_rejects_impossible(self, args):
        with pytest.raises(ValueError):
            ReportingPeriod(*args)

    @pytest.mark.parametrize(
        ("quarter", "info", "report"),
        [
            (1, date(2026, 4, 10), date(2026, 4, 15)),
            (2, date(2026, 7, 10), date(2026, 7, 15)),
            (3, date(2026, 10, 10), date(2026, 10, 15)),
            (4, date(2027, 1, 10), date(2027, 1, 15)),
        ],
    )
    def test_due_dates_are_calendar_dates_by_default(self, quarter, info, report):
        p = ReportingPeriod(2026, quarter)
        assert p.info_due == p.info_due_on() == info
        assert p.report_due == p.report_due_on() == report

    def test_q4_is_due_in_january_next_year(self):
        p = ReportingPeriod(2025, 4)
        assert p.info_due == date(2026, 1, 10)  # a Saturday: not moved by default (the act's letter)
        assert p.report_due == date(2026, 1, 15)

    @pytest.mark.parametrize(
        ("quarter", "info", "report"),
        [
            (1, date(2026, 4, 10), date(2026, 4, 15)),  # Fri, Wed: working days stay
            (3, date(2026, 10, 12), date(2026, 10, 15)),  # Sat 10 Oct -> Mon 12 Oct
            (4, date(2027, 1, 11), date(2027, 1, 15)),  # Sun 10 Jan 2027 -> Mon 11 Jan
        ],
    )
    def test_shift_to_workday_moves_weekend_due_dates(self, quarter, info, report):
        p = ReportingPeriod(2026, quarter)
        assert p.info_due_on(SHIFTING) == info
        assert p.report_due_on(SHIFTING) == report

    def test_shift_applies_to_q4_in_january(self):
        # Q4 2025 information: Sat 10 Jan 2026 -> Mon 12 Jan 2026.
        assert ReportingPeriod(2025, 4).info_due_on(SHIFTING) == date(2026, 1, 12)

    def test_custom_due_days_from_edition(self):
        edition = dataclasses.replace(SHIFTING, info_due_day=5, report_due_day=31, shift_to_workday=False)
        p = ReportingPeriod(2026, 1)
        assert p.info_due_on(edition) == date(2026, 4, 5)
        assert p.report_due_on(edition) == date(2026, 4, 30)  # day 31 clamps to the month's last day

    def test_default_edition_is_the_plan_years(self, monkeypatch):
        seen = []
        original = periods.edition_for_year

        def spy(year):
            seen.append(year)
            return original(year)

        monkeypatch.setattr(periods, "edition_for_year", spy)
        assert ReportingPeriod(2025, 4).info_due == date(2026, 1, 10)
        assert seen == [2025]

    def test_edition_less_years_raise(self):
        with pytest.raises(LookupError):
            ReportingPeriod(2019, 1).info_due  # noqa: B018

    @pytest.mark.parametrize(
        ("quarter", "kk", "ru", "en"),
        [
            (1, "I тоқсан", "I квартал", "Q1"),
            (2, "II тоқсан", "II квартал", "Q2"),
            (3, "III тоқсан", "III квартал", "Q3"),
            (4, "IV тоқсан", "IV квартал", "Q4"),
        ],
    )
    def test_label(self, quarter, kk, ru, en):
        p = ReportingPeriod(2026, quarter)
        assert (p.label("kk"), p.label("ru"), p.label("en")) == (kk, ru, en)

    @pytest.mark.parametrize(
        ("quarter", "kk", "ru", "en"),
        [
            (1, "I тоқсан", "I квартал", "Q1"),
            (2, "жарты жыл", "полугодие", "half-year"),
            (3, "9 ай", "9 месяцев", "9 months"),
            (4, "жыл", "год", "year"),
        ],
    )
    def test_cumulative_label(self, quarter, kk, ru, en):
        p = ReportingPeriod(2026, quarter)
        assert (p.cumulative_label("kk"), p.cumulative_label("ru"), p.cumulative_label("en")) == (kk, ru, en)

    def test_label_rejects_unknown_language(self):
        with pytest.raises(ValueError):
            ReportingPeriod(2026, 1).label("de")

    def test_next_and_previous_cross_years(self):
        assert ReportingPeriod(2026, 4).next() == ReportingPeriod(2027, 1)
        assert ReportingPeriod(2026, 1).previous() == ReportingPeriod(2025, 4)
        assert ReportingPeriod(2026, 2).next() == ReportingPeriod(2026, 3)
        assert ReportingPeriod(2026, 2).previous() == ReportingPeriod(2026, 1)

    def test_containing_and_all_for_year(self):
        assert ReportingPeriod.containing(date(2026, 12, 31)) == ReportingPeriod(2026, 4)
        assert ReportingPeriod.containing(date(2026, 4, 1)) == ReportingPeriod(2026, 2)
        assert ReportingPeriod.all_for_year(2026) == tuple(ReportingPeriod(2026, q) for q in (1, 2, 3, 4))

    def test_ordering_hash_and_str(self):
        assert sorted([ReportingPeriod(2027, 1), ReportingPeriod(2026, 4)])[0] == ReportingPeriod(2026, 4)
        assert len({ReportingPeriod(2026, 1), ReportingPeriod(2026, 1)}) == 1
        assert str(ReportingPeriod(2026, 2)) == "2026-Q2"


class TestApprovalDue:
    @pytest.mark.parametrize(
        ("signed", "due"),
        [
            (date(2025, 12, 26), date(2026, 1, 5)),  # across the year end
            (date(2028, 2, 20), date(2028, 3, 1)),  # leap February has 29 days
            (date(2027, 2, 20), date(2027, 3, 2)),
            (date(2028, 2, 19), date(2028, 2, 29)),
            (date(2026, 1, 1), date(2026, 1, 11)),
        ],
    )
    def test_ten_calendar_days(self, signed, due):
        assert approval_due(signed) == due

    def test_edition_parameter(self):
        assert approval_due(date(2026, 1, 1), dataclasses.replace(SHIFTING, approval_days=3)) == date(
            2026, 1, 5
        )

    def test_shift_skips_weekend_and_nauryz(self):
        # 12 Mar 2026 + 10 = Sun 22 Mar; 23-25 Mar are Nauryz days off -> Thu 26 Mar.
        assert approval_due(date(2026, 3, 12), SHIFTING) == date(2026, 3, 26)
        assert approval_due(date(2026, 3, 12)) == date(2026, 3, 22)
        # 6 Dec 2026 + 10 = Independence Day (Wed 16 Dec) -> 17 Dec.
        assert approval_due(date(2026, 12, 6), SHIFTING) == date(2026, 12, 17)

    def test_before_the_first_edition(self):
        with pytest.raises(LookupError):
            approval_due(date(2019, 12, 1))


class TestCalendar:
    @pytest.mark.parametrize(
        ("d", "off"),
        [
            (date(2026, 1, 1), True),  # New Year
            (date(2026, 3, 8), True),  # Sunday and Women's Day
            (date(2026, 3, 9), True),  # observed
            (date(2026, 12, 16), True),  # Independence Day
            (date(2026, 1, 10), True),  # Saturday
            (date(2026, 1, 11), True),  # Sunday
            (date(2026, 1, 12), False),  # Monday
            (date(2026, 4, 10), False),
        ],
    )
    def test_is_non_working_day(self, d, off):
        assert is_non_working_day(d) is off

    def test_next_working_day(self):
        assert next_working_day(date(2026, 1, 12)) == date(2026, 1, 12)
        assert next_working_day(date(2026, 3, 21)) == date(2026, 3, 26)
        assert next_working_day(date(2025, 12, 31)) == date(2025, 12, 31)
        assert next_working_day(date(2026, 1, 1)) == date(2026, 1, 5)


class TestOverdue:
    def test_days_left(self):
        due = date(2026, 4, 10)
        assert days_left(due, date(2026, 4, 1)) == 9
        assert days_left(due, due) == 0
        assert days_left(due, date(2026, 4, 13)) == -3

    def test_is_overdue_without_completion(self):
        due = date(2026, 4, 10)
        assert not is_overdue(due, date(2026, 4, 9))
        assert not is_overdue(due, due)
        assert is_overdue(due, date(2026, 4, 11))

    def test_is_overdue_with_completion_ignores_today(self):
        due = date(2026, 4, 10)
        assert not is_overdue(due, date(2026, 6, 1), done_on=due)  # on the due date is on time
        assert not is_overdue(due, date(2026, 6, 1), done_on=date(2026, 4, 1))
        assert is_overdue(due, date(2026, 4, 1), done_on=date(2026, 4, 11))

    def test_delay_days(self):
        due = date(2026, 12, 31)
        assert delay_days(due, date(2026, 12, 1)) == 0
        assert delay_days(due, due) == 0
        assert delay_days(due, date(2027, 1, 10)) == 10
