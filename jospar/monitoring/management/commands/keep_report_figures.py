from django.core.management.base import BaseCommand

from jospar.monitoring.figures import keep_missing


class Command(BaseCommand):
    help = (
        "Keep the execution figures of submitted reports that have none (reports submitted before the figures "
        "were kept; submitting a report keeps them since). Idempotent: run once after upgrading, under run_locked."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"report figures kept: {keep_missing()}")
