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
