from django.urls import path

from . import views

app_name = "rulebook"
urlpatterns = [
    path("", views.edition_list, name="list"),
    path("<slug:key>/", views.edition_edit, name="edit"),
]
