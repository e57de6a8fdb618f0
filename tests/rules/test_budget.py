"""Budget program codes: lenient reading, one canonical form, precise errors."""

import csv
import re
from pathlib import Path

import pytest

from jospar.rules.budget import (
    CANONICAL_RE,
    NO_FUNDING,
    BudgetCode,
    format_budget_codes,
    is_canonical,
    parse_budget_codes,
)
from jospar.rules.errors import BudgetCodeError

B = BudgetCode


def test_no_funding_phrases():
    assert NO_FUNDING == {
        "kk": "қаржыландыруды талап етпейді",
        "ru": "не требует финансирования",
        "en": "no funding required",
    }


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("001", (B("001"),)),
        ("001 100", (B("001", "100"),)),
        ("001/100", (B("001", "100"),)),
        ("001-100", (B("001", "100"),)),
        ("001 – 100", (B("001", "100"),)),
        ("001, 005", (B("001"), B("005"))),
        ("001 100; 005 102", (B("001", "100"), B("005", "102"))),
        ("  001   100 ,005  ", (B("001", "100"), B("005"))),
        ("001\u00a0100", (B("001", "100"),)),
        ("005, 001", (B("005"), B("001"))),  # the plan's order is kept
        ("001, 001 100", (B("001"), B("001", "100"))),
    ],
)
def test_parse(text, codes):
    assert parse_budget_codes(text) == codes


@pytest.mark.parametrize(
    "text",
    [
        "не требует финансирования",
        "Не требует финансирования.",
        "қаржыландыруды талап етпейді",
        "ҚАРЖЫЛАНДЫРУДЫ ТАЛАП ЕТПЕЙДІ",
        "No funding required",
        "  не  требует   финансирования  ",
        "«не требует финансирования»",
    ],
)
def test_no_funding_in_any_language_and_case(text):
    assert parse_budget_codes(text) == ()


@pytest.mark.parametrize(
    ("text", "code", "named"),
    [
        ("", "empty", None),
        ("   ", "empty", None),
        (None, "empty", None),
        ("00A", "not_digits", "00A"),
        ("001 1O0", "not_digits", "1O0"),
        ("001, не требует финансирования", "no_funding_with_codes", None),
        ("٠٠١", "not_digits", "٠٠١"),  # Arabic-Indic digits are not budget codes
        ("01", "wrong_length", "01"),
        ("0001", "wrong_length", "0001"),
        ("001 10", "wrong_length", "10"),
        ("001,,005", "empty_part", None),
        ("001,", "empty_part", None),
        ("001/", "not_digits", None),
        ("001 100 200", "too_many_parts", "001 100 200"),
        ("001, 001", "duplicate", "001"),
        ("001 100; 001/100", "duplicate", "001 100"),
    ],
)
def test_errors(text, code, named):
    with pytest.raises(BudgetCodeError) as exc:
        parse_budget_codes(text)
    assert exc.value.code == code
    assert isinstance(exc.value, ValueError)
    assert set(exc.value.messages) == {"kk", "ru", "en"}
    if named:
        assert all(named in message for message in exc.value.messages.values())


@pytest.mark.parametrize(
    ("program", "subprogram"),
    [("1", None), ("0011", None), ("001", "1"), ("abc", None), (1, None), ("001", "")],
)
def test_budget_code_validates_itself(program, subprogram):
    with pytest.raises(BudgetCodeError):
        BudgetCode(program, subprogram)


def test_budget_code_str_and_hash():
    assert str(B("001")) == "001" and str(B("001", "100")) == "001 100"
    assert len({B("001", "100"), B("001", "100")}) == 1


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_format(lang):
    assert format_budget_codes((B("001", "100"), B("005")), lang) == "001 100, 005"
    assert format_budget_codes((), lang) == NO_FUNDING[lang]
    assert format_budget_codes([], lang) == NO_FUNDING[lang]


def test_format_rejects_unknown_language_for_no_funding():
    with pytest.raises(ValueError):
        format_budget_codes((), "de")


@pytest.mark.parametrize("text", ["001", "001 100", "001, 005", "001 100, 005 102, 007"])
def test_canonical_round_trip(text):
    codes = parse_budget_codes(text)
    assert format_budget_codes(codes) == text
    assert re.fullmatch(CANONICAL_RE, text) and is_canonical(text)


@pytest.mark.parametrize("text", ["001,005", "001/100", "01", "001 100 ", "", "001\n", "٠٠١", "не требует"])
def test_non_canonical(text):
    assert not is_canonical(text)


def test_canonical_re_is_the_documented_one():
    assert CANONICAL_RE == r"^\d{3}( \d{3})?(, \d{3}( \d{3})?)*$"


def test_every_sample_code_parses():
    with (Path(__file__).parent / "samples" / "events.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            codes = parse_budget_codes(row["budget_program_code"])
            text = format_budget_codes(codes, "kk")
            assert parse_budget_codes(text) == codes
