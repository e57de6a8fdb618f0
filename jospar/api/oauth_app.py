"""django-oauth-toolkit's app, named in the reader's language where Django lists apps (the admin's permission
lists) instead of «Django OAuth Toolkit»."""
from django.utils.translation import gettext_lazy as _
from oauth2_provider.apps import DOTConfig


class RegisteredSystemsOAuthConfig(DOTConfig):
    verbose_name = _("OAuth2 of registered systems")  # type: ignore[assignment]  # lazy, as Django takes it
