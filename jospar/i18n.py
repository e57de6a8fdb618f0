"""Bilingual (trilingual) content fields: pick the text in the active language.

Content typed by users lives in `<field>_kk`, `<field>_ru` and optionally `<field>_en`. The active
language wins; an empty translation falls back to Russian, then Kazakh (`rules.fallback_order`, the
one fallback every picker follows), so a screen never shows a blank where the other language has text.
"""
from django.utils.translation import get_language

from jospar.rules.languages import LANGS, fallback_order, pick, pick_from

__all__ = ["LANGS", "current_lang", "exact", "fallback_order", "localized", "pick", "pick_from"]


def current_lang() -> str:
    lang = (get_language() or "kk")[:2]
    return lang if lang in LANGS else "kk"


def localized(obj, field: str, lang: str | None = None) -> str:
    """``obj``'s ``field`` (a model's attributes or a dict's keys ``<field>_<lang>``) in ``lang``, with the
    fallback."""
    for code in fallback_order(lang or current_lang()):
        value = getattr(obj, f"{field}_{code}", "") if not isinstance(obj, dict) else obj.get(f"{field}_{code}")
        if value:
            return value
    return ""


def exact(obj, field: str, lang: str) -> str:
    """``obj``'s ``field`` in ``lang`` only, with no fallback: an official document in one state language
    carries only that language's text (a blank stays blank rather than borrowing the other's)."""
    value = getattr(obj, f"{field}_{lang}", "") if not isinstance(obj, dict) else obj.get(f"{field}_{lang}")
    return value or ""
