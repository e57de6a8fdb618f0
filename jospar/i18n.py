"""Bilingual (trilingual) content fields: pick the text in the active language.

Content typed by users lives in `<field>_kk`, `<field>_ru` and optionally `<field>_en`. The active
language wins; an empty translation falls back to Russian, then Kazakh, so a screen never shows a
blank where the other language has text.
"""
from django.utils.translation import get_language

FALLBACK = ("ru", "kk", "en")


def current_lang() -> str:
    lang = (get_language() or "kk")[:2]
    return lang if lang in FALLBACK else "kk"


def localized(obj, field: str, lang: str | None = None) -> str:
    lang = lang or current_lang()
    for code in (lang, *FALLBACK):
        value = getattr(obj, f"{field}_{code}", "") if not isinstance(obj, dict) else obj.get(f"{field}_{code}")
        if value:
            return value
    return ""
