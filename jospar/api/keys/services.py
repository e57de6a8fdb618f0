"""Registered systems: the body administrator's (orgs.manage_body) other systems that call the API with
OAuth2 client credentials.

Registering a system makes, in one transaction: a service account (no password: it never signs in to the
pages), its one role in the body (and unit, for a unit's role), checked by the same rules as a person's role
(jospar.orgs.manage.services), and a confidential OAuth2 application of client credentials whose user is that
account, with the scopes allowed. The client secret is shown once; only its hash is kept. A revoked system keeps
its rows for the audit trail: its secret is replaced by one nobody knows, its access tokens are deleted and its
account is deactivated, so neither a new token nor a token already issued works.
"""
import secrets

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from oauth2_provider.generators import generate_client_secret
from oauth2_provider.models import get_access_token_model, get_application_model, get_refresh_token_model

from jospar.orgs.manage import services as orgs
from jospar.orgs.models import Membership, Person, Role

from ..models import SCOPE_CHOICES, RegisteredSystem

SYSTEM_ROLES = (Role.VIEWER, Role.PLANNER, Role.EXECUTIVE, Role.UNIT_HEAD, Role.UNIT_STAFF)
SCOPES = SCOPE_CHOICES
LOGIN_PREFIX = "system-"


def systems_of(user):
    """The body's registered systems, with their account's role (one query each, not per row)."""
    body_id = orgs.body_of(user)
    return (RegisteredSystem.objects.filter(body_id=body_id)
            .select_related("application__user").prefetch_related("application__user__memberships__unit"))


def _login() -> str:
    while True:
        login = f"{LOGIN_PREFIX}{secrets.token_hex(4)}"
        if not User.objects.filter(username=login).exists():
            return login


@transaction.atomic
def register(*, user, name: str, role: str, unit=None, scopes: str = "read") -> tuple[RegisteredSystem, str]:
    """A new system of the administrator's body; returns it and its client secret (shown once)."""
    body_id = orgs.body_of(user)
    orgs.lock_body(body_id)
    problems: dict = {}
    name = (name or "").strip()
    if not name:
        problems["name"] = _("Name the system (for example, «Document flow of the ministry»).")
    elif len(name) > 100:
        problems["name"] = _("The name is too long: at most 100 characters.")
    elif RegisteredSystem.objects.filter(body_id=body_id, revoked_at=None, name__iexact=name).exists():
        problems["name"] = _("The body already has a system with this name: choose another name.")
    if role not in SYSTEM_ROLES:
        problems["role"] = _("Choose one of the roles offered: a system is never an administrator.")
    if scopes not in SCOPES:
        problems["scopes"] = _("Choose what the system may do: read, or read and submit.")
    if unit is None and role in (Role.UNIT_HEAD, Role.UNIT_STAFF, Role.PLANNER):
        problems["unit"] = _("Choose the unit the system acts for.")
    if problems:
        raise ValidationError(problems)
    membership = Membership(body_id=body_id, role=role, unit=unit if role != Role.EXECUTIVE and role != Role.VIEWER
                            else None)
    orgs._membership_problems(membership, body_id, exclude=["user"])  # the same rules as a person's role
    account = User(username=_login(), first_name=name[:150], is_active=True)
    account.set_unusable_password()
    account.save()
    orgs._save(Person(user=account), user)
    membership.user = account
    orgs._save(membership, user)
    secret = generate_client_secret()
    application = get_application_model().objects.create(
        name=name, user=account, client_type="confidential", authorization_grant_type="client-credentials",
        client_secret=secret, hash_client_secret=True, skip_authorization=True)
    system = RegisteredSystem(body_id=body_id, application=application, name=name, scopes=scopes)
    orgs._save(system, user)
    return system, secret


def system_in_body(user, system_id: int) -> RegisteredSystem:
    return get_object_or_404(RegisteredSystem.objects.select_related("application"), pk=system_id,
                             body_id=orgs.body_of(user))


@transaction.atomic
def revoke(*, user, system_id: int) -> RegisteredSystem:
    """Stop the system: no new token, and its tokens already issued stop working. Twice changes nothing."""
    system = system_in_body(user, system_id)
    if system.revoked_at is not None:
        return system
    application = system.application
    application.client_secret = generate_client_secret()  # hashed on save, shown to nobody
    application.save(update_fields=["client_secret"])
    get_refresh_token_model().objects.filter(application=application).delete()
    get_access_token_model().objects.filter(application=application).delete()
    if application.user_id is not None:
        User.objects.filter(pk=application.user_id).update(is_active=False)
    system.revoked_at = timezone.now()
    orgs._save(system, user)
    return system
