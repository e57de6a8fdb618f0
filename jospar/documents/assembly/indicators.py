"""The goals and their indicators as a plain table for Excel (`writers.table.render_table_xlsx`): the report
page's indicators table, one row per indicator, in one state language. Names, units, sources and comments
are users' text: the writer stores them as text, never as formulas."""
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from jospar.clock import today_in
from jospar.documents.writers.table import render_table_xlsx
from jospar.i18n import exact
from jospar.monitoring import selectors as monitoring
from jospar.monitoring.indicators import IndicatorTable
from jospar.monitoring.templatetags.indicator_chart import actual_kind


def _number(value):
    return float(value) if value is not None else ""


def indicator_rows(table: IndicatorTable, lang: str) -> tuple[list, list]:
    """(header rows, rows): per indicator its group, heading and name, unit, planned, actual and its kind, the
    achievement, the status in words, the events executed of those serving it, its source and comment, the
    planned and actual values of each year of the development plan."""
    years = table.years
    planned_word, actual_word = pgettext("indicators", "planned"), pgettext("indicators", "actual")
    header = [[
        pgettext("indicators", "Goal or direction"), pgettext("indicators", "Indicator"), _("Name"),
        _("Unit of measure"), _("Responsible"), _("Planned, %(year)s") % {"year": table.year},
        _("Actual, %(year)s") % {"year": table.year}, pgettext("indicators", "Actual value"),
        _("Achievement, %"), _("Status"), pgettext("indicators", "Events executed"), _("Events"),
        pgettext("indicators", "Needs other events"), pgettext("indicators", "Source"), _("Comment"),
        *[f"{y}: {planned_word}" for y in years], *[f"{y}: {actual_word}" for y in years],
    ]]
    rows = []
    for d in table.directions:
        groups = [(d, d.macroindicators)] + [(g, g.indicators) for g in d.goals]
        for group, indicators in groups:
            for row in indicators:
                actual = row.actual
                rows.append([
                    f"{group.label}. {group.name}", row.label, row.name, row.unit_of_measure,
                    exact(row.responsible_unit, "name", lang) if row.responsible_unit else "",
                    _number(row.planned), _number(actual.value if actual else None),
                    actual_kind(actual, lang) if actual else "", _number(row.achievement.percent),
                    row.status.label(lang), row.events_executed, row.events_total,
                    _("yes") if row.needs_other_events else "",
                    exact(actual, "source", lang) if actual else "", exact(actual, "comment", lang) if actual else "",
                    *[_number(p.planned) for p in row.years], *[_number(p.actual) for p in row.years],
                ])
    return header, rows


def indicators_workbook(period, lang: str) -> tuple[bytes, str] | None:
    """The indicators table of ``period``'s report as an .xlsx in ``lang`` (kk or ru), and its file name; None
    before the plan is approved."""
    with translation.override(lang):
        compiled, _decisions = monitoring.report_page(period, lang, view=monitoring.CUMULATIVE,
                                                      today=today_in(period.plan.body.time_zone))
        table: IndicatorTable | None = compiled.indicators if compiled else None
        if table is None:
            return None
        header, rows = indicator_rows(table, lang)
        title = _("Target indicators: planned against actual, %(year)s") % {"year": table.year}
        data = render_table_xlsx(f"{title} — {period.title}", header, rows, sheet=str(table.year))
    return data, f"indicators-{period.year}-q{period.quarter}-{lang}.xlsx"
