"""§6 approval: send the draft, approve it, return it.
Included by jospar.planning.urls (namespace "planning")."""
from django.urls import path

from jospar.planning.approval import views

urlpatterns = [
    path("<int:year>/send/", views.send_for_approval, name="send_for_approval"),
    path("<int:year>/approve/", views.approve, name="approve"),
    path("<int:year>/return/", views.return_plan, name="return_plan"),
]
