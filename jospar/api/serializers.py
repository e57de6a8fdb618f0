from rest_framework import serializers

from jospar import text_limits as limits
from jospar.planning.models import OperationalPlan, PlanVersion


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


class EventPatchSerializer(serializers.Serializer):
    """Fields an API client may change on an event of a draft (others keep their values)."""

    name_kk = serializers.CharField(required=False, allow_blank=True, max_length=limits.NAME)
    name_ru = serializers.CharField(required=False, allow_blank=True, max_length=limits.NAME)
    budget_codes = serializers.CharField(required=False, allow_blank=True, max_length=limits.BUDGET_CODES)
    lock_version = serializers.IntegerField()
