"""Official numbering of the plan's rows, derived from positions, never stored.

Form 1 numbers strategic directions 1, 2 …, goals within a direction 1.1, 1.2 …, target
indicators 1.1.1 …, macroindicators 1, 2 … within a direction, and events 1, 2 … within
their group; sections are I and II. Deriving the numbers from positions keeps them right
after an amendment inserts, moves or cancels a row.
"""

from __future__ import annotations

from collections.abc import Iterator

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


def direction_number(pos: int) -> str:
    return str(_pos(pos))


def macroindicator_number(pos: int) -> str:
    return str(_pos(pos))


def goal_number(direction_pos: int, goal_pos: int) -> str:
    return f"{_pos(direction_pos)}.{_pos(goal_pos)}"


def target_indicator_number(direction_pos: int, goal_pos: int, ind_pos: int) -> str:
    return f"{_pos(direction_pos)}.{_pos(goal_pos)}.{_pos(ind_pos)}"


def event_numbers(count: int, start: int = 1) -> Iterator[str]:
    """ "1", "2", … for ``count`` events; ``start`` continues numbering across groups."""
    if isinstance(count, bool) or not isinstance(count, int) or count < 0:
        raise ValueError(f"count must be a non-negative integer, not {count!r}")
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
