"""The kept figures of a submitted report: its execution summary (the whole plan, each strategic direction
and Section II; the quarter and cumulative from 1 January), stored as `ReportFigure` rows.

Written only by the services that change a report's state, in their transaction: `keep` when the report is
submitted, `drop` when it is taken back (returned or recalled). A submitted report never changes (entries
submitted after it are left out, the version is fixed, and its units' information can no longer be
returned), so its figures stay true. Read by the executive's home card in two queries whatever the
plan's size (`summary`).
"""
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext

from jospar.i18n import localized

from . import selectors
from .models import Report, ReportFigure, ReportStatus
from .report_data import Compiled, Counts, compile_report


def keep(report: Report, compiled: Compiled) -> None:
    """Store the summary of ``compiled`` (the report just submitted) as the report's figures."""
    drop(report)
    rows = []
    for scope, summary in ((ReportFigure.Scope.QUARTER, compiled.summary_quarter),
                           (ReportFigure.Scope.CUMULATIVE, compiled.summary_cumulative)):
        for position, counts in enumerate([summary.total, *summary.directions]):
            if position == 0:
                line, direction_id, number = ReportFigure.Line.TOTAL, None, 0
            elif counts.direction_id:
                line, direction_id, number = ReportFigure.Line.DIRECTION, counts.direction_id, counts.number
            else:
                line, direction_id, number = ReportFigure.Line.SECTION2, None, 0
            rows.append(ReportFigure(report=report, scope=scope, position=position, line=line,
                                     direction_id=direction_id, number=number,
                                     **dict(zip(ReportFigure.COUNTS, counts.n, strict=True))))
    ReportFigure.objects.bulk_create(rows)


def drop(report: Report) -> None:
    ReportFigure.objects.filter(report=report).delete()


@dataclass
class KeptSummary:
    """What the home card shows: the totals of the quarter and of the year so far, and the directions."""

    quarter: Counts
    cumulative: Counts
    directions: list  # Counts of each direction (and Section II), cumulative, in the order of the form


def summary(report: Report, lang: str) -> KeptSummary | None:
    """The report's kept figures labelled in ``lang`` (one query); None when none are kept (a report
    submitted before figures were kept: `manage.py keep_report_figures` fills them)."""
    figures = list(ReportFigure.objects.filter(report=report).select_related("direction").order_by("scope",
                                                                                                   "position"))
    if not figures:
        return None
    labels = report.period.plan.edition.form2
    totals, directions = {}, []
    for figure in figures:
        if figure.line == ReportFigure.Line.TOTAL:
            counts = totals[figure.scope] = Counts(gettext("All events"))
        elif figure.scope != ReportFigure.Scope.CUMULATIVE:
            continue
        elif figure.line == ReportFigure.Line.DIRECTION:
            counts = Counts(labels.get("direction", lang).format(n=figure.number),
                            localized(figure.direction, "name", lang), figure.direction_id, figure.number)
            directions.append(counts)
        else:
            counts = Counts(labels.get("section2", lang))
            directions.append(counts)
        counts.n = figure.counts
    return KeptSummary(totals[ReportFigure.Scope.QUARTER], totals[ReportFigure.Scope.CUMULATIVE], directions)


def from_compiled(compiled: Compiled) -> KeptSummary:
    return KeptSummary(compiled.summary_quarter.total, compiled.summary_cumulative.total,
                       compiled.summary_cumulative.directions)


def keep_missing() -> int:
    """Keep the figures of every submitted report that has none (submitted before figures were kept):
    `manage.py keep_report_figures`. Idempotent; each report in its own transaction. Returns how many."""
    kept = 0
    missing = Report.objects.filter(status=ReportStatus.SUBMITTED, figures__isnull=True).values_list("pk", flat=True)
    for pk in list(missing):
        with transaction.atomic():
            report = Report.objects.select_for_update(of=("self",)).select_related("period__plan__body").get(pk=pk)
            if not report.is_submitted or report.figures.exists():
                continue
            version = selectors.report_version(report.period, report)
            if version is None:
                continue
            keep(report, compile_report(report.period, version, "ru", report=report))
            kept += 1
    return kept
