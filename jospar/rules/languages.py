"""The languages texts are kept in, and the one fallback when a text is missing in the reader's.

Content typed by people lives in Kazakh, Russian and (optionally) English. A reader sees their own
language; where it is blank, Russian, then Kazakh, then English, so a screen or a document never
shows a blank where another language has text. Every picker (model fields in `jospar.i18n`, rows
read as tuples, label dicts, the SQL that reads events) follows `fallback_order`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

LANGS = ("kk", "ru", "en")
FALLBACK = ("ru", "kk", "en")


def fallback_order(lang: str, langs: Sequence[str] = LANGS) -> tuple[str, ...]:
    """Where to look for a text, best first: ``lang``, then Russian, Kazakh, English (those in ``langs``)."""
    return tuple(code for code in dict.fromkeys((lang, *FALLBACK)) if code in langs)


# Positions in a (kk, ru, en) tuple, in the order `fallback_order` looks at them.
_POSITIONS = {lang: tuple(LANGS.index(code) for code in fallback_order(lang)) for lang in LANGS}


def pick(texts: Sequence[str | None], lang: str) -> str:
    """The text in ``lang`` from ``texts`` ordered (kk, ru[, en]), else the first non-blank in the fallback
    order; "" when all are blank."""
    size = len(texts)
    for i in _POSITIONS[lang]:
        if i < size and texts[i]:
            return texts[i] or ""
    return ""


def pick_from(texts: Mapping[str, Any], lang: str) -> Any:
    """The text in ``lang`` from a {language: text} dict (or any value kept per language, such as a form's
    column headings), else the first non-blank in the fallback order; "" when all are blank."""
    for code in fallback_order(lang):
        text = texts.get(code)
        if text:
            return text
    return ""


# The state languages every text of an official document is kept in (Form 1 and Form 2 are made in both).
OFFICIAL = ("kk", "ru")
# Letters of the Kazakh alphabet that Russian does not have: a text with any of them is Kazakh.
KAZAKH_LETTERS = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")


def written_in(text: str) -> str:
    """The language a text is written in, told by its letters: "kk" when it has a Kazakh-specific letter,
    "ru" when it has other Cyrillic letters, "" when it has no Cyrillic letter (digits, Latin, blank).
    Used to move single-language texts typed before both were kept into the right field."""
    cyrillic = False
    for ch in text:
        if ch in KAZAKH_LETTERS:
            return "kk"
        if "\u0400" <= ch <= "\u04ff":
            cyrillic = True
    return "ru" if cyrillic else ""


def missing_languages(texts: Mapping[str, str | None]) -> tuple[str, ...]:
    """The state languages a text still lacks, given as {language: text}: none when it is blank in both
    (an optional text left empty) or present in both; otherwise the blank ones, in `OFFICIAL` order."""
    blank = tuple(code for code in OFFICIAL if not (texts.get(code) or "").strip())
    return () if len(blank) == len(OFFICIAL) else blank


@dataclass(frozen=True, slots=True)
class MissingText:
    """A text bound for an official document that still lacks a state language: what it is (in the reader's
    language), which languages it lacks, and where to type them (a URL with the field's anchor)."""

    what: str
    langs: tuple[str, ...]
    url: str


def by_language(text: str) -> dict[str, str]:
    """A text typed before both state languages were kept, put where it belongs: {"kk": text, "ru": ""} when
    it is Kazakh by its letters, else {"kk": "", "ru": text} (a text with no Cyrillic letter counts as Russian,
    the language the old single fields defaulted to)."""
    lang = written_in(text) or "ru"
    return {code: text if code == lang else "" for code in OFFICIAL}
