"""The e-mail outbox: written with the action, sent after it, retried with back-off, never lost."""
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from jospar.notifications import outbox
from jospar.notifications.models import Notification, OutboundEmail
from jospar.notifications.services import notify
from tests.factories import UserFactory

BROKEN = "tests.ops.backends.BrokenBackend"


@pytest.fixture
def people(db):
    return [UserFactory(username=f"p{i}", email=f"p{i}@example.kz") for i in range(3)]


def test_the_email_is_written_with_the_action_and_sent_after_commit(people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        notify(people, "plan_returned", params={"year": 2027}, url="/plans/2027/")
        assert OutboundEmail.objects.filter(status="pending").count() == 3
        assert mail.outbox == []
    assert sorted(m.to[0] for m in mail.outbox) == [p.email for p in people]
    assert set(OutboundEmail.objects.values_list("status", flat=True)) == {"sent"}
    assert not Notification.objects.filter(emailed_at__isnull=True).exists()
    assert mail.outbox[0].extra_headers["Message-ID"].startswith("<outbox-")


def test_a_rolled_back_action_sends_nothing(people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ZeroDivisionError), transaction.atomic():
        notify(people, "plan_returned", params={"year": 2027})
        1 / 0  # noqa: B018 - the action fails after notifying
    assert not OutboundEmail.objects.exists() and mail.outbox == []


@override_settings(EMAIL_BACKEND=BROKEN)
def test_a_mail_server_failure_neither_breaks_the_action_nor_loses_the_mail(people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        notify(people[:1], "plan_returned", params={"year": 2027})  # no exception reaches the action
    row = OutboundEmail.objects.get()
    assert (row.status, row.attempts) == ("pending", 1) and "ConnectionRefusedError" in row.last_error
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"), \
            time_machine.travel(timezone.now() + timedelta(minutes=2)):
        call_command("send_outbox")
    assert [m.to for m in mail.outbox] == [[people[0].email]]
    row.refresh_from_db()
    assert row.status == "sent" and row.attempts == 2


@override_settings(EMAIL_BACKEND=BROKEN, EMAIL_OUTBOX_RETRY_SECONDS=60, EMAIL_OUTBOX_MAX_ATTEMPTS=4)
def test_retries_back_off_exponentially_then_give_up(people):
    row = OutboundEmail.objects.create(to="x@example.kz", subject="s", body="b")
    start = timezone.now()
    pauses = []
    for _ in range(4):
        row.refresh_from_db()
        with time_machine.travel(row.next_attempt_at, tick=False):
            assert outbox.send_due().server_down
            assert outbox.send_due().failed == 0  # not due again yet
        after = OutboundEmail.objects.get(pk=row.pk)
        pauses.append((after.next_attempt_at - row.next_attempt_at).total_seconds())
    assert pauses == [60, 120, 240, 480]
    row.refresh_from_db()
    assert row.status == "failed" and row.attempts == 4 and row.next_attempt_at > start
    with time_machine.travel(timezone.now() + timedelta(days=1)):
        assert outbox.send_due().failed == 0  # given up: waits for the administrator


def test_a_server_outage_stops_the_run_and_leaves_the_rest_untouched(people):
    rows = [OutboundEmail.objects.create(to=f"r{i}@example.kz", subject="s", body="b") for i in range(3)]
    with override_settings(EMAIL_BACKEND=BROKEN):
        run = outbox.send_due()
    assert (run.sent, run.failed, run.server_down) == (0, 1, True)
    assert [OutboundEmail.objects.get(pk=r.pk).attempts for r in rows] == [1, 0, 0]


def test_the_administrator_sees_failures_read_only_and_retries_them(admin_client, people):
    failed = OutboundEmail.objects.create(to="f@example.kz", subject="Жоспар", body="b", status="failed",
                                          attempts=10, last_error="SMTPServerDisconnected: down")
    OutboundEmail.objects.create(to="s@example.kz", subject="ok", body="b", status="sent", sent_at=timezone.now())
    url = reverse("admin:notifications_outboundemail_changelist")
    page = admin_client.get(url, {"status__exact": "failed"})
    assert page.status_code == 200
    text = page.content.decode()
    assert "f@example.kz" in text and "SMTPServerDisconnected" in text and "s@example.kz" not in text
    assert admin_client.get(reverse("admin:notifications_outboundemail_add")).status_code == 403
    response = admin_client.post(url, {"action": "retry_now", "_selected_action": [failed.pk]}, follow=True)
    assert response.status_code == 200
    failed.refresh_from_db()
    assert (failed.status, failed.attempts, failed.last_error) == ("pending", 0, "")
    call_command("send_outbox")
    assert [m.to for m in mail.outbox] == [["f@example.kz"]]


def test_cleanup_deletes_old_sent_emails_only(people):
    old = timezone.now() - timedelta(days=40)
    OutboundEmail.objects.create(to="a@example.kz", subject="s", body="b", status="sent", sent_at=old)
    OutboundEmail.objects.create(to="b@example.kz", subject="s", body="b", status="failed")
    OutboundEmail.objects.create(to="c@example.kz", subject="s", body="b", status="sent", sent_at=timezone.now())
    call_command("cleanup")
    assert sorted(OutboundEmail.objects.values_list("to", flat=True)) == ["b@example.kz", "c@example.kz"]


@override_settings(EMAIL_BACKEND=BROKEN)
def test_a_real_action_succeeds_while_the_mail_server_is_down(small_plan, planner, executive,
                                                              django_capture_on_commit_callbacks):
    from jospar.planning.approval.services import send_for_approval
    from jospar.planning.models import PlanVersion

    executive.email = "executive@example.kz"
    executive.save()
    with django_capture_on_commit_callbacks(execute=True):
        send_for_approval(user=planner, version=small_plan)
    small_plan.refresh_from_db()
    assert small_plan.status == PlanVersion.Status.ON_APPROVAL
    row = OutboundEmail.objects.get(to="executive@example.kz")
    assert row.notification.kind == "sent_for_approval" and (row.status, row.attempts) == ("pending", 1)
