"""Quarters, reporting periods and the due dates the Rules attach to them.

The act counts calendar days (§6: approval within 10 days; §13/§15: information by the
10th and the report by the 15th of the month after the quarter). Whether a due date
falling on a weekend or Kazakh public holiday moves to the next working day is an
edition option (``Edition.shift_to_workday``), off by default, the act's letter.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import holidays

from jospar.rules.languages import LANGS
from jospar.rules.rulebook import Edition, edition_for, edition_for_year

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}

_QUARTER_WORD = {"kk": "{r} тоқсан", "ru": "{r} квартал", "en": "Q{n}"}
_CUMULATIVE = {
    "kk": ("I тоқсан", "жарты жыл", "9 ай", "жыл"),
    "ru": ("I квартал", "полугодие", "9 месяцев", "год"),
    "en": ("Q1", "half-year", "9 months", "year"),
}


def check_lang(lang: str) -> str:
    """Normalise a language code ("ru-RU" -> "ru"); ValueError for a language we do not speak."""
    code = (lang or "").split("-")[0].split("_")[0].lower()
    if code not in LANGS:
        raise ValueError(f"unsupported language {lang!r}; expected one of {LANGS}")
    return code


def quarter_of(d: date) -> int:
    """The quarter (1..4) holding ``d``."""
    return (d.month - 1) // 3 + 1


def _check_quarter(quarter: int) -> None:
    if isinstance(quarter, bool) or not isinstance(quarter, int) or not 1 <= quarter <= 4:
        raise ValueError(f"quarter must be 1..4, not {quarter!r}")


def quarter_bounds(year: int, quarter: int) -> tuple[date, date]:
    """First and last day of the quarter."""
    _check_quarter(quarter)
    last_month = quarter * 3
    return date(year, last_month - 2, 1), date(year, last_month, calendar.monthrange(year, last_month)[1])


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def day_in_month(year: int, month: int, day: int) -> date:
    """``day`` of the month, clamped to its last day (31 -> 30 April, 29 Feb -> 28 Feb)."""
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def next_month(year: int, month: int) -> tuple[int, int]:
    return (year + 1, 1) if month == 12 else (year, month + 1)


@lru_cache(maxsize=64)
def _kz_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("KZ", years=year))


def is_non_working_day(d: date) -> bool:
    """Saturday, Sunday or a public holiday of Kazakhstan (incl. the package's observed days)."""
    return d.weekday() >= 5 or d in _kz_holidays(d.year)


def next_working_day(d: date) -> date:
    """``d`` itself when it is a working day, else the first working day after it."""
    while is_non_working_day(d):
        d += timedelta(days=1)
    return d


def apply_edition_shift(due: date, edition: Edition) -> date:
    """Move ``due`` off a non-working day if the edition says so; calendar date otherwise."""
    return next_working_day(due) if edition.shift_to_workday else due


@dataclass(frozen=True, order=True)
class ReportingPeriod:
    """A reporting quarter of a plan year. The official report is cumulative from 1 January."""

    year: int
    quarter: int

    def __post_init__(self) -> None:
        _check_quarter(self.quarter)
        if isinstance(self.year, bool) or not isinstance(self.year, int) or not 1 <= self.year <= 9998:
            raise ValueError(f"year must be 1..9998, not {self.year!r}")

    @property
    def start(self) -> date:
        return quarter_bounds(self.year, self.quarter)[0]

    @property
    def end(self) -> date:
        return quarter_bounds(self.year, self.quarter)[1]

    @property
    def cumulative_start(self) -> date:
        return date(self.year, 1, 1)

    def _due(self, day: int, edition: Edition) -> date:
        y, m = next_month(self.year, self.quarter * 3)
        return apply_edition_shift(day_in_month(y, m, day), edition)

    def info_due_on(self, edition: Edition | None = None) -> date:
        """§13: units' information, by ``info_due_day`` of the month after the quarter."""
        edition = edition or edition_for_year(self.year)
        return self._due(edition.info_due_day, edition)

    def report_due_on(self, edition: Edition | None = None) -> date:
        """§15: the monitoring unit's report, by ``report_due_day`` of the month after the quarter."""
        edition = edition or edition_for_year(self.year)
        return self._due(edition.report_due_day, edition)

    @property
    def info_due(self) -> date:
        return self.info_due_on()

    @property
    def report_due(self) -> date:
        return self.report_due_on()

    def label(self, lang: str) -> str:
        """The quarter: «I тоқсан» / «I квартал» / «Q1»."""
        return _QUARTER_WORD[check_lang(lang)].format(r=ROMAN[self.quarter], n=self.quarter)

    def cumulative_label(self, lang: str) -> str:
        """The cumulative period of the official report: I quarter, half-year, 9 months, year."""
        return _CUMULATIVE[check_lang(lang)][self.quarter - 1]

    def report_period_label(self, lang: str, *, cumulative: bool = True) -> str | None:
        """The reporting period a Form 2 title names: the quarter, or the cumulative period; None for the
        whole year (the year alone is the period: «за 2026 год», not «за 2026 год (год)»)."""
        if not cumulative:
            return self.label(lang)
        return None if self.quarter == 4 else self.cumulative_label(lang)

    def next(self) -> ReportingPeriod:
        if self.quarter == 4:
            return ReportingPeriod(self.year + 1, 1)
        return ReportingPeriod(self.year, self.quarter + 1)

    def previous(self) -> ReportingPeriod:
        if self.quarter == 1:
            return ReportingPeriod(self.year - 1, 4)
        return ReportingPeriod(self.year, self.quarter - 1)

    def contains(self, d: date) -> bool:
        return self.start <= d <= self.end

    @classmethod
    def containing(cls, d: date) -> ReportingPeriod:
        return cls(d.year, quarter_of(d))

    @classmethod
    def all_for_year(cls, year: int) -> tuple[ReportingPeriod, ...]:
        return tuple(cls(year, q) for q in (1, 2, 3, 4))

    def __str__(self) -> str:
        return f"{self.year}-Q{self.quarter}"


def approval_due(signed_on: date, edition: Edition | None = None) -> date:
    """§6: the plan is approved within ``approval_days`` calendar days of the development plan's signing.

    Default edition: the one in force on the signing day (LookupError before 2020-02-15); pass
    ``edition_for_year(plan_year)`` to apply the plan year's edition instead.
    """
    edition = edition or edition_for(signed_on)
    return apply_edition_shift(signed_on + timedelta(days=edition.approval_days), edition)


def days_left(due: date, today: date) -> int:
    """Calendar days until ``due``: 0 on the due day, negative once overdue."""
    return (due - today).days


def is_overdue(due: date, today: date, done_on: date | None = None) -> bool:
    """Late if done after the due date, or not done and the due date has passed (the due day is on time)."""
    if done_on is not None:
        return done_on > due
    return today > due


def delay_days(due: date, done_on: date) -> int:
    """Calendar days of delay; 0 when done on or before the due date."""
    return max(0, (done_on - due).days)
