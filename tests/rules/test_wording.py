"""Official wording of deadlines in kk/ru/en (domain.md §6) and reading it back for imports."""

import csv
from datetime import date
from pathlib import Path

import pytest

from jospar.rules.deadlines import Deadline, DeadlineKind, parse_wording
from jospar.rules.errors import DeadlineError
from jospar.rules.wording import (
    KK_MONTHS,
    KK_MONTHS_DATIVE,
    RU_MONTHS,
    RU_MONTHS_GENITIVE,
    en_ordinal,
    format_deadline,
    normalize,
)

K = DeadlineKind
SAMPLES = Path(__file__).parent / "samples" / "events.csv"
SHARED_SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "samples" / "events.csv"

WORDINGS = [
    (Deadline(K.DATE, date=date(2026, 7, 1)), "2026 жылғы 1 шілде", "1 июля 2026 года", "1 July 2026"),
    (
        Deadline(K.DATE, date=date(2025, 12, 1)),
        "2025 жылғы 1 желтоқсан",
        "1 декабря 2025 года",
        "1 December 2025",
    ),
    (Deadline(K.MONTH, month=9), "қыркүйек", "сентябрь", "September"),
    (Deadline(K.QUARTER, quarter=1), "I тоқсан", "I квартал", "Q1"),
    (Deadline(K.QUARTER, quarter=2), "II тоқсан", "II квартал", "Q2"),
    (Deadline(K.QUARTER, quarter=3), "III тоқсан", "III квартал", "Q3"),
    (Deadline(K.QUARTER, quarter=4), "IV тоқсан", "IV квартал", "Q4"),
    (
        Deadline(K.YEARLY, month=12, day=20),
        "жыл сайын, 20 желтоқсанға дейін",
        "ежегодно, до 20 декабря",
        "annually, by 20 December",
    ),
    (
        Deadline(K.YEARLY, month=6, day=1),
        "жыл сайын, 1 маусымға дейін",
        "ежегодно, до 1 июня",
        "annually, by 1 June",
    ),
    (Deadline(K.HALF_YEARLY), "жарты жыл сайын", "раз в полугодие", "half-yearly"),
    (Deadline(K.QUARTERLY), "тоқсан сайын", "ежеквартально", "quarterly"),
    (
        Deadline(K.QUARTERLY, day=5),
        "тоқсан сайын, есепті тоқсаннан кейінгі айдың 5-күніне дейін",
        "ежеквартально, до 5 числа месяца, следующего за отчетным кварталом",
        "quarterly, by the 5th of the month after the quarter",
    ),
    (Deadline(K.MONTHLY), "ай сайын", "ежемесячно", "monthly"),
    (
        Deadline(K.MONTHLY, day=5),
        "ай сайын, есепті айдан кейінгі айдың 5-күніне дейін",
        "ежемесячно, до 5 числа месяца, следующего за отчетным",
        "monthly, by the 5th of the following month",
    ),
    (Deadline(K.WITHIN_YEAR), "жыл ішінде", "в течение года", "within the year"),
]


@pytest.mark.parametrize(("deadline", "kk", "ru", "en"), WORDINGS, ids=lambda v: str(v))
def test_wording_in_three_languages(deadline, kk, ru, en):
    assert (deadline.wording("kk"), deadline.wording("ru"), deadline.wording("en")) == (kk, ru, en)


@pytest.mark.parametrize(("deadline", "kk", "ru", "en"), WORDINGS, ids=lambda v: str(v))
def test_wording_reads_back(deadline, kk, ru, en):
    assert parse_wording(kk, "kk") == deadline
    assert parse_wording(ru, "ru") == deadline
    assert parse_wording(en, "en") == deadline
    assert Deadline.parse_wording(ru) == deadline  # any language


KK_NOMINATIVE = [
    "қаңтар",
    "ақпан",
    "наурыз",
    "сәуір",
    "мамыр",
    "маусым",
    "шілде",
    "тамыз",
    "қыркүйек",
    "қазан",
    "қараша",
    "желтоқсан",
]
KK_DATIVE = [
    "қаңтарға",
    "ақпанға",
    "наурызға",
    "сәуірге",
    "мамырға",
    "маусымға",
    "шілдеге",
    "тамызға",
    "қыркүйекке",
    "қазанға",
    "қарашаға",
    "желтоқсанға",
]
RU_GEN = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
]
RU_NOM = [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
]
EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def test_month_tables():
    assert list(KK_MONTHS) == KK_NOMINATIVE and list(KK_MONTHS_DATIVE) == KK_DATIVE
    assert list(RU_MONTHS) == RU_NOM and list(RU_MONTHS_GENITIVE) == RU_GEN


@pytest.mark.parametrize("month", range(1, 13))
def test_every_month_in_every_form(month):
    i = month - 1
    m = Deadline(K.MONTH, month=month)
    assert (m.wording("kk"), m.wording("ru"), m.wording("en")) == (KK_NOMINATIVE[i], RU_NOM[i], EN[i])
    y = Deadline(K.YEARLY, month=month, day=10)
    assert y.wording("kk") == f"жыл сайын, 10 {KK_DATIVE[i]} дейін"
    assert y.wording("ru") == f"ежегодно, до 10 {RU_GEN[i]}"
    assert y.wording("en") == f"annually, by 10 {EN[i]}"
    d = Deadline(K.DATE, date=date(2026, month, 3))
    assert d.wording("kk") == f"2026 жылғы 3 {KK_NOMINATIVE[i]}"
    assert d.wording("ru") == f"3 {RU_GEN[i]} 2026 года"
    assert d.wording("en") == f"3 {EN[i]} 2026"
    for deadline in (m, y, d):
        for lang in ("kk", "ru", "en"):
            assert parse_wording(deadline.wording(lang), lang) == deadline


def test_year_added_to_month_and_quarter():
    q4, sep = Deadline(K.QUARTER, quarter=4), Deadline(K.MONTH, month=9)
    assert [q4.wording(lang, 2026) for lang in ("kk", "ru", "en")] == [
        "2026 жылғы IV тоқсан",
        "IV квартал 2026 года",
        "Q4 2026",
    ]
    assert [sep.wording(lang, 2026) for lang in ("kk", "ru", "en")] == [
        "2026 жылғы қыркүйек",
        "сентябрь 2026 года",
        "September 2026",
    ]
    assert Deadline(K.WITHIN_YEAR).wording("ru", 2026) == "в течение года"  # other kinds ignore the year
    assert parse_wording("2026 жылғы IV тоқсан", "kk") == q4
    assert parse_wording("сентябрь 2026 года", "ru") == sep


def test_wording_of_an_invalid_deadline_raises():
    with pytest.raises(DeadlineError):
        Deadline(K.YEARLY, month=4, day=31).wording("ru")
    with pytest.raises(ValueError):
        Deadline(K.QUARTER, quarter=1).wording("de")
    with pytest.raises(ValueError):
        format_deadline("soon", lang="ru")


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (21, "21st"),
        (22, "22nd"),
        (23, "23rd"),
        (31, "31st"),
    ],
)
def test_en_ordinal(n, text):
    assert en_ordinal(n) == text


@pytest.mark.parametrize(
    ("text", "lang", "deadline"),
    [
        ("І тоқсан", "kk", Deadline(K.QUARTER, quarter=1)),  # Kazakh letter і typed as a Roman one
        ("ІV тоқсан", "kk", Deadline(K.QUARTER, quarter=4)),
        ("4-тоқсан", "kk", Deadline(K.QUARTER, quarter=4)),
        ("4 квартал", "ru", Deadline(K.QUARTER, quarter=4)),
        ("  iv   квартал ", "ru", Deadline(K.QUARTER, quarter=4)),
        ("2-й квартал", "ru", Deadline(K.QUARTER, quarter=2)),
        ("IV quarter", "en", Deadline(K.QUARTER, quarter=4)),
        ("1 июля 2026 г.", "ru", Deadline(K.DATE, date=date(2026, 7, 1))),
        ("до 1 июля 2026 года", "ru", Deadline(K.DATE, date=date(2026, 7, 1))),
        ("2026 ж. 1 шілде", "kk", Deadline(K.DATE, date=date(2026, 7, 1))),
        ("2026 жылғы 1 шілдеге дейін", "kk", Deadline(K.DATE, date=date(2026, 7, 1))),
        ("01.07.2026", None, Deadline(K.DATE, date=date(2026, 7, 1))),
        ("2026-07-01", "kk", Deadline(K.DATE, date=date(2026, 7, 1))),
        ("Ежегодно до 20 декабря.", "ru", Deadline(K.YEARLY, month=12, day=20)),
        ("жыл сайын 20 желтоқсанға дейін", "kk", Deadline(K.YEARLY, month=12, day=20)),
        (
            "ЕЖЕКВАРТАЛЬНО, до 5-го числа месяца, следующего за отчётным кварталом",
            "ru",
            Deadline(K.QUARTERLY, day=5),
        ),
        ("«в течение года»", "ru", Deadline(K.WITHIN_YEAR)),
        ("ежеполугодно", "ru", Deadline(K.HALF_YEARLY)),
        ("жыл бойы", "kk", Deadline(K.WITHIN_YEAR)),
        ("Май", "ru", Deadline(K.MONTH, month=5)),
        ("monthly, by the 21st of the following month", "en", Deadline(K.MONTHLY, day=21)),
        ("жыл сайын, 29 ақпанға дейін", "kk", Deadline(K.YEARLY, month=2, day=29)),
    ],
)
def test_parse_variants(text, lang, deadline):
    assert parse_wording(text, lang) == deadline


@pytest.mark.parametrize(
    ("text", "lang", "code"),
    [
        ("скоро", "ru", "unrecognised_wording"),
        ("", "ru", "unrecognised_wording"),
        ("IV квартал", "kk", "unrecognised_wording"),  # Russian text read as Kazakh
        ("V квартал", "ru", "unrecognised_wording"),
        ("ежегодно, до 31 апреля", "ru", "impossible_day"),
        ("31.04.2026", "ru", "bad_date"),
        ("30 февраля 2026 года", "ru", "bad_date"),
        ("ежеквартально, до 40 числа месяца, следующего за отчетным кварталом", "ru", "day_range"),
    ],
)
def test_parse_errors(text, lang, code):
    with pytest.raises(DeadlineError) as exc:
        parse_wording(text, lang)
    assert exc.value.code == code


def test_parse_rejects_unknown_language():
    with pytest.raises(ValueError):
        parse_wording("IV квартал", "de")


def test_normalize():
    assert normalize("  «IV  квартал» . ") == "iv квартал"
    assert normalize("1 июля 2026г.") == "1 июля 2026 года"
    assert normalize("I – II") == "i - ii"


def _rows():
    with SAMPLES.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize("row", _rows(), ids=lambda r: r["deadline_ru"])
def test_every_sample_deadline_parses_and_regenerates(row):
    kk = parse_wording(row["deadline_kk"], "kk")
    ru = parse_wording(row["deadline_ru"], "ru")
    assert kk == ru
    assert kk.wording("kk") == row["deadline_kk"]
    assert ru.wording("ru") == row["deadline_ru"]


def test_sample_copy_matches_shared_samples():
    if not SHARED_SAMPLES.exists():
        pytest.skip("shared samples are not next to this checkout")
    assert SAMPLES.read_text(encoding="utf-8") == SHARED_SAMPLES.read_text(encoding="utf-8")
