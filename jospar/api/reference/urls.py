from django.urls import path

from . import views

# (name in the API's root, URL name) of each list this module serves
ROOT = [("bodies", "api:bodies"), ("units", "api:units"), ("development_plans", "api:development_plans")]
urlpatterns = [
    path("bodies/", views.BodyList.as_view(), name="bodies"),
    path("bodies/<slug:code>/", views.BodyDetail.as_view(), name="body"),
    path("units/", views.UnitList.as_view(), name="units"),
    path("units/<int:unit_id>/", views.UnitDetail.as_view(), name="unit"),
    path("development-plans/", views.DevelopmentPlanList.as_view(), name="development_plans"),
    path("development-plans/<int:pk>/", views.DevelopmentPlanDetail.as_view(), name="development_plan"),
]
