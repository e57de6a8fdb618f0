"""Amendments (§18): new versions, cancelled events, versions, comparison, history.
Included by jospar.planning.urls (namespace "planning")."""
from django.urls import path

from jospar.planning.amendments import views

urlpatterns = [
    path("<int:year>/draft/events/<int:revision_id>/cancel/", views.event_cancel, name="draft_event_cancel"),
    path("<int:year>/draft/events/<int:revision_id>/restore/", views.event_restore, name="draft_event_restore"),
    path("<int:year>/amend/", views.amend, name="amend"),
    path("<int:year>/versions/", views.versions, name="versions"),
    path("<int:year>/compare/", views.compare, name="compare"),
    path("<int:year>/history/", views.history, name="history"),
    path("<int:year>/development-plan-changes/", views.devplan_changes, name="devplan_changes"),
]
