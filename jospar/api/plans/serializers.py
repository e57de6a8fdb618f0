from rest_framework import serializers
from rest_framework.settings import api_settings

from jospar.planning.forms import EventForm
from jospar.planning.models import OperationalPlan, PlanVersion

from ..fields import StrictBooleanField, StrictCharField, StrictDateField, StrictIntegerField


class VersionSerializer(serializers.ModelSerializer):
    class Meta:
        model = PlanVersion
        fields = ["number", "status", "basis", "approved_on"]


class PlanSerializer(serializers.ModelSerializer):
    versions = VersionSerializer(many=True, read_only=True)
    approval_due = serializers.DateField(read_only=True)

    class Meta:
        model = OperationalPlan
        fields = ["year", "rule_edition", "approval_due", "versions"]


class EventRowSerializer(serializers.Serializer):
    """One Form 1 event row, as the plan page shows it (in the request's language)."""

    revision_id = serializers.IntegerField()
    event_id = serializers.IntegerField()
    number = serializers.CharField()
    name = serializers.CharField(source="label")
    budget_program_code = serializers.CharField(source="code")
    responsible_executors = serializers.CharField(source="executors")
    deadline = serializers.CharField()
    completion_form = serializers.CharField(source="completion")
    cancelled = serializers.BooleanField()


FORM_NAMES = {"budget_codes": "budget"}  # API field → EventForm field, where they differ


def _form(name: str) -> dict:
    """The page's EventForm field this one stands for: the form checks it, the schema states its limits."""
    return {"form_field": EventForm.base_fields[FORM_NAMES.get(name, name)]}


class EventFieldsSerializer(serializers.Serializer):
    """What an event says, field by field, as the page's event form edits it."""

    # Fields typed `serializers.Field` are declared again, for reading, by EventSerializer.
    anchor = StrictCharField(help_text="m:<id> (macroindicator), t:<id> (target indicator) or r:<id> (Section II "
                                       "task) of the version's development plan edition.", **_form("anchor"))
    name_kk = StrictCharField(allow_blank=True, **_form("name_kk"))
    name_ru = StrictCharField(allow_blank=True, **_form("name_ru"))
    budget_codes: serializers.Field = StrictCharField(
        allow_blank=True, **_form("budget_codes"), help_text="E.g. 001 or 005 100; several codes separated by commas.")
    no_funding = StrictBooleanField()
    deadline_kind = StrictCharField(**_form("deadline_kind"))
    deadline_date = StrictDateField(allow_null=True, help_text="For kind date, within the plan's year.")
    deadline_month = StrictIntegerField(allow_null=True, help_text="For kinds month and yearly.",
                                        **_form("deadline_month"))
    deadline_quarter = StrictIntegerField(allow_null=True, help_text="For kind quarter.", **_form("deadline_quarter"))
    deadline_day = StrictIntegerField(allow_null=True, help_text="For kinds yearly, quarterly and monthly.",
                                      **_form("deadline_day"))
    completion_form: serializers.Field = StrictIntegerField(
        allow_null=True, help_text="Id of one of the body's completion forms.")
    completion_kk = StrictCharField(allow_blank=True, **_form("completion_kk"))
    completion_ru = StrictCharField(allow_blank=True, **_form("completion_ru"))
    lead_unit: serializers.Field = StrictIntegerField(
        allow_null=True, help_text="Id of one of the body's active units.")
    co_executors: serializers.Field = serializers.ListField(
        child=StrictIntegerField(), help_text="Ids of the body's active units.")


class EventSerializer(EventFieldsSerializer):
    """An event of a version with the lock_version a PATCH must send back."""

    revision_id = serializers.IntegerField(source="pk")
    event_id = serializers.IntegerField()
    lock_version = serializers.IntegerField()
    name_en = serializers.CharField()
    cancelled = serializers.BooleanField(source="is_cancelled")
    cancel_reason_kk = serializers.CharField(help_text="Why an amendment cancels the event, in Kazakh.")
    cancel_reason_ru = serializers.CharField(help_text="Why an amendment cancels the event, in Russian.")
    budget_codes = serializers.CharField()
    completion_form = serializers.IntegerField(source="completion_form_id", allow_null=True)
    lead_unit = serializers.SerializerMethodField()
    co_executors = serializers.SerializerMethodField()

    def get_lead_unit(self, revision) -> int | None:
        lead = [e.unit_id for e in revision.executors.all() if e.is_lead]
        return lead[0] if lead else None

    def get_co_executors(self, revision) -> list[int]:
        return [e.unit_id for e in sorted(revision.executors.all(), key=lambda e: e.position) if not e.is_lead]


class EventPatchSerializer(EventFieldsSerializer):
    """The fields a PATCH changes (the others keep their values), checked by the page's EventForm:
    the same rules, the same messages. lock_version is the one the client read; a stale one is refused."""

    lock_version = StrictIntegerField(help_text="As read from the event; a stale one answers 409 (code stale).")

    # Every field but lock_version may be left out, so the serializer is never "partial" (which would
    # also drop lock_version from the schema's required list).
    partial = property(lambda self: False, lambda self, value: None)

    def __init__(self, *args, revision=None, executors=(None, ()), **kwargs):
        super().__init__(*args, **kwargs)
        self.revision, self.executors = revision, executors
        for name, field in self.fields.items():
            field.required = name == "lock_version"

    def validate(self, attrs):
        version = self.revision.version
        data = EventForm.initial_from(self.revision, *self.executors)
        data.update({FORM_NAMES.get(k, k): v for k, v in attrs.items()})
        form = EventForm(data, plan=version.plan, development_plan_id=version.development_plan_id)
        if not form.is_valid():
            names = {form_name: name for name, form_name in FORM_NAMES.items()}
            errors = {names.get(k, k): v for k, v in form.errors.items()}
            if "__all__" in errors:
                errors[api_settings.NON_FIELD_ERRORS_KEY] = errors.pop("__all__")
            raise serializers.ValidationError(errors)
        self.event_data = form.event_data()
        return attrs
