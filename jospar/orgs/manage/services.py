"""Changes to a body's units, people and roles: one function per action (the installation's bodies are in
`installation`, the saving of an imported workbook in `imports`).

Every function takes the acting ``user`` and asks the one permission first (`orgs.manage_body` for the
body administrator, `orgs.manage_installation` for the installation administrator). Objects are looked
up within the administrator's own body, so another body's ids are not found (404), never changed.
Each change is checked whole (the model's `clean` and constraints, and the rules below, with plain
messages in the user's language) and saved in one transaction with its author in the history.

Concurrent edits never silently overwrite each other: an edit form carries the ``version`` of what it
was read from (a fingerprint of the values it edits); if the row changed meanwhile, by another page,
the Django admin or an import, the save is refused (`StaleEdit`) and nothing changes.

Accounts that a body administrator may not change: superusers and staff (the installation's own
administrators) and people who also work in another body — their login, names and password are the
installation administrator's to change. Their roles in this body are the body's to manage.
"""
import hashlib
import secrets
from typing import Any, cast

from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from oauth2_provider.models import get_application_model

from jospar.orgs.models import Membership, OrgUnit, Person, Role, StateBody
from jospar.orgs.permissions import access_of, require

PERM = "orgs.manage_body"
INSTALL_PERM = "orgs.manage_installation"
GRANTABLE_ROLES = [role for role in Role if role != Role.NATIONAL]  # the national reader is installation-wide

UNIT_FIELDS = ("code", "kind", "name_kk", "name_ru", "name_en", "is_planning", "position", "is_active")
ACCOUNT_FIELDS = ("username", "first_name", "last_name", "email", "is_active")
PERSON_FIELDS = ("patronymic", "position_kk", "position_ru", "language", "iin")
MEMBERSHIP_FIELDS = ("role", "unit_id", "office", "acting")
BODY_FIELDS = ("code", "kind", "region", "parent_id", "name_kk", "name_ru", "name_en", "title_name_kk",
               "title_name_ru", "time_zone")
PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/l/I


class StaleEdit(ValidationError):
    """The row changed after the form was read: nothing was saved."""


def version_of(*rows) -> str:
    """A fingerprint of ``rows`` (each an (object, fields) pair): what an edit form was read from."""
    values = [[str(getattr(obj, name, None)) for name in fields] for obj, fields in rows]  # a choice's enum is its str
    return hashlib.sha256(repr(values).encode()).hexdigest()[:24]


def unit_version(unit: OrgUnit) -> str:
    return version_of((unit, UNIT_FIELDS))


def person_version(account: User) -> str:
    return version_of((account, ACCOUNT_FIELDS), (_person(account), PERSON_FIELDS))


def membership_version(membership: Membership) -> str:
    return version_of((membership, MEMBERSHIP_FIELDS))


def body_version(body: StateBody) -> str:
    return version_of((body, BODY_FIELDS))


def _check_version(current: str, version: str | None) -> None:
    if version is not None and current != version:
        raise StaleEdit(_("Someone changed this after you opened it, so nothing was saved: reload the page to see "
                          "their change, then make yours again."))


def _by(obj: Any, user) -> Any:
    """``obj`` with its author for django-simple-history (read when it is saved or deleted)."""
    obj._history_user = user
    return obj


def _save(obj, user) -> None:
    _by(obj, user).save()


def _person(account: User) -> Person:
    try:
        return account.person
    except Person.DoesNotExist:
        return Person(user=account)


def generate_password() -> str:
    """A one-time password shown once to the administrator who hands it on: 12 letters and digits in 3 groups."""
    groups = ["".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(4)) for _ in range(3)]
    return "-".join(groups)


def body_of(user) -> int:
    """The body the administrator manages (PermissionDenied for anyone else)."""
    require(user, PERM, in_body=True)
    body_id = access_of(user).body_id
    assert body_id is not None  # in_body: the administrator belongs to a body
    return body_id


def lock_body(body_id: int) -> None:
    """Changes to one body's structure are made one at a time (the one-planning-unit rule, imports)."""
    list(StateBody.objects.select_for_update().filter(pk=body_id).values_list("pk"))


# --- messages shared with the workbook import ----------------------------------------------------------------

def msg_code_taken(code: str) -> str:
    return _("Another unit of the body already has the code «%(code)s».") % {"code": code}


def msg_planning_taken(name: str) -> str:
    return _("«%(name)s» is already the unit responsible for planning and monitoring, and a body has one. Clear "
             "its mark first.") % {"name": name}


def msg_planners_stay(n: int) -> str:
    return _("Planners work in this unit (%(n)s): remove their planner roles first, since a planner works in the "
             "unit responsible for planning and monitoring.") % {"n": n}


def msg_login_taken(login: str) -> str:
    return _("The login «%(login)s» is already in use: choose another.") % {"login": login}


def msg_system() -> str:
    return _("This is a registered system's account: nobody signs in with it. Register or revoke the system on "
             "the registered systems page.")


def msg_not_yours() -> str:
    return _("This account is managed by the installation administrator (an administrator of the installation, "
             "or a person who also works in another body): its login, names and password are changed there.")


# --- units ---------------------------------------------------------------------------------------------------

def unit_problems(unit: OrgUnit, *, was_planning: bool, was_active: bool) -> dict:
    """What forbids saving ``unit`` as it now stands, by field (nothing saved yet)."""
    problems: dict = {}
    others = OrgUnit.objects.filter(body_id=unit.body_id).exclude(pk=unit.pk)
    if unit.code and others.filter(code__iexact=unit.code).exists():
        problems["code"] = msg_code_taken(unit.code)
    if unit.is_planning:
        holder = others.filter(is_planning=True).first()
        if holder is not None:
            problems["is_planning"] = msg_planning_taken(holder.name)
    elif was_planning and unit.pk:
        planners = Membership.objects.filter(unit_id=unit.pk, role=Role.PLANNER).count()
        if planners:
            problems["is_planning"] = msg_planners_stay(planners)
    if was_active and not unit.is_active and unit.pk:
        roles = Membership.objects.filter(unit_id=unit.pk).count()
        if unit.is_planning:
            problems["is_active"] = _("The unit responsible for planning and monitoring stays active: mark another "
                                      "unit first.")
        elif roles:
            problems["is_active"] = _("People hold %(n)s roles in this unit: remove or move them first.") % {"n": roles}
    return problems


@transaction.atomic
def save_unit(*, user, data: dict, unit_id: int | None = None, version: str | None = None) -> tuple[OrgUnit, bool]:
    """Create a unit (``unit_id`` None) or change one; returns (unit, changed)."""
    body_id = body_of(user)
    lock_body(body_id)
    if unit_id is None:
        unit = OrgUnit(body_id=body_id)
        if data.get("position") is None:
            last = OrgUnit.objects.filter(body_id=body_id).order_by("-position").values_list("position", flat=True)
            data = {**data, "position": (last.first() or 0) + 1}
        was_planning, was_active = False, False
    else:
        unit = get_object_or_404(OrgUnit.objects.select_for_update(), pk=unit_id, body_id=body_id)
        require(user, PERM, unit)
        _check_version(unit_version(unit), version)
        was_planning, was_active = unit.is_planning, unit.is_active
    before = unit_version(unit)
    for name in UNIT_FIELDS:
        if name in data and data[name] is not None:
            setattr(unit, name, data[name])
    problems = unit_problems(unit, was_planning=was_planning, was_active=was_active)
    if problems:
        raise ValidationError(problems)
    if unit.pk and unit_version(unit) == before:
        return unit, False
    unit.full_clean(validate_unique=False)
    _save(unit, user)
    return unit, True


def is_referenced(unit: OrgUnit) -> bool:
    """Anything at all points at the unit (roles, events, proposals, information, reports …)."""
    for rel in OrgUnit._meta.related_objects:
        model = cast(type[models.Model], rel.related_model)
        if model._default_manager.filter(**{rel.field.name: unit}).exists():
            return True
    return False


@transaction.atomic
def delete_unit(*, user, unit_id: int) -> None:
    """Delete a unit nothing refers to; one that is referred to is deactivated instead, never deleted."""
    body_id = body_of(user)
    lock_body(body_id)
    unit = get_object_or_404(OrgUnit.objects.select_for_update(), pk=unit_id, body_id=body_id)
    require(user, PERM, unit)
    if is_referenced(unit):
        raise ValidationError(_("«%(name)s» is referred to (by people's roles, events, proposals or reports), so it "
                                "is not deleted: deactivate it instead.") % {"name": unit.name})
    _by(unit, user).delete()


# --- people --------------------------------------------------------------------------------------------------

def people_in_body(body_id: int):
    return User.objects.filter(memberships__body_id=body_id).distinct()


def is_system_account(account: User) -> bool:
    """The account a registered system acts as (an OAuth2 application's user): nobody signs in with it."""
    return get_application_model().objects.filter(user=account).exists()


def is_manageable(account: User, body_id: int) -> bool:
    """The body administrator may change this account (login, names, password, active). Not a registered
    system's account: that one is registered and revoked on the systems page, and never gets a password."""
    if account.is_superuser or account.is_staff or is_system_account(account):
        return False
    return not Membership.objects.filter(user=account).exclude(body_id=body_id).exists()


def _login_taken(username: str, exclude_pk=None) -> bool:
    return User.objects.filter(username__iexact=username).exclude(pk=exclude_pk).exists()


def _password(account: User, password: str) -> str:
    """Set ``password`` (checked by the password validators) or a generated one; returns the generated one."""
    shown = ""
    if password:
        try:
            validate_password(password, account)
        except ValidationError as error:
            raise ValidationError({"password": error.messages}) from None
    else:
        password = shown = generate_password()
    account.set_password(password)
    return shown


def _membership_problems(m: Membership, body_id: int, *, exclude=()) -> None:
    """Membership.clean and its constraints, and the rules of a body administrator's grant."""
    problems: dict = {}
    if m.role == Role.NATIONAL:
        problems["role"] = _("The national planning authority's role is given by the installation administrator.")
    unit = m.unit if m.unit_id is not None else None
    if unit is not None and unit.body_id != body_id:
        problems["unit"] = _("Choose a unit of your body.")
    elif unit is not None and not unit.is_active:
        problems["unit"] = _("The unit is inactive: activate it first, or choose another.")
    if problems:
        raise ValidationError(problems)
    if m.user_id and Membership.objects.filter(user_id=m.user_id, body_id=body_id, role=m.role,
                                               unit_id=m.unit_id).exclude(pk=m.pk).exists():
        raise ValidationError({"role": _("The person already has this role.")})
    m.full_clean(exclude=list(exclude), validate_unique=False)


def _apply_account(account: User, person: Person, data: dict) -> None:
    for name in ACCOUNT_FIELDS:
        if name in data and data[name] is not None:
            setattr(account, name, data[name])
    for name in PERSON_FIELDS:
        if name in data and data[name] is not None:
            setattr(person, name, data[name])


def _check_account(account: User, person: Person) -> None:
    problems: dict = {}
    if account.username and _login_taken(account.username, account.pk):
        problems["username"] = msg_login_taken(account.username)
    if not account.first_name:
        problems["first_name"] = _("The first name is missing.")
    if not account.last_name:
        problems["last_name"] = _("The last name is missing.")
    if problems:
        raise ValidationError(problems)
    account.full_clean(exclude=["password"], validate_unique=False)
    person.full_clean(exclude=["user"], validate_unique=False)


@transaction.atomic
def create_person(*, user, data: dict, role: dict, password: str = "", body_id: int | None = None) -> tuple[User, str]:
    """A new account with its person and first role in the body; returns (account, one-time password or "").
    ``body_id`` is the installation administrator's (creating a body's administrator); others use their own."""
    if body_id is None:
        body_id = body_of(user)
    else:
        require(user, INSTALL_PERM)
    account, person = User(is_active=True), Person()
    _apply_account(account, person, data)
    _check_account(account, person)
    membership = Membership(body_id=body_id, role=role.get("role") or "", unit=role.get("unit"),
                            office=role.get("office") or "", acting=bool(role.get("acting")))
    _membership_problems(membership, body_id, exclude=["user"])
    shown = _password(account, password)
    account.save()
    person.user = account
    _save(person, user)
    membership.user = account
    _save(membership, user)
    return account, shown


def person_in_body(user, account_id: int, *, lock: bool = False) -> User:
    body_id = body_of(user)
    qs = people_in_body(body_id).select_related("person")
    if lock:
        qs = User.objects.select_for_update().filter(pk__in=people_in_body(body_id).values("pk"))
    return get_object_or_404(qs, pk=account_id)


@transaction.atomic
def update_person(*, user, account_id: int, data: dict, version: str | None = None) -> bool:
    """Change a person's account and details; returns whether anything changed."""
    body_id = body_of(user)
    account = person_in_body(user, account_id, lock=True)
    if not is_manageable(account, body_id):
        raise ValidationError(msg_system() if is_system_account(account) else msg_not_yours())
    _check_version(person_version(account), version)
    person = _person(account)
    before = person_version(account)
    _apply_account(account, person, data)
    if account.pk == user.pk and not account.is_active:
        raise ValidationError({"is_active": _("You cannot deactivate your own account.")})
    _check_account(account, person)
    if person_version(account) == before:
        return False
    account.save()
    _save(person, user)
    return True


@transaction.atomic
def set_password(*, user, account_id: int, password: str = "") -> str:
    """Set a person's password (typed, checked) or a generated one shown once; returns the generated one."""
    body_id = body_of(user)
    account = person_in_body(user, account_id, lock=True)
    if not is_manageable(account, body_id):
        raise ValidationError(msg_system() if is_system_account(account) else msg_not_yours())
    shown = _password(account, password)
    account.save(update_fields=["password"])
    return shown


# --- roles ---------------------------------------------------------------------------------------------------

def _role_fields(membership: Membership, data: dict) -> None:
    membership.role = data.get("role") or membership.role
    membership.unit = data.get("unit")
    membership.office = data.get("office") or ""
    membership.acting = bool(data.get("acting"))


@transaction.atomic
def add_membership(*, user, account_id: int, data: dict) -> Membership:
    body_id = body_of(user)
    account = person_in_body(user, account_id, lock=True)
    membership = Membership(user=account, body_id=body_id)
    _role_fields(membership, data)
    _membership_problems(membership, body_id)
    _save(membership, user)
    return membership


def membership_in_body(user, membership_id: int, *, lock: bool = False) -> Membership:
    body_id = body_of(user)
    qs = Membership.objects.select_for_update() if lock else Membership.objects.select_related("unit", "user")
    membership = get_object_or_404(qs, pk=membership_id, body_id=body_id)
    require(user, PERM, membership)
    return membership


def _own_admin_role(user, membership: Membership) -> bool:
    return membership.user_id == user.pk and membership.role == Role.ADMIN


@transaction.atomic
def change_membership(*, user, membership_id: int, data: dict, version: str | None = None) -> bool:
    body_id = body_of(user)
    membership = membership_in_body(user, membership_id, lock=True)
    _check_version(membership_version(membership), version)
    before = membership_version(membership)
    if _own_admin_role(user, membership) and data.get("role") != Role.ADMIN:
        raise ValidationError({"role": _("You cannot take away your own administrator role: another administrator "
                                         "of the body can.")})
    _role_fields(membership, data)
    _membership_problems(membership, body_id)
    if membership_version(membership) == before:
        return False
    _save(membership, user)
    return True


@transaction.atomic
def remove_membership(*, user, membership_id: int) -> None:
    membership = membership_in_body(user, membership_id, lock=True)
    if _own_admin_role(user, membership):
        raise ValidationError(_("You cannot take away your own administrator role: another administrator of the body "
                                "can."))
    if not Membership.objects.filter(user_id=membership.user_id, body_id=membership.body_id).exclude(
            pk=membership.pk).exists():
        raise ValidationError(_("This is the person's only role in the body: deactivate the person instead."))
    _by(membership, user).delete()
