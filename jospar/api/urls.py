from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from . import views

app_name = "api"
urlpatterns = [
    path("plans/", views.plans, name="plans"),
    path("plans/<int:year>/versions/<int:number>/events/", views.version_events, name="version_events"),
    path("plans/<int:year>/events/<int:revision_id>/", views.event, name="event"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
]
