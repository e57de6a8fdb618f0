"""The API's one gate before a view's own rules: signed in, and, for an OAuth2 access token, the
scope the method needs (read for GET/HEAD/OPTIONS, submit for every write). The view then asks
the same permission rules as the pages (jospar.*.permissions): a token never acts beyond its user."""
from django.utils.translation import gettext_lazy as _
from oauth2_provider.models import AbstractAccessToken
from rest_framework import exceptions, permissions

READ, SUBMIT = "read", "submit"


def needed_scope(method: str) -> str:
    return READ if method in permissions.SAFE_METHODS else SUBMIT


class InsufficientScope(exceptions.PermissionDenied):
    default_code = "insufficient_scope"

    def __init__(self, scope: str):
        super().__init__(_("The access token lacks the %(scope)s scope.") % {"scope": scope})


class SignedInWithScope(permissions.IsAuthenticated):
    def has_permission(self, request, view):
        if not super().has_permission(request, view):
            return False
        token = request.auth
        if isinstance(token, AbstractAccessToken):
            scope = needed_scope(request.method)
            if not token.allow_scopes([scope]):
                raise InsufficientScope(scope)
        return True
