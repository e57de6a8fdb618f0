"""The indicators' table cells and a small chart per indicator: planned against actual over the development
plan's years, as inline SVG.

Drawn here in Python with the templates of `jospar.web.html` (every text escaped: the indicator's name, its
unit of measure), no script and no chart library; numbers in the SVG's geometry are never localized. Each
chart is an `<svg role="img">` with an `aria-label`, a `<title>` and a `<desc>` that says the values in words,
and the same values follow it as a table (the text alternative).
"""
from django import template
from django.utils.translation import gettext, pgettext

from jospar import rules
from jospar.i18n import current_lang
from jospar.rules.numbers import format_number
from jospar.web import html

register = template.Library()

WIDTH, HEIGHT = 240, 110
LEFT, RIGHT, TOP, BOTTOM = 44, 6, 8, 20  # the plot area inside the box

FIGURE = html.template(
    '<figure class="ind-chart" id="{id}"><svg class="ind-svg" role="img" aria-label="{title}" viewBox="0 0 240 110" '
    'width="240" height="110" xmlns="http://www.w3.org/2000/svg"><title>{title}</title><desc>{desc}</desc>{parts}'
    '</svg><figcaption class="legend"><span><i class="planned"></i>{planned}</span> <span><i class="actual"></i>'
    '{actual}</span></figcaption><details class="chart-data"><summary>{data_label}</summary><table class="list">'
    '<thead><tr><th scope="col">{year_label}</th><th scope="col">{planned}</th><th scope="col">{actual}</th></tr>'
    '</thead><tbody>{rows}</tbody></table></details></figure>'
)
GRID = html.template('<rect x="{x}" y="{y}" width="{width}" height="1" class="grid"></rect>'
                     '<text x="{tx}" y="{ty}" class="axis tick">{label}</text>')
YEAR = html.template('<text x="{x}" y="{y}" class="{css}">{label}</text>')
BAR = html.template('<rect x="{x}" y="{y}" width="{width}" height="{height}" class="actual"><title>{title}</title>'
                    '</rect>')
MARK = html.template('<rect x="{x}" y="{y}" width="{width}" height="3" class="planned"><title>{title}</title></rect>')
ROW = html.template('<tr><th scope="row">{year}</th><td>{planned}</td><td>{actual}</td></tr>')
ROW_KIND = html.template('<tr><th scope="row">{year}</th><td>{planned}</td><td>{actual} <span class="muted">({kind})'
                         '</span></td></tr>')


def _scale(values: list[float]) -> tuple[float, float]:
    low, high = min(min(values), 0.0), max(max(values), 0.0)
    if high == low:
        high = low + 1
    return low, high + (high - low) * 0.08


def actual_kind(point_or_actual, lang: str) -> str:
    """«final value» or «estimate, II quarter» for a year's actual value."""
    if getattr(point_or_actual, "is_final", False):
        return pgettext("indicators", "final value")
    quarter = getattr(point_or_actual, "quarter", None)
    if quarter is None and hasattr(point_or_actual, "period"):
        quarter = point_or_actual.period.quarter
    return gettext("estimate, %(quarter)s") % {"quarter": rules.ReportingPeriod(2000, quarter).label(lang)} \
        if quarter else ""


def chart(row, lang: str, chart_id: str, year: int) -> html.Html:
    """``row`` (an `indicators.IndicatorRow`) over the development plan's years: the actual value of each year
    as a bar, the planned value as a mark across it; the title and description say the values in words and
    the table under the chart gives them (the text alternative). Built with `jospar.web.html` (escaped)."""
    points = row.years
    values = [float(v) for p in points for v in (p.planned, p.actual) if v is not None]
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_w / max(len(points), 1)
    planned_label, actual_label = pgettext("indicators", "planned"), pgettext("indicators", "actual")
    unit = row.unit_of_measure
    low, high = _scale(values) if values else (0.0, 1.0)

    def y(value) -> float:
        return round(TOP + plot_h - plot_h * (float(value) - low) / (high - low), 1)

    parts = []
    for value in sorted({low, 0.0, high}):
        shown = round(value, 2 if abs(value) < 100 else 0)
        parts.append(GRID(x=LEFT, y=y(value), width=plot_w, tx=2, ty=round(y(value) + 3, 1),
                          label=format_number(shown, lang)))
    zero = y(0)
    rows, said = [], []
    for i, point in enumerate(points):
        x0 = LEFT + step * i
        planned, actual = format_number(point.planned, lang), format_number(point.actual, lang)
        kind = actual_kind(point, lang) if point.actual is not None else ""
        parts.append(YEAR(x=round(x0 + step / 2 - 12, 1), y=HEIGHT - 6, label=point.year,
                          css="axis current" if point.year == year else "axis"))
        if point.actual is not None:
            top, bottom = sorted((y(point.actual), zero))
            parts.append(BAR(x=round(x0 + step * 0.25, 1), y=top, width=round(step * 0.5, 1),
                             height=round(max(bottom - top, 1), 1),
                             title=f"{point.year}: {actual_label} {actual} {unit} ({kind})"))
        if point.planned is not None:
            parts.append(MARK(x=round(x0 + step * 0.1, 1), y=round(y(point.planned) - 1.5, 1),
                              width=round(step * 0.8, 1), title=f"{point.year}: {planned_label} {planned} {unit}"))
        rows.append(ROW_KIND(year=point.year, planned=planned or "—", actual=actual, kind=kind) if kind
                    else ROW(year=point.year, planned=planned or "—", actual=actual or "—"))
        said.append(f"{point.year}: {planned_label} {planned or '—'}, {actual_label} {actual or '—'}")
    desc = f"{gettext('Planned against actual')}{f' ({unit})' if unit else ''}: {'; '.join(said)}"
    return FIGURE(id=chart_id, title=f"{row.label}. {row.name}", desc=desc, parts=html.join(parts),
                  planned=planned_label, actual=actual_label, data_label=gettext("The chart's figures"),
                  year_label=gettext("Year"), rows=html.join(rows))


@register.simple_tag
def number(value) -> str:
    """A value as the reader writes numbers («1 200,5»)."""
    return format_number(value, current_lang())


@register.simple_tag
def status_word(row) -> str:
    """The indicator's status in words, in the reader's language (the rule's labels)."""
    return row.status.label(current_lang())
