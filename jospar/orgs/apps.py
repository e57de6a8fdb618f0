from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgsConfig(AppConfig):
    name = "jospar.orgs"
    label = "orgs"
    verbose_name = _("Organisations and people")

    def ready(self):
        # Registers every permission rule at start-up, whatever code asks `has_perm` first.
        from . import permissions

        permissions.install_workflow_has_perm()  # no superuser short-circuit in workflow actions
