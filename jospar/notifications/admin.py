"""Notifications are messages the app sent to people: read here, never written or edited; the e-mail outbox
is read here too, with "retry now" for failures."""
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from jospar.admin_records import BodyScopedMixin, PlainRecordAdmin

from . import outbox
from .models import Notification, OutboundEmail


@admin.register(Notification)
class NotificationAdmin(PlainRecordAdmin):
    list_display = ("recipient", "kind", "created_at", "read_at", "emailed_at")
    list_filter = ("kind",)
    search_fields = ("recipient__username",)


@admin.register(OutboundEmail)
class OutboundEmailAdmin(BodyScopedMixin, admin.ModelAdmin):
    """The outbox, read-only: what is waiting, what went out, what failed and why; "retry now" for failures.
    A body's administrator sees the e-mails of their own people's notifications only."""

    list_display = ("to", "subject", "status", "attempts", "next_attempt_at", "last_error", "created_at", "sent_at")
    list_filter = ("status",)
    search_fields = ("to", "subject")
    date_hierarchy = "created_at"
    actions = ["retry_now"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_retry_permission(self, request):
        return request.user.has_perm("notifications.change_outboundemail")

    @admin.action(description=_("Retry sending now"), permissions=["retry"])
    def retry_now(self, request, queryset):
        n = outbox.retry_now(queryset.values_list("pk", flat=True))
        self.message_user(request, ngettext("%(n)d e-mail will be sent again by the next run.",
                                            "%(n)d e-mails will be sent again by the next run.", n) % {"n": n},
                          messages.SUCCESS)
