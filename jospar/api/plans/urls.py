from django.urls import path

from . import views

ROOT = [("plans", "api:plans")]  # (name in the API's root, URL name) of each list this module serves
urlpatterns = [
    path("plans/", views.PlanList.as_view(), name="plans"),
    path("plans/<int:year>/versions/<int:number>/events/", views.VersionEventList.as_view(), name="version_events"),
    path("plans/<int:year>/events/<int:revision_id>/", views.EventDetail.as_view(), name="event"),
]
