from django.urls import URLPattern, URLResolver, include, path, re_path
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView

from .base import UnknownAddress
from .docs import Docs
from .root import Root

app_name = "api"
v1: list[URLPattern | URLResolver] = [
    path("", Root.as_view(), name="root"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", Docs.as_view(), name="docs"),
    path("", include("jospar.api.reference.urls")),
    path("", include("jospar.api.plans.urls")),
    path("", include("jospar.api.reports.urls")),
]
urlpatterns = [
    path("", RedirectView.as_view(pattern_name="api:root", permanent=False), name="index"),
    path("v1/", include(v1)),
    re_path(r"", UnknownAddress.as_view(), name="not_found"),  # last: any other address under /api/
]
