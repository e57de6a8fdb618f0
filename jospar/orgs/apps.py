from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgsConfig(AppConfig):
    name = "jospar.orgs"
    label = "orgs"
    verbose_name = _("Organisations and people")

    def ready(self):
        # The `orgs.*` rules; every other app registers its own from its ready().
        from . import permissions

        permissions.workflow_permissions_ignore_superuser()
