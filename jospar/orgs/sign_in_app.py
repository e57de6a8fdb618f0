"""django-axes' application under a name in the reader's language (its own is the untranslated «Axes»).

A module of its own: two configurations in `orgs/apps.py` would stop Django from choosing the orgs one."""
from axes.apps import AppConfig as AxesConfig
from django.utils.translation import gettext_lazy as _


class SignInAttemptsConfig(AxesConfig):
    verbose_name = _("Sign-in attempts")
