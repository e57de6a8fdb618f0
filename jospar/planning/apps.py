from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanningConfig(AppConfig):
    name = "jospar.planning"
    label = "planning"
    verbose_name = _("Planning")

    def ready(self):
        from . import permissions  # noqa: F401  (registers the `planning.*` rules at start-up)
