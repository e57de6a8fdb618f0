"""Form 2 read from monitoring: the report rows of a period as an official document."""
from jospar.monitoring import selectors as monitoring

from .layout import OfficialDocument
from .selectors import form2_document_from_rows

CUMULATIVE, QUARTER = monitoring.CUMULATIVE, monitoring.QUARTER


def report_filename(period, lang: str, view: str) -> str:
    """``report-2026-q3-ru`` (the official cumulative report) or ``report-2026-q3-quarter-ru``."""
    suffix = "-quarter" if view == QUARTER else ""
    return f"report-{period.year}-q{period.quarter}{suffix}-{lang}"


def form2_document(period, lang: str, view: str = CUMULATIVE) -> OfficialDocument | None:
    """Form 2 of ``period`` in ``lang``; None before the plan has an approved version (nothing to report)."""
    rows = monitoring.form2_rows(period, lang, view=view)
    if not rows:
        return None
    label = period.cumulative_label(lang) if view == CUMULATIVE else period.label(lang)
    return form2_document_from_rows(plan=period.plan, rows=rows, period_label=label, lang=lang,
                                    filename=report_filename(period, lang, view))
