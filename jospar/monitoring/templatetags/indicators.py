"""Indicators on pages: a value as the reader writes numbers, a status in the reader's language."""
from django import template

from jospar import rules
from jospar.i18n import current_lang
from jospar.rules.indicators import IndicatorStatus

register = template.Library()


@register.filter
def indicator_value(value) -> str:
    """«1 200,5» in kk and ru, «1,200.5» in en; «—» for none."""
    if value is None or value == "":
        return "—"
    return rules.format_number(value, current_lang())


@register.filter
def indicator_status(value) -> str:
    """The status's label in the active language ("" for an unknown one)."""
    try:
        return IndicatorStatus(value).label(current_lang())
    except ValueError:
        return ""
