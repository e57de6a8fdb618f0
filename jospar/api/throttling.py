"""Rate limits per credential: each personal token, each OAuth2 access token's application and
each signed-in session has its own budget (settings API_RATE, e.g. 600/min). Over it, 429 with
Retry-After. The counts live in the configured cache (shared across workers with the file or
database cache; per worker with locmem)."""
from django.conf import settings
from oauth2_provider.models import AbstractAccessToken
from rest_framework.throttling import SimpleRateThrottle

from .models import ApiToken


def credential_of(request) -> str:
    token = request.auth
    if isinstance(token, ApiToken):
        return f"token:{token.pk}"
    if isinstance(token, AbstractAccessToken):
        return f"app:{token.application_id}"
    if request.user and request.user.is_authenticated:
        return f"user:{request.user.pk}"
    return "ip:" + (request.META.get("REMOTE_ADDR") or "")


class CredentialRateThrottle(SimpleRateThrottle):
    scope = "api"

    def get_rate(self):
        return settings.API_RATE

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": credential_of(request)}
