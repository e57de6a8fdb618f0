from django.urls import path

from . import views

app_name = "orgs"
urlpatterns = [
    path("organisation/units/", views.units, name="units"),
    path("organisation/units/new/", views.unit_form, name="unit_create"),
    path("organisation/units/<int:pk>/", views.unit_form, name="unit_edit"),
    path("organisation/units/<int:pk>/active/", views.unit_toggle, name="unit_toggle"),
    path("organisation/units/<int:pk>/delete/", views.unit_delete, name="unit_delete"),
    path("organisation/people/", views.people, name="people"),
    path("organisation/people/new/", views.person_create, name="person_create"),
    path("organisation/people/<int:pk>/", views.person, name="person"),
    path("organisation/people/<int:pk>/password/", views.person_password, name="person_password"),
    path("organisation/people/<int:pk>/roles/add/", views.role_add, name="role_add"),
    path("organisation/roles/<int:membership_id>/", views.role_edit, name="role_edit"),
    path("organisation/roles/<int:membership_id>/remove/", views.role_remove, name="role_remove"),
    path("installation/bodies/", views.bodies, name="bodies"),
    path("installation/bodies/new/", views.body_create, name="body_create"),
    path("installation/bodies/<int:pk>/", views.body_edit, name="body_edit"),
    path("installation/bodies/<int:pk>/administrators/", views.body_admin_add, name="body_admin_add"),
]
