"""Included by jospar.urls at /signatures/ (namespace "signatures")."""
from django.urls import path

from . import views

app_name = "signatures"

urlpatterns = [
    path("prepare/approval/<int:pk>/", views.prepare_approval, name="prepare_approval"),
    path("prepare/report/<int:year>/<int:quarter>/", views.prepare_report, name="prepare_report"),
    path("prepare/unit/<int:year>/<int:quarter>/<int:unit_id>/", views.prepare_unit_info, name="prepare_unit_info"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/signature.cms", views.download_cms, name="cms"),
    path("<int:pk>/document", views.download_content, name="content"),
    path("<int:pk>/root.pem", views.download_root, name="root"),
    path("<int:pk>/verify/", views.verify_again, name="verify"),
]
