from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "jospar.documents"
    label = "documents"
    verbose_name = _("Official documents")

    def ready(self):
        from . import receivers  # noqa: F401  (approval and submission store their documents)
