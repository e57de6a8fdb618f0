"""The goals and their indicators as a plain table for Excel (`writers.table.render_table_xlsx`): the report
page's indicators table, one row per indicator, in one state language. Names, units, sources and comments
are users' text: the writer stores them as text, never as formulas."""
from django.utils import translation
from django.utils.translation import gettext as _

from jospar.clock import today_in
from jospar.documents.writers.table import render_table_xlsx
from jospar.monitoring import selectors as monitoring
from jospar.monitoring.indicator_table import IndicatorTable


def _number(value):
    return float(value) if value is not None else ""


def indicator_rows(table: IndicatorTable, lang: str) -> tuple[list, list]:
    """(header rows, rows): per indicator its heading and name, unit, planned, actual and its kind, the
    achievement, the status in words, the events executed of those serving it, the planned and actual
    values of each year of the development plan."""
    with translation.override(lang):
        years = table.years
        header = [[_("Goal or direction"), _("Indicator"), _("Name"), _("Unit of measure"),
                   _("Planned, %(year)s") % {"year": table.year}, _("Actual, %(year)s") % {"year": table.year},
                   _("Actual value"), _("Achievement, %"), _("Status"), _("Events executed"), _("Events"),
                   _("Needs other events"), _("Source"), _("Comment"),
                   *[f"{y}: {_('planned')}" for y in years], *[f"{y}: {_('actual')}" for y in years]]]
        rows = []
        for group in table.groups:
            for line in group.lines:
                rows.append([
                    f"{group.label}. {group.name}", line.label, line.name, line.unit, _number(line.planned),
                    _number(line.actual), line.actual_kind,
                    _number(line.achievement), line.status_label or _("no value yet"), line.executed,
                    len(line.events), _("yes") if line.needs_other_events else "", line.source, line.comment,
                    *[_number(p.planned) for p in line.points], *[_number(p.actual) for p in line.points],
                ])
    return header, rows


def indicators_workbook(period, lang: str) -> tuple[bytes, str] | None:
    """The indicators table of ``period``'s report as an .xlsx in ``lang`` (kk or ru), and its file name; None
    before the plan is approved."""
    with translation.override(lang):
        compiled, _decisions = monitoring.report_page(period, lang, view=monitoring.CUMULATIVE,
                                                      today=today_in(period.plan.body.time_zone))
        table = compiled.indicators if compiled else None
        if table is None:
            return None
        header, rows = indicator_rows(table, lang)
        title = _("Target indicators: planned against actual, %(year)s") % {"year": table.year}
        title += f" — {period.title} {period.year}"
        data = render_table_xlsx(title, header, rows, sheet=str(table.year))
    return data, f"indicators-{period.year}-q{period.quarter}-{lang}.xlsx"
