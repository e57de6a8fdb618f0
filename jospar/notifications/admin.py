"""Notifications are messages the app sent to people: read here, never written or edited."""
from django.contrib import admin

from jospar.admin_records import PlainRecordAdmin

from .models import Notification


@admin.register(Notification)
class NotificationAdmin(PlainRecordAdmin):
    list_display = ("recipient", "kind", "created_at", "read_at", "emailed_at")
    list_filter = ("kind",)
    search_fields = ("recipient__username",)
