"""The individual identification number (ИИН / ЖСН) of a citizen of Kazakhstan: 12 digits, the last one a
control digit. Checked when the body administrator records it; the signature's certificate carries the same
number (subject SERIALNUMBER «IIN…»), so a signer is recognised by it.

The control digit: the sum of the first 11 digits weighted 1…11, modulo 11; if that is 10, weighted
3,4,…,11,1,2 modulo 11; if that is 10 again, the number is not valid (it is never issued).
"""

WEIGHTS_1 = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)
WEIGHTS_2 = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)


def iin_control_digit(first11: str) -> int | None:
    """The control digit of the first 11 digits; None when no digit fits (such a number is never issued)."""
    digits = [int(c) for c in first11]
    for weights in (WEIGHTS_1, WEIGHTS_2):
        check = sum(d * w for d, w in zip(digits, weights, strict=True)) % 11
        if check != 10:
            return check
    return None


def is_valid_iin(value: str) -> bool:
    """Twelve ASCII digits whose last one is the control digit of the others."""
    if len(value) != 12 or not value.isascii() or not value.isdigit():
        return False
    return iin_control_digit(value[:11]) == int(value[11])


def mask_iin(value: str | None) -> str:
    """«850101******»: the date of birth stays, the rest is hidden (pages other than the people page)."""
    if not value:
        return ""
    return value[:6] + "*" * (len(value) - 6)


def complete_iin(first11: str) -> str:
    """The first 11 digits with their control digit (demo data and tests); ValueError when none fits."""
    digit = iin_control_digit(first11)
    if digit is None:
        raise ValueError(f"no control digit fits {first11}")
    return first11 + str(digit)
