"""The one language fallback: the reader's language, then Russian, Kazakh, English."""

import pytest

from jospar.rules import FormLabels, edition_by_key, fallback_order, pick, pick_from
from jospar.rules.languages import missing_languages, written_in


def test_the_order_starts_with_the_readers_language_and_names_each_language_once():
    assert fallback_order("kk") == ("kk", "ru", "en")
    assert fallback_order("ru") == ("ru", "kk", "en")
    assert fallback_order("en") == ("en", "ru", "kk")
    assert fallback_order("en", ("kk", "ru")) == ("ru", "kk")


@pytest.mark.parametrize(("texts", "lang", "shown"), [
    (("қаз", "рус", "eng"), "kk", "қаз"),
    (("қаз", "рус", "eng"), "en", "eng"),
    (("", "рус", "eng"), "kk", "рус"),
    (("қаз", "", "eng"), "ru", "қаз"),
    (("қаз", "рус"), "en", "рус"),  # a pair with no English: Russian for an English reader
    (("қаз", ""), "en", "қаз"),
    (("", "", "eng"), "ru", "eng"),
    ((None, None, None), "kk", ""),
    (("", ""), "ru", ""),
])
def test_pick(texts, lang, shown):
    assert pick(texts, lang) == shown
    assert pick_from(dict(zip(("kk", "ru", "en"), texts, strict=False)), lang) == shown


def test_an_unknown_language_is_refused():
    with pytest.raises(KeyError):
        pick(("a", "b"), "de")


def test_form_labels_follow_the_same_fallback():
    labels: FormLabels = edition_by_key("dpm-mne-28-2025").form1
    assert labels.get("goal", "ru").format(n="1.2") == "Цель 1.2"
    assert labels.get("goal", "kk").format(n="1.2") == "1.2-мақсаты"


@pytest.mark.parametrize(("text", "lang"), [
    ("Іс-шара орындалды", "kk"),
    ("Мероприятие исполнено", "ru"),
    ("Жоспар бекітілді", "kk"),  # «і» in «бекітілді»
    ("Бағдарлама", "kk"),
    ("План 2026", "ru"),
    ("Report 2026", ""),
    ("", ""),
    ("  12,5 % ", ""),
])
def test_a_text_is_told_by_its_letters(text, lang):
    assert written_in(text) == lang


def test_a_text_lacks_only_the_blank_language_of_the_two():
    assert missing_languages({"kk": "Орындалды", "ru": "Исполнено"}) == ()
    assert missing_languages({"kk": "", "ru": ""}) == ()  # an optional text left empty
    assert missing_languages({"kk": "Орындалды", "ru": "  "}) == ("ru",)
    assert missing_languages({"ru": "Исполнено"}) == ("kk",)
    assert missing_languages({"kk": None, "ru": "Исполнено", "en": ""}) == ("kk",)
