"""E-mail backends for the outbox tests."""
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.backends.smtp import EmailBackend as SMTPBackend


class BrokenBackend(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, messages):
        raise ConnectionRefusedError(111, "Connection refused")


class HookedSMTPBackend(SMTPBackend):
    """The real SMTP backend, calling `after_each` after each message the server accepted."""

    after_each = staticmethod(lambda: None)

    def send_messages(self, messages):
        sent = super().send_messages(messages)
        for _ in range(sent):
            type(self).after_each()
        return sent
