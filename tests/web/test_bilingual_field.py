"""The side-by-side entry of a text kept in both state languages."""
from django.template import Context, Template
from django.utils import translation


def render(source, **context):
    return Template("{% load bilingual %}" + source).render(Context(context))


def test_both_halves_are_named_by_language_and_carry_their_text_escaped():
    with translation.override("ru"):
        html = render('{% bilingual_field "actual" "Фактическое исполнение" kk=kk ru=ru errors=errors rows=4 %}',
                      kk="Орындалды", ru="<b>Исполнено</b>", errors={"actual_ru": ["Слишком длинно."]})
    assert '<textarea name="actual_kk" rows="4" lang="kk">Орындалды</textarea>' in html
    assert 'name="actual_ru" rows="4" lang="ru" aria-invalid="true">&lt;b&gt;Исполнено&lt;/b&gt;</textarea>' in html
    assert "на казахском" in html and "на русском" in html
    assert "Слишком длинно." in html
    assert "<legend>Фактическое исполнение</legend>" in html


def test_in_kazakh_the_captions_are_kazakh():
    with translation.override("kk"):
        html = render('{% bilingual_field "reasons" "Себептер" %}')
    assert "қазақша" in html and "орысша" in html
    assert 'name="reasons_kk"' in html and 'name="reasons_ru"' in html
