"""The installation administrator's actions: the state bodies of the installation and their administrators.

`orgs.manage_installation` (a superuser, explicitly: workflow rules never short-circuit for superusers)
is asked first; a body's first administrator is made like any person (`services.create_person`), with the
body administrator's role. Edits carry the body's ``version`` (`services.body_version`), as on every page.
"""
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from jospar.orgs.models import Role, StateBody
from jospar.orgs.permissions import require

from .services import BODY_FIELDS, INSTALL_PERM, _check_version, _save, body_version, create_person


def _body_problems(body: StateBody) -> dict:
    problems: dict = {}
    if body.code and StateBody.objects.filter(code__iexact=body.code).exclude(pk=body.pk).exists():
        problems["code"] = _("Another body already has the code «%(code)s».") % {"code": body.code}
    return problems


@transaction.atomic
def create_body(*, user, data: dict, admin: dict, password: str = "") -> tuple[StateBody, User, str]:
    """A new state body and its first body administrator; returns (body, administrator, one-time password)."""
    require(user, INSTALL_PERM)
    body = StateBody(**{name: data[name] for name in BODY_FIELDS if name in data})
    problems = _body_problems(body)
    if problems:
        raise ValidationError(problems)
    body.full_clean(validate_unique=False)
    _save(body, user)
    account, shown = create_person(user=user, data=admin, role={"role": Role.ADMIN}, password=password,
                                   body_id=body.pk)
    return body, account, shown


@transaction.atomic
def update_body(*, user, body_id: int, data: dict, version: str | None = None) -> bool:
    require(user, INSTALL_PERM)
    body = get_object_or_404(StateBody.objects.select_for_update(), pk=body_id)
    _check_version(body_version(body), version)
    before = body_version(body)
    for name in BODY_FIELDS:
        if name in data:
            setattr(body, name, data[name] if data[name] is not None else "")
    if body.parent_id == "":
        body.parent_id = None
    problems = _body_problems(body)
    if problems:
        raise ValidationError(problems)
    body.full_clean(validate_unique=False)
    if body_version(body) == before:
        return False
    _save(body, user)
    return True


@transaction.atomic
def add_body_admin(*, user, body_id: int, admin: dict, password: str = "") -> tuple[User, str]:
    require(user, INSTALL_PERM)
    get_object_or_404(StateBody, pk=body_id)
    return create_person(user=user, data=admin, role={"role": Role.ADMIN}, password=password, body_id=body_id)
