"""The one numbering of a development plan's headings (rules.form_numbers) and the import codes built on it."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jospar.rules import DirectionNumbers, FormNumbers, anchor_code, form_numbers, task_number

# Direction 1: two macroindicators, a goal with two target indicators and a goal with none;
# direction 2: no macroindicator, one goal with three; direction 3: one macroindicator, no goal.
SHAPE = [(2, [2, 0]), (0, [3]), (1, [])]


def test_an_uneven_plan_is_numbered_as_form1_numbers_it():
    assert form_numbers(SHAPE, tasks=2) == FormNumbers(
        directions=(
            DirectionNumbers("1", ("1", "2"), ("1.1", "1.2"), (("1.1.1", "1.1.2"), ())),
            DirectionNumbers("2", (), ("2.1",), (("2.1.1", "2.1.2", "2.1.3"),)),
            DirectionNumbers("3", ("3",), (), ()),
        ),
        tasks=("1", "2"),
    )


def test_macroindicators_run_through_the_whole_plan_direction_by_direction():
    numbers = form_numbers([(1, []), (0, []), (3, [1])])
    assert [d.macroindicators for d in numbers.directions] == [("1",), (), ("2", "3", "4")]


def test_an_empty_plan_has_no_numbers():
    assert form_numbers([]) == FormNumbers((), ())
    assert form_numbers([], tasks=3).tasks == ("1", "2", "3")


def test_the_shape_may_be_any_iterable_and_the_goals_any_sequence():
    assert form_numbers(iter([(0, (1,))])) == form_numbers([(0, [1])])


@pytest.mark.parametrize("bad", [-1, True, 1.5, "2", None])
def test_counts_must_be_whole_and_not_negative(bad):
    for shape, tasks in (([(bad, [])], 0), ([(0, [bad])], 0), ([], bad)):
        with pytest.raises(ValueError):
            form_numbers(shape, tasks)


@given(st.lists(st.tuples(st.integers(0, 4), st.lists(st.integers(0, 4), max_size=4)), max_size=5),
       st.integers(0, 6))
def test_every_heading_is_numbered_once_and_children_carry_their_parents_number(shape, tasks):
    numbers = form_numbers(shape, tasks)
    assert len(numbers.directions) == len(shape)
    macros = [m for d in numbers.directions for m in d.macroindicators]
    assert macros == [str(n) for n in range(1, sum(m for m, _g in shape) + 1)]
    for (n_macros, goals), d in zip(shape, numbers.directions, strict=True):
        assert len(d.macroindicators) == n_macros
        assert [len(t) for t in d.target_indicators] == list(goals)
        for goal, indicators in zip(d.goals, d.target_indicators, strict=True):
            assert goal.startswith(d.number + ".")
            assert all(t.startswith(goal + ".") for t in indicators)
    assert numbers.tasks == tuple(task_number(n) for n in range(1, tasks + 1))


def test_anchor_codes():
    assert anchor_code("macroindicator", "3") == "M3"
    assert anchor_code("target_indicator", "1.2.1") == "T1.2.1"
    assert anchor_code("task", "4") == "II.4"
    for kind in ("direction", "goal", "event"):
        with pytest.raises(ValueError):
            anchor_code(kind, "1")
