"""What every Jospar ModelAdmin shares: history with no back door, and read-only workflow records.

A superuser is a data administrator, not an official. Reference data (bodies, units, people,
memberships, completion forms, open development-plan editions) is kept here; the workflow records
(plans, versions, events, proposals, work-list entries, submissions, reports, decisions, the record
of hand-overs, notifications) are made and changed only by the app's services, which check who may
act, refuse what the Rules forbid, record the hand-over and tell the people concerned. The admin
shows those records and their history, and cannot add, change, delete, approve, submit or decide.
"""
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from simple_history.admin import SimpleHistoryAdmin


class HistoryAdmin(SimpleHistoryAdmin):
    """simple-history's "revert to this version" form saves on POST for anyone who may only view:
    here it saves only for who may change that object (a frozen edition stays frozen)."""

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST" and not self.has_change_permission(request, self.get_object(request, object_id)):
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)


class RecordAdminMixin:
    """View only: no add, change or delete, no bulk actions, no list edits."""

    actions = None
    list_editable = ()

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class RecordAdmin(RecordAdminMixin, HistoryAdmin):
    """A workflow record with its history (django-simple-history)."""


class PlainRecordAdmin(RecordAdminMixin, admin.ModelAdmin):
    """A workflow record without a history of its own (each is written once by a service)."""
