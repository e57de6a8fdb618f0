"""The languages texts are kept in, and the one fallback when a text is missing in the reader's.

Content typed by people lives in Kazakh, Russian and (optionally) English. A reader sees their own
language; where it is blank, Russian, then Kazakh, then English, so a screen or a document never
shows a blank where another language has text. Every picker (model fields in `jospar.i18n`, rows
read as tuples, label dicts, the SQL that reads events) follows `fallback_order`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
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
