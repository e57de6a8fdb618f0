"""How long each text that people type (in a form or a workbook) may be: one number per kind of text.

The models take their ``max_length`` from here (a CharField is limited by the database itself; a
TextField gets a CHECK constraint on its length from `length_checks`), and so do the forms (a
ModelForm inherits it; plain forms name the constant), the services (`require_length`) and the
workbook importers (an over-long cell is a problem of that cell, naming the limit). The database, the
form and the message therefore always agree.
"""
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
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
INDICATOR_SOURCE = 500  # where an indicator's actual value comes from (statistics, a ministry's data)
REPORT_TEXT = 10_000  # the report's recommendations and proposals, a recommendation, a decision and its outcome


class LengthCheck(models.CheckConstraint):
    """``CHECK (length(field) <= limit)`` in the database; model validation checks it in Python.

    Django validates a CheckConstraint with one query per constraint (three with the savepoint), which
    an import of thousands of rows would pay for every row. The length of a value needs no query. In
    migrations it stays a plain CheckConstraint (`deconstruct`), so the schema is the same."""

    def __init__(self, *args, field: str | None = None, limit: int | None = None, **kwargs):
        if field is not None:
            kwargs["condition"] = LessThanOrEqual(Length(field), limit)
        else:  # a clone (abstract models' constraints are cloned for each table): read them off the condition
            condition = kwargs.get("condition")
            if isinstance(condition, LessThanOrEqual) and isinstance(condition.lhs, Length):
                source = condition.lhs.source_expressions[0]  # Length(field) holds F(field)
                if isinstance(source, F):
                    field, limit = source.name, condition.rhs
        super().__init__(*args, **kwargs)
        self.field, self.limit = field, limit

    def validate(self, model, instance, exclude=None, using=None):
        if self.field is None:
            return super().validate(model, instance, exclude=exclude, using=using)
        if exclude and self.field in exclude:
            return None
        value = getattr(instance, self.field)
        if value and len(value) > self.limit:
            label = model._meta.get_field(self.field).verbose_name
            raise ValidationError({self.field: _("%(field)s is too long (at most %(n)s characters).")
                                   % {"field": str(label).capitalize(), "n": self.limit}})
        return None

    def deconstruct(self):
        _path, args, kwargs = super().deconstruct()
        return "django.db.models.CheckConstraint", args, kwargs


def length_checks(prefix: str, **limits: int) -> list[models.BaseConstraint]:
    """CHECK constraints ``length(field) <= limit`` for TextFields (``prefix`` keeps the names unique)."""
    return [LengthCheck(field=field, limit=limit, name=f"{prefix}_{field}_length") for field, limit in limits.items()]


def require_length(value: str, limit: int, label) -> str:
    """``value`` when it fits; ValidationError naming the field and the limit otherwise."""
    if value and len(value) > limit:
        raise ValidationError(_("%(field)s is too long (at most %(n)s characters).") % {"field": label, "n": limit})
    return value
