"""Django admin for the monitoring records: read-only here, with their history (see jospar/admin_records.py).
Periods, work lists, submissions, reports and decisions change only through the app's services."""
from django.contrib import admin

from jospar.admin_records import PlainRecordAdmin, RecordAdmin

from .basis_models import AmendmentBasis
from .models import (
    Attachment,
    Contribution,
    Decision,
    EventRecommendation,
    ExecutionEntry,
    IndicatorActual,
    Reminder,
    Report,
    ReportFigure,
    ReportingPeriod,
    ReportStep,
    UnitSubmission,
)
from .summary_models import QuarterSummary, YearSummary


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(PlainRecordAdmin):
    list_display = ("__str__", "plan", "quarter")
    list_filter = ("plan__body",)


@admin.register(ExecutionEntry)
class ExecutionEntryAdmin(RecordAdmin):
    list_display = ("period", "event", "occurrence", "unit", "status", "state", "submitted_at")
    list_filter = ("state", "status", "period")


@admin.register(UnitSubmission)
class UnitSubmissionAdmin(RecordAdmin):
    list_display = ("period", "unit", "status", "submitted_on", "is_late", "delay_days")
    list_filter = ("status", "is_late", "period")


@admin.register(Report)
class ReportAdmin(RecordAdmin):
    list_display = ("period", "status", "submitted_on", "is_late", "delay_days")


@admin.register(Decision)
class DecisionAdmin(RecordAdmin):
    list_display = ("__str__", "report", "responsible_unit", "due_on", "requests_amendment")
    list_filter = ("requests_amendment",)


@admin.register(IndicatorActual)
class IndicatorActualAdmin(RecordAdmin):
    """An indicator's actual value as its responsible unit reported it (with its history)."""

    list_display = ("period", "unit", "macroindicator", "target_indicator", "is_final", "value", "updated_at")
    list_filter = ("is_final", "period")


@admin.register(AmendmentBasis)
class AmendmentBasisAdmin(PlainRecordAdmin):
    """An indicator named as the basis of the report's proposals to amend the plan."""

    list_display = ("report", "macroindicator", "target_indicator", "created_at")


admin.site.register(EventRecommendation, RecordAdmin)
admin.site.register(Contribution, RecordAdmin)
admin.site.register(Attachment, RecordAdmin)


@admin.register(Reminder)
class ReminderAdmin(PlainRecordAdmin):
    list_display = ("key", "kind", "stage", "recipient", "sent_at")


@admin.register(ReportStep)
class ReportStepAdmin(PlainRecordAdmin):
    """The report's hand-overs are a record: read here, never written or erased."""

    list_display = ("report", "action", "actor", "at")


@admin.register(ReportFigure)
class ReportFigureAdmin(PlainRecordAdmin):
    """A submitted report's kept execution figures (monitoring/figures.py): derived, read-only."""

    list_display = ("report", "scope", "position", "line", "number", "executed", "partial", "not_executed")
    list_filter = ("scope", "line")


@admin.register(YearSummary)
class YearSummaryAdmin(PlainRecordAdmin):
    """The national view's kept figures of a plan year (monitoring/summaries.py): derived, read-only;
    `manage.py rebuild_summaries` recomputes them."""

    list_display = ("body", "year", "state", "version_in_force", "approval_due_on", "approved_on", "amendments",
                    "decisions_open")
    list_filter = ("year", "state")


@admin.register(QuarterSummary)
class QuarterSummaryAdmin(PlainRecordAdmin):
    """The national view's kept figures of a reporting quarter: derived, read-only."""

    list_display = ("body", "year", "quarter", "units_due", "units_on_time", "units_late", "report_state",
                    "report_submitted_on", "items_due", "executed")
    list_filter = ("year", "quarter", "report_state")
