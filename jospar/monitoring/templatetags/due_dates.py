"""Due dates as the rules count them (calendar days), flagged when they fall on a day off.

The rules move no deadline off a weekend or a public holiday of Kazakhstan, but people must see
that the 10th is a Saturday before they plan their week: `{{ date|nonworking }}` adds a note.
"""
from django import template
from django.utils.translation import gettext

from jospar import rules
from jospar.web import html

register = template.Library()

DAY_OFF = html.template(' <span class="dayoff" title="{hint}">({label})</span>')


@register.filter
def nonworking(day) -> str:
    """« (a day off: Saturday, Sunday or a public holiday)» after a due date on such a day; "" otherwise."""
    if not day or not rules.is_non_working_day(day):
        return ""
    return html.safe(DAY_OFF(hint=gettext("a day off: the date stands, plan to finish earlier"),
                             label=gettext("day off")))
