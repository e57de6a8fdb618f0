"""Django admin for the reference data of the bodies: bodies, units, people and their memberships (roles).
A body's administrator who is not a superuser sees and edits their own bodies only, and cannot raise
anyone's (their own included) staff or superuser status or permissions."""
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User

from jospar.admin_records import BodyScopedMixin, HistoryAdmin, PlainRecordAdmin

from .models import Membership, OrgUnit, Person, StateBody


class OrgUnitInline(BodyScopedMixin, admin.TabularInline):
    model = OrgUnit
    extra = 0
    fields = ("code", "kind", "name_kk", "name_ru", "is_planning", "position", "is_active")


@admin.register(StateBody)
class StateBodyAdmin(HistoryAdmin):
    list_display = ("code", "name_kk", "name_ru", "time_zone")
    search_fields = ("code", "name_kk", "name_ru")
    inlines = [OrgUnitInline]


@admin.register(OrgUnit)
class OrgUnitAdmin(HistoryAdmin):
    list_display = ("code", "name_kk", "name_ru", "kind", "is_planning", "is_active", "body")
    list_filter = ("body", "kind", "is_planning", "is_active")
    search_fields = ("code", "name_kk", "name_ru", "name_en")


class MembershipInline(BodyScopedMixin, admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ("unit",)


class PersonInline(admin.StackedInline):
    model = Person
    can_delete = False


admin.site.unregister(User)


@admin.register(User)
class JosparUserAdmin(BodyScopedMixin, UserAdmin):
    inlines = [PersonInline, MembershipInline]
    ELEVATING = ("is_staff", "is_superuser", "groups", "user_permissions")

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        return readonly if request.user.is_superuser else (*readonly, *self.ELEVATING)


@admin.register(LogEntry)
class AdminLogAdmin(PlainRecordAdmin):
    """Every change made through the admin, by whom and when: read here, never changed."""

    list_display = ("action_time", "user", "content_type", "object_repr", "action_flag", "change_message")
    list_filter = ("action_flag", "content_type")
    search_fields = ("object_repr", "user__username")
    list_select_related = ("user", "content_type")


@admin.register(Membership)
class MembershipAdmin(HistoryAdmin):
    list_display = ("user", "role", "office", "acting", "unit", "body")
    list_filter = ("body", "role")
    search_fields = ("user__username", "user__last_name", "unit__name_ru", "unit__name_kk")
    autocomplete_fields = ("user", "unit")


@admin.register(Person)
class PersonAdmin(HistoryAdmin):
    list_display = ("user", "patronymic", "position_ru", "language")
    search_fields = ("user__username", "user__last_name", "patronymic")
