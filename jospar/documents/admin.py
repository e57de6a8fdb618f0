"""The stored documents are shown, never changed: no add, change or delete, and the bytes are not a form field."""
from django.contrib import admin

from jospar.admin_records import PlainRecordAdmin
from jospar.documents.models import StoredDocument


@admin.register(StoredDocument)
class StoredDocumentAdmin(PlainRecordAdmin):
    """Form 1 of an approved version and Form 2 of a submitted report, as stored then (jospar/documents/stored.py)."""

    list_display = ("filename", "form", "lang", "fmt", "size", "sha256", "created_at", "withdrawn_at")
    list_filter = ("form", "lang", "fmt")
    list_select_related = ("version__plan__body", "report__period__plan__body")
    fields = ("form", "version", "report", "lang", "fmt", "filename", "content_type", "size", "sha256", "created_at",
              "withdrawn_at")
