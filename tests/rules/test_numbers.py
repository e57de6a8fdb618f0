"""Numbers as the reader writes them (pure: no database, no Django)."""
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jospar.rules import excel_number_format, format_number, with_unit
from jospar.rules.numbers import NBSP


@pytest.mark.parametrize(
    ("value", "kk", "en"),
    [
        (Decimal("520.0000"), "520", "520"),
        (Decimal("1200.5000"), f"1{NBSP}200,5", "1,200.5"),
        (Decimal("1234567.25"), f"1{NBSP}234{NBSP}567,25", "1,234,567.25"),
        (Decimal("1E+3"), f"1{NBSP}000", "1,000"),
        (Decimal("0.0500"), "0,05", "0.05"),
        (Decimal("-1500"), f"-1{NBSP}500", "-1,500"),
        (Decimal("-0.0000"), "0", "0"),
        (999, "999", "999"),
        (12.5, "12,5", "12.5"),
        ("1200,50", f"1{NBSP}200,5", "1,200.5"),
    ],
)
def test_format_number(value, kk, en):
    assert format_number(value, "kk") == kk
    assert format_number(value, "ru") == kk
    assert format_number(value, "en") == en


def test_a_form_input_is_not_grouped():
    assert format_number(Decimal("1200.50"), "kk", grouping=False) == "1200,5"
    assert format_number(Decimal("1200.50"), "en", grouping=False) == "1200.5"


def test_nothing_is_an_empty_cell():
    assert format_number(None, "kk") == "" and with_unit(None, "%", "ru") == ""


def test_not_a_number_or_an_unknown_language_is_refused():
    with pytest.raises(ValueError):
        format_number(Decimal("NaN"), "kk")
    with pytest.raises(ValueError):
        format_number(1, "de")


def test_unit_follows_the_value_unbroken():
    assert with_unit(Decimal("85.00"), "%", "kk") == f"85{NBSP}%"
    assert with_unit(Decimal("1200.5"), "млн теңге", "kk") == f"1{NBSP}200,5{NBSP}млн теңге"
    assert with_unit(Decimal("3"), " ", "ru") == "3"


@pytest.mark.parametrize(
    ("value", "code"),
    [(Decimal("520.0000"), "#,##0"), (Decimal("1200.5000"), "#,##0.0"), (Decimal("0.125"), "#,##0.000"),
     (Decimal("1E+3"), "#,##0")],
)
def test_excel_shows_exactly_the_decimals(value, code):
    assert excel_number_format(value) == code


@given(st.decimals(min_value=-10**13, max_value=10**13, places=4, allow_nan=False, allow_infinity=False))
def test_the_text_reads_back_as_the_same_number(value):
    text = format_number(value, "ru")
    assert Decimal(text.replace(NBSP, "").replace(",", ".")) == value
    assert not text.endswith(("0", ",")) or "," not in text
    assert all(len(group) == 3 for group in text.lstrip("-").split(",")[0].split(NBSP)[1:])
