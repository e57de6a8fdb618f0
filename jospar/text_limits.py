"""How long each text that people type (in a form or a workbook) may be: one number per kind of text.

The models take their ``max_length`` from here (a CharField is limited by the database itself; a
TextField gets a CHECK constraint on its length from `length_checks`), and so do the forms (a
ModelForm inherits it; plain forms name the constant), the services (`require_length`) and the
workbook importers (an over-long cell is a problem of that cell, naming the limit). The database, the
form and the message therefore always agree.
"""
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.utils.translation import gettext as _

NAME = 2000  # the name of an event or of a development-plan item (each language)
TITLE = 500  # a development plan's title
DOCUMENT_NUMBER = 64  # the number of a document (development plan, its amendment)
CODE = 32  # an item's own optional code
UNIT_OF_MEASURE = 100
COMPLETION = 300  # a completion form typed as free text
BUDGET_CODES = 200  # an event's budget program codes, written canonically
REVIEW_NOTE = 300  # why an amendment marks an event for review
COMMENT = 2000  # a comment on a return or a hand-over (the record of a hand-over also names an event)
REASON = 2000  # why an event is cancelled
BASIS = 2000  # the basis of an amendment in words
EXECUTION_TEXT = 10_000  # actual execution, reasons for non-execution, a co-executor's contribution
REPORT_TEXT = 10_000  # the report's recommendations and proposals, a recommendation, a decision and its outcome


def length_checks(prefix: str, **limits: int) -> list[models.CheckConstraint]:
    """CHECK constraints ``length(field) <= limit`` for TextFields (``prefix`` keeps the names unique)."""
    return [
        models.CheckConstraint(condition=LessThanOrEqual(Length(field), limit), name=f"{prefix}_{field}_length")
        for field, limit in limits.items()
    ]


def require_length(value: str, limit: int, label) -> str:
    """``value`` when it fits; ValidationError naming the field and the limit otherwise."""
    if value and len(value) > limit:
        raise ValidationError(_("%(field)s is too long (at most %(n)s characters).") % {"field": label, "n": limit})
    return value
