from django.apps import AppConfig
from django.core.signals import request_finished, request_started
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class RulebookConfig(AppConfig):
    name = "jospar.rulebook"
    label = "rulebook"
    verbose_name = _("Rulebook")

    def ready(self):
        from . import data, editions, permissions  # noqa: F401  (permissions: the `rulebook.*` rules)

        # A flushed database (a transactional test) is seeded again, as Django does with content types.
        post_migrate.connect(data.seed_after_migrate, sender=self, dispatch_uid="rulebook_seed")
        request_started.connect(editions.start_request, dispatch_uid="rulebook_request_started")
        request_finished.connect(editions.end_request, dispatch_uid="rulebook_request_finished")
