"""Django admin for every planning model.

The development plan and the completion forms are reference data, kept here while no approved plan stands
on them. The operational plan, its versions, events, proposals and the record of hand-overs are workflow
records: read-only here (see jospar/admin_records.py), changed only through the app's services.
"""
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from jospar.admin_records import BodyScopedMixin, HistoryAdmin, PlainRecordAdmin, RecordAdmin, RecordAdminMixin
from jospar.planning.devplan.selectors import approved_years, frozen_edition_ids, shown

from .models import (
    CompletionForm,
    DevelopmentPlan,
    Event,
    EventExecutor,
    EventRevision,
    Goal,
    IndicatorValue,
    Macroindicator,
    OperationalPlan,
    PlanVersion,
    Proposal,
    ProposalRound,
    RegulationTask,
    StateChange,
    StrategicDirection,
    TargetIndicator,
)


class FrozenEditionMixin:
    """An edition an approved operational plan stands on stays as signed: read-only here too. No bulk
    actions: "delete selected" would not ask whether each item's edition is frozen."""

    actions = None

    def edition_of(self, obj):
        for path in ("plan", "direction__plan", "goal__direction__plan", "macroindicator__direction__plan",
                     "target_indicator__goal__direction__plan"):
            target = obj
            for part in path.split("__"):
                target = getattr(target, part, None)
            if isinstance(target, DevelopmentPlan):
                return target
        return obj if isinstance(obj, DevelopmentPlan) else None

    def _frozen(self, obj) -> bool:
        edition = self.edition_of(obj) if obj is not None else None
        return bool(edition and approved_years(edition))

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not self._frozen(obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not self._frozen(obj)

    # Nothing may be added under, or moved into, a frozen edition either: parents are offered from open
    # editions only.
    PARENT_EDITION = {"plan": "pk", "direction": "plan", "goal": "direction__plan",
                      "macroindicator": "direction__plan", "target_indicator": "goal__direction__plan"}

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        path = self.PARENT_EDITION.get(db_field.name)
        if field is not None and path is not None and db_field.related_model is not OperationalPlan:
            field.queryset = field.queryset.exclude(**{f"{path}__in": frozen_edition_ids()})
        return field


@admin.register(DevelopmentPlan)
class DevelopmentPlanAdmin(FrozenEditionMixin, HistoryAdmin):
    list_display = ("__str__", "year_from", "year_to", "edition", "signed_on", "body")
    list_filter = ("body",)


@admin.register(StrategicDirection)
class StrategicDirectionAdmin(FrozenEditionMixin, HistoryAdmin):
    list_display = ("position", "name_kk", "name_ru", "plan")
    list_filter = ("plan",)
    search_fields = ("name_kk", "name_ru")


class IndicatorValueInline(BodyScopedMixin, admin.TabularInline):
    model = IndicatorValue
    extra = 0


@admin.display(description=_("baseline"), ordering="baseline")
def baseline(obj) -> str:
    return shown(obj.baseline)  # «1 200,5», not «1200,5000»


@admin.display(description=_("planned value"), ordering="value")
def planned_value(obj) -> str:
    return shown(obj.value)


@admin.register(Macroindicator)
class MacroindicatorAdmin(FrozenEditionMixin, HistoryAdmin):
    list_display = ("position", "name_kk", "name_ru", "unit_ru", baseline, "direction")
    search_fields = ("name_kk", "name_ru")
    inlines = [IndicatorValueInline]


@admin.register(Goal)
class GoalAdmin(FrozenEditionMixin, HistoryAdmin):
    list_display = ("position", "name_kk", "name_ru", "direction")
    search_fields = ("name_kk", "name_ru")


@admin.register(TargetIndicator)
class TargetIndicatorAdmin(FrozenEditionMixin, HistoryAdmin):
    list_display = ("position", "name_kk", "name_ru", "unit_ru", baseline, "goal")
    search_fields = ("name_kk", "name_ru")
    inlines = [IndicatorValueInline]


@admin.register(IndicatorValue)
class IndicatorValueAdmin(FrozenEditionMixin, HistoryAdmin):
    list_display = ("year", planned_value, "macroindicator", "target_indicator")


@admin.register(RegulationTask)
class RegulationTaskAdmin(FrozenEditionMixin, HistoryAdmin):
    list_display = ("position", "name_kk", "name_ru", "plan")
    search_fields = ("name_kk", "name_ru")


@admin.register(CompletionForm)
class CompletionFormAdmin(HistoryAdmin):
    """A form an approved version names is printed in its Form 1 (column 6): read-only once used there."""

    actions = None

    list_display = ("code", "name_kk", "name_ru", "position", "body")
    list_filter = ("body",)

    def _frozen(self, obj) -> bool:
        used = EventRevision.objects.filter(completion_form=obj, version__status="approved")
        return obj is not None and used.exists()

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not self._frozen(obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not self._frozen(obj)


@admin.register(OperationalPlan)
class OperationalPlanAdmin(RecordAdmin):
    list_display = ("year", "body", "development_plan", "rule_edition", "approval_due_on")
    list_filter = ("body",)
    list_select_related = ("body", "development_plan")


@admin.register(PlanVersion)
class PlanVersionAdmin(RecordAdmin):
    list_display = ("plan", "number", "status", "approved_on", "approved_by")
    list_filter = ("status",)
    list_select_related = ("plan__body", "approved_by")


@admin.register(Event)
class EventAdmin(PlainRecordAdmin):
    list_display = ("id", "plan", "created_at")
    list_filter = ("plan",)
    list_select_related = ("plan__body",)


class EventExecutorInline(RecordAdminMixin, BodyScopedMixin, admin.TabularInline):
    model = EventExecutor
    extra = 0


@admin.register(EventRevision)
class EventRevisionAdmin(RecordAdmin):
    list_display = ("name_ru", "version", "budget_codes", "deadline_kind", "is_cancelled")
    list_filter = ("version__plan", "version", "deadline_kind", "is_cancelled")
    search_fields = ("name_kk", "name_ru")
    list_select_related = ("version__plan__body",)
    inlines = [EventExecutorInline]


@admin.register(EventExecutor)
class EventExecutorAdmin(RecordAdmin):
    list_display = ("revision", "unit", "is_lead")
    list_select_related = ("revision__version", "unit")


@admin.register(ProposalRound)
class ProposalRoundAdmin(RecordAdmin):
    list_display = ("plan", "deadline", "opened_at", "closed_at")


@admin.register(Proposal)
class ProposalAdmin(RecordAdmin):
    list_display = ("name_ru", "plan", "unit", "status", "author", "created_at")
    list_filter = ("plan", "status", "unit")
    search_fields = ("name_kk", "name_ru")
    list_select_related = ("plan__body", "unit", "author")


@admin.register(StateChange)
class StateChangeAdmin(PlainRecordAdmin):
    """The record of hand-overs is evidence: it can be read here, never changed."""

    list_display = ("at", "plan", "action", "from_status", "to_status", "actor", "unit")
    list_filter = ("action", "plan")
    list_select_related = ("plan__body", "actor", "unit")
