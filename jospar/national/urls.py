"""The national view's URLs (namespace "national"), mounted at /national/. Every page is GET only.

The table's render builds the drill-down's links from these shapes (`render.tbody`): keep them in step."""
from django.urls import path

from . import views

app_name = "national"
urlpatterns = [
    path("", views.bodies, name="bodies"),
    path("export.xlsx", views.export, name="export"),
    path("stored/<int:pk>/file", views.document, name="document"),  # not a body page: no trailing year/
    path("<slug:code>/<int:year>/", views.body, name="body"),
    path("<slug:code>/<int:year>/form1/", views.form1, name="form1"),
    path("<slug:code>/<int:year>/q<int:quarter>/form2/", views.form2, name="form2"),
]
