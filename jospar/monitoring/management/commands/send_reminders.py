from django.core.management.base import BaseCommand

from jospar.monitoring.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "E-mail (and notify in the app) everyone whose quarterly information or report is due in 3 days, "
        "due today or overdue. Each stage is sent once: safe to run every hour."
    )

    def handle(self, *args, **options):
        sent = send_reminders()
        self.stdout.write(f"reminders sent: {sent}")
