from django.urls import path

from . import views

ROOT = [("plans", "api:plans")]  # (name in the API's root, URL name) of each list this module serves
urlpatterns = [
    path("plans/", views.PlanList.as_view(), name="plans"),
    path("plans/<int:year>/", views.PlanDetail.as_view(), name="plan"),
    path("plans/<int:year>/versions/", views.VersionList.as_view(), name="versions"),
    path("plans/<int:year>/versions/<int:number>/", views.VersionDetail.as_view(), name="version"),
    path("plans/<int:year>/versions/<int:number>/events/", views.VersionEventList.as_view(), name="version_events"),
    path("plans/<int:year>/versions/<int:number>/changes/", views.VersionChanges.as_view(), name="version_changes"),
    path("plans/<int:year>/events/<int:revision_id>/", views.EventDetail.as_view(), name="event"),
    path("plans/<int:year>/amendments/", views.AmendmentList.as_view(), name="amendments"),
]
