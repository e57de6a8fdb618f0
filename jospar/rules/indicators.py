"""Target indicators and macroindicators: planned against actual (rules §9–§10).

The development plan gives each indicator a planned value per year; its responsible unit reports, with the
quarterly information, the actual (or estimated) value so far and, after the year, the final value. This
module decides the **achievement** (%) and the **status** of one indicator in one year at one moment.

The rule
--------
An indicator has a *polarity* — higher is better, lower is better, or a target to hit — and an
*accumulation*:

- **cumulative** (нарастающим итогом): the value counts from 1 January (kilometres built, people trained).
  By the end of quarter q a share q/4 of the year's planned value is expected: ``expected = planned × q/4``.
- **for the period** (a level: a rate, a share, an index): the value is the level reached. By the end of
  quarter q the level is expected to have moved a share q/4 of the way from the level the year starts from
  (``start``: the previous year's planned value, else the development plan's baseline) to the year's
  planned value: ``expected = start + (planned − start) × q/4``; with no start known, ``expected = planned``.

A final value (after the year) and a fourth-quarter value are compared with the year's planned value itself.

Achievement (%) compares the actual value with the expected one, rounded to one decimal:

- higher is better: ``actual / expected × 100`` (undefined when expected ≤ 0 or actual < 0);
- lower is better: ``expected / actual × 100`` (undefined when actual ≤ 0 or expected < 0);
- a target to hit: ``100 − |actual − expected| / |expected| × 100``, not below 0 (undefined when expected = 0).

``of_year`` is the same comparison with the year's planned value (how much of the year's plan is done).

The status, with the thresholds of the rulebook's edition (``Thresholds``: *achieved from* 100 %, *on track
from* 90 %, a target's *tolerance* 5 %):

- **final value** → *achieved* when the achievement is at least *achieved from* (a target: when it deviates
  from the plan by at most the tolerance), else *not achieved*. Only a final value is ever *not achieved*.
- **a quarter's value** → *achieved* only when the indicator is cumulative, higher is better, and the value
  already reaches the year's plan (it cannot fall back); else *on track* when the achievement is at least *on
  track from* (a target: deviation within the tolerance or achievement at least *on track from*), else *at risk*.
- When the achievement is undefined (zero or negative values), the plain comparison decides: the value
  meets the expected one (≥ for higher, ≤ for lower, equal for a target) → achieved / on track, else not
  achieved / at risk.
- No actual value, or no planned value for the year → *no value*.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from jospar.rules.languages import LANGS


def check_lang(lang: str) -> str:
    """As `periods.check_lang` (not imported: the rulebook imports this module, and periods the rulebook)."""
    code = (lang or "").split("-")[0].split("_")[0].lower()
    if code not in LANGS:
        raise ValueError(f"unsupported language {lang!r}; expected one of {LANGS}")
    return code


HUNDRED = Decimal(100)
ONE = Decimal(1)


class Polarity(StrEnum):
    """Which way the indicator should go."""

    HIGHER = "higher"
    LOWER = "lower"
    TARGET = "target"

    def label(self, lang: str) -> str:
        return POLARITY_LABELS[self][check_lang(lang)]


class Accumulation(StrEnum):
    """Whether a value counts from 1 January (cumulative) or is the level of the period."""

    CUMULATIVE = "cumulative"
    PERIOD = "period"

    def label(self, lang: str) -> str:
        return ACCUMULATION_LABELS[self][check_lang(lang)]


class IndicatorStatus(StrEnum):
    ACHIEVED = "achieved"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    NOT_ACHIEVED = "not_achieved"
    NO_VALUE = "no_value"

    def label(self, lang: str) -> str:
        return STATUS_LABELS[self][check_lang(lang)]


POLARITY_LABELS: dict[Polarity, dict[str, str]] = {
    Polarity.HIGHER: {"kk": "көп болған сайын жақсы", "ru": "чем больше, тем лучше", "en": "higher is better"},
    Polarity.LOWER: {"kk": "аз болған сайын жақсы", "ru": "чем меньше, тем лучше", "en": "lower is better"},
    Polarity.TARGET: {"kk": "белгілі бір мәнге жету", "ru": "достижение заданного значения",
                      "en": "a target to hit"},
}
ACCUMULATION_LABELS: dict[Accumulation, dict[str, str]] = {
    Accumulation.CUMULATIVE: {"kk": "өспелі қорытындымен", "ru": "нарастающим итогом", "en": "cumulative"},
    Accumulation.PERIOD: {"kk": "кезең үшін", "ru": "за период", "en": "for the period"},
}
STATUS_LABELS: dict[IndicatorStatus, dict[str, str]] = {
    IndicatorStatus.ACHIEVED: {"kk": "қол жеткізілді", "ru": "достигнут", "en": "achieved"},
    IndicatorStatus.ON_TRACK: {"kk": "жоспар бойынша", "ru": "в плановом режиме", "en": "on track"},
    IndicatorStatus.AT_RISK: {"kk": "қол жеткізілмеу қаупі бар", "ru": "под угрозой недостижения",
                              "en": "at risk"},
    IndicatorStatus.NOT_ACHIEVED: {"kk": "қол жеткізілмеді", "ru": "не достигнут", "en": "not achieved"},
    IndicatorStatus.NO_VALUE: {"kk": "мәні жоқ", "ru": "нет значения", "en": "no value"},
}


@dataclass(frozen=True)
class Thresholds:
    """Percentages of the rulebook's edition (a body's planning authority may tune them)."""

    achieved: int = 100  # achievement (%) from which a final value counts as achieved
    on_track: int = 90  # achievement (%) from which a quarter's value counts as on track
    tolerance: int = 5  # a target to hit: deviation (%) from the plan still counted as hitting it

    def problems(self) -> list[str]:
        """What makes them unusable, as codes: ``order`` (0 < on track ≤ achieved ≤ 1000), ``tolerance`` (0–99)."""
        found = []
        if not (0 < self.on_track <= self.achieved <= 1000):
            found.append("order")
        if not (0 <= self.tolerance < 100):
            found.append("tolerance")
        return found


@dataclass(frozen=True)
class Achievement:
    """The rule's answer for one indicator, year and moment."""

    status: IndicatorStatus
    expected: Decimal | None = None  # the value expected at this moment (the year's plan for a final value)
    percent: Decimal | None = None  # achievement against ``expected``, one decimal; None when undefined
    of_year: Decimal | None = None  # achievement against the year's planned value


def share_of_year(quarter: int | None) -> Decimal:
    """The share of the year elapsed at the end of ``quarter`` (1–4); None (a final value) is the whole year."""
    if quarter is None:
        return ONE
    if quarter not in (1, 2, 3, 4):
        raise ValueError(f"no quarter {quarter!r}")
    return Decimal(quarter) / 4


def expected_value(planned: Decimal, *, accumulation: Accumulation | str, share: Decimal,
                   start: Decimal | None = None) -> Decimal:
    """The value expected after ``share`` of the year (see the module's rule)."""
    if share >= ONE:
        return planned
    if Accumulation(accumulation) is Accumulation.CUMULATIVE:
        return planned * share
    if start is None:
        return planned
    return start + (planned - start) * share


def _round(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def percent(actual: Decimal, expected: Decimal, polarity: Polarity | str) -> Decimal | None:
    """Achievement (%) of ``actual`` against ``expected``; None when the ratio means nothing."""
    polarity = Polarity(polarity)
    if polarity is Polarity.HIGHER:
        if expected <= 0 or actual < 0:
            return None
        return _round(actual / expected * HUNDRED)
    if polarity is Polarity.LOWER:
        if actual <= 0 or expected < 0:
            return None
        return _round(expected / actual * HUNDRED)
    if expected == 0:
        return None
    return max(Decimal(0), _round(HUNDRED - abs(actual - expected) / abs(expected) * HUNDRED))


def meets(actual: Decimal, expected: Decimal, polarity: Polarity | str) -> bool:
    """The plain comparison: at least (higher), at most (lower), equal (a target)."""
    polarity = Polarity(polarity)
    if polarity is Polarity.HIGHER:
        return actual >= expected
    if polarity is Polarity.LOWER:
        return actual <= expected
    return actual == expected


def achievement(*, planned: Decimal | None, actual: Decimal | None, polarity: Polarity | str,
                accumulation: Accumulation | str, quarter: int | None = None, final: bool = False,
                baseline: Decimal | None = None, thresholds: Thresholds = Thresholds()) -> Achievement:
    """Achievement and status of one indicator in one year (the module's docstring states the rule).

    ``quarter`` is the reporting quarter of an interim value (1–4); ``final`` marks the year's final value
    (``quarter`` is then ignored). ``baseline`` is the level the year starts from (for an indicator "for the
    period"): the previous year's planned value, else the development plan's baseline.
    """
    polarity, accumulation = Polarity(polarity), Accumulation(accumulation)
    if planned is None or actual is None:
        return Achievement(IndicatorStatus.NO_VALUE)
    share = ONE if final else share_of_year(quarter)
    expected = expected_value(planned, accumulation=accumulation, share=share, start=baseline)
    pct = percent(actual, expected, polarity)
    of_year = percent(actual, planned, polarity)
    if final:
        ok = _reached(actual, planned, of_year, polarity, thresholds.achieved, thresholds)
        status = IndicatorStatus.ACHIEVED if ok else IndicatorStatus.NOT_ACHIEVED
    elif (polarity is Polarity.HIGHER and accumulation is Accumulation.CUMULATIVE
          and _reached(actual, planned, of_year, polarity, thresholds.achieved, thresholds)):
        status = IndicatorStatus.ACHIEVED
    else:
        ok = _reached(actual, expected, pct, polarity, thresholds.on_track, thresholds)
        status = IndicatorStatus.ON_TRACK if ok else IndicatorStatus.AT_RISK
    return Achievement(status, expected, pct, of_year)


def _reached(actual: Decimal, goal: Decimal, pct: Decimal | None, polarity: Polarity, level: int,
             thresholds: Thresholds) -> bool:
    if polarity is Polarity.TARGET:
        if pct is None:
            return actual == goal
        within_tolerance = pct >= HUNDRED - thresholds.tolerance
        return within_tolerance or (level < HUNDRED and pct >= level)  # a quarter: near enough is on track
    if pct is None:
        return meets(actual, goal, polarity)
    return pct >= level


LIMIT = Decimal("1e14")
QUANTUM = Decimal("0.0001")


def parse_value(text: str | Decimal | int | float | None) -> Decimal | None:
    """A value as people type it — «1 200,5», «1200.5», «-3» — to four decimals; blank gives None.
    ValueError when it is not a number the database can keep (18 digits, 4 after the point)."""
    if text is None:
        return None
    if isinstance(text, bool):
        raise ValueError("not a number")
    if isinstance(text, (int, float, Decimal)):
        raw = str(text)
    else:
        raw = "".join(str(text).split()).replace("\u00a0", "").replace(",", ".")
        if not raw:
            return None
    try:
        number = Decimal(raw)
    except ArithmeticError:
        raise ValueError(f"not a number: {text!r}") from None
    if not number.is_finite() or abs(number) >= LIMIT:
        raise ValueError(f"out of range: {text!r}")
    return number.quantize(QUANTUM, rounding=ROUND_HALF_UP)
