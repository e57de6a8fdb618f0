"""Who is calling the API, three ways:

- a personal token (`Authorization: Bearer jsp_…`): the user who made it, with their roles;
- an OAuth2 access token of a registered system (client credentials): the system's own user,
  with its roles in its body, limited further by the token's scopes (see access.py);
- the session of the pages' own calls, with the CSRF check.

Without credentials the answer is 401 with `WWW-Authenticate: Bearer`."""
from django.utils.translation import gettext as _
from drf_spectacular import authentication as openapi_schemes
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from oauth2_provider.contrib.rest_framework import OAuth2Authentication as ToolkitOAuth2Authentication
from rest_framework import authentication, exceptions

from .models import TOKEN_PREFIX, ApiToken, token_digest

REALM = "jospar"


def _bearer(request) -> str | None:
    parts = authentication.get_authorization_header(request).split()
    if not parts or parts[0].lower() != b"bearer":
        return None
    if len(parts) != 2:
        raise exceptions.AuthenticationFailed
    try:
        return parts[1].decode("ascii")
    except UnicodeDecodeError:
        raise exceptions.AuthenticationFailed from None


class TokenAuthentication(authentication.BaseAuthentication):
    """A personal token; a revoked or expired one, or one of an inactive user, is refused (401)."""

    def authenticate(self, request):
        raw = _bearer(request)
        if raw is None or not raw.startswith(TOKEN_PREFIX):
            return None  # no bearer, or an OAuth2 access token: the next class decides
        token = ApiToken.objects.live().select_related("user").filter(digest=token_digest(raw)).first()
        if token is None or not token.user.is_active:
            raise exceptions.AuthenticationFailed
        return token.user, token

    def authenticate_header(self, request):
        return f'Bearer realm="{REALM}"'


class OAuth2Authentication(ToolkitOAuth2Authentication):
    """django-oauth-toolkit's, acting as the application's user when the token was issued by client
    credentials (the toolkit leaves such a token without a user)."""

    www_authenticate_realm = REALM

    def authenticate(self, request):
        raw = _bearer(request)
        if raw is None or raw.startswith(TOKEN_PREFIX):
            return None
        result = super().authenticate(request)
        if result is None:
            raise exceptions.AuthenticationFailed  # a bearer that is not a live access token
        user, token = result
        user = user or token.application.user
        if user is None or not user.is_active:
            raise exceptions.AuthenticationFailed
        return user, token


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


class TokenScheme(OpenApiAuthenticationExtension):
    target_class = TokenAuthentication
    name = "personalToken"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer",
                "description": "A personal token (jsp_…), made on the user's API tokens page: it acts as the user."}


class OAuth2Scheme(OpenApiAuthenticationExtension):
    target_class = OAuth2Authentication
    name = "oauth2"

    def get_security_definition(self, auto_schema):
        return {"type": "oauth2", "flows": {"clientCredentials": {
            "tokenUrl": "/o/token/",
            "scopes": {"read": "Read the body's plans, reports and units' information",
                       "submit": "Write units' information and submit it, as the system's role allows"}}}}
