"""The indicators table's body (the report page and the executive's home), built with `jospar.web.html`.

One table of a plan's goals and indicators has a few dozen rows, each with a chart: rendered through an
`{% include %}` a row, it cost the report page more than the whole of Form 2 above it (a hundred ms at 2,000
events). Every value goes through a hole, escaped; the texts are the same msgids the templates used.
"""
from django import template
from django.middleware.csrf import get_token
from django.utils.translation import gettext, ngettext, pgettext

from jospar.i18n import current_lang, localized
from jospar.rules.numbers import format_number
from jospar.web import html

from .indicator_chart import actual_kind, chart

register = template.Library()
SHOWN_EVENTS = 8  # events named under an indicator; the others by their numbers (Form 2 lists them all)
SHOWN_NUMBERS = 40  # a plan of 2,000 events has about a hundred under each indicator

GROUP = html.template('<tbody><tr class="group"><th scope="rowgroup" colspan="{span}">{label}. {name}</th></tr>'
                      '{rows}</tbody>')
ROW = html.template(
    '<tr id="ind-{kind}-{pk}" class="{css}" data-key="{key}"><th scope="row"><span class="gnum">{label}</span><br>'
    '{name}{responsible}</th><td>{measure}</td><td class="num">{planned}</td><td class="num">{actual}</td>'
    '<td class="num">{percent}</td><td><span class="ind-st ind-{status}">{status_word}</span>{needs}{named}{form}'
    '</td>{events}<td>{chart}</td></tr>')
RESPONSIBLE = html.template('<br><span class="muted">{word}: {unit}</span>')
ACTUAL = html.template('{value}<br><span class="muted">{kind}</span>{source}{comment}')
SOURCE = html.template('<br><span class="muted">{word}: {text}</span>')
COMMENT = html.template('<br><span class="muted prewrap">{text}</span>')
NEEDS = html.template('<p class="needs-other"><strong>{text}</strong></p>')
NAMED = html.template('<p><a class="pill returned" href="#amendment-bases">{text}</a></p>')
PROPOSE = html.template(
    '<form method="post" action="{url}" class="inline"><input type="hidden" name="csrfmiddlewaretoken" '
    'value="{token}"><input type="hidden" name="indicator" value="{key}"><button type="submit" class="secondary">'
    '{text}</button></form>')
WITHDRAW = html.template(
    '<form method="post" action="{url}" class="inline"><input type="hidden" name="csrfmiddlewaretoken" '
    'value="{token}"><input type="hidden" name="indicator" value="{key}"><input type="hidden" name="remove" '
    'value="1"><button type="submit" class="linkish">{text}</button></form>')
EVENTS = html.template('<td>{counted}{shown}</td>')
EVENT_LIST = html.template('<details><summary class="linkish">{word}</summary><ul class="ind-events">{items}{more}'
                           '</ul></details>')
EVENT = html.template('<li><a href="{base}#ev-{id}">{number}</a> {name}</li>')
MORE = html.template('<li class="muted">{text}</li>')
AT_RISK = ("at_risk", "not_achieved")


def _actual(row, lang: str):
    actual = row.actual
    if not actual:
        return "—"
    source, comment = localized(actual, "source"), localized(actual, "comment")
    return ACTUAL(value=format_number(actual.value, lang), kind=actual_kind(actual, lang),
                  source=SOURCE(word=pgettext("indicators", "Source"), text=source) if source else "",
                  comment=COMMENT(text=comment) if comment else "")


def _events(row, base: str):
    counted = gettext("%(done)s of %(total)s") % {"done": row.events_executed, "total": row.events_total}
    if not row.events:
        return EVENTS(counted=counted, shown="")
    rest = row.events[SHOWN_EVENTS:]
    items = [EVENT(base=base, id=e.event_id, number=f"{e.number}." if e.number else "→", name=e.name)
             for e in row.events[:SHOWN_EVENTS]]
    more = ""
    if rest:
        numbers = ", ".join(str(e.number) for e in rest[:SHOWN_NUMBERS] if e.number)
        if numbers and len(rest) > SHOWN_NUMBERS:
            numbers += ", …"
        text = ngettext("and %(n)s more event", "and %(n)s more events", len(rest)) % {"n": len(rest)}
        more = MORE(text=f"{text}: {numbers}" if numbers else text)
    return EVENTS(counted=counted, shown=EVENT_LIST(word=gettext("events"), items=html.join(items), more=more))


def _form(row, basis_url: str, basis_keys, token: str):
    if not basis_url:
        return ""
    if row.key in basis_keys:
        return WITHDRAW(url=basis_url, token=token, key=row.key, text=gettext("Remove from the proposals"))
    if str(row.status) in AT_RISK:
        return PROPOSE(url=basis_url, token=token, key=row.key, text=gettext("Propose an amendment on this basis"))
    return ""


def row_html(row, *, lang: str, year: int, prefix: str, events_url, hide_events: bool, basis_url: str,
             basis_keys, token: str):
    status = str(row.status)
    named = row.key in basis_keys
    percent = row.achievement.percent
    return ROW(
        kind=row.kind, pk=row.indicator.pk, key=row.key,
        css="ind-row needs-events" if row.needs_other_events else "ind-row",
        label=row.label, name=row.name,
        responsible=RESPONSIBLE(word=gettext("Responsible"), unit=row.responsible_unit.name)
        if row.responsible_unit else "",
        measure=row.unit_of_measure,
        planned=format_number(row.planned, lang) if row.planned is not None else "—",
        actual=_actual(row, lang),
        percent=f"{format_number(percent, lang)}%" if percent is not None else "—",
        status=status, status_word=row.status.label(lang),
        needs=NEEDS(text=gettext("All its events are executed, the indicator is not reached: the plan needs other "
                                 "events.")) if row.needs_other_events else "",
        named=NAMED(text=gettext("named in the proposals to amend the plan")) if named else "",
        form=_form(row, basis_url, basis_keys, token),
        events="" if hide_events else _events(row, events_url or ""),
        chart=chart(row, lang, f"{prefix}-{row.key.replace(':', '')}", year),
    )


@register.simple_tag(takes_context=True)
def indicator_rows(context, indicators, prefix: str, events_url="", hide_events=False, basis_url="",
                   basis_keys=frozenset()):
    """Every `<tbody>` of the table: a direction's macroindicators, then each goal's target indicators."""
    lang = current_lang()
    request = context.get("request")
    token = get_token(request) if basis_url and request is not None else ""
    span = 7 if hide_events else 8
    options = {"lang": lang, "year": indicators.year, "prefix": prefix, "events_url": events_url,
               "hide_events": hide_events, "basis_url": basis_url, "basis_keys": basis_keys or frozenset(),
               "token": token}
    groups = []
    for d in indicators.directions:
        if d.macroindicators:
            groups.append(GROUP(span=span, label=d.label, name=d.name,
                                rows=html.join(row_html(r, **options) for r in d.macroindicators)))
        for g in d.goals:
            if g.indicators:
                groups.append(GROUP(span=span, label=g.label, name=g.name,
                                    rows=html.join(row_html(r, **options) for r in g.indicators)))
    return html.safe(html.join(groups))
