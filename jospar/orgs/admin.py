from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User

from jospar.admin_records import HistoryAdmin

from .models import Membership, OrgUnit, Person, StateBody


class OrgUnitInline(admin.TabularInline):
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


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ("unit",)


class PersonInline(admin.StackedInline):
    model = Person
    can_delete = False


admin.site.unregister(User)


@admin.register(User)
class JosparUserAdmin(UserAdmin):
    inlines = [PersonInline, MembershipInline]


@admin.register(Membership)
class MembershipAdmin(HistoryAdmin):
    list_display = ("user", "role", "unit", "body")
    list_filter = ("body", "role")
    search_fields = ("user__username", "user__last_name", "unit__name_ru", "unit__name_kk")
    autocomplete_fields = ("user", "unit")


@admin.register(Person)
class PersonAdmin(HistoryAdmin):
    list_display = ("user", "patronymic", "position_ru", "language")
    search_fields = ("user__username", "user__last_name", "patronymic")
