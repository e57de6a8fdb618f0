"""Official numbering of the plan's rows, derived from positions, never stored.

Numbers restart at each level, as Annex 1 of the Rules draws them (`../shared/domain.md` §8):
strategic directions 1, 2 …; under every direction its macroindicators 1, 2 … again
(«1-макроиндикатор», ru «Макроиндикатор 1») and its goals direction.goal (1.1, 1.2 …,
«1.1-мақсаты»); under every goal its target indicators 1, 2 … again («1-нысаналы индикатор», ru
«Целевой индикатор 1»); Section II tasks 1, 2 …; events 1, 2 … through the whole plan; sections I
and II. Deriving the numbers from positions keeps them right after an amendment inserts, moves or
cancels a row.

`form_numbers` is the one place that numbers a development plan's headings: every page, document,
import and report takes its numbers from it (through `planning`'s form tree), so a change of the
numbering scheme is an edit here and nowhere else. Since a macroindicator's or a target indicator's
number repeats under every direction or goal, `anchor_code` adds its parent's number to make the
code an import workbook names an anchor by unique: «M1.2» (direction 1's second macroindicator),
«T1.2.1» (goal 1.2's first target indicator), «II.4» (the fourth Section II task).
"""

from __future__ import annotations

import re
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
    """A macroindicator's number within its strategic direction."""
    return str(_pos(pos))


def goal_number(direction_pos: int, goal_pos: int) -> str:
    return f"{_pos(direction_pos)}.{_pos(goal_pos)}"


def target_indicator_number(pos: int) -> str:
    """A target indicator's number within its goal."""
    return str(_pos(pos))


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
    macroindicators: tuple[str, ...]  # "1", "2" … again in every direction
    goals: tuple[str, ...]  # "1.1", "1.2" …
    target_indicators: tuple[tuple[str, ...], ...]  # per goal, in the goals' order: "1", "2" … again


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
    for d_pos, (macros, goals) in enumerate(directions, start=1):
        macro_numbers = tuple(macroindicator_number(m_pos) for m_pos in range(1, _count(macros, "macroindicators") + 1))
        goal_numbers, indicator_numbers = [], []
        for g_pos, indicators in enumerate(goals, start=1):
            goal_numbers.append(goal_number(d_pos, g_pos))
            indicator_numbers.append(tuple(target_indicator_number(t_pos)
                                           for t_pos in range(1, _count(indicators, "indicators") + 1)))
        out.append(DirectionNumbers(direction_number(d_pos), macro_numbers, tuple(goal_numbers),
                                    tuple(indicator_numbers)))
    return FormNumbers(tuple(out), tuple(task_number(t_pos) for t_pos in range(1, _count(tasks, "tasks") + 1)))


ANCHOR_PREFIX = {"macroindicator": "M", "target_indicator": "T", "task": "II."}
ANCHOR_PARENT = {"macroindicator": "strategic direction", "target_indicator": "goal"}
_THROUGH_PLAN_MACRO = re.compile(r"M\d+")


def anchor_code(kind: str, number: str, parent: str = "") -> str:
    """The code an import workbook names an event's anchor by, unique in the plan: «M1.2» (macroindicator 2
    of strategic direction 1), «T1.2.1» (target indicator 1 of goal 1.2), «II.4» (the fourth Section II
    task). ``parent`` is the number of the direction (for a macroindicator) or of the goal (for a target
    indicator) it stands under; a task has none."""
    if kind not in ANCHOR_PREFIX:
        raise ValueError(f"{kind!r} is not an anchor: expected one of {sorted(ANCHOR_PREFIX)}")
    if bool(parent) != (kind in ANCHOR_PARENT):
        needs = f"the number of its {ANCHOR_PARENT[kind]}" if kind in ANCHOR_PARENT else "no parent"
        raise ValueError(f"a {kind}'s code needs {needs}, not {parent!r}")
    return ANCHOR_PREFIX[kind] + (f"{parent}.{number}" if parent else number)


def is_through_plan_code(code: str) -> bool:
    """Whether ``code`` is a macroindicator's code of the old numbering through the whole plan («M3»):
    it names no direction, so it cannot say which «3-макроиндикатор» is meant."""
    return bool(_THROUGH_PLAN_MACRO.fullmatch(code))
