"""Official numbering derived from positions, and execution statuses."""

import pytest

from jospar.rules.numbering import (
    direction_number,
    event_numbers,
    goal_number,
    macroindicator_number,
    roman,
    target_indicator_number,
)
from jospar.rules.periods import ROMAN
from jospar.rules.statuses import LABELS, ExecutionStatus, choices, is_closed, reasons_required

S = ExecutionStatus


def test_numbers():
    assert direction_number(1) == "1"
    assert macroindicator_number(2) == "2"
    assert goal_number(1, 1) == "1.1"
    assert goal_number(2, 10) == "2.10"
    assert target_indicator_number(1) == "1"  # within its goal, as Annex 1 numbers
    assert target_indicator_number(12) == "12"


@pytest.mark.parametrize("bad", [0, -1, True, 1.0, "1", None])
def test_numbers_reject_bad_positions(bad):
    for call in (
        lambda: direction_number(bad),
        lambda: macroindicator_number(bad),
        lambda: goal_number(1, bad),
        lambda: goal_number(bad, 1),
        lambda: target_indicator_number(bad),
    ):
        with pytest.raises(ValueError):
            call()


def test_event_numbers():
    assert list(event_numbers(3)) == ["1", "2", "3"]
    assert list(event_numbers(2, start=4)) == ["4", "5"]
    assert list(event_numbers(0)) == []
    for count, start in ((-1, 1), (1, 0), (True, 1), (2.0, 1)):
        with pytest.raises(ValueError):
            event_numbers(count, start)


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (1, "I"),
        (2, "II"),
        (3, "III"),
        (4, "IV"),
        (9, "IX"),
        (14, "XIV"),
        (40, "XL"),
        (1994, "MCMXCIV"),
        (3999, "MMMCMXCIX"),
    ],
)
def test_roman(n, text):
    assert roman(n) == text


def test_roman_agrees_with_quarter_numerals():
    assert {q: roman(q) for q in (1, 2, 3, 4)} == ROMAN


@pytest.mark.parametrize("bad", [0, 4000, -1, True])
def test_roman_range(bad):
    with pytest.raises(ValueError):
        roman(bad)


def test_status_values():
    assert [s.value for s in S] == ["executed", "partial", "not_executed", "in_progress"]
    assert S.EXECUTED == "executed" and f"{S.PARTIAL}" == "partial" and isinstance(S.EXECUTED, str)


@pytest.mark.parametrize(
    ("status", "kk", "ru", "en"),
    [
        (S.EXECUTED, "орындалды", "исполнено", "executed"),
        (S.PARTIAL, "ішінара орындалды", "частично исполнено", "partially executed"),
        (S.NOT_EXECUTED, "орындалмады", "не исполнено", "not executed"),
        (S.IN_PROGRESS, "орындалу үстінде", "в процессе исполнения", "in progress"),
    ],
)
def test_status_labels(status, kk, ru, en):
    assert LABELS[status] == {"kk": kk, "ru": ru, "en": en}
    assert (status.label("kk"), status.label("ru"), status.label("en")) == (kk, ru, en)


@pytest.mark.parametrize(
    ("status", "reasons", "closed"),
    [
        (S.EXECUTED, False, True),
        (S.PARTIAL, True, False),
        (S.NOT_EXECUTED, True, False),
        (S.IN_PROGRESS, False, False),
    ],
)
def test_reasons_and_closed(status, reasons, closed):
    assert reasons_required(status) is reasons and reasons_required(status.value) is reasons
    assert is_closed(status) is closed and is_closed(status.value) is closed


def test_unknown_status_raises():
    with pytest.raises(ValueError):
        reasons_required("done")
    with pytest.raises(ValueError):
        is_closed("done")


def test_choices():
    assert choices("ru") == [
        ("executed", "исполнено"),
        ("partial", "частично исполнено"),
        ("not_executed", "не исполнено"),
        ("in_progress", "в процессе исполнения"),
    ]
    assert [label for _, label in choices("kk")][0] == "орындалды"
