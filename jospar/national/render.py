"""The national table and its charts as HTML, built in Python on the templates of `jospar.web.html`.

Two hundred bodies of 24 columns are ~5,000 cells: built here in one pass (every value escaped by the
templates), the page costs about what the query does. The charts are inline SVG drawn here (no script, no
CDN): stacked bars of shares, each bar with its figures in a <title>, each chart with a <title> and <desc>
and, under it, the same figures as a table (the text alternative).
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import lru_cache

from django.urls import reverse
from django.utils.translation import gettext as _

from jospar.rules.timeliness import Timeliness, UnitsCount
from jospar.web import html

from .selectors import QUARTERS, Filters, Table, Totals, TrendPoint, quarter_label

# --- the table ------------------------------------------------------------------------------------------------

TH = html.template('<th scope="col" rowspan="{rowspan}" class="sortable"><a href="?{query}">{label}</a></th>')
TH_ASC = html.template('<th scope="col" rowspan="{rowspan}" class="sortable sorted" aria-sort="ascending">'
                       '<a href="?{query}">{label} ▲</a></th>')
TH_DESC = html.template('<th scope="col" rowspan="{rowspan}" class="sortable sorted" aria-sort="descending">'
                        '<a href="?{query}">{label} ▼</a></th>')
GROUP = html.template('<th scope="colgroup" colspan="{span}" class="group">{label}</th>')
ROW = html.template(
    '<tr data-body="{code}"><th scope="row" class="body"><a href="{url}">{name}</a> <span class="code">{code}</span>'
    '</th><td class="kind">{kind}</td><td>{region}</td><td><span class="status status-{state}">{state_label}</span>'
    '</td><td class="num">{version}</td><td class="date">{due}</td><td class="date">{approved}</td>'
    '<td class="num {late_css}">{late}</td>{quarters}<td class="num">{executed}</td><td class="num">{partial}</td>'
    '<td class="num">{not_executed}</td><td class="num">{open}</td><td class="num {overdue_css}">{overdue}</td>'
    '<td class="num">{amendments}</td></tr>'
)
UNITS = html.template(
    '<td class="units" title="{title}"><span class="n-on_time">{on_time}</span> · <span class="n-late">{late}</span>'
    ' · <span class="n-missing">{missing}</span> <span class="of">/ {due}</span>{pending}</td>'
)
PENDING = html.template(' <span class="n-pending" title="{title}">+{n}</span>')
NOTHING = html.template('<td class="muted">—</td>')()
NOTHING_DUE = html.template('<td class="muted" title="{title}">0</td>')
REPORT_LINK = html.template('<td class="report"><a class="pill r-{state}" href="{url}">{label}</a> '
                            '<span class="when">{when}</span></td>')
REPORT = html.template('<td class="report"><span class="pill r-{state}">{label}</span> '
                       '<span class="when">{when}</span></td>')
TOTALS = html.template(
    '<tr class="totals"><th scope="row">{label}</th><td></td><td></td><td>{states}</td><td class="num">{version}</td>'
    '<td></td><td>{approvals}</td><td class="num">{late}</td>{quarters}<td class="num">{executed}</td>'
    '<td class="num">{partial}</td><td class="num">{not_executed}</td><td class="num">{open}</td>'
    '<td class="num">{overdue}</td><td class="num">{amendments}</td></tr>'
)
TOTAL_REPORTS = html.template(
    '<td class="report"><span class="n-on_time">{on_time}</span> · <span class="n-late">{late}</span> · '
    '<span class="n-missing">{missing}</span>{pending}</td>'
)
DASH = "—"


@lru_cache(maxsize=4096)
def _dmy(d: date | None) -> str:
    return d.strftime("%d.%m.%Y") if d else ""


def _pct(value: float | None, lang: str) -> str:
    if value is None:
        return DASH
    text = f"{value:.1f}"
    return (text.replace(".", ",") if lang in ("kk", "ru") else text) + "%"


def report_labels() -> dict:
    return {Timeliness.ON_TIME: _("on time"), Timeliness.LATE: _("late"), Timeliness.MISSING: _("missing"),
            Timeliness.PENDING: _("not yet due")}


def columns() -> list[tuple[str, str, str]]:
    """(sort key, label, group) of every column, in order; the group is the header above (or "")."""
    cols = [("body", _("State body"), ""), ("kind", _("Kind of body"), ""), ("region", _("Region"), ""),
            ("status", _("Plan status"), ""), ("version", _("Version in force"), ""),
            ("due", _("Approval due"), "approval"), ("approved", _("Approved on"), "approval"),
            ("late", _("Days late"), "approval")]
    for q in QUARTERS:
        cols += [(f"q{q}u", _("Units' information"), f"q{q}"), (f"q{q}r", _("Report"), f"q{q}")]
    cols += [("executed", _("executed"), "execution"), ("partial", _("partially"), "execution"),
             ("not_executed", _("not executed"), "execution"),
             ("open", _("not carried out"), "decisions"), ("overdue", _("overdue"), "decisions"),
             ("amendments", _("Amendments"), "")]
    return cols


def group_labels(lang: str) -> dict:
    return {"approval": _("Approval (§6)"), "execution": _("Events due, executed (share)"),
            "decisions": _("Decisions"),
            **{f"q{q}": _("%(quarter)s: information (§13) and report (§15)") % {"quarter": quarter_label(q, lang)}
               for q in QUARTERS}}


def thead(filters: Filters, lang: str) -> html.Html:
    groups = group_labels(lang)
    top: list[html.Html] = []
    bottom: list[html.Html] = []
    cols = columns()
    i = 0
    while i < len(cols):
        key, label, group = cols[i]
        if not group:
            top.append(_th(filters, key, label, 2))
            i += 1
            continue
        span = 1
        while i + span < len(cols) and cols[i + span][2] == group:
            span += 1
        top.append(GROUP(span=span, label=groups[group]))
        bottom.extend(_th(filters, k, lab, 1) for k, lab, _g in cols[i:i + span])
        i += span
    return html.join([_TR_OPEN, *top, _TR_CLOSE, _TR_OPEN, *bottom, _TR_CLOSE])


_TR_OPEN = html.template("<tr>")()
_TR_CLOSE = html.template("</tr>")()


def _th(filters: Filters, key: str, label: str, rowspan: int) -> html.Html:
    if filters.sort == key:
        other = "desc" if filters.dir == "asc" else "asc"
        template = TH_ASC if filters.dir == "asc" else TH_DESC
        return template(rowspan=rowspan, query=filters.query(sort=key, dir=other), label=label)
    return TH(rowspan=rowspan, query=filters.query(sort=key, dir="asc"), label=label)


def _units_cell(units: UnitsCount | None, titles: dict, cache: dict) -> html.Html:
    """A quarter's units: on time · late · missing / due (+ not yet due). Bodies share figures often: each
    distinct cell is built once per page."""
    if units is None:
        return NOTHING
    cell = cache.get(units)
    if cell is not None:
        return cell
    if units.due == 0:
        cell = NOTHING_DUE(title=titles["nothing"])
    else:
        pending = PENDING(title=titles["pending"], n=units.pending) if units.pending else ""
        cell = UNITS(title=titles["units"] % {"on_time": units.on_time, "late": units.late,
                                              "missing": units.missing, "due": units.due},
                     on_time=units.on_time, late=units.late, missing=units.missing, due=units.due, pending=pending)
    cache[units] = cell
    return cell


def tbody(table: Table, lang: str) -> html.Rows:
    rows = html.Rows()
    labels = report_labels()
    titles = {
        "units": _("on time %(on_time)s, late %(late)s, missing %(missing)s of %(due)s units with anything due"),
        "nothing": _("no unit had anything due"),
        "pending": _("units whose information is not due yet"),
    }
    year = table.filters.year
    # the drill-down's addresses (national/urls.py), put together here rather than reversed 1,000 times
    root = reverse("national:bodies")
    dash = DASH
    cells: dict = {}
    for r in table.rows:
        code = r.body.code
        quarters = []
        for cell in r.quarters:
            quarters.append(_units_cell(cell.units, titles, cells))
            if cell.report is None:
                quarters.append(NOTHING)
            elif cell.report in (Timeliness.ON_TIME, Timeliness.LATE):
                when = _dmy(cell.report_on)
                if cell.report == Timeliness.LATE and cell.report_on and cell.report_due:
                    when += f" (+{(cell.report_on - cell.report_due).days})"
                quarters.append(REPORT_LINK(state=cell.report, label=labels[cell.report], when=when,
                                            url=f"{root}{code}/{year}/q{cell.quarter}/form2/"))
            else:
                quarters.append(REPORT(state=cell.report, label=labels[cell.report], when=_dmy(cell.report_due)))
        late = r.days_late
        ROW.add_to(
            rows, code=code, url=f"{root}{code}/{year}/", name=r.name, kind=r.kind_label,
            region=r.region_label or dash, state=r.state, state_label=r.state_label, version=r.version or dash,
            due=_dmy(r.approval_due) or dash, approved=_dmy(r.approved_on) or dash,
            late_css="late" if late else "", late=dash if late is None else late, quarters=html.join(quarters),
            executed=_pct(r.executed_share, lang), partial=_pct(r.partial_share, lang),
            not_executed=_pct(r.not_executed_share, lang), open=r.decisions_open,
            overdue_css="late" if r.decisions_overdue else "", overdue=r.decisions_overdue, amendments=r.amendments,
        )
    return rows


def tfoot(totals: Totals, lang: str, state_labels: dict) -> html.Html:
    titles = {
        "units": _("on time %(on_time)s, late %(late)s, missing %(missing)s of %(due)s units with anything due"),
        "nothing": _("no unit had anything due"),
        "pending": _("units whose information is not due yet"),
    }
    quarters = []
    for i in range(4):
        units = totals.units[i]
        quarters.append(_units_cell(units if units.due or totals.reports[i] else None, titles, {}))
        reports = totals.reports[i]
        if not reports:
            quarters.append(NOTHING)
            continue
        pending = reports.get(Timeliness.PENDING, 0)
        quarters.append(TOTAL_REPORTS(on_time=reports.get(Timeliness.ON_TIME, 0), late=reports.get(Timeliness.LATE, 0),
                                      missing=reports.get(Timeliness.MISSING, 0),
                                      pending=PENDING(title=_("reports not due yet"), n=pending) if pending else ""))
    states = "; ".join(f"{state_labels.get(k, k)}: {n}" for k, n in totals.by_state.items())
    approvals = "; ".join(f"{label}: {totals.approvals[k]}" for k, label in report_labels().items()
                          if totals.approvals.get(k))
    return TOTALS(
        label=_("Total: %(n)s bodies") % {"n": totals.bodies}, states=states, version=totals.approved,
        approvals=approvals, late=totals.days_late or DASH, quarters=html.join(quarters),
        executed=_pct(totals.executed_share, lang), partial=_pct(totals.partial_share, lang),
        not_executed=_pct(totals.not_executed_share, lang), open=totals.decisions_open,
        overdue=totals.decisions_overdue, amendments=totals.amendments,
    )


# --- the charts -------------------------------------------------------------------------------------------------

SVG_OPEN = html.template(
    '<svg class="chart" role="img" viewBox="0 0 420 210" width="420" height="210" xmlns="http://www.w3.org/2000/svg">'
    '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>'
)
SVG_CLOSE = html.template("</svg>")()
AXIS = html.template('<text x="{x}" y="{y}" class="axis">{label}</text>')
GRID = html.template('<rect x="{x}" y="{y}" width="{width}" height="1" class="grid"></rect>')
BAR = html.template('<rect x="{x}" y="{y}" width="{width}" height="{height}" class="s-{series}">'
                    '<title>{title}</title></rect>')
BAR_LABEL = html.template('<text x="{x}" y="{y}" class="barlabel">{label}</text>')
EMPTY_BAR = html.template('<rect x="{x}" y="{y}" width="{width}" height="{height}" class="s-empty">'
                          '<title>{title}</title></rect>')
FIGURE = html.template(
    '<figure class="chart-box" id="{id}"><figcaption>{title}</figcaption>{svg}'
    '<p class="legend">{legend}</p>'
    '<details class="chart-data"><summary>{data_label}</summary><table class="list"><thead><tr><th scope="col">{period}'
    '</th>{heads}<th scope="col">{total_label}</th></tr></thead><tbody>{rows}</tbody></table></details></figure>'
)
LEGEND = html.template('<span><i class="s-{series}"></i>{label}</span>')
DATA_HEAD = html.template('<th scope="col">{label}</th>')
DATA_ROW = html.template('<tr><th scope="row">{label}</th>{cells}<td>{total}</td></tr>')
DATA_CELL = html.template("<td>{value}</td>")

TOP, HEIGHT, LEFT = 12, 160, 40  # the plot area: y from TOP to TOP + HEIGHT, x from LEFT to 410


def stacked_chart(chart_id: str, title: str, desc: str, points: list[tuple[str, list[int]]],
                  series: list[tuple[str, str]], lang: str) -> html.Html:
    """Bars of 100%: each point's values as shares of their sum, stacked in the order of ``series``."""
    parts = [SVG_OPEN(id=chart_id, title=title, desc=desc)]
    for pct in (0, 50, 100):
        y = TOP + HEIGHT - HEIGHT * pct // 100
        parts.append(GRID(x=LEFT, y=y, width=410 - LEFT))
        parts.append(AXIS(x=2, y=y + 4, label=f"{pct}%"))
    n = max(len(points), 1)
    slot = (410 - LEFT) / n
    width = min(56.0, slot * 0.7)
    for i, (label, values) in enumerate(points):
        x = round(LEFT + slot * i + (slot - width) / 2, 1)
        total = sum(values)
        parts.append(BAR_LABEL(x=round(x, 1), y=TOP + HEIGHT + 16, label=label))
        if not total:
            parts.append(EMPTY_BAR(x=x, y=TOP, width=round(width, 1), height=HEIGHT,
                                   title=f"{label}: {_('nothing due')}"))
            continue
        bottom = float(TOP + HEIGHT)
        for (key, name), value in zip(series, values, strict=True):
            if not value:
                continue
            height = HEIGHT * value / total
            bottom -= height
            parts.append(BAR(x=x, y=round(bottom, 2), width=round(width, 1), height=round(height, 2), series=key,
                             title=f"{label}: {name} {value} ({_pct(100 * value / total, lang)})"))
    parts.append(SVG_CLOSE)
    legend = html.join(LEGEND(series=key, label=name) for key, name in series)
    heads = html.join(DATA_HEAD(label=name) for _k, name in series)
    rows = html.join(
        DATA_ROW(label=label, total=sum(values),
                 cells=html.join(DATA_CELL(value=f"{v} ({_pct(100 * v / sum(values), lang)})" if sum(values) else v)
                                 for v in values))
        for label, values in points
    )
    return FIGURE(id=chart_id, title=title, svg=html.join(parts), legend=legend, data_label=_("The chart's figures"),
                  period=_("Period"), heads=heads, total_label=_("Total"), rows=rows)


def _timeliness_series() -> list[tuple[str, str]]:
    labels = report_labels()
    return [(k.value, labels[k]) for k in (Timeliness.ON_TIME, Timeliness.LATE, Timeliness.MISSING,
                                           Timeliness.PENDING)]


def _units_values(p: TrendPoint) -> list[int]:
    return [p.units.on_time, p.units.late, p.units.missing, p.units.pending]


def _report_values(p: TrendPoint) -> list[int]:
    return [p.reports.get(k, 0) for k in (Timeliness.ON_TIME, Timeliness.LATE, Timeliness.MISSING,
                                          Timeliness.PENDING)]


def _execution_values(p: TrendPoint) -> list[int]:
    rest = max(0, p.items_due - p.executed - p.partial - p.not_executed)
    return [p.executed, p.partial, p.not_executed, rest]


def _approval_values(p: TrendPoint) -> list[int]:
    return [p.approvals.get(k, 0) for k in (Timeliness.ON_TIME, Timeliness.LATE, Timeliness.MISSING,
                                            Timeliness.PENDING)]


def charts(table: Table, lang: str) -> dict[str, list]:
    """The quarters of the year and the years, as stacked-bar charts with their text alternatives."""
    timeliness = _timeliness_series()
    execution = [("executed", _("executed")), ("partial", _("partially executed")),
                 ("not_executed", _("not executed")), ("no_info", _("no information yet"))]
    year = table.filters.year
    specs: list[tuple[str, str, str, Callable[[TrendPoint], list[int]], list]] = [
        ("units", _("Units' information (§13)"), _("Units with anything due, by how their information came"),
         _units_values, timeliness),
        ("reports", _("Reports (§15)"), _("Bodies' reports, by when they were submitted"), _report_values,
         timeliness),
        ("execution", _("Execution of the events due"), _("Events due, by the status the units reported"),
         _execution_values, execution),
    ]
    by_quarter = [
        stacked_chart(f"chart-q-{key}", f"{title}, {year}", desc,
                      [(p.label, values(p)) for p in table.quarter_trend], series, lang)
        for key, title, desc, values, series in specs
    ]
    by_year = [stacked_chart("chart-y-approval", _("Approval of the plans (§6)"),
                             _("Bodies' plans by when their first version was approved"),
                             [(p.label, _approval_values(p)) for p in table.year_trend], timeliness, lang)]
    by_year += [
        stacked_chart(f"chart-y-{key}", title, desc, [(p.label, values(p)) for p in table.year_trend], series, lang)
        for key, title, desc, values, series in specs
    ]
    return {"quarters": [html.safe(c) for c in by_quarter], "years": [html.safe(c) for c in by_year]}


def state_labels() -> dict:
    from jospar.monitoring.summary_models import PlanState

    return {k: str(v) for k, v in PlanState.choices}
