"""Alphabetical order of names as a reader of Kazakh or Russian expects it.

Python sorts by code point, which puts the Kazakh letters ә ғ қ ң ө ұ ү һ і (U+04xx) after я and
ё before а. ``collation_key`` orders by the alphabet of the reader's language: Kazakh
(А Ә Б В Г Ғ Д Е Ё Ж З И Й К Қ Л М Н Ң О Ө П Р С Т У Ұ Ү Ф Х Һ Ц Ч Ш Щ Ъ Ы І Ь Э Ю Я), Russian
(ё right after е; a Kazakh letter in a Russian list right after the letter it is built on), then
Latin letters, digits and the rest by code point. Case is ignored first and only breaks ties.
"""

from __future__ import annotations

from jospar.rules.periods import check_lang

KK_ALPHABET = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
RU_ALPHABET = "аәбвгғдеёжзиійкқлмнңоөпрстуұүфхһцчшщъыьэюя"  # Kazakh letters next to their base letter
_RANK = {
    lang: {ch: i for i, ch in enumerate(alphabet)}
    for lang, alphabet in (("kk", KK_ALPHABET), ("ru", RU_ALPHABET), ("en", RU_ALPHABET))
}
_SPACE = -1  # «Ан Б» before «Ана»: words are compared one by one


def _letter_rank(ch: str, ranks: dict[str, int]) -> int:
    if ch.isspace():
        return _SPACE
    rank = ranks.get(ch)
    if rank is not None:
        return 1_000 + rank
    return 10_000 + ord(ch)  # Latin, digits, punctuation: after Cyrillic, by code point


def collation_key(text: str, lang: str) -> tuple[tuple[int, ...], str]:
    """A sort key for ``text`` in the alphabetical order of ``lang`` (kk, ru, en)."""
    ranks = _RANK[check_lang(lang)]
    folded = " ".join((text or "").split()).lower()
    return tuple(_letter_rank(ch, ranks) for ch in folded), text or ""
