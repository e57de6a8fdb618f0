from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "jospar.monitoring"
    label = "monitoring"
    verbose_name = _("Monitoring")

    def ready(self):
        from . import amendments, permissions, receivers  # noqa: F401  (the `monitoring.*` rules; approval opens the periods)

        amendments.register()  # planning's amendment page offers this app's decisions as its basis (§18)
