from django.urls import path

from . import views

app_name = "planning"
urlpatterns = [
    path("", views.plan_list, name="plan_list"),
    path("<int:year>/", views.plan_detail, name="plan_detail"),
]
