import logging

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpsConfig(AppConfig):
    name = "jospar.ops"
    label = "ops"
    verbose_name = _("Operations")

    def ready(self):
        from .logs import install_record_factory

        install_record_factory(logging)
