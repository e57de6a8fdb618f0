"""The indicators' table cells and a small chart per indicator: planned against actual over the development
plan's years, as inline SVG.

Drawn here, no script and no chart library: the positions are computed in Python and the template
(`monitoring/_indicator_chart.html`) writes them, the texts (the indicator's name, its unit of measure, the
years and the values) through the template engine's escaping. Each chart is an `<svg role="img">` labelled by
its `<title>` and a `<desc>` that says the values in words, and the same values follow it as a table (the
text alternative).
"""
from dataclasses import dataclass

from django import template
from django.utils.translation import gettext

from jospar import rules
from jospar.i18n import current_lang, localized
from jospar.rules.numbers import format_number

register = template.Library()

WIDTH, HEIGHT = 240, 110
LEFT, RIGHT, TOP, BOTTOM = 44, 8, 8, 20  # the plot area inside the box


@dataclass(slots=True)
class Mark:
    x: float
    y: float
    title: str

    @property
    def corner_x(self) -> float:  # the square marker's corner
        return round(self.x - 3, 1)

    @property
    def corner_y(self) -> float:
        return round(self.y - 3, 1)


def _scale(values: list[float]) -> tuple[float, float]:
    low, high = min(min(values), 0.0), max(values)
    if high == low:
        high = low + 1
    return low, high + (high - low) * 0.08


def actual_kind(point_or_actual, lang: str) -> str:
    """«final» or «estimate, II quarter» for a year's actual value."""
    if getattr(point_or_actual, "is_final", False):
        return gettext("final value")
    quarter = getattr(point_or_actual, "quarter", None)
    if quarter is None and hasattr(point_or_actual, "period"):
        quarter = point_or_actual.period.quarter
    return gettext("estimate, %(quarter)s") % {"quarter": rules.ReportingPeriod(2000, quarter).label(lang)} \
        if quarter else ""


def chart_data(row, lang: str, chart_id: str, year: int) -> dict:
    """What the template draws for ``row`` (an `indicators.IndicatorRow`): its points over the years, the two
    polylines, the axis labels and the text alternative."""
    points = row.years
    values = [float(v) for p in points for v in (p.planned, p.actual) if v is not None]
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_w / max(len(points), 1)
    planned_label, actual_label = gettext("planned"), gettext("actual")
    unit = row.unit_of_measure
    data: dict = {"id": chart_id, "width": WIDTH, "height": HEIGHT, "left": LEFT, "right": WIDTH - RIGHT,
                  "bottom": HEIGHT - BOTTOM, "tick_x": LEFT - 4, "year_y": HEIGHT - 6,
                  "planned_label": planned_label, "actual_label": actual_label, "years": [], "planned": [],
                  "actual": [], "ticks": [], "rows": []}
    low, high = _scale(values) if values else (0.0, 1.0)

    def y(value) -> float:
        return round(TOP + plot_h - plot_h * (float(value) - low) / (high - low), 1)

    for value in (low, high):
        shown = round(value, 2 if abs(value) < 100 else 0)
        data["ticks"].append({"y": y(value), "ty": round(y(value) + 3, 1), "label": format_number(shown, lang)})
    planned_line, actual_line = [], []
    for i, point in enumerate(points):
        x = round(LEFT + step * i + step / 2, 1)
        data["years"].append({"x": x, "label": str(point.year), "current": point.year == year})
        planned, actual = format_number(point.planned, lang), format_number(point.actual, lang)
        kind = actual_kind(point, lang) if point.actual is not None else ""
        if point.planned is not None:
            planned_line.append(f"{x},{y(point.planned)}")
            data["planned"].append(Mark(x, y(point.planned), f"{point.year}: {planned_label} {planned} {unit}"))
        if point.actual is not None:
            actual_line.append(f"{x},{y(point.actual)}")
            data["actual"].append(Mark(x, y(point.actual), f"{point.year}: {actual_label} {actual} {unit} ({kind})"))
        data["rows"].append({"year": point.year, "planned": planned or "—", "actual": actual or "—", "kind": kind})
    data["planned_line"], data["actual_line"] = " ".join(planned_line), " ".join(actual_line)
    said = "; ".join(f"{r['year']}: {planned_label} {r['planned']}, {actual_label} {r['actual']}" for r in data["rows"])
    data["title"] = f"{row.label}. {row.name}"
    data["desc"] = f"{gettext('Planned against actual')}{f' ({unit})' if unit else ''}: {said}"
    return data


@register.inclusion_tag("monitoring/_indicator_chart.html")
def indicator_chart(row, year: int, prefix: str = "ichart"):
    return {"c": chart_data(row, current_lang(), f"{prefix}-{row.key.replace(':', '')}", year)}


@register.simple_tag
def number(value) -> str:
    """A value as the reader writes numbers («1 200,5»)."""
    return format_number(value, current_lang())


@register.simple_tag
def actual_text(actual, field: str) -> str:
    """An actual value's source or comment in the reader's language (with the fallback)."""
    return localized(actual, field) if actual is not None else ""


@register.simple_tag
def kind_of(actual) -> str:
    return actual_kind(actual, current_lang()) if actual is not None else ""


@register.simple_tag
def status_word(row) -> str:
    """The indicator's status in words, in the reader's language (the rule's labels)."""
    return row.status.label(current_lang())
