"""Structured deadlines of plan events and the periods in which they fall due.

A deadline is data, not a sentence (domain.md §7): knowing its kind lets the system say
which events must be reported in a quarter, and generate the official kk/ru wording
so that the two languages of the plan never disagree.

Recurring deadlines have one occurrence per due date; each occurrence is attributed
to a quarter of the plan year (a quarterly deadline "by the 5th of the month after the
quarter" falls due on 5 January next year for Q4 but is still Q4's occurrence), and a
recurring event gets one execution entry per occurrence.
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any, TypeVar

from jospar.rules.errors import DeadlineError
from jospar.rules.periods import (
    ReportingPeriod,
    day_in_month,
    month_end,
    next_month,
    quarter_bounds,
    quarter_of,
)
from jospar.rules.wording import format_deadline, parse_fields


class DeadlineKind(StrEnum):
    """Kinds of deadline seen in real plans (domain.md §7); a StrEnum, so values compare as str."""

    DATE = "date"
    MONTH = "month"
    QUARTER = "quarter"
    YEARLY = "yearly"
    HALF_YEARLY = "half_yearly"
    QUARTERLY = "quarterly"
    MONTHLY = "monthly"
    WITHIN_YEAR = "within_year"


_FIELDS = ("date", "month", "quarter", "day")
# kind -> (required fields, optional fields)
_SHAPE: dict[DeadlineKind, tuple[frozenset[str], frozenset[str]]] = {
    DeadlineKind.DATE: (frozenset({"date"}), frozenset()),
    DeadlineKind.MONTH: (frozenset({"month"}), frozenset()),
    DeadlineKind.QUARTER: (frozenset({"quarter"}), frozenset()),
    DeadlineKind.YEARLY: (frozenset({"month", "day"}), frozenset()),
    DeadlineKind.HALF_YEARLY: (frozenset(), frozenset()),
    DeadlineKind.QUARTERLY: (frozenset(), frozenset({"day"})),
    DeadlineKind.MONTHLY: (frozenset(), frozenset({"day"})),
    DeadlineKind.WITHIN_YEAR: (frozenset(), frozenset()),
}
_FIELD_NAMES = {
    "date": {"kk": "күні", "ru": "дата", "en": "date"},
    "month": {"kk": "ай", "ru": "месяц", "en": "month"},
    "quarter": {"kk": "тоқсан", "ru": "квартал", "en": "quarter"},
    "day": {"kk": "күн", "ru": "число", "en": "day"},
}


def _error(code: str, name: str | None = None, value: object = None) -> DeadlineError:
    n = _FIELD_NAMES.get(name or "", {"kk": "", "ru": "", "en": ""})
    texts = {
        "unknown_kind": (
            "Мерзім түрі белгісіз: {v}",
            "Неизвестный вид срока: {v}",
            "Unknown deadline kind: {v}",
        ),
        "unknown_field": ("Белгісіз өріс: {v}", "Неизвестное поле: {v}", "Unknown field: {v}"),
        "missing_field": (
            "Бұл мерзім түрі үшін «{kk}» көрсетілуі керек",
            "Для этого вида срока нужно указать «{ru}»",
            "This kind of deadline needs a {en}",
        ),
        "extra_field": (
            "Бұл мерзім түрінде «{kk}» болмауы керек",
            "У этого вида срока не бывает поля «{ru}»",
            "This kind of deadline has no {en}",
        ),
        "bad_type": (
            "«{kk}» өрісінің мәні дұрыс емес: {v}",
            "Неверное значение поля «{ru}»: {v}",
            "Invalid {en}: {v}",
        ),
        "bad_date": ("Күн дұрыс емес: {v}", "Неверная дата: {v}", "Invalid date: {v}"),
        "month_range": (
            "Ай 1-ден 12-ге дейін болуы керек, ал берілгені: {v}",
            "Месяц должен быть от 1 до 12, указано: {v}",
            "Month must be 1..12, not {v}",
        ),
        "quarter_range": (
            "Тоқсан 1-ден 4-ке дейін болуы керек, ал берілгені: {v}",
            "Квартал должен быть от 1 до 4, указано: {v}",
            "Quarter must be 1..4, not {v}",
        ),
        "day_range": (
            "Күн 1-ден 31-ге дейін болуы керек, ал берілгені: {v}",
            "Число должно быть от 1 до 31, указано: {v}",
            "Day must be 1..31, not {v}",
        ),
        "impossible_day": (
            "Мұндай күн жоқ: {v}",
            "Такого числа в этом месяце нет: {v}",
            "No such day in that month: {v}",
        ),
    }[code]
    fmt = {"v": value, **n}
    messages = {lang: t.format(**fmt) for lang, t in zip(("kk", "ru", "en"), texts, strict=True)}
    return DeadlineError(code, messages)


_T = TypeVar("_T")


def _given(value: _T | None, name: str) -> _T:
    """A field that the kind requires (``validate`` has checked it is there)."""
    if value is None:
        raise _error("missing_field", name)
    return value


def _is_int(v: object) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


@dataclass(frozen=True)
class Occurrence:
    """One due date of a deadline in a plan year, attributed to a quarter; ``index`` counts from 1."""

    quarter: int
    due: date
    index: int


@dataclass(frozen=True)
class Deadline:
    """An event's deadline. The constructor does not validate (forms show every error at once);
    call ``validate()`` or build it with ``parse_dict``."""

    kind: DeadlineKind
    date: date | None = None
    month: int | None = None
    quarter: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if isinstance(self.kind, str) and self.kind in DeadlineKind._value2member_map_:
            object.__setattr__(self, "kind", DeadlineKind(self.kind))

    # ---- validity and (de)serialisation --------------------------------------------------

    def validate(self) -> Deadline:
        """Raise DeadlineError unless the fields fit the kind; return self for chaining."""
        if not isinstance(self.kind, DeadlineKind):
            raise _error("unknown_kind", value=self.kind)
        required, optional = _SHAPE[self.kind]
        for name in _FIELDS:
            value = getattr(self, name)
            if value is None and name in required:
                raise _error("missing_field", name)
            if value is not None and name not in required | optional:
                raise _error("extra_field", name, value)
        if self.date is not None and (type(self.date) is not date):
            raise _error("bad_type", "date", self.date)
        for name in ("month", "quarter", "day"):
            value = getattr(self, name)
            if value is not None and not _is_int(value):
                raise _error("bad_type", name, value)
        if self.month is not None and not 1 <= self.month <= 12:
            raise _error("month_range", "month", self.month)
        if self.quarter is not None and not 1 <= self.quarter <= 4:
            raise _error("quarter_range", "quarter", self.quarter)
        if self.day is not None and not 1 <= self.day <= 31:
            raise _error("day_range", "day", self.day)
        # 29 February is a real yearly deadline (it becomes 28 February in common years).
        if self.kind is DeadlineKind.YEARLY and (
            _given(self.day, "day") > calendar.monthrange(2000, _given(self.month, "month"))[1]
        ):
            raise _error("impossible_day", "day", f"{self.day}.{self.month:02d}")
        return self

    @property
    def is_valid(self) -> bool:
        try:
            self.validate()
        except DeadlineError:
            return False
        return True

    def to_dict(self) -> dict[str, Any]:
        """JSON-friendly form, only the fields the kind uses: {"kind": "quarter", "quarter": 4}."""
        out: dict[str, Any] = {"kind": str(self.kind)}
        for name in _FIELDS:
            value = getattr(self, name)
            if value is not None:
                out[name] = value.isoformat() if name == "date" else value
        return out

    @classmethod
    def parse_dict(cls, data: Mapping[str, Any]) -> Deadline:
        """The validated deadline of a ``to_dict`` mapping (ISO date strings, int or digit strings)."""
        if not isinstance(data, Mapping):
            raise _error("bad_type", value=data)
        unknown = sorted(set(data) - {"kind", *_FIELDS})
        if unknown:
            raise _error("unknown_field", value=", ".join(map(str, unknown)))
        kind = data.get("kind")
        if not isinstance(kind, str) or kind not in DeadlineKind._value2member_map_:
            raise _error("unknown_kind", value=kind)
        values: dict[str, Any] = {}
        raw = data.get("date")
        if isinstance(raw, str):
            try:
                raw = date.fromisoformat(raw)
            except ValueError:
                raise _error("bad_date", "date", raw) from None
        values["date"] = raw
        for name in ("month", "quarter", "day"):
            raw = data.get(name)
            if isinstance(raw, str) and raw.strip().isdecimal() and raw.strip().isascii():
                raw = int(raw)
            values[name] = raw
        return cls(DeadlineKind(kind), **values).validate()

    # ---- due dates ----------------------------------------------------------------------

    def occurrences(self, year: int) -> list[Occurrence]:
        """The due dates in the plan year ``year`` (domain.md §7), in order.

        A date outside the plan year has no occurrence in it. Due dates after the quarter
        (quarterly/monthly "by the Nth of the following month") may fall in January next year.
        """
        self.validate()
        k, out = self.kind, list[tuple[int, date]]()
        if k is DeadlineKind.DATE:
            when = _given(self.date, "date")
            if when.year == year:
                out.append((quarter_of(when), when))
        elif k is DeadlineKind.MONTH:
            month = _given(self.month, "month")
            out.append((quarter_of(date(year, month, 1)), month_end(year, month)))
        elif k is DeadlineKind.QUARTER:
            quarter = _given(self.quarter, "quarter")
            out.append((quarter, quarter_bounds(year, quarter)[1]))
        elif k is DeadlineKind.YEARLY:
            due = day_in_month(year, _given(self.month, "month"), _given(self.day, "day"))
            out.append((quarter_of(due), due))
        elif k is DeadlineKind.HALF_YEARLY:
            out += [(2, date(year, 6, 30)), (4, date(year, 12, 31))]
        elif k is DeadlineKind.QUARTERLY:
            for q in (1, 2, 3, 4):
                out.append((q, self._after(year, q * 3)))
        elif k is DeadlineKind.MONTHLY:
            for m in range(1, 13):
                out.append((quarter_of(date(year, m, 1)), self._after(year, m)))
        else:  # WITHIN_YEAR
            out.append((4, date(year, 12, 31)))
        return [Occurrence(q, due, i) for i, (q, due) in enumerate(out, start=1)]

    # ``datetime.date``: inside the class ``date`` names the field
    def _after(self, year: int, month: int) -> datetime.date:
        """End of ``month`` or, with ``day``, that day of the next month (clamped: 31 -> 30 April)."""
        if self.day is None:
            return month_end(year, month)
        return day_in_month(*next_month(year, month), self.day)

    def first_due(self, year: int) -> datetime.date | None:
        occ = self.occurrences(year)
        return occ[0].due if occ else None

    def occurrences_in(self, period: ReportingPeriod) -> list[Occurrence]:
        """Occurrences attributed to the period's quarter (the period's year is the plan year)."""
        return [o for o in self.occurrences(period.year) if o.quarter == period.quarter]

    def falls_due_in(self, period: ReportingPeriod) -> bool:
        return bool(self.occurrences_in(period))

    def not_yet_due_in(self, period: ReportingPeriod) -> bool:
        """Every occurrence of the plan year is attributed to a later quarter (status: in progress)."""
        occ = self.occurrences(period.year)
        return bool(occ) and occ[0].quarter > period.quarter

    def in_progress_in(self, period: ReportingPeriod) -> bool:
        """«Within the year» is worked on all year: reportable as in progress in Q1-Q3.

        Other kinds not yet due are simply not reported (``not_yet_due_in``), so a Q4 event does
        not clutter the units' Q1 information.
        """
        self.validate()
        return self.kind is DeadlineKind.WITHIN_YEAR and period.quarter < 4

    def reportable_in(self, period: ReportingPeriod) -> bool:
        """Units report on it in this period: it falls due there or is in progress."""
        return self.falls_due_in(period) or self.in_progress_in(period)

    # ---- wording ------------------------------------------------------------------------

    def wording(self, lang: str, year: int | None = None) -> str:
        """The official wording (domain.md §6); ``year`` adds the year to a month or a quarter."""
        self.validate()
        return format_deadline(
            self.kind,
            lang=lang,
            date_=self.date,
            month=self.month,
            quarter=self.quarter,
            day=self.day,
            year=year,
        )

    @classmethod
    def parse_wording(cls, text: str, lang: str | None = None) -> Deadline:
        return parse_wording(text, lang)


def parse_wording(text: str, lang: str | None = None) -> Deadline:
    """Best-effort inverse of ``Deadline.wording`` for importers; ``lang`` None tries kk, ru, en.

    Raises DeadlineError ("unrecognised_wording", "bad_date" or a validation code).
    """
    fields = parse_fields(text, lang)
    return Deadline(DeadlineKind(fields.pop("kind")), **fields).validate()
