"""Form 2 read from monitoring: the report rows of a period as an official document."""
from django.utils import translation
from django.utils.translation import gettext

from jospar.documents.assembly.form1 import form2_document_from_rows
from jospar.documents.assembly.status import form2_status
from jospar.documents.writers.layout import OfficialDocument
from jospar.i18n import exact
from jospar.monitoring import selectors as monitoring

CUMULATIVE, QUARTER = monitoring.CUMULATIVE, monitoring.QUARTER


def report_filename(period, lang: str, view: str) -> str:
    """``report-2026-q3-ru`` (the official cumulative report) or ``report-2026-q3-quarter-ru``."""
    suffix = "-quarter" if view == QUARTER else ""
    return f"report-{period.year}-q{period.quarter}{suffix}-{lang}"


def form2_document(period, lang: str, view: str = CUMULATIVE, *, report=None) -> OfficialDocument | None:
    """Form 2 of ``period`` in ``lang``; None before the plan has an approved version (nothing to report).
    The execution texts are those written in ``lang`` only (Russian ones in an English document).
    ``report``: the period's report as given (the signatures app's prepare passes one stamped as submitted, not
    saved); by default read from the database."""
    if report is None:
        report = monitoring.report_of(period)
    rows = monitoring.form2_rows(report or period, lang, view=view, official=True)
    if not rows:
        return None
    label = period.rules_period.report_period_label(lang, cumulative=view == CUMULATIVE)
    version = monitoring.report_version(period, report)
    return form2_document_from_rows(plan=period.plan, rows=rows, period_label=label, lang=lang,
                                    filename=report_filename(period, lang, view), notes=report_notes(report, lang),
                                    status=form2_status(report, version, lang))


def report_notes(report, lang: str) -> list[tuple[str, str]]:
    """The report's general recommendations and proposals to amend the plan (rules §16), headed as on
    the report page, in ``lang`` only (the Kazakh document never borrows the Russian text); always both
    headings (the writers print a dash under an empty one)."""
    with translation.override(lang):
        return [(gettext("Recommendations to the officials"), exact(report, "general_recommendations", lang)
                 if report else ""),
                (gettext("Proposals to amend and supplement the plan"), exact(report, "amendment_proposals", lang)
                 if report else "")]
