"""A small chart per indicator: planned against actual over the development plan's years, as inline SVG.

Drawn here, no script and no chart library: the positions are computed in Python and the template
(`monitoring/_indicator_chart.html`) writes them, the texts (the indicator's name, its unit of measure,
the years and the values) through the template engine's escaping. Each chart is an `<svg role="img">` with
a `<title>` and a `<desc>` that say the values in words, and the same values follow it as a table (the text
alternative).
"""
from dataclasses import dataclass

from django import template
from django.utils.translation import gettext

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


def _scale(values: list) -> tuple[float, float]:
    low = min(min(values), 0)
    high = max(values)
    if high == low:
        high = low + 1
    return float(low), float(high + (high - low) * 0.08)


def chart_data(line, lang: str, chart_id: str) -> dict:
    """What the template draws for ``line`` (an `indicator_table.Line`): its points over the years, the two
    polylines, the axis labels and the text alternative."""
    years = [p.year for p in line.points]
    values = [float(v) for p in line.points for v in (p.planned, p.actual) if v is not None]
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    n = max(len(years), 1)
    step = plot_w / n
    planned_label, actual_label = gettext("planned"), gettext("actual")
    unit = line.unit
    data: dict = {"id": chart_id, "width": WIDTH, "height": HEIGHT, "left": LEFT, "right": WIDTH - RIGHT,
                  "top": TOP, "bottom": HEIGHT - BOTTOM, "tick_x": LEFT - 4, "year_y": HEIGHT - 6, "planned_label": planned_label,
                  "actual_label": actual_label, "years": [], "planned": [], "actual": [], "ticks": [],
                  "rows": [], "empty": not values}
    low, high = _scale(values) if values else (0.0, 1.0)

    def y(value) -> float:
        return round(TOP + plot_h - plot_h * (float(value) - low) / (high - low), 1)

    for value in (low, high):
        data["ticks"].append({"y": y(value), "ty": y(value) + 3,
                              "label": format_number(round(value, 2 if abs(value) < 100 else 0), lang)})
    planned_points, actual_points = [], []
    for i, point in enumerate(line.points):
        x = round(LEFT + step * i + step / 2, 1)
        data["years"].append({"x": x, "label": str(point.year), "current": point.year == line.year})
        planned = format_number(point.planned, lang)
        actual = format_number(point.actual, lang)
        if point.planned is not None:
            planned_points.append(f"{x},{y(point.planned)}")
            data["planned"].append(Mark(x, y(point.planned), f"{point.year}: {planned_label} {planned} {unit}"))
        if point.actual is not None:
            actual_points.append(f"{x},{y(point.actual)}")
            word = point.kind_label
            data["actual"].append(Mark(x, y(point.actual),
                                       f"{point.year}: {actual_label} {actual} {unit} ({word})".strip()))
        data["rows"].append({"year": point.year, "planned": planned or "—", "actual": actual or "—",
                             "kind": point.kind_label if point.actual is not None else ""})
    data["planned_line"] = " ".join(planned_points)
    data["actual_line"] = " ".join(actual_points)
    said = "; ".join(f"{r['year']}: {planned_label} {r['planned']}, {actual_label} {r['actual']}"
                     for r in data["rows"])
    data["title"] = f"{line.label} {line.name}".strip()
    data["desc"] = f"{gettext('Planned against actual')} ({unit}): {said}" if unit else \
        f"{gettext('Planned against actual')}: {said}"
    return data


@register.inclusion_tag("monitoring/_indicator_chart.html")
def indicator_chart(line, lang: str, prefix: str = "ichart"):
    return {"c": chart_data(line, lang, f"{prefix}-{line.kind}{line.id}")}
