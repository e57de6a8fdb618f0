"""The national table as the rows of an Excel sheet (the same figures, filters and order as the page)."""
from django.utils.translation import gettext as _

from jospar.rules.timeliness import Timeliness

from .render import report_labels
from .selectors import QUARTERS, Table, quarter_label


def _dmy(d) -> str:
    return d.strftime("%d.%m.%Y") if d else ""


def table_rows(table: Table, lang: str) -> tuple[list[list], list[list], list]:
    """(header rows, body rows, totals row): numbers as numbers, text as text (the writer keeps it text)."""
    head = [_("State body"), _("Code"), _("Kind of body"), _("Region"), _("Plan status"), _("Version in force"),
            _("Approval due"), _("Approved on"), _("Days late")]
    for q in QUARTERS:
        label = quarter_label(q, lang)
        head += [f"{label}: {name}" for name in (
            _("units with anything due"), _("on time"), _("late"), _("missing"), _("not yet due"), _("Report"),
            _("Submitted on"))]
    head += [_("Events due"), _("executed"), _("partially executed"), _("not executed"),
             _("executed, %"), _("partially executed, %"), _("not executed, %"),
             _("Open decisions"), _("Overdue decisions"), _("Amendments")]
    labels = report_labels()
    rows = []
    for r in table.rows:
        line: list = [r.name, r.body.code, r.kind_label, r.region_label, r.state_label, r.version or "",
                      _dmy(r.approval_due), _dmy(r.approved_on), "" if r.days_late is None else r.days_late]
        for cell in r.quarters:
            u = cell.units
            line += [u.due, u.on_time, u.late, u.missing, u.pending] if u is not None else ["", "", "", "", ""]
            line += [labels.get(cell.report, "") if cell.report else "", _dmy(cell.report_on)]
        line += [r.items_due, r.executed, r.partial, r.not_executed, _share(r.executed_share),
                 _share(r.partial_share), _share(r.not_executed_share), r.decisions_open, r.decisions_overdue,
                 r.amendments]
        rows.append(line)
    t = table.totals
    totals: list = [_("Total: %(n)s bodies") % {"n": t.bodies}, "", "", "", "", t.approved, "", "", t.days_late or ""]
    for i in range(4):
        u, reports = t.units[i], t.reports[i]
        late_or_on = "; ".join(f"{labels[k]}: {reports[k]}" for k in (Timeliness.ON_TIME, Timeliness.LATE,
                                                                     Timeliness.MISSING, Timeliness.PENDING)
                               if reports.get(k))
        totals += [u.due, u.on_time, u.late, u.missing, u.pending, late_or_on, ""]
    totals += [t.items_due, t.executed, t.partial, t.not_executed, _share(t.executed_share),
               _share(t.partial_share), _share(t.not_executed_share), t.decisions_open, t.decisions_overdue,
               t.amendments]
    return [head], rows, totals


def _share(value: float | None):
    return "" if value is None else value


