"""The one numbering of a development plan's headings (rules.form_numbers), as Annex 1 of the Rules numbers
them, and the import codes built on it."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jospar.rules import DirectionNumbers, FormNumbers, anchor_code, form_numbers, is_through_plan_code, task_number

# Direction 1: two macroindicators, a goal with two target indicators and a goal with none;
# direction 2: no macroindicator, one goal with three; direction 3: one macroindicator, no goal.
SHAPE = [(2, [2, 0]), (0, [3]), (1, [])]


def test_an_uneven_plan_is_numbered_as_annex_1_numbers_it():
    assert form_numbers(SHAPE, tasks=2) == FormNumbers(
        directions=(
            DirectionNumbers("1", ("1", "2"), ("1.1", "1.2"), (("1", "2"), ())),
            DirectionNumbers("2", (), ("2.1",), (("1", "2", "3"),)),
            DirectionNumbers("3", ("1",), (), ()),
        ),
        tasks=("1", "2"),
    )


def test_macroindicators_restart_at_1_in_every_direction():
    """Annex 1: «1-макроиндикатор», «2-макроиндикатор» under every strategic direction."""
    numbers = form_numbers([(2, []), (0, []), (3, [1])])
    assert [d.macroindicators for d in numbers.directions] == [("1", "2"), (), ("1", "2", "3")]


def test_target_indicators_restart_at_1_in_every_goal_and_goals_keep_their_directions_number():
    """Annex 1: under «1.1-мақсаты» and «1.2-мақсаты» alike, «1-нысаналы индикатор» … «n-нысаналы индикатор»."""
    numbers = form_numbers([(0, [2, 1]), (0, [3])])
    assert [(d.goals, d.target_indicators) for d in numbers.directions] == [
        (("1.1", "1.2"), (("1", "2"), ("1",))),
        (("2.1",), (("1", "2", "3"),)),
    ]


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
def test_every_heading_is_numbered_from_1_under_its_parent(shape, tasks):
    numbers = form_numbers(shape, tasks)
    assert len(numbers.directions) == len(shape)
    for d_pos, ((n_macros, goals), d) in enumerate(zip(shape, numbers.directions, strict=True), start=1):
        assert d.number == str(d_pos)
        assert d.macroindicators == tuple(str(n) for n in range(1, n_macros + 1))
        assert d.goals == tuple(f"{d_pos}.{g}" for g in range(1, len(goals) + 1))
        assert d.target_indicators == tuple(tuple(str(n) for n in range(1, count + 1)) for count in goals)
    assert numbers.tasks == tuple(task_number(n) for n in range(1, tasks + 1))


@given(st.lists(st.tuples(st.integers(0, 4), st.lists(st.integers(0, 4), max_size=4)), max_size=5))
def test_anchor_codes_are_unique_in_the_plan_though_numbers_repeat(shape):
    numbers = form_numbers(shape, tasks=3)
    codes = [anchor_code("task", t) for t in numbers.tasks]
    for d in numbers.directions:
        codes += [anchor_code("macroindicator", m, d.number) for m in d.macroindicators]
        for goal, indicators in zip(d.goals, d.target_indicators, strict=True):
            codes += [anchor_code("target_indicator", t, goal) for t in indicators]
    assert len(codes) == len(set(codes))


def test_anchor_codes_name_the_parent_of_a_repeating_number():
    assert anchor_code("macroindicator", "2", "1") == "M1.2"
    assert anchor_code("macroindicator", "1", "2") == "M2.1"
    assert anchor_code("target_indicator", "1", "1.2") == "T1.2.1"
    assert anchor_code("task", "4") == "II.4"


@pytest.mark.parametrize(("kind", "number", "parent"), [
    ("direction", "1", ""), ("goal", "1.1", "1"), ("event", "1", ""),  # not anchors
    ("macroindicator", "1", ""), ("target_indicator", "1", ""),  # a repeating number without its parent
    ("task", "1", "1"),  # a task stands under no direction or goal
])
def test_anchor_code_refuses_what_is_not_an_anchor_or_lacks_its_parent(kind, number, parent):
    with pytest.raises(ValueError):
        anchor_code(kind, number, parent)


@pytest.mark.parametrize(("code", "old"), [("M3", True), ("M12", True), ("M1.2", False), ("T1.2.1", False),
                                           ("II.4", False), ("M", False), ("3", False)])
def test_a_macroindicators_code_numbered_through_the_plan_is_recognised(code, old):
    assert is_through_plan_code(code) is old
