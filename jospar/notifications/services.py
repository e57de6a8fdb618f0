"""Notify the people who must act: in the app and by e-mail, each in their own language."""
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation

from jospar.orgs.models import Person

from . import outbox
from .models import Notification, OutboundEmail


def _languages(users: list) -> dict[int, str]:
    """Each user's language (one query), the site's language when they chose none."""
    chosen = dict(Person.objects.filter(user__in=[u.pk for u in users]).exclude(language="")
                  .values_list("user_id", "language"))
    return {u.pk: chosen.get(u.pk) or settings.LANGUAGE_CODE for u in users}


def notify(recipients: Iterable, kind: str, *, params: dict | None = None, url: str = "", actor=None) -> list:
    """Create one notification per distinct recipient and queue its e-mail, in the caller's transaction.

    Nothing is sent here: an unreachable mail server can neither break the action nor lose the mail.
    The `send_outbox` timer sends the queue; with EMAIL_OUTBOX_EAGER (DEBUG, tests) these e-mails are
    also tried right after the transaction commits.
    """
    params = {k: str(v) for k, v in (params or {}).items()}
    seen, created = set(), []
    for user in recipients:
        if user is None or user.pk in seen or (actor is not None and user.pk == actor.pk):
            continue
        seen.add(user.pk)
        created.append(Notification(recipient=user, actor=actor, kind=kind, params=params, url=url))
    Notification.objects.bulk_create(created)
    mailed = [note for note in created if note.pk and note.recipient.email]
    languages = _languages([note.recipient for note in mailed]) if mailed else {}
    emails = OutboundEmail.objects.bulk_create(email_of(note, languages[note.recipient_id]) for note in mailed)
    ids = [e.pk for e in emails if e.pk]
    if ids and settings.EMAIL_OUTBOX_EAGER:
        transaction.on_commit(lambda: outbox.send_due(ids=ids))
    return created


def email_of(note: Notification, language: str) -> OutboundEmail:
    """The e-mail for a notification, in the recipient's language; user text is plain text, never markup."""
    with translation.override(language):
        subject, text = note.subject, note.text
    link = f"\n\n{settings.SITE_URL.rstrip('/')}{note.url}" if note.url else ""
    subject = " ".join(subject.split())[:200]  # no header injection through line breaks
    return OutboundEmail(notification=note, to=note.recipient.email, subject=subject, body=text + link)


def mark_read(user, ids: Iterable[int] | None = None) -> int:
    qs = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if ids is not None:
        qs = qs.filter(pk__in=list(ids))
    return qs.update(read_at=timezone.now())


def unread_count(user) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()
