"""Reporting periods, units' information entries, submissions, Form 2 and decisions, as data."""
from rest_framework import serializers

from jospar import rules
from jospar import text_limits as limits

from ..fields import StrictBooleanField, StrictCharField, StrictIntegerField

STATUSES = [s.value for s in rules.ExecutionStatus]


class PeriodSerializer(serializers.Serializer):
    """A quarter of a plan year with its due dates (in the state body's calendar)."""

    year = serializers.IntegerField()
    quarter = serializers.IntegerField(min_value=1, max_value=4)
    # the serializer's metaclass moves declared fields off the class: Field.label stays what it is
    label = serializers.CharField(  # type: ignore[assignment]
        help_text="The quarter in the request's language («II квартал»).")
    start = serializers.DateField()
    end = serializers.DateField()
    info_due = serializers.DateField(help_text="Units' information is due by this date (§13).")
    report_due = serializers.DateField(help_text="The report on implementation is due by this date (§15).")
    opened = serializers.BooleanField(help_text="False until the plan's first version is approved: nothing can be "
                                                "reported in the period yet.")
    report_status = serializers.ChoiceField(["none", "draft", "submitted"], help_text=(
        "none: no report yet; draft: the planner is preparing it; submitted: submitted to the executive."))


class EntrySerializer(serializers.Serializer):
    """What the lead executor's unit reports on one occurrence of an event in the period (Form 2 columns 6–7)."""

    id = serializers.IntegerField(source="pk")
    year = serializers.IntegerField(source="period.plan.year")
    quarter = serializers.IntegerField(source="period.quarter")
    event_id = serializers.IntegerField()
    occurrence = serializers.IntegerField(help_text="Which due date of the event in the plan year (1 = the first).")
    due_on = serializers.DateField(allow_null=True)
    unit = serializers.IntegerField(source="unit_id", help_text="Id of the lead executor unit.")
    unit_code = serializers.CharField(source="unit.code")
    status = serializers.ChoiceField(STATUSES)
    status_label = serializers.SerializerMethodField(help_text="The status in the request's language.")
    actual_kk = serializers.CharField()
    actual_ru = serializers.CharField()
    reasons_kk = serializers.CharField()
    reasons_ru = serializers.CharField()
    state = serializers.ChoiceField(["draft", "submitted", "returned"], help_text=(
        "draft: being filled in; submitted: locked by the head's submission; returned: the planner returned it "
        "for correction (return_comment says why)."))
    submitted_at = serializers.DateTimeField(allow_null=True)
    return_comment = serializers.CharField()
    returned_at = serializers.DateTimeField(allow_null=True)
    updated_at = serializers.DateTimeField()

    def get_status_label(self, entry) -> str:
        from jospar.i18n import current_lang

        return entry.status_label(current_lang())


def _text(name: str) -> StrictCharField:
    return StrictCharField(allow_blank=True, required=False, max_length=limits.EXECUTION_TEXT,
                           help_text=f"{name}; up to {limits.EXECUTION_TEXT} characters.")


class EntryFieldsSerializer(serializers.Serializer):
    """An entry's texts and status, as the unit's page takes them (the same service checks them)."""

    status = StrictCharField(help_text="One of: " + ", ".join(STATUSES) + ".")
    actual_kk = _text("Actual execution, in Kazakh")
    actual_ru = _text("Actual execution, in Russian")
    reasons_kk = _text("Reasons for non-execution, in Kazakh (required for not_executed and partial, in one "
                       "language at least)")
    reasons_ru = _text("Reasons for non-execution, in Russian")


class EntryWriteSerializer(EntryFieldsSerializer):
    event_id = StrictIntegerField(min_value=1)
    occurrence = StrictIntegerField(min_value=1, max_value=366, required=False, default=1,
                                    help_text="Which due date of the event in the year (1 = the first; default 1).")


class EntryPatchSerializer(EntryFieldsSerializer):
    """The fields sent change, the others keep their values."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = False


class SubmissionSerializer(serializers.Serializer):
    """The unit head's submission of the unit's information for the period (§13–§14)."""

    unit = serializers.IntegerField(source="unit_id")
    unit_code = serializers.CharField(source="unit.code")
    status = serializers.ChoiceField(["submitted", "returned"])
    first_submitted_at = serializers.DateTimeField()
    submitted_at = serializers.DateTimeField()
    submitted_on = serializers.DateField(help_text="In the state body's time zone.")
    is_late = serializers.BooleanField()
    delay_days = serializers.IntegerField()
    return_comment = serializers.CharField()
    returned_at = serializers.DateTimeField(allow_null=True)


class SubmitSerializer(serializers.Serializer):
    unit = StrictIntegerField(help_text="Id of the unit whose information its head submits.")
    attest = StrictBooleanField(help_text="The head confirms the information is accurate, complete and on time: "
                                          "must be true.")
    cms = StrictCharField(required=False, allow_blank=True, max_length=200_000, help_text=(
        "Optional: the head's qualified electronic signature (base64 detached CMS) over the canonical rendering of "
        "the unit's information (GET /signatures/prepare/unit/{year}/{quarter}/{unit}/). Verified before the "
        "submission is saved; required when the installation requires signed unit information."))


class ReportRowSerializer(serializers.Serializer):
    """A line of Form 2: a heading (section, direction, macroindicator, goal, target indicator, task) or an event
    with its execution. Texts exactly as written in each state language."""

    kind = serializers.ChoiceField(["section", "direction", "macroindicator", "goal", "target_indicator", "task",
                                    "event"])
    number = serializers.CharField(help_text="The official number in the form (\"\" for a section).")
    label_kk = serializers.CharField()
    label_ru = serializers.CharField()
    event_id = serializers.IntegerField(allow_null=True)
    lead_unit = serializers.IntegerField(allow_null=True, help_text="Id of the lead executor unit (events).")
    status = serializers.ChoiceField(STATUSES, allow_null=True, help_text=(
        "Events: the status of execution from the submitted information; null when none was submitted."))
    actual_kk = serializers.CharField()
    actual_ru = serializers.CharField()
    reasons_kk = serializers.CharField()
    reasons_ru = serializers.CharField()
    recommendation_kk = serializers.CharField()
    recommendation_ru = serializers.CharField()
    cancelled = serializers.BooleanField(help_text="Cancelled by an amendment after it fell due.")


class ReportSerializer(serializers.Serializer):
    """The report on implementation (Form 2) of a period, compiled from the units' submitted information."""

    year = serializers.IntegerField()
    quarter = serializers.IntegerField()
    view = serializers.ChoiceField(["cumulative", "quarter"])
    status = serializers.ChoiceField(["none", "draft", "submitted"])
    version = serializers.IntegerField(allow_null=True, help_text="Number of the plan version it is compiled from.")
    submitted_at = serializers.DateTimeField(allow_null=True)
    submitted_on = serializers.DateField(allow_null=True)
    is_late = serializers.BooleanField()
    delay_days = serializers.IntegerField()
    general_recommendations_kk = serializers.CharField()
    general_recommendations_ru = serializers.CharField()
    amendment_proposals_kk = serializers.CharField()
    amendment_proposals_ru = serializers.CharField()
    rows = ReportRowSerializer(many=True)


class ReportListSerializer(serializers.Serializer):
    year = serializers.IntegerField(source="period.plan.year")
    quarter = serializers.IntegerField(source="period.quarter")
    status = serializers.ChoiceField(["draft", "submitted"])
    version = serializers.IntegerField(source="version.number", allow_null=True, default=None)
    submitted_at = serializers.DateTimeField(allow_null=True)
    submitted_on = serializers.DateField(allow_null=True)
    is_late = serializers.BooleanField()
    delay_days = serializers.IntegerField()
    decisions = serializers.IntegerField(source="decision_count")


class DecisionSerializer(serializers.Serializer):
    """A decision of the first head or chief of staff on a report (§17) and its follow-up."""

    id = serializers.IntegerField(source="pk")
    year = serializers.IntegerField(source="report.period.plan.year")
    quarter = serializers.IntegerField(source="report.period.quarter")
    text_kk = serializers.CharField()
    text_ru = serializers.CharField()
    responsible_unit = serializers.IntegerField(source="responsible_unit_id", allow_null=True)
    responsible_unit_code = serializers.CharField(source="responsible_unit.code", allow_null=True, default=None)
    responsible_person = serializers.IntegerField(source="responsible_person_id", allow_null=True,
                                                  help_text="Id of the user named responsible.")
    due_on = serializers.DateField(allow_null=True)
    events = serializers.SerializerMethodField(help_text="Ids of the events (planning.Event) it concerns.")
    requests_amendment = serializers.BooleanField()
    amendment = serializers.IntegerField(source="amendment.number", allow_null=True, default=None,
                                         help_text="Number of the plan version opened as the amendment on it.")
    created_at = serializers.DateTimeField()
    done_on = serializers.DateField(allow_null=True)
    done_note = serializers.CharField()

    def get_events(self, decision) -> list[int]:
        return sorted(e.pk for e in decision.events.all())
