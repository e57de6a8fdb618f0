"""Django admin for every planning model. Approved versions, and the development-plan editions they stand
on, are read-only here too."""
from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

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
from .selectors_devplan import approved_years, frozen_edition_ids


class FrozenWhenApprovedMixin:
    """An approved version is a legal document: the admin shows it but cannot change it."""

    def _approved(self, obj) -> bool:
        version = getattr(obj, "version", None) or getattr(getattr(obj, "revision", None), "version", None)
        return bool(version and version.is_approved)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not (obj and self._approved(obj))

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not (obj and self._approved(obj))


class FrozenEditionMixin:
    """An edition an approved operational plan stands on stays as signed: read-only here too."""

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
class DevelopmentPlanAdmin(FrozenEditionMixin, SimpleHistoryAdmin):
    list_display = ("__str__", "year_from", "year_to", "edition", "signed_on", "body")
    list_filter = ("body",)


@admin.register(StrategicDirection)
class StrategicDirectionAdmin(FrozenEditionMixin, SimpleHistoryAdmin):
    list_display = ("position", "name_kk", "name_ru", "plan")
    list_filter = ("plan",)
    search_fields = ("name_kk", "name_ru")


class IndicatorValueInline(admin.TabularInline):
    model = IndicatorValue
    extra = 0


@admin.register(Macroindicator)
class MacroindicatorAdmin(FrozenEditionMixin, SimpleHistoryAdmin):
    list_display = ("position", "name_kk", "name_ru", "unit_ru", "baseline", "direction")
    search_fields = ("name_kk", "name_ru")
    inlines = [IndicatorValueInline]


@admin.register(Goal)
class GoalAdmin(FrozenEditionMixin, SimpleHistoryAdmin):
    list_display = ("position", "name_kk", "name_ru", "direction")
    search_fields = ("name_kk", "name_ru")


@admin.register(TargetIndicator)
class TargetIndicatorAdmin(FrozenEditionMixin, SimpleHistoryAdmin):
    list_display = ("position", "name_kk", "name_ru", "unit_ru", "baseline", "goal")
    search_fields = ("name_kk", "name_ru")
    inlines = [IndicatorValueInline]


@admin.register(IndicatorValue)
class IndicatorValueAdmin(FrozenEditionMixin, SimpleHistoryAdmin):
    list_display = ("year", "value", "macroindicator", "target_indicator")


@admin.register(RegulationTask)
class RegulationTaskAdmin(FrozenEditionMixin, SimpleHistoryAdmin):
    list_display = ("position", "name_kk", "name_ru", "plan")
    search_fields = ("name_kk", "name_ru")


@admin.register(CompletionForm)
class CompletionFormAdmin(SimpleHistoryAdmin):
    list_display = ("code", "name_kk", "name_ru", "position")


@admin.register(OperationalPlan)
class OperationalPlanAdmin(SimpleHistoryAdmin):
    list_display = ("year", "body", "development_plan", "rule_edition")
    list_filter = ("body",)


@admin.register(PlanVersion)
class PlanVersionAdmin(SimpleHistoryAdmin):
    list_display = ("plan", "number", "status", "approved_on", "approved_by")
    list_filter = ("status",)

    def get_readonly_fields(self, request, obj=None):
        if obj and obj.is_approved:
            return [f.name for f in self.model._meta.fields]
        return super().get_readonly_fields(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not (obj and obj.is_approved)


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ("id", "plan", "created_at")
    list_filter = ("plan",)


class EventExecutorInline(FrozenWhenApprovedMixin, admin.TabularInline):
    model = EventExecutor
    extra = 0

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and not (obj and obj.version.is_approved)


@admin.register(EventRevision)
class EventRevisionAdmin(FrozenWhenApprovedMixin, SimpleHistoryAdmin):
    list_display = ("name_ru", "version", "budget_codes", "deadline_kind", "is_cancelled")
    list_filter = ("version__plan", "version", "deadline_kind", "is_cancelled")
    search_fields = ("name_kk", "name_ru")
    list_select_related = ("version__plan__body",)
    raw_id_fields = ("event", "macroindicator", "target_indicator", "regulation_task")
    inlines = [EventExecutorInline]


@admin.register(EventExecutor)
class EventExecutorAdmin(FrozenWhenApprovedMixin, SimpleHistoryAdmin):
    list_display = ("revision", "unit", "is_lead")
    list_select_related = ("revision__version", "unit")


@admin.register(ProposalRound)
class ProposalRoundAdmin(SimpleHistoryAdmin):
    list_display = ("plan", "deadline", "opened_at", "closed_at")


@admin.register(Proposal)
class ProposalAdmin(SimpleHistoryAdmin):
    list_display = ("name_ru", "plan", "unit", "status", "author", "created_at")
    list_filter = ("plan", "status", "unit")
    search_fields = ("name_kk", "name_ru")
    raw_id_fields = ("event", "macroindicator", "target_indicator", "regulation_task")
    list_select_related = ("plan__body", "unit", "author")


@admin.register(StateChange)
class StateChangeAdmin(admin.ModelAdmin):
    """The record of hand-overs is evidence: it can be read here, never changed."""

    list_display = ("at", "plan", "action", "from_status", "to_status", "actor", "unit")
    list_filter = ("action", "plan")
    list_select_related = ("plan__body", "actor", "unit")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
