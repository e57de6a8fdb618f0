"""Django admin for the reference data of the bodies: bodies, units, people and their memberships (roles).
A body's administrator who is not a superuser sees and edits their own bodies only, and cannot raise
anyone's (their own included) staff or superuser status or permissions."""
from axes.admin import AccessAttemptAdmin, AccessFailureLogAdmin, AccessLogAdmin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.apps import apps
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, Permission, User
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jospar.admin_records import BodyScopedMixin, HistoryAdmin, PlainRecordAdmin

from .models import Membership, OrgUnit, Person, StateBody


class OrgUnitInline(BodyScopedMixin, admin.TabularInline):
    model = OrgUnit
    extra = 0
    fields = ("code", "kind", "name_kk", "name_ru", "is_planning", "position", "is_active")


@admin.register(StateBody)
class StateBodyAdmin(HistoryAdmin):
    """The installation administrator (a superuser) creates bodies and places them: kind, region, parent.
    A body's administrator reads their own body here and edits nothing of it (its units, people and
    memberships are theirs to keep)."""

    list_display = ("code", "name_kk", "name_ru", "kind", "region", "parent", "time_zone")
    list_filter = ("kind", "region")
    list_select_related = ("parent",)
    search_fields = ("code", "name_kk", "name_ru")
    fields = ("code", "kind", "region", "parent", "name_kk", "name_ru", "name_en", "title_name_kk", "title_name_ru",
              "time_zone")
    autocomplete_fields = ("parent",)
    inlines = [OrgUnitInline]

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


@admin.register(OrgUnit)
class OrgUnitAdmin(HistoryAdmin):
    list_display = ("code", "name_kk", "name_ru", "kind", "is_planning", "is_active", "body")
    list_filter = ("body", "kind", "is_planning", "is_active")
    search_fields = ("code", "name_kk", "name_ru", "name_en")


class MembershipInline(BodyScopedMixin, admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ("unit",)


class PersonInline(BodyScopedMixin, admin.StackedInline):
    model = Person
    can_delete = False


def permission_label(permission: Permission) -> str:
    """A permission in the reader's language: Django stores its name in English when it migrates
    («Can add historical event»), so the label is made from the app, the model and the action."""
    ct = permission.content_type
    model = ct.model_class()
    if model is None:
        return str(permission)
    original = getattr(model, "instance_type", None)  # django-simple-history's historical model
    name = (_("%(model)s (history)") % {"model": original._meta.verbose_name} if original
            else model._meta.verbose_name)
    action, _sep, _rest = permission.codename.partition("_")
    actions = {"add": _("may add"), "change": _("may change"), "delete": _("may delete"), "view": _("may view")}
    what = actions.get(action, permission.name) if permission.codename.endswith(f"_{model._meta.model_name}") \
        else permission.name
    return f"{apps.get_app_config(ct.app_label).verbose_name} | {name} | {what}"


class PermissionLabels:
    """Lists permissions by `permission_label` in the user and group forms."""

    def formfield_for_manytomany(self, db_field, request=None, **kwargs):
        field = super().formfield_for_manytomany(db_field, request=request, **kwargs)
        if db_field.name in ("permissions", "user_permissions") and field is not None:
            field.label_from_instance = permission_label
        return field


admin.site.unregister(Group)


@admin.register(Group)
class JosparGroupAdmin(PermissionLabels, GroupAdmin):
    pass


admin.site.unregister(User)
for _model in (AccessAttempt, AccessLog, AccessFailureLog):
    if admin.site.is_registered(_model):
        admin.site.unregister(_model)


@admin.register(AccessAttempt)
class SignInAttemptAdmin(BodyScopedMixin, AccessAttemptAdmin):
    """django-axes' attempts, with its «Status» column headed in the reader's language; a body's administrator
    sees their own people's only (jospar/admin_records.py)."""

    @admin.display(description=gettext_lazy("Status"))
    def status(self, obj):
        return super().status(obj)


@admin.register(AccessLog)
class SignInLogAdmin(BodyScopedMixin, AccessLogAdmin):
    """django-axes' sign-ins: a body's administrator sees their own people's only."""


@admin.register(AccessFailureLog)
class SignInFailureLogAdmin(BodyScopedMixin, AccessFailureLogAdmin):
    """django-axes' failed sign-ins: a body's administrator sees their own people's only."""


@admin.register(User)
class JosparUserAdmin(PermissionLabels, BodyScopedMixin, UserAdmin):
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
