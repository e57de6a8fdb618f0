"""Django admin: the monitoring records with their history; submitted information is read-only here too."""
from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Attachment,
    Contribution,
    Decision,
    EventRecommendation,
    ExecutionEntry,
    Reminder,
    Report,
    ReportingPeriod,
    ReportStep,
    UnitSubmission,
)


class LockedWhenSubmitted:
    """Submitted information and submitted reports change only through the app's return workflow."""

    def _locked(self, obj) -> bool:
        return getattr(obj, "state", getattr(obj, "status", "")) == "submitted"

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not (obj and self._locked(obj))

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not (obj and self._locked(obj))


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(admin.ModelAdmin):
    list_display = ("__str__", "plan", "quarter")
    list_filter = ("plan__body",)


@admin.register(ExecutionEntry)
class ExecutionEntryAdmin(LockedWhenSubmitted, SimpleHistoryAdmin):
    list_display = ("period", "event", "occurrence", "unit", "status", "state", "submitted_at")
    list_filter = ("state", "status", "period")
    raw_id_fields = ("event", "unit", "returned_by", "updated_by")


@admin.register(UnitSubmission)
class UnitSubmissionAdmin(SimpleHistoryAdmin):
    list_display = ("period", "unit", "status", "submitted_on", "is_late", "delay_days")
    list_filter = ("status", "is_late", "period")


@admin.register(Report)
class ReportAdmin(LockedWhenSubmitted, SimpleHistoryAdmin):
    list_display = ("period", "status", "submitted_on", "is_late", "delay_days")


@admin.register(Decision)
class DecisionAdmin(SimpleHistoryAdmin):
    list_display = ("__str__", "report", "responsible_unit", "due_on", "requests_amendment")
    list_filter = ("requests_amendment",)
    raw_id_fields = ("events",)


admin.site.register(EventRecommendation, SimpleHistoryAdmin)
admin.site.register(Contribution, SimpleHistoryAdmin)
admin.site.register(Attachment, SimpleHistoryAdmin)


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    list_display = ("key", "kind", "stage", "recipient", "sent_at")
    readonly_fields = ("key", "period", "kind", "stage", "unit", "recipient", "sent_at")


@admin.register(ReportStep)
class ReportStepAdmin(admin.ModelAdmin):
    """The report's hand-overs are a record: read here, never written or erased."""

    list_display = ("report", "action", "actor", "at")
    readonly_fields = ("report", "action", "actor", "at", "comment")

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
