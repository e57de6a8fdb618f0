from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "jospar.monitoring"
    label = "monitoring"
    verbose_name = _("Monitoring")

    def ready(self):
        from . import amendments, permissions  # noqa: F401  (registers the `monitoring.*` rules at start-up)

        amendments.register()  # planning's amendment page offers this app's decisions as its basis (§18)
