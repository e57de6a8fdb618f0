from datetime import timedelta

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from jospar.api.conditional import forget_old_answers
from jospar.notifications import outbox
from jospar.ops.commands import LockedCommand


class Command(LockedCommand):
    help = (
        "Delete what has expired: sessions (clearsessions), login attempts past their lockout, login logs older "
        "than --login-log-days, e-mails sent more than EMAIL_OUTBOX_KEEP_DAYS ago, the API's answers kept for "
        "Idempotency-Key retries past a day (API tokens, revoked or expired, are kept for the audit trail). "
        "Idempotent; run daily."
    )

    def add_arguments(self, parser):
        parser.add_argument("--login-log-days", type=int, default=90)

    def handle(self, *args, login_log_days, **options):
        call_command("clearsessions")
        now = timezone.now()
        lockout = timedelta(hours=settings.AXES_COOLOFF_TIME)
        attempts = AccessAttempt.objects.filter(attempt_time__lt=now - lockout).delete()[0]
        log_cutoff = now - timedelta(days=login_log_days)
        logs = AccessLog.objects.filter(attempt_time__lt=log_cutoff).delete()[0]
        logs += AccessFailureLog.objects.filter(attempt_time__lt=log_cutoff).delete()[0]
        emails = outbox.delete_sent(settings.EMAIL_OUTBOX_KEEP_DAYS)
        answers = forget_old_answers(now)
        self.stdout.write(f"expired sessions cleared; login attempts deleted: {attempts}, login log rows: {logs}, "
                          f"sent e-mails: {emails}, API idempotency answers: {answers}")
