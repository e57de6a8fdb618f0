"""Session authentication whose CSRF refusal says what to send, in the request's language."""
from django.utils.translation import gettext as _
from drf_spectacular import authentication as openapi_schemes
from rest_framework import authentication, exceptions


class SessionAuthentication(authentication.SessionAuthentication):
    def enforce_csrf(self, request):
        try:
            super().enforce_csrf(request)
        except exceptions.PermissionDenied:
            raise exceptions.PermissionDenied(
                _("The CSRF check failed: send the value of the csrftoken cookie in the X-CSRFToken header."),
                code="csrf_failed") from None


class SessionScheme(openapi_schemes.SessionScheme):
    """States it in the schema as REST framework's own session authentication."""

    # drf-spectacular's SessionScheme names its target by a dotted str; the base extension takes a class too
    target_class = SessionAuthentication  # type: ignore[assignment]
