"""The e-mail outbox: e-mails are rows written with the action, sent later, never lost.

`send_due` sends what is due, one row at a time, each in its own short transaction holding the row
(`SELECT ... FOR UPDATE SKIP LOCKED`: two senders never take the same row). A row is marked sent in
the transaction that sent it; if the mail server is down the attempt is counted, the row is retried
after an exponentially growing pause, and the run stops (the rest waits for the server, untouched).
Delivery is at-least-once only if the process dies between the server's "250 OK" and the commit;
every message carries a stable Message-ID so the receiving side can recognise such a repeat.
"""
import logging
import smtplib
from contextlib import suppress
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.utils import timezone

from .models import Notification, OutboundEmail

log = logging.getLogger(__name__)
MAX_PAUSE = timedelta(hours=6)
SERVER_DOWN = (OSError, smtplib.SMTPServerDisconnected, smtplib.SMTPConnectError)


@dataclass
class Run:
    sent: int = 0
    failed: int = 0
    server_down: bool = False


def pause_after(attempts: int) -> timedelta:
    """Back-off after the n-th failed attempt: base, 2x base, 4x base, ... at most six hours."""
    return min(timedelta(seconds=settings.EMAIL_OUTBOX_RETRY_SECONDS * 2 ** max(attempts - 1, 0)), MAX_PAUSE)


def message_id(row: OutboundEmail) -> str:
    domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2] or "jospar"
    return f"<outbox-{row.pk}-{int(row.created_at.timestamp())}@{domain}>"


def _message(row: OutboundEmail, connection) -> EmailMessage:
    return EmailMessage(row.subject, row.body, None, [row.to], connection=connection,
                        headers={"Message-ID": message_id(row)})


def _failed(row: OutboundEmail, exc: Exception, now) -> None:
    row.attempts += 1
    row.last_error = f"{exc.__class__.__name__}: {exc}"[:2000]
    if row.attempts >= settings.EMAIL_OUTBOX_MAX_ATTEMPTS:
        row.status = OutboundEmail.Status.FAILED
    row.next_attempt_at = now + pause_after(row.attempts)
    row.save(update_fields=["attempts", "last_error", "status", "next_attempt_at"])


def send_due(*, ids: list[int] | None = None, limit: int = 500) -> Run:
    """Send waiting e-mails that are due (or exactly `ids`, due or not); never raises for a mail failure."""
    now = timezone.now()
    waiting = OutboundEmail.objects.filter(status=OutboundEmail.Status.PENDING)
    waiting = waiting.filter(pk__in=ids) if ids is not None else waiting.filter(next_attempt_at__lte=now)
    batch = list(waiting.order_by("next_attempt_at", "id").values_list("pk", flat=True)[:limit])
    run = Run()
    if not batch:
        return run
    connection = get_connection(fail_silently=False)
    try:
        for pk in batch:
            with transaction.atomic():
                row = (OutboundEmail.objects.select_for_update(skip_locked=True)
                       .filter(pk=pk, status=OutboundEmail.Status.PENDING).first())
                if row is None:
                    continue  # another sender has it, or it went out meanwhile
                try:
                    connection.send_messages([_message(row, connection)])
                except Exception as exc:  # noqa: BLE001 - every failure is recorded on the row and retried
                    _failed(row, exc, now)
                    run.failed += 1
                    log.warning("e-mail %s to %s not sent (attempt %s): %s", row.pk, row.to, row.attempts, exc)
                    if isinstance(exc, SERVER_DOWN):
                        run.server_down = True
                        break
                    continue
                row.status, row.sent_at, row.attempts = OutboundEmail.Status.SENT, timezone.now(), row.attempts + 1
                row.save(update_fields=["status", "sent_at", "attempts"])
                if row.notification_id:
                    Notification.objects.filter(pk=row.notification_id).update(emailed_at=row.sent_at)
                run.sent += 1
    finally:
        with suppress(Exception):  # a dead connection has nothing left to close
            connection.close()
    return run


def retry_now(ids) -> int:
    """The administrator's "retry now": failed or waiting e-mails are due again, with a fresh count."""
    return OutboundEmail.objects.filter(pk__in=list(ids)).exclude(status=OutboundEmail.Status.SENT).update(
        status=OutboundEmail.Status.PENDING, attempts=0, next_attempt_at=timezone.now(), last_error=""
    )


def delete_sent(older_than_days: int) -> int:
    cutoff = timezone.now() - timedelta(days=older_than_days)
    return OutboundEmail.objects.filter(status=OutboundEmail.Status.SENT, sent_at__lt=cutoff).delete()[0]
