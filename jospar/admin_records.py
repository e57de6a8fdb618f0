"""What every Jospar ModelAdmin shares: history with no back door, and read-only workflow records.

A superuser is a data administrator, not an official. Reference data (bodies, units, people,
memberships, completion forms, open development-plan editions) is kept here; the workflow records
(plans, versions, events, proposals, work-list entries, submissions, reports, decisions, the record
of hand-overs, notifications) are made and changed only by the app's services, which check who may
act, refuse what the Rules forbid, record the hand-over and tell the people concerned. The admin
shows those records and their history, and cannot add, change, delete, approve, submit or decide.

A staff member who is not a superuser (a body's administrator) sees only the bodies they administer: in every
changelist, change, delete and history page (simple-history's included), every filter in the sidebar, every
choice of a form field (inlines too), every autocomplete and raw-id pop-up, and the sign-in records and e-mails
of their own people only. tests/orgs/test_tenancy_every_url.py walks every admin URL to prove it.
"""
from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from django.contrib import admin
from django.contrib.admin.utils import NotRelationField, get_fields_from_path, unquote
from django.core.exceptions import FieldDoesNotExist, PermissionDenied, ValidationError
from django.db.models import Q
from simple_history.admin import SimpleHistoryAdmin

# From each model the admin shows to its state body (several lookups: any of them).
BODY_PATHS = {
    "orgs.statebody": ["pk"], "orgs.orgunit": ["body"], "orgs.membership": ["body"],
    "orgs.person": ["user__memberships__body"],
    "planning.completionform": ["body"], "planning.developmentplan": ["body"],
    "planning.strategicdirection": ["plan__body"], "planning.regulationtask": ["plan__body"],
    "planning.macroindicator": ["direction__plan__body"], "planning.goal": ["direction__plan__body"],
    "planning.targetindicator": ["goal__direction__plan__body"],
    "planning.indicatorvalue": ["macroindicator__direction__plan__body",
                                "target_indicator__goal__direction__plan__body"],
    "planning.operationalplan": ["body"], "planning.planversion": ["plan__body"], "planning.event": ["plan__body"],
    "planning.eventrevision": ["version__plan__body"], "planning.eventexecutor": ["version__plan__body"],
    "planning.proposalround": ["plan__body"], "planning.proposal": ["plan__body"],
    "planning.statechange": ["plan__body"],
    "monitoring.reportingperiod": ["plan__body"], "monitoring.executionentry": ["period__plan__body"],
    "monitoring.attachment": ["entry__period__plan__body"], "monitoring.contribution": ["period__plan__body"],
    "monitoring.unitsubmission": ["period__plan__body"], "monitoring.report": ["period__plan__body"],
    "monitoring.eventrecommendation": ["report__period__plan__body"],
    "monitoring.decision": ["report__period__plan__body"],
    "monitoring.reminder": ["period__plan__body"], "monitoring.reportstep": ["report__period__plan__body"],
    "monitoring.reportfigure": ["report__period__plan__body"],
    "monitoring.indicatoractual": ["period__plan__body"], "monitoring.amendmentbasis": ["report__period__plan__body"],
    "notifications.notification": ["recipient__memberships__body"],
    "documents.storeddocument": ["version__plan__body", "report__period__plan__body"],
    "notifications.outboundemail": ["notification__recipient__memberships__body"],
    "monitoring.yearsummary": ["body"], "monitoring.quartersummary": ["body"],
    "signatures.signature": ["body"], "signatures.signaturecheck": ["signature__body"],
}
# Sign-in records name a user by the username typed: a body's administrator sees those of their people only.
BY_USERNAME = {"axes.accessattempt", "axes.accesslog", "axes.accessfailurelog"}


def administered_bodies(user):
    from jospar.orgs.models import Membership, Role

    return Membership.objects.filter(user=user, role=Role.ADMIN).values("body")


def scope(queryset, user):
    """What a staff member who is not a superuser may see in the admin: their own bodies' rows only (the
    bodies where they hold the administrator role). Users: those of their bodies, and new ones not yet in
    any body, never a superuser. A model with no body (groups, sign-in attempts, the admin log): nothing."""
    if user.is_superuser:
        return queryset
    model, bodies = queryset.model, administered_bodies(user)
    if model._meta.label_lower == "auth.user":
        mine = Q(memberships__body__in=bodies) | Q(memberships__isnull=True)
        return queryset.filter(pk__in=model._base_manager.filter(mine, is_superuser=False).values("pk"))
    if model._meta.label_lower in BY_USERNAME:
        from django.contrib.auth.models import User

        people = User.objects.filter(memberships__body__in=bodies, is_superuser=False).values("username")
        return queryset.filter(username__in=people)
    paths = BODY_PATHS.get(model._meta.label_lower)
    if not paths:
        return queryset.none()
    mine = Q()
    for path in paths:
        mine |= Q(**{f"{path}__in": bodies})
    return queryset.filter(pk__in=model._base_manager.filter(mine).values("pk"))


class ScopedRelatedFilter(admin.RelatedFieldListFilter):
    """A sidebar filter on a relation offers the user's own bodies' rows only (Django's lists every row)."""

    def field_choices(self, field, request, model_admin):
        ordering = self.field_admin_ordering(field, request, model_admin)
        related = field.related_model
        if related._meta.label_lower not in BODY_PATHS and related._meta.label_lower != "auth.user":
            return super().field_choices(field, request, model_admin)  # shared by every body: content types
        mine = Q(pk__in=scope(related._default_manager.all(), request.user).values("pk"))
        return field.get_choices(include_blank=False, ordering=ordering, limit_choices_to=mine)


def scoped_list_filter(model, list_filter):
    """`list_filter` with every plain relation (a name or a path such as "plan__body") filtered by scope."""
    out = []
    for item in list_filter:
        if isinstance(item, str):
            try:
                field = get_fields_from_path(model, item)[-1]
            except (FieldDoesNotExist, NotRelationField):
                field = None
            if field is not None and field.is_relation:
                item = (item, ScopedRelatedFilter)
        out.append(item)
    return out


class BodyScopedMixin:
    """Lists, change and history pages (another body's row is "not found"), sidebar filters, and the choices
    of every form field."""

    def get_queryset(self, request):
        return scope(super().get_queryset(request), request.user)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if field is not None and hasattr(field, "queryset"):
            field.queryset = scope(field.queryset, request.user)
        return field

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if field is not None and hasattr(field, "queryset") and db_field.related_model._meta.label_lower in BODY_PATHS:
            field.queryset = scope(field.queryset, request.user)
        return field

    def get_list_filter(self, request):
        if request.user.is_superuser:
            return super().get_list_filter(request)
        return scoped_list_filter(self.model, super().get_list_filter(request))

    def _out_of_scope(self, request, object_id) -> bool:
        """A row the user may not see (simple-history would otherwise show its history from the history table)."""
        if request.user.is_superuser:
            return False
        try:
            return not self.get_queryset(request).filter(pk=unquote(object_id)).exists()
        except (ValueError, ValidationError):
            return True

    def history_view(self, request, object_id, extra_context=None):
        if self._out_of_scope(request, object_id):
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        return super().history_view(request, object_id, extra_context)


class HistoryAdmin(BodyScopedMixin, SimpleHistoryAdmin):
    """simple-history's "revert to this version" form saves on POST for anyone who may only view:
    here it saves only for who may change that object (a frozen edition stays frozen)."""

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if self._out_of_scope(request, object_id):
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if request.method == "POST" and not self.has_change_permission(request, self.get_object(request, object_id)):
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)


class RecordAdminMixin:
    """View only: no add, change or delete, no bulk actions, no list edits."""

    actions: Sequence[Callable[..., Any] | str] | None = None
    list_editable: ClassVar[list[str] | tuple[str, ...]] = ()

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class RecordAdmin(RecordAdminMixin, HistoryAdmin):
    """A workflow record with its history (django-simple-history)."""


class PlainRecordAdmin(RecordAdminMixin, BodyScopedMixin, admin.ModelAdmin):
    """A workflow record without a history of its own (each is written once by a service)."""
