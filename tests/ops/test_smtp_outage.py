"""A real SMTP server (aiosmtpd on loopback) goes down in the middle of a run and comes back:
every e-mail is delivered exactly once."""
import email
import socket
from datetime import timedelta

import pytest
import time_machine
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from jospar.notifications.models import OutboundEmail
from jospar.notifications.outbox import message_id
from tests.ops.backends import HookedSMTPBackend


class Inbox:
    def __init__(self):
        self.message_ids = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        self.message_ids.append(email.message_from_bytes(envelope.content)["Message-ID"])
        return "250 OK"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp(monkeypatch):
    port, inbox, servers = free_port(), Inbox(), []

    def start():
        controller = Controller(inbox, hostname="127.0.0.1", port=port)
        controller.start()
        servers.append(controller)

    def stop():
        servers.pop().stop()

    start()
    with override_settings(EMAIL_BACKEND="tests.ops.backends.HookedSMTPBackend", EMAIL_HOST="127.0.0.1",
                           EMAIL_PORT=port, EMAIL_USE_TLS=False, EMAIL_USE_SSL=False, EMAIL_TIMEOUT=5):
        yield inbox, start, stop
    while servers:
        stop()


@pytest.mark.django_db
def test_every_email_is_delivered_once_after_the_server_comes_back(smtp, monkeypatch, capsys):
    inbox, start, stop = smtp
    rows = [OutboundEmail.objects.create(to=f"u{i}@example.kz", subject=f"Хабарлама {i}", body="мәтін")
            for i in range(10)]

    def stop_after_four():
        if len(inbox.message_ids) == 4:
            stop()  # the mail server dies in the middle of the run

    monkeypatch.setattr(HookedSMTPBackend, "after_each", staticmethod(stop_after_four))
    call_command("send_outbox")
    assert len(inbox.message_ids) == 4
    assert "unreachable" in capsys.readouterr().err
    assert OutboundEmail.objects.filter(status="pending", attempts=1).count() == 1

    monkeypatch.setattr(HookedSMTPBackend, "after_each", staticmethod(lambda: None))
    with time_machine.travel(timezone.now() + timedelta(minutes=5)):
        call_command("send_outbox")  # still down: one more attempt counted, nothing lost
    assert len(inbox.message_ids) == 4

    start()  # the server is back
    with time_machine.travel(timezone.now() + timedelta(hours=1)):
        call_command("send_outbox")
    assert sorted(inbox.message_ids) == sorted(set(inbox.message_ids)) and len(inbox.message_ids) == 10
    assert set(OutboundEmail.objects.values_list("status", flat=True)) == {"sent"}
    assert sorted(inbox.message_ids) == sorted(message_id(r) for r in rows)
