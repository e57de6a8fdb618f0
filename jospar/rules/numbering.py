"""Official numbering of the plan's rows, derived from positions, never stored.

Form 1 numbers strategic directions 1, 2 …, goals within a direction 1.1, 1.2 …, target
indicators 1.1.1 …, macroindicators 1, 2 … through the whole plan (direction by direction), Section II
tasks 1, 2 …, and events 1, 2 … through the plan; sections are I and II. Deriving the numbers from
positions keeps them right after an amendment inserts, moves or cancels a row.

`form_numbers` is the one place that numbers a development plan's headings: every page, document,
import and report takes its numbers from it (through `planning`'s form tree), so a change of the
numbering scheme is an edit here and nowhere else. `anchor_code` turns a heading's number into the
code an import workbook names an anchor by.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

_ROMAN_STEPS = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def _pos(value: int, what: str = "position") -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"{what} must be a positive integer, not {value!r}")
    return value


def _count(value: int, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"{what} must be a non-negative integer, not {value!r}")
    return value


def direction_number(pos: int) -> str:
    return str(_pos(pos))


def macroindicator_number(pos: int) -> str:
    return str(_pos(pos))


def goal_number(direction_pos: int, goal_pos: int) -> str:
    return f"{_pos(direction_pos)}.{_pos(goal_pos)}"


def target_indicator_number(direction_pos: int, goal_pos: int, ind_pos: int) -> str:
    return f"{_pos(direction_pos)}.{_pos(goal_pos)}.{_pos(ind_pos)}"


def task_number(pos: int) -> str:
    return str(_pos(pos))


def event_numbers(count: int, start: int = 1) -> Iterator[str]:
    """ "1", "2", … for ``count`` events; ``start`` continues numbering across groups."""
    _count(count, "count")
    _pos(start, "start")
    return (str(n) for n in range(start, start + count))


def roman(n: int) -> str:
    """Roman numeral for 1..3999 (section numbers I, II; quarters I-IV)."""
    _pos(n, "number")
    if n > 3999:
        raise ValueError(f"no Roman numeral for {n}")
    out = []
    for value, letters in _ROMAN_STEPS:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


@dataclass(frozen=True, slots=True)
class DirectionNumbers:
    """The numbers under one strategic direction, in the order of its rows."""

    number: str
    macroindicators: tuple[str, ...]
    goals: tuple[str, ...]
    target_indicators: tuple[tuple[str, ...], ...]  # per goal, in the goals' order


@dataclass(frozen=True, slots=True)
class FormNumbers:
    """The numbers of a development plan's headings: Section I by direction, Section II by task."""

    directions: tuple[DirectionNumbers, ...]
    tasks: tuple[str, ...]


def form_numbers(directions: Iterable[tuple[int, Sequence[int]]], tasks: int = 0) -> FormNumbers:
    """Number a development plan of the given shape as Form 1 does.

    ``directions``: per strategic direction, in order, ``(macroindicators, indicators_per_goal)``: how
    many macroindicators it has and, for each of its goals in order, how many target indicators.
    ``tasks``: how many Section II tasks.
    """
    out = []
    macro_seq = 0  # macroindicators are numbered through the whole plan
    for d_pos, (macros, goals) in enumerate(directions, start=1):
        macro_numbers = tuple(macroindicator_number(macro_seq + m_pos)
                              for m_pos in range(1, _count(macros, "macroindicators") + 1))
        macro_seq += macros
        goal_numbers, indicator_numbers = [], []
        for g_pos, indicators in enumerate(goals, start=1):
            goal_numbers.append(goal_number(d_pos, g_pos))
            indicator_numbers.append(tuple(target_indicator_number(d_pos, g_pos, t_pos)
                                           for t_pos in range(1, _count(indicators, "indicators") + 1)))
        out.append(DirectionNumbers(direction_number(d_pos), macro_numbers, tuple(goal_numbers),
                                    tuple(indicator_numbers)))
    return FormNumbers(tuple(out), tuple(task_number(t_pos) for t_pos in range(1, _count(tasks, "tasks") + 1)))


ANCHOR_PREFIX = {"macroindicator": "M", "target_indicator": "T", "task": "II."}


def anchor_code(kind: str, number: str) -> str:
    """The code an import workbook names an event's anchor by: «M3» (macroindicator 3), «T1.2.1»
    (target indicator 1.2.1), «II.4» (the fourth Section II task)."""
    try:
        return ANCHOR_PREFIX[kind] + number
    except KeyError:
        raise ValueError(f"{kind!r} is not an anchor: expected one of {sorted(ANCHOR_PREFIX)}") from None
