from django.conf import settings

from jospar.notifications import outbox
from jospar.ops.commands import LockedCommand


class Command(LockedCommand):
    help = (
        "Send the e-mails waiting in the outbox that are due. A failure is retried later with exponential "
        "back-off (EMAIL_OUTBOX_RETRY_SECONDS, doubling) up to EMAIL_OUTBOX_MAX_ATTEMPTS. Run every minute."
    )

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=500, help="at most this many e-mails per run")

    def handle(self, *args, limit, **options):
        run = outbox.send_due(limit=limit)
        self.stdout.write(f"e-mails sent: {run.sent}, failed: {run.failed}")
        if run.server_down:
            self.stderr.write(f"mail server {settings.EMAIL_HOST}:{settings.EMAIL_PORT} unreachable; "
                              "the rest waits for the next run")
