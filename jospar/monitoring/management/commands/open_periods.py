from django.core.management.base import BaseCommand

from jospar.monitoring.models import ReportingPeriod
from jospar.monitoring.services import open_periods
from jospar.planning.selectors import plans_with_an_approved_version


class Command(BaseCommand):
    help = (
        "Open the four reporting quarters of every plan that has an approved version and lacks some (approval "
        "opens them; this repairs plans approved before that, restored or imported around the services). "
        "Idempotent: prints how many periods it opened (0 the second time). Run under run_locked."
    )

    def handle(self, *args, **options):
        before = ReportingPeriod.objects.count()
        for plan in plans_with_an_approved_version():
            open_periods(plan)
        self.stdout.write(f"reporting periods opened: {ReportingPeriod.objects.count() - before}")
