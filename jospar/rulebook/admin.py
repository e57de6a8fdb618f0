from django.contrib import admin

from jospar.admin_records import RecordAdmin

from .models import Edition


@admin.register(Edition)
class EditionAdmin(RecordAdmin):
    """Read here, corrected on the rulebook page (/rulebook/), which checks every correction."""

    list_display = ("key", "effective_from", "effective_to", "text_checked", "revision")
