"""The API's documentation, served by the app itself (Swagger UI from drf-spectacular-sidecar's
static files): a page for signed-in users; others go to the login page first."""
from django.contrib.auth.views import redirect_to_login
from drf_spectacular.views import SpectacularSwaggerSplitView
from rest_framework import permissions

from .authentication import SessionAuthentication


class Docs(SpectacularSwaggerSplitView):
    url_name = "api:schema"
    template_name = "api/docs.html"  # drf-spectacular's, without its inline <style> (the CSP refuses it)
    authentication_classes = [SessionAuthentication]
    permission_classes = [permissions.AllowAny]  # the page itself sends strangers to the login page
    throttle_classes: list = []
    schema = None  # a page, not an operation

    def get(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return super().get(request, *args, **kwargs)
