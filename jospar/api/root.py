"""GET /api/v1/: what the API holds, each resource with its address."""
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.reverse import reverse

from .base import ApiView


def _entries():
    from .plans.urls import ROOT as plans
    from .reference.urls import ROOT as reference
    from .reports.urls import ROOT as reports
    return [*reference, *plans, *reports]


class Root(ApiView):
    """The resources of version 1, by name, with the address of each list."""

    @extend_schema(responses=inline_serializer("Root", {
        "version": serializers.CharField(),
        "resources": serializers.DictField(child=serializers.URLField()),
        "schema": serializers.URLField(),
        "docs": serializers.URLField(),
    }))
    def get(self, request):
        return Response({
            "version": "1",
            "resources": {name: reverse(url_name, request=request) for name, url_name in _entries()},
            "schema": reverse("api:schema", request=request),
            "docs": reverse("api:docs", request=request),
        })
