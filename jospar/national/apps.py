from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NationalConfig(AppConfig):
    name = "jospar.national"
    label = "national"
    verbose_name = _("National view")

    def ready(self):
        from . import permissions  # noqa: F401  (the `national.*` rules)
