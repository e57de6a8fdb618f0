from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SignaturesConfig(AppConfig):
    name = "jospar.signatures"
    label = "signatures"
    verbose_name = _("Qualified electronic signatures")

    def ready(self):
        # After jospar.documents in INSTALLED_APPS: its receivers store the PDFs before these verify them.
        from . import permissions, receivers  # noqa: F401
