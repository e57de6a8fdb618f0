from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from oauth2_provider import views as oauth2

from jospar.dashboard import views as dashboard
from jospar.ops.health import healthz
from jospar.orgs import views as orgs

admin.site.site_header = admin.site.site_title = _("Jospar administration")  # not Django's name
admin.site.index_title = _("Reference data and records")

urlpatterns = [
    path("", dashboard.home, name="home"),
    path("accounts/login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/setlang/", orgs.set_language, name="set_language"),
    path("plans/", include("jospar.planning.urls")),
    path("development-plans/", include("jospar.planning.devplan.urls")),
    path("monitoring/", include("jospar.monitoring.urls")),
    path("documents/", include("jospar.documents.urls")),
    path("signatures/", include("jospar.signatures.urls")),
    path("rulebook/", include("jospar.rulebook.urls")),
    path("notifications/", include("jospar.notifications.urls")),
    path("", include("jospar.orgs.manage.urls")),  # /organisation/… (body administrator), /installation/…
    path("national/", include("jospar.national.urls")),
    path("api/", include("jospar.api.urls")),
    path("", include("jospar.api.keys.urls")),  # /account/api-tokens/ (everyone), /organisation/systems/ (body admin)
    # OAuth2 for registered systems: the token endpoint (client credentials) and its revocation
    path("o/token/", oauth2.TokenView.as_view(), name="oauth2_token"),
    path("o/revoke_token/", oauth2.RevokeTokenView.as_view(), name="oauth2_revoke_token"),
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
]
