"""The operational plan's URLs (namespace "planning"): the plan pages here, each stage's from its subpackage."""
from django.urls import path

from jospar.planning import views
from jospar.planning.amendments import urls as amendments
from jospar.planning.approval import urls as approval
from jospar.planning.drafting import urls as drafting

app_name = "planning"
urlpatterns = [
    path("", views.plan_list, name="plan_list"),
    path("<int:year>/", views.plan_detail, name="plan_detail"),
    path("<int:year>/events/<int:event_id>/", views.event_detail, name="event_detail"),
    *drafting.urlpatterns,
    *approval.urlpatterns,
    *amendments.urlpatterns,
]
