"""Personal API tokens: a user makes, lists and revokes their own (the page is keys/views.py).

The token is shown once, in the answer to the POST that made it; only its SHA-256 is kept. A token acts as
its user, with the user's roles and nothing more. At most MAX_LIVE tokens live per user at once; a revoked
or expired token is kept (its history says who made and revoked it, and when), never deleted.
"""
import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from simple_history.utils import update_change_reason

from .models import ApiToken, token_digest

MAX_LIVE = 10
MAX_DAYS = 366  # a token's expiry is at most a year ahead
PREFIX_LENGTH = 12  # "jsp_" and 8 characters: enough to tell tokens apart, useless to guess with


def tokens_of(user):
    return ApiToken.objects.filter(user=user).order_by("-created_at", "-id")


def state_of(token: ApiToken, today: datetime.date | None = None) -> str:
    """live, expired or revoked."""
    if token.revoked_at is not None:
        return "revoked"
    today = today or timezone.localdate()
    if token.expires_on is not None and token.expires_on < today:
        return "expired"
    return "live"


def _check(user, name: str, expires_on: datetime.date | None) -> str:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        raise PermissionDenied(_("You are not allowed to do this."))
    problems: dict = {}
    name = (name or "").strip()
    if not name:
        problems["name"] = _("Name the token: what will use it (for example, «document flow»).")
    elif len(name) > 100:
        problems["name"] = _("The name is too long: at most 100 characters.")
    elif ApiToken.objects.live().filter(user=user, name__iexact=name).exists():
        problems["name"] = _("You already have a live token with this name: choose another name.")
    today = timezone.localdate()
    if expires_on is not None:
        if expires_on < today:
            problems["expires_on"] = _("The date has passed: choose today or a later date.")
        elif expires_on > today + datetime.timedelta(days=MAX_DAYS):
            problems["expires_on"] = _("A token is valid for at most a year: choose an earlier date.")
    if problems:
        raise ValidationError(problems)
    live = ApiToken.objects.live().filter(user=user).count()
    if live >= MAX_LIVE:
        raise ValidationError(ngettext(
            "You have %(count)d live token, the most allowed: revoke one you no longer use first.",
            "You have %(count)d live tokens, the most allowed: revoke one you no longer use first.",
            live) % {"count": live})
    return name


@transaction.atomic
def issue(*, user, name: str, expires_on: datetime.date | None = None) -> tuple[ApiToken, str]:
    """A new token of `user`; returns it and the token itself (shown once, kept nowhere)."""
    list(get_user_model().objects.select_for_update().filter(pk=user.pk).values_list("pk"))  # the cap, one at a time
    name = _check(user, name, expires_on)
    raw = ApiToken.new_secret()
    token = ApiToken(user=user, name=name, prefix=raw[:PREFIX_LENGTH], digest=token_digest(raw),
                     expires_on=expires_on)
    token._history_user = user  # type: ignore[attr-defined]
    token.save()
    return token, raw


@transaction.atomic
def revoke(*, user, token_id: int) -> ApiToken:
    """Revoke one of the user's own tokens (another user's is not found: 404). Revoking twice changes nothing."""
    token = get_object_or_404(ApiToken.objects.select_for_update(), pk=token_id, user=user)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token._history_user = user
        token.save(update_fields=["revoked_at"])
        update_change_reason(token, "revoked")
    return token
