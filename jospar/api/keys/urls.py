from django.urls import path

from . import views

app_name = "keys"
urlpatterns = [
    path("account/api-tokens/", views.token_list, name="tokens"),
    path("account/api-tokens/<int:pk>/revoke/", views.token_revoke, name="token_revoke"),
    path("organisation/systems/", views.system_list, name="systems"),
    path("organisation/systems/<int:pk>/revoke/", views.system_revoke, name="system_revoke"),
]
