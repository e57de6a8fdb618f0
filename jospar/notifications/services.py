"""Notify the people who must act: in the app and by e-mail, each in their own language."""
from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation

from .models import Notification


def _language_of(user) -> str:
    person = getattr(user, "person", None) if hasattr(user, "person") else None
    return (person.language if person and person.language else None) or settings.LANGUAGE_CODE


def notify(recipients: Iterable, kind: str, *, params: dict | None = None, url: str = "", actor=None) -> list:
    """Create one notification per distinct recipient and e-mail it once the transaction commits."""
    params = {k: str(v) for k, v in (params or {}).items()}
    seen, created = set(), []
    for user in recipients:
        if user is None or user.pk in seen or (actor is not None and user.pk == actor.pk):
            continue
        seen.add(user.pk)
        created.append(Notification(recipient=user, actor=actor, kind=kind, params=params, url=url))
    Notification.objects.bulk_create(created)
    ids = [n.pk for n in created if n.pk]
    if ids:
        transaction.on_commit(lambda: send_emails(ids))
    return created


def send_emails(ids: list[int]) -> int:
    """E-mail notifications not yet e-mailed; user text is plain text, never markup."""
    sent = 0
    for note in Notification.objects.filter(pk__in=ids, emailed_at__isnull=True).select_related("recipient__person"):
        address = note.recipient.email
        if not address:
            continue
        with translation.override(_language_of(note.recipient)):
            subject, text = note.subject, note.text
        link = f"\n\n{settings.SITE_URL.rstrip('/')}{note.url}" if note.url else ""
        subject = " ".join(subject.split())[:200]  # no header injection through line breaks
        send_mail(subject, text + link, None, [address], fail_silently=False)
        note.emailed_at = timezone.now()
        note.save(update_fields=["emailed_at"])
        sent += 1
    return sent


def mark_read(user, ids: Iterable[int] | None = None) -> int:
    qs = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if ids is not None:
        qs = qs.filter(pk__in=list(ids))
    return qs.update(read_at=timezone.now())


def unread_count(user) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()
