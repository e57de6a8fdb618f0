"""JSON fields that take exactly the type the schema states (REST framework's own fields also take
"5" for 5, 1 for true and 5 for "5", which the schema does not say). A field may stand for a field
of a page's form: the form enforces that field's limits with the page's messages, and the schema
states them (see schema.AutoSchema)."""
import re

from django import forms
from rest_framework import serializers

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class FormBacked:
    def __init__(self, *args, form_field: forms.Field | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.form_field = form_field


class StrictCharField(FormBacked, serializers.CharField):
    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictIntegerField(FormBacked, serializers.IntegerField):
    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictBooleanField(serializers.BooleanField):
    def to_internal_value(self, data):
        if not isinstance(data, bool):
            self.fail("invalid", input=data)
        return data


class StrictDateField(serializers.DateField):
    def to_internal_value(self, value):
        if not isinstance(value, str) or not ISO_DATE.fullmatch(value):
            self.fail("invalid", format="YYYY-MM-DD")
        return super().to_internal_value(value)


def limits_of(field: forms.Field) -> dict:
    """A form field's limits as JSON Schema keywords."""
    if isinstance(field, forms.ChoiceField):
        coerce = getattr(field, "coerce", lambda value: value)
        # the stubs type the getter as everything the setter takes; the field keeps a list of pairs
        values = [coerce(value) for value, _label in field.choices if value != ""]  # type: ignore[misc,union-attr]
        return {"enum": values} if values else {}  # anchors are filled per plan: a plain string
    limits = {"maxLength": getattr(field, "max_length", None), "minLength": getattr(field, "min_length", None),
              "minimum": getattr(field, "min_value", None), "maximum": getattr(field, "max_value", None)}
    return {key: value for key, value in limits.items() if value is not None}
