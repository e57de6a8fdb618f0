from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView

from . import views

app_name = "api"
urlpatterns = [
    path("plans/", views.PlanList.as_view(), name="plans"),
    path("plans/<int:year>/versions/<int:number>/events/", views.VersionEventList.as_view(), name="version_events"),
    path("plans/<int:year>/events/<int:revision_id>/", views.EventDetail.as_view(), name="event"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    re_path(r"", views.UnknownAddress.as_view(), name="not_found"),  # last: any other address under /api/
]
