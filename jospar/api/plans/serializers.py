from rest_framework import serializers
from rest_framework.settings import api_settings

from jospar import rules
from jospar.planning.forms import EventForm
from jospar.planning.models import OperationalPlan, PlanVersion

from ..fields import StrictBooleanField, StrictCharField, StrictDateField, StrictIntegerField

STATUS_HELP = "draft, on_approval (sent for approval) or approved."


class VersionSerializer(serializers.ModelSerializer):
    """A version of the plan: the first one (basis initial) or an amendment."""

    events = serializers.IntegerField(source="events_count", help_text="How many events the version states "
                                                                         "(cancelled ones included).")
    development_plan = serializers.IntegerField(source="development_plan_id_in_force",
                                                help_text="Id of the development plan edition its events hang on.")
    status = serializers.ChoiceField(choices=PlanVersion.Status.values, help_text=STATUS_HELP)
    basis = serializers.ChoiceField(choices=PlanVersion.Basis.values)

    class Meta:
        model = PlanVersion
        fields = ["number", "status", "basis", "basis_kk", "basis_ru", "basis_document_number",
                  "basis_document_date", "development_plan", "approved_on", "approver_office", "approver_acting",
                  "approved_as_kk", "approved_as_ru", "events"]


class VersionRefSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    status = serializers.ChoiceField(choices=PlanVersion.Status.values, help_text=STATUS_HELP)
    approved_on = serializers.DateField(allow_null=True)


class PlanSerializer(serializers.ModelSerializer):
    """An operational plan of the body for a year, with its versions in order."""

    body = serializers.CharField(source="body.code", help_text="Code of the state body.")
    development_plan = serializers.IntegerField(source="development_plan_id")
    approval_due = serializers.DateField(read_only=True)
    status = serializers.ChoiceField(choices=PlanVersion.Status.values, source="latest_status",
                                     help_text="The status of its latest version: " + STATUS_HELP)
    version_in_force = serializers.IntegerField(
        allow_null=True, help_text="Number of the latest approved version (null before the first approval).")
    versions = VersionRefSerializer(many=True, source="version_list")

    class Meta:
        model = OperationalPlan
        fields = ["year", "body", "development_plan", "rule_edition", "approval_due", "status", "version_in_force",
                  "versions"]


class PlanDetailSerializer(PlanSerializer):
    versions = VersionSerializer(many=True, source="version_list")  # type: ignore[assignment]


class DecisionRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    year = serializers.IntegerField()
    quarter = serializers.IntegerField(help_text="The quarter of the report the decision was taken on.")
    text_kk = serializers.CharField()
    text_ru = serializers.CharField()
    requests_amendment = serializers.BooleanField()


class AmendmentSerializer(VersionSerializer):
    """A version after the first: why it was made (its basis), the decision it follows, its state."""

    decision = DecisionRefSerializer(allow_null=True, source="decision_data",
                                     help_text="The decision on the monitoring it is based on (basis monitoring).")
    amends = serializers.IntegerField(help_text="Number of the version it corrects (the one before it).")

    class Meta(VersionSerializer.Meta):
        fields = [*VersionSerializer.Meta.fields, "amends", "decision"]


# ---- events, as data ----------------------------------------------------------------------------------

class AnchorSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=["macroindicator", "target_indicator", "task"])
    id = serializers.IntegerField(help_text="Id of the macroindicator, target indicator or Section II task.")
    key = serializers.CharField(help_text="m:<id>, t:<id> or r:<id>: the value the anchor field of a write takes.")
    number = serializers.CharField(help_text="Its official number in Form 1: 1.2 (a macroindicator's within its "
                                             "direction, a target indicator's within its goal), 4 (a task).")
    code = serializers.CharField(help_text="Its code, unique in the plan: M1.2, T1.2.1, II.4.")
    # the serializer's metaclass moves declared fields off the class: Field.label stays what it is
    label = serializers.CharField(help_text="Its official heading in the request's language.")  # type: ignore[assignment]


class DeadlineSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=[k.value for k in rules.DeadlineKind])
    date = serializers.DateField(allow_null=True, help_text="For kind date.")
    month = serializers.IntegerField(allow_null=True, help_text="For kinds month and yearly.")
    quarter = serializers.IntegerField(allow_null=True, help_text="For kind quarter.")
    day = serializers.IntegerField(allow_null=True, help_text="For kinds yearly, quarterly and monthly.")
    wording = serializers.CharField(help_text="As Form 1 words it, in the request's language.")


class DueDateSerializer(serializers.Serializer):
    quarter = serializers.IntegerField(help_text="The reporting quarter the due date belongs to.")
    date = serializers.DateField()


class BudgetCodeSerializer(serializers.Serializer):
    program = serializers.CharField(help_text="Three digits.")
    subprogram = serializers.CharField(allow_null=True, help_text="Three digits, or null.")


class CompletionFormRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    code = serializers.CharField()
    name_kk = serializers.CharField()
    name_ru = serializers.CharField()


class ExecutorSerializer(serializers.Serializer):
    unit_id = serializers.IntegerField()
    unit_code = serializers.CharField()
    lead = serializers.BooleanField(help_text="The lead executor comes first.")


class EventSerializer(serializers.Serializer):
    """An event as a version of the plan states it (one Form 1 row), as data."""

    revision_id = serializers.IntegerField(help_text="This version's statement of the event: the id to edit.")
    event_id = serializers.IntegerField(help_text="The event across versions (execution information follows it).")
    number = serializers.IntegerField(allow_null=True, help_text="Its number in Form 1.")
    anchor = AnchorSerializer()
    name_kk = serializers.CharField()
    name_ru = serializers.CharField()
    name_en = serializers.CharField()
    no_funding = serializers.BooleanField()
    budget_codes = BudgetCodeSerializer(many=True, help_text="Empty when no funding is needed or none is given yet.")
    deadline = DeadlineSerializer()
    due_dates = DueDateSerializer(many=True, help_text="The deadline's due dates in the plan's year.")
    completion_form = CompletionFormRefSerializer(allow_null=True,
                                                  help_text="One of the body's completion forms, or null.")
    completion_kk = serializers.CharField(help_text="Another completion form, in Kazakh (without a managed one).")
    completion_ru = serializers.CharField(help_text="Another completion form, in Russian.")
    executors = ExecutorSerializer(many=True, help_text="The lead executor first, then co-executors in order.")
    status = serializers.ChoiceField(choices=["active", "cancelled"])
    cancel_reason_kk = serializers.CharField(help_text="Why an amendment cancels the event, in Kazakh.")
    cancel_reason_ru = serializers.CharField(help_text="Why an amendment cancels the event, in Russian.")
    review_note = serializers.CharField(help_text="Why an amendment marks the event for review.")
    lock_version = serializers.IntegerField(help_text="Send it back with a change (PATCH).")


class FieldChangeSerializer(serializers.Serializer):
    field = serializers.ChoiceField(choices=["anchor", "name_kk", "name_ru", "no_funding", "budget_codes",
                                             "deadline", "completion_form", "completion_kk", "completion_ru",
                                             "executors"],
                                    help_text="A field of the event, valued as in Event.")
    old = serializers.JSONField(help_text="Its value in the version compared against.")
    new = serializers.JSONField(help_text="Its value in this version.")


class DifferenceSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=["added", "cancelled", "restored", "changed", "removed"])
    event_id = serializers.IntegerField()
    revision_id = serializers.IntegerField(allow_null=True, help_text="In this version (null for removed).")
    number = serializers.IntegerField(allow_null=True, help_text="Its number in this version's Form 1.")
    name_kk = serializers.CharField()
    name_ru = serializers.CharField()
    cancel_reason_kk = serializers.CharField()
    cancel_reason_ru = serializers.CharField()
    changes = FieldChangeSerializer(many=True)


class ComparisonSerializer(serializers.Serializer):
    number = serializers.IntegerField(help_text="This version.")
    against = serializers.IntegerField(help_text="The version it is compared against.")
    counts = serializers.DictField(child=serializers.IntegerField(), help_text="Differences by kind.")
    differences = DifferenceSerializer(many=True)


FORM_NAMES = {"budget_codes": "budget"}  # API field → EventForm field, where they differ


def _form(name: str) -> dict:
    """The page's EventForm field this one stands for: the form checks it, the schema states its limits."""
    return {"form_field": EventForm.base_fields[FORM_NAMES.get(name, name)]}


class EventFieldsSerializer(serializers.Serializer):
    """What an event says, field by field, as the page's event form edits it."""

    anchor = StrictCharField(help_text="m:<id> (macroindicator), t:<id> (target indicator) or r:<id> (Section II "
                                       "task) of the version's development plan edition.", **_form("anchor"))
    name_kk = StrictCharField(allow_blank=True, **_form("name_kk"))
    name_ru = StrictCharField(allow_blank=True, **_form("name_ru"))
    budget_codes = StrictCharField(
        allow_blank=True, **_form("budget_codes"), help_text="E.g. 001 or 005 100; several codes separated by commas.")
    no_funding = StrictBooleanField()
    deadline_kind = StrictCharField(**_form("deadline_kind"))
    deadline_date = StrictDateField(allow_null=True, help_text="For kind date, within the plan's year.")
    deadline_month = StrictIntegerField(allow_null=True, help_text="For kinds month and yearly.",
                                        **_form("deadline_month"))
    deadline_quarter = StrictIntegerField(allow_null=True, help_text="For kind quarter.", **_form("deadline_quarter"))
    deadline_day = StrictIntegerField(allow_null=True, help_text="For kinds yearly, quarterly and monthly.",
                                      **_form("deadline_day"))
    completion_form = StrictIntegerField(
        allow_null=True, help_text="Id of one of the body's completion forms.")
    completion_kk = StrictCharField(allow_blank=True, **_form("completion_kk"))
    completion_ru = StrictCharField(allow_blank=True, **_form("completion_ru"))
    lead_unit = StrictIntegerField(
        allow_null=True, help_text="Id of one of the body's active units.")
    co_executors = serializers.ListField(
        child=StrictIntegerField(), help_text="Ids of the body's active units.")


class FormChecked(EventFieldsSerializer):
    """Checks the event with the page's EventForm, over the values the event has (a change) or blank ones
    (a new event): the same rules, the same messages."""

    def __init__(self, *args, plan=None, version=None, initial=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan, self.version, self.initial_values = plan, version, initial or {}

    def validate(self, attrs):
        data = dict(self.initial_values)
        data.update({FORM_NAMES.get(k, k): v for k, v in attrs.items()})
        form = EventForm(data, plan=self.plan, development_plan_id=self.version.development_plan_id)
        if not form.is_valid():
            names = {form_name: name for name, form_name in FORM_NAMES.items()}
            errors = {names.get(k, k): v for k, v in form.errors.items()}
            if "__all__" in errors:
                errors[api_settings.NON_FIELD_ERRORS_KEY] = errors.pop("__all__")
            raise serializers.ValidationError(errors)
        self.event_data = form.event_data()
        return attrs


class EventPatchSerializer(FormChecked):
    """The fields a PATCH changes (the others keep their values), checked by the page's EventForm:
    the same rules, the same messages. lock_version is the one the client read; a stale one is refused."""

    lock_version = StrictIntegerField(help_text="As read from the event; a stale one answers 409 (code stale).")

    # Every field but lock_version may be left out, so the serializer is never "partial" (which would
    # also drop lock_version from the schema's required list).
    partial = property(lambda self: False, lambda self, value: None)

    def __init__(self, *args, revision=None, executors=(None, ()), **kwargs):
        super().__init__(*args, plan=revision.version.plan if revision else None,
                         version=revision.version if revision else None,
                         initial=EventForm.initial_from(revision, *executors) if revision else None, **kwargs)
        for name, field in self.fields.items():
            field.required = name == "lock_version"


BLANK = {"name_kk": "", "name_ru": "", "budget": "", "no_funding": False, "deadline_date": None,
         "deadline_month": None, "deadline_quarter": None, "deadline_day": None, "completion_form": None,
         "completion_kk": "", "completion_ru": "", "lead_unit": None, "co_executors": []}


class EventCreateSerializer(FormChecked):
    """A new event of the draft: its anchor and its deadline's kind are needed, and a name in Kazakh or
    Russian; the rest may come later (approval needs both names, a budget code, a completion form and an
    executor)."""

    REQUIRED = ("anchor", "deadline_kind")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, initial=BLANK, **kwargs)
        for name, field in self.fields.items():
            field.required = name in self.REQUIRED
