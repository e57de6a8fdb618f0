from django.urls import path, register_converter

from jospar.planning.devplan import views


class KindConverter:
    regex = "direction|macroindicator|goal|indicator|task"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(KindConverter, "devplankind")

app_name = "devplan"
urlpatterns = [
    path("", views.plan_list, name="list"),
    path("new/", views.plan_create, name="create"),
    path("<int:pk>/", views.plan_detail, name="detail"),
    path("<int:pk>/edit/", views.plan_edit, name="edit"),
    path("<int:pk>/delete/", views.plan_delete, name="delete"),
    path("<int:pk>/part/<str:part>/", views.part, name="part"),
    path("<int:pk>/<devplankind:kind>/add/", views.node_add, name="node_add"),
    path("<int:pk>/<devplankind:kind>/add/<int:parent>/", views.node_add, name="node_add_under"),
    path("<int:pk>/<devplankind:kind>/<int:node>/edit/", views.node_edit, name="node_edit"),
    path("<int:pk>/<devplankind:kind>/<int:node>/delete/", views.node_delete, name="node_delete"),
    path("<int:pk>/<devplankind:kind>/<int:node>/move/", views.node_move, name="node_move"),
    path("<int:pk>/<devplankind:kind>/<int:node>/roles/", views.indicator_roles, name="indicator_roles"),
]
