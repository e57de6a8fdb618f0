"""A text kept in both state languages, entered side by side: ``{% bilingual_field %}``.

Free texts that reach an official document (execution, reasons, recommendations, decisions …) are kept
in ``<name>_kk`` and ``<name>_ru``. The entry form shows the two textareas next to each other, each
marked with its language (``lang`` attribute, so spell-checkers and screen readers follow it); the
author may save with one, and the step that sends the text on (a head submitting the unit's
information, the planner submitting the report) refuses while one is blank
(`jospar.rules.languages.missing_languages`).

    {% load bilingual %}
    {% bilingual_field "actual" _("Actual execution") kk=entry.actual_kk ru=entry.actual_ru errors=w.errors rows=3 %}

``errors`` is a dict of lists keyed by field name (``actual_kk`` …), as the in-place forms keep them.
"""
from django import template
from django.utils.translation import gettext_lazy as _

from jospar.i18n import current_lang
from jospar.rules.languages import OFFICIAL, fallback_order
from jospar.web import html

register = template.Library()

LANGUAGE_NAMES = {"kk": _("in Kazakh"), "ru": _("in Russian")}


@register.inclusion_tag("web/_bilingual.html")
def bilingual_field(name, label, *, kk="", ru="", errors=None, rows=3, placeholder="", required=False,
                    disabled=False):
    errors = errors or {}
    return {
        "label": label,
        "rows": rows,
        "placeholder": placeholder,
        "required": required,
        "disabled": disabled,
        "halves": [
            {"lang": code, "name": f"{name}_{code}", "value": value or "", "caption": LANGUAGE_NAMES[code],
             "errors": errors.get(f"{name}_{code}") or ()}
            for code, value in (("kk", kk), ("ru", ru))
        ],
        "errors": errors.get(name) or (),
    }


MISSING_ITEM = html.template('<li><a href="{url}">{what}</a>: {langs}</li>')
MISSING_LIST = html.template('{intro}<ul class="missing-texts">{items}</ul>')


def missing_texts_html(intro: str, missing) -> str:
    """A refusal listing texts that still lack a state language (`rules.languages.MissingText`), each a link
    to where it is typed, for a message or a page (the texts are escaped: they are names typed by people)."""
    items = html.join(MISSING_ITEM(url=html.url(m.url), what=m.what,
                                   langs=", ".join(str(LANGUAGE_NAMES[code]) for code in m.langs)) for m in missing)
    return html.safe(MISSING_LIST(intro=intro, items=items))


SHOWN = html.template('<span class="prewrap" lang="{lang}">{text:lines}</span>')
SHOWN_FROM = html.template('<span class="prewrap" lang="{lang}">{text:lines}</span> '
                           '<span class="muted from-lang">({note})</span>')
NOTHING = html.template('<span class="prewrap">—</span>')
FROM_NOTES = {"kk": _("shown in Kazakh: no text in your language yet"),
              "ru": _("shown in Russian: no text in your language yet")}


@register.simple_tag
def in_reader_language(obj, name: str) -> str:
    """``obj``'s text ``name`` in the reader's language, else the other state language marked as such."""
    lang = current_lang()
    for code in fallback_order(lang, OFFICIAL):
        text = getattr(obj, f"{name}_{code}", "")
        if text:
            if code == lang or lang not in OFFICIAL:
                return html.safe(SHOWN(lang=code, text=text))
            return html.safe(SHOWN_FROM(lang=code, text=text, note=FROM_NOTES[code]))
    return html.safe(NOTHING())
