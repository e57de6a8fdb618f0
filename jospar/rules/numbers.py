"""Numbers as the reader writes them: indicator values, baselines, counts and units next to them.

Kazakh and Russian (and the official documents in them): a no-break space between thousands, a decimal
comma, no trailing zeros — «1 200,5», «520», never «520.0000» or «1200.5». English: «1,200.5». The space
is U+00A0, as in Django's ru formats and Jospar's kk ones (`jospar/formats/kk`), so a number never breaks
across lines. In a workbook a value stays a number; `excel_number_format` gives the format code that
shows it the same way (Excel puts the reader's separators in for `,` and `.`).
"""
from decimal import Decimal

from jospar.rules.periods import check_lang

NBSP = "\u00a0"
SEPARATORS = {"kk": (NBSP, ","), "ru": (NBSP, ","), "en": (",", ".")}

Number = Decimal | int | float | str


def _decimal(value: Number) -> Decimal:
    number = value if isinstance(value, Decimal) else Decimal(str(value).strip().replace(",", "."))
    if not number.is_finite():
        raise ValueError(f"not a finite number: {value!r}")
    normal = number.normalize()
    return normal.quantize(Decimal(1)) if normal == normal.to_integral_value() else normal


def format_number(value: Number | None, lang: str, grouping: bool = True) -> str:
    """«1 200,5» (kk, ru) or «1,200.5» (en); "" for None. Trailing zeros dropped, «-0» written «0».
    Without grouping («1200,5», «1200.5») for a form's input, which reads it back unambiguously."""
    if value is None or value == "":
        return ""
    number = _decimal(value)
    group, point = SEPARATORS[check_lang(lang)]
    sign = "-" if number < 0 else ""
    whole, _dot, fraction = f"{abs(number):f}".partition(".")
    groups: list[str] = []
    while grouping and len(whole) > 3:
        whole, groups = whole[:-3], [whole[-3:], *groups]
    text = group.join([whole, *groups])
    return f"{sign}{text}{point}{fraction}" if fraction else f"{sign}{text}"


def with_unit(value: Number | None, unit: str, lang: str) -> str:
    """A value with its unit of measure: «1 200,5 млн теңге», «85 %»; the number alone without a unit."""
    number = format_number(value, lang)
    return f"{number}{NBSP}{unit.strip()}" if number and unit.strip() else number


def excel_number_format(value: Number) -> str:
    """The cell format that shows `value` as `format_number` writes it: «#,##0» or «#,##0.0…» with
    exactly its decimals, so 520 is not shown «520,» nor 1200,5 «1 200,50»."""
    decimals = max(0, -_decimal(value).as_tuple().exponent)  # type: ignore[operator]
    return "#,##0" + ("." + "0" * decimals if decimals else "")
