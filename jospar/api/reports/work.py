"""A unit's work list for a period: what it must report on (as lead executor) and what it contributes to,
each occurrence with its due date and the entry recorded so far, as the unit's page lists them. An outside
system reads it to know which `event_id` + `occurrence` to write."""
from django.core.exceptions import PermissionDenied
from django.http import Http404
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.response import Response

from jospar.i18n import current_lang
from jospar.monitoring import selectors
from jospar.orgs.models import OrgUnit

from .serializers import STATUSES
from .views import ReportsView, _period


class WorkItemSerializer(serializers.Serializer):
    event_id = serializers.IntegerField(source="info.event_id")
    revision_id = serializers.IntegerField(source="info.revision_id")
    number = serializers.CharField(source="info.number", help_text="The event's number in Form 1.")
    name = serializers.CharField(source="info.name", help_text="The event's name in the request's language.")
    occurrence = serializers.IntegerField(source="item.occurrence")
    due_on = serializers.DateField(source="item.due")
    kind = serializers.ChoiceField(["due", "carried", "in_progress"], source="item.kind", help_text=(
        "due: falls due in the quarter; carried: fell due earlier and is not yet executed; in_progress: a yearly "
        "event in progress."))
    entry = serializers.IntegerField(source="entry.pk", allow_null=True, default=None,
                                     help_text="Id of the entry recorded for it, or null.")
    status = serializers.ChoiceField(STATUSES, source="entry.status", allow_null=True, default=None)


class WorkListSerializer(serializers.Serializer):
    unit = serializers.IntegerField(source="unit.pk")
    unit_code = serializers.CharField(source="unit.code")
    version = serializers.IntegerField(source="version.number", allow_null=True, default=None,
                                       help_text="The plan version in force at the quarter's end.")
    submission = serializers.SerializerMethodField(help_text="none, submitted or returned.")
    items = WorkItemSerializer(many=True, help_text="The occurrences the unit reports on as lead executor.")
    contributes_to = WorkItemSerializer(many=True, source="co_items",
                                        help_text="Occurrences of events the unit co-executes (the lead reports).")

    @extend_schema_field(serializers.ChoiceField(["none", "submitted", "returned"]))
    def get_submission(self, listing) -> str:
        return listing.submission.status if listing.submission else "none"


class WorkList(ReportsView):
    """GET /api/v1/periods/{year}/{quarter}/units/{unit_id}/work/: as the unit's page of the period."""

    @extend_schema(responses=WorkListSerializer)
    def get(self, request, year: int, quarter: int, unit_id: int):
        period = _period(request, year, quarter)
        unit = OrgUnit.objects.filter(pk=unit_id, body_id=period.plan.body_id).first()
        if unit is None:
            raise Http404
        if not request.user.has_perm("monitoring.view_unit_info", unit):
            raise PermissionDenied
        listing = selectors.work_list(period, unit, current_lang())
        return Response(WorkListSerializer(listing).data)
