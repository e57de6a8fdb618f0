"""Official kk/ru/en wording of structured deadlines, and reading it back.

Plans print deadlines as sentences («жыл сайын, 20 желтоқсанға дейін» / «ежегодно, до
20 декабря»); the product stores them as structure and generates the sentence, so the
two languages can never disagree. Importers of existing plans (CSV/Excel) need the
inverse, which is best-effort: it reads the forms generated here plus common variants
(«4 квартал», «І тоқсан» typed with the Kazakh letter, «1 июля 2026 г.», «01.07.2026»).

This module works on plain fields (kind value, date, month, quarter, day) so that
``deadlines`` can import it without a cycle; ``deadlines.Deadline`` is the public face.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Any, TypeVar

from jospar.rules.errors import DeadlineError
from jospar.rules.languages import LANGS
from jospar.rules.periods import ROMAN, check_lang

KK_MONTHS = (
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
)
# Dative for «…-ға/-ге дейін» ("until"): vowel harmony and the -ке/-ға assimilation are irregular
# enough to spell out rather than derive.
KK_MONTHS_DATIVE = (
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
)
RU_MONTHS = (
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
)
RU_MONTHS_GENITIVE = (
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
)
EN_MONTHS = (
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
)


def en_ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st ..."""
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


_T = TypeVar("_T")


def _given(value: _T | None, kind: str, name: str) -> _T:
    """A field that a validated deadline of ``kind`` has."""
    if value is None:
        raise ValueError(f"a {kind} deadline needs its {name}")
    return value


def format_deadline(
    kind: str,
    *,
    lang: str,
    date_: date | None = None,
    month: int | None = None,
    quarter: int | None = None,
    day: int | None = None,
    year: int | None = None,
) -> str:
    """The wording of a (validated) deadline. ``year`` adds the plan year to a month or a quarter
    («2026 жылғы IV тоқсан» / «IV квартал 2026 года»), for lists that span plan years."""
    lang = check_lang(lang)
    kind = str(kind)
    if kind == "date":
        d = _given(date_, kind, "date")
        m = d.month - 1
        return {
            "kk": f"{d.year} жылғы {d.day} {KK_MONTHS[m]}",
            "ru": f"{d.day} {RU_MONTHS_GENITIVE[m]} {d.year} года",
            "en": f"{d.day} {EN_MONTHS[m]} {d.year}",
        }[lang]
    if kind in ("month", "quarter"):
        if kind == "month":
            name = {"kk": KK_MONTHS, "ru": RU_MONTHS, "en": EN_MONTHS}[lang][_given(month, kind, "month") - 1]
        else:
            quarter = _given(quarter, kind, "quarter")
            r = ROMAN[quarter]
            name = {"kk": f"{r} тоқсан", "ru": f"{r} квартал", "en": f"Q{quarter}"}[lang]
        if year is None:
            return name
        return {"kk": f"{year} жылғы {name}", "ru": f"{name} {year} года", "en": f"{name} {year}"}[lang]
    if kind == "yearly":
        month = _given(month, kind, "month")
        return {
            "kk": f"жыл сайын, {day} {KK_MONTHS_DATIVE[month - 1]} дейін",
            "ru": f"ежегодно, до {day} {RU_MONTHS_GENITIVE[month - 1]}",
            "en": f"annually, by {day} {EN_MONTHS[month - 1]}",
        }[lang]
    if kind == "quarterly":
        if day is None:
            return {"kk": "тоқсан сайын", "ru": "ежеквартально", "en": "quarterly"}[lang]
        return {
            "kk": f"тоқсан сайын, есепті тоқсаннан кейінгі айдың {day}-күніне дейін",
            "ru": f"ежеквартально, до {day} числа месяца, следующего за отчетным кварталом",
            "en": f"quarterly, by the {en_ordinal(day)} of the month after the quarter",
        }[lang]
    if kind == "monthly":
        if day is None:
            return {"kk": "ай сайын", "ru": "ежемесячно", "en": "monthly"}[lang]
        return {
            "kk": f"ай сайын, есепті айдан кейінгі айдың {day}-күніне дейін",
            "ru": f"ежемесячно, до {day} числа месяца, следующего за отчетным",
            "en": f"monthly, by the {en_ordinal(day)} of the following month",
        }[lang]
    if kind == "half_yearly":
        return {"kk": "жарты жыл сайын", "ru": "раз в полугодие", "en": "half-yearly"}[lang]
    if kind == "within_year":
        return {"kk": "жыл ішінде", "ru": "в течение года", "en": "within the year"}[lang]
    raise ValueError(f"unknown deadline kind {kind!r}")


# ---- parsing -------------------------------------------------------------------------------


def _alt(words: Iterable[str]) -> str:
    return "(" + "|".join(sorted((re.escape(w.lower()) for w in words), key=len, reverse=True)) + ")"


_KK_MONTH_ANY = _alt(KK_MONTHS_DATIVE + KK_MONTHS)
_KK_INDEX = {w: i + 1 for i, w in enumerate(KK_MONTHS)} | {w: i + 1 for i, w in enumerate(KK_MONTHS_DATIVE)}
_RU_GEN = _alt(RU_MONTHS_GENITIVE)
_RU_NOM = _alt(RU_MONTHS)
_RU_INDEX = {w: i + 1 for i, w in enumerate(RU_MONTHS)} | {w: i + 1 for i, w in enumerate(RU_MONTHS_GENITIVE)}
_EN_MONTH = _alt(EN_MONTHS)
_EN_INDEX = {w.lower(): i + 1 for i, w in enumerate(EN_MONTHS)}
_ROMAN_IN = r"(iv|iii|ii|i|[1-4])"
_ROMAN_VALUE = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_D = r"(\d{1,2})"
_Y = r"(\d{4})"

# (kind, regex) per language, tried in order; ``_fields`` turns the match groups into fields.
_PATTERNS: dict[str, list[tuple[str, str]]] = {
    "kk": [
        ("within_year", r"жыл ішінде|жыл бойы"),
        ("half_yearly", r"жарты жыл сайын|жарты жылда бір рет"),
        ("quarterly", rf"тоқсан сайын(?:,? есепті тоқсаннан кейінгі айдың {_D}-?күніне дейін)?"),
        ("monthly", rf"ай сайын(?:,? есепті айдан кейінгі айдың {_D}-?күніне дейін)?"),
        ("yearly", rf"жыл сайын,? {_D} {_KK_MONTH_ANY} дейін"),
        ("date", rf"{_Y} жылғы {_D} {_KK_MONTH_ANY}(?: дейін)?"),
        ("quarter", rf"(?:{_Y} жылғы )?{_ROMAN_IN}[- ]?тоқсан(?:ы|да)?"),
        ("month", rf"(?:{_Y} жылғы )?{_KK_MONTH_ANY}(?: айы)?"),
    ],
    "ru": [
        ("within_year", r"в течение (?:всего )?года"),
        ("half_yearly", r"(?:1 |один )?раз в полугодие|ежеполугодно|раз в полгода"),
        (
            "quarterly",
            rf"ежеквартально(?:,? до {_D}(?:-?го)? числа месяца,? следующего за отчетным"
            r"(?: кварталом| периодом)?)?",
        ),
        (
            "monthly",
            rf"ежемесячно(?:,? до {_D}(?:-?го)? числа месяца,? следующего за отчетным"
            r"(?: месяцем| периодом)?)?",
        ),
        ("yearly", rf"ежегодно,? до {_D} {_RU_GEN}"),
        ("date", rf"(?:до )?{_D} {_RU_GEN} {_Y} года"),
        ("quarter", rf"{_ROMAN_IN}(?:-?й)? квартал(?: {_Y} года)?"),
        ("month", rf"{_RU_NOM}(?: {_Y} года)?"),
    ],
    "en": [
        ("within_year", r"within the year|during the year"),
        ("half_yearly", r"half-yearly|semi-annually|every six months"),
        ("quarterly", rf"quarterly(?:,? by the {_D}(?:st|nd|rd|th)? of the month after the quarter)?"),
        ("monthly", rf"monthly(?:,? by the {_D}(?:st|nd|rd|th)? of the following month)?"),
        ("yearly", rf"(?:annually|yearly|every year),? by {_D} {_EN_MONTH}"),
        ("date", rf"(?:by )?{_D} {_EN_MONTH} {_Y}"),
        ("quarter", rf"q([1-4])(?: {_Y})?|{_ROMAN_IN} quarter(?: {_Y})?"),
        ("month", rf"{_EN_MONTH}(?: {_Y})?"),
    ],
}
_COMPILED = {lang: [(k, re.compile(p)) for k, p in pats] for lang, pats in _PATTERNS.items()}
_NUMERIC_DATE = [
    re.compile(r"(?:до |by )?(\d{1,2})\.(\d{1,2})\.(\d{4})(?: ж\.?| г\.?| жыл| года)?"),
    re.compile(r"(\d{4})-(\d{2})-(\d{2})"),
]


def normalize(text: str) -> str:
    """Lower case, one space, plain quotes and dashes, «г.» -> «года», Kazakh «і» as a Roman I."""
    t = (text or "").lower().replace("ё", "е")
    t = re.sub(r"[«»\"“”„]", "", t)
    t = re.sub(r"[\u2010-\u2015\u2212]", "-", t)
    t = re.sub(r"\s+", " ", t).strip()
    t = re.sub(r"\s+,", ",", t)
    t = re.sub(r"(\d{4}) ?г(?:\.|ода)?(?=$| |,)", r"\1 года", t)
    t = re.sub(r"(\d{4}) ?ж\.?(?=$| )", r"\1 жылғы", t)
    t = re.sub(
        r"(?<![а-яәғқңөұүһі])(і{1,3})(?=[- ]?(?:тоқсан|квартал|quarter))", lambda m: "i" * len(m.group(1)), t
    )
    t = t.replace("іv", "iv")
    return t.rstrip(".").strip()


def _bad(text: str, lang: str | None) -> DeadlineError:
    return DeadlineError(
        "unrecognised_wording",
        {
            "kk": f"Орындалу мерзімі танылмады: «{text}»",
            "ru": f"Не удалось распознать срок исполнения: «{text}»",
            "en": f"Unrecognised deadline wording: “{text}” ({lang or 'any language'})",
        },
    )


def _date(y: str, m: int, d: str, text: str, lang: str | None) -> date:
    try:
        return date(int(y), m, int(d))
    except ValueError:
        raise DeadlineError(
            "bad_date",
            {
                "kk": f"Мұндай күн жоқ: «{text}»",
                "ru": f"Такой даты нет: «{text}»",
                "en": f"No such date: “{text}”",
            },
        ) from None


def _fields(kind: str, groups: tuple[str | None, ...], lang: str, text: str) -> dict[str, Any]:
    g = [x for x in groups if x is not None]
    index = {"kk": _KK_INDEX, "ru": _RU_INDEX, "en": _EN_INDEX}[lang]
    if kind in ("quarterly", "monthly"):
        return {"kind": kind, "day": int(g[0]) if g else None}
    if kind == "yearly":
        return {"kind": kind, "day": int(g[0]), "month": index[g[1]]}
    if kind == "date":
        if lang == "kk":  # year, day, month
            return {"kind": kind, "date": _date(g[0], index[g[2]], g[1], text, lang)}
        return {"kind": kind, "date": _date(g[2], index[g[1]], g[0], text, lang)}
    if kind == "quarter":
        return {"kind": kind, "quarter": next(_ROMAN_VALUE[x] for x in g if x in _ROMAN_VALUE)}
    if kind == "month":
        return {"kind": kind, "month": next(index[x] for x in g if x in index)}
    return {"kind": kind}


def parse_fields(text: str, lang: str | None = None) -> dict[str, Any]:
    """Fields of the deadline worded by ``text`` in ``lang`` (any of kk/ru/en when None).

    A year written next to a month or a quarter is dropped: the deadline belongs to the plan's
    year. Raises DeadlineError("unrecognised_wording") for anything else.
    """
    langs = LANGS if lang is None else (check_lang(lang),)
    t = normalize(text)
    for candidate in langs:
        for kind, rx in _COMPILED[candidate]:
            m = rx.fullmatch(t)
            if m:
                return _fields(kind, m.groups(), candidate, text)
    for i, rx in enumerate(_NUMERIC_DATE):
        m = rx.fullmatch(t)
        if m:
            d, mo, y = m.groups() if i == 0 else reversed(m.groups())
            return {"kind": "date", "date": _date(y, int(mo), d, text, lang)}
    raise _bad(text, lang)
