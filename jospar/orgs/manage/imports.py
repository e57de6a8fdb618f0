"""Saving the rows of the org-structure workbook, once `jospar.documents.importers.org_structure` has checked
them all: units matched by code, people by login, roles added or their office updated — nothing removed,
and rows equal to what is kept change nothing (an import run twice changes nothing)."""
from dataclasses import dataclass, field

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models.functions import Lower

from jospar.orgs.models import Membership, OrgUnit, Person

from .services import _apply_account, _person, _save, body_of, lock_body, person_version, unit_version


@dataclass(frozen=True)
class UnitRow:
    code: str
    kind: str
    name_kk: str
    name_ru: str
    name_en: str
    is_planning: bool
    position: int | None  # None: keep, or after the last for a new unit


@dataclass(frozen=True)
class PersonRow:
    username: str
    first_name: str
    last_name: str
    patronymic: str
    email: str
    position_kk: str
    position_ru: str
    language: str | None  # None: keep


@dataclass(frozen=True)
class RoleRow:
    username: str
    role: str
    unit_code: str
    office: str
    acting: bool


@dataclass
class ImportCounts:
    units_created: int = 0
    units_updated: int = 0
    people_created: int = 0
    people_updated: int = 0
    roles_added: int = 0
    roles_updated: int = 0
    new_people: list = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any((self.units_created, self.units_updated, self.people_created, self.people_updated,
                    self.roles_added, self.roles_updated))


def accounts_by_login(usernames) -> dict:
    """Accounts whose login matches one of ``usernames`` case-insensitively, by the casefolded login."""
    wanted = sorted({u.casefold() for u in usernames})
    rows = User.objects.annotate(login=Lower("username")).filter(login__in=wanted).select_related("person")
    return {account.username.casefold(): account for account in rows}


@transaction.atomic
def apply_import(*, user, units: list[UnitRow], people: list[PersonRow], roles: list[RoleRow]) -> ImportCounts:
    """Save checked rows: units matched by code, people by login, roles added or their office updated.
    Nothing is removed. Rows equal to what is kept change nothing (an import run twice changes nothing)."""
    body_id = body_of(user)
    lock_body(body_id)
    counts = ImportCounts()
    existing = {u.code.casefold(): u for u in OrgUnit.objects.select_for_update().filter(body_id=body_id)}
    last = max((u.position for u in existing.values()), default=0)
    for row in sorted(units, key=lambda r: r.is_planning):  # a mark cleared before another is set
        unit = existing.get(row.code.casefold())
        if unit is None:
            last += 1
            unit = OrgUnit(body_id=body_id, position=row.position if row.position is not None else last)
        before = unit_version(unit) if unit.pk else ""
        for name in ("code", "kind", "name_kk", "name_ru", "name_en", "is_planning"):
            setattr(unit, name, getattr(row, name))
        if row.position is not None:
            unit.position = row.position
        if unit.pk and unit_version(unit) == before:
            continue
        unit.full_clean(validate_unique=False)
        created = unit.pk is None
        _save(unit, user)
        existing[unit.code.casefold()] = unit
        counts.units_created += created
        counts.units_updated += not created
    accounts = accounts_by_login([p.username for p in people] + [r.username for r in roles])
    for person_row in people:
        account = accounts.get(person_row.username.casefold())
        data = {name: getattr(person_row, name) for name in ("username", "first_name", "last_name", "email",
                                                              "patronymic", "position_kk", "position_ru", "language")}
        if account is None:
            account, person = User(is_active=True), Person()
            _apply_account(account, person, {**data, "language": person_row.language or ""})
            account.set_unusable_password()
            account.full_clean(exclude=["password"], validate_unique=False)
            account.save()
            person.user = account
            _save(person, user)
            accounts[person_row.username.casefold()] = account
            counts.people_created += 1
            counts.new_people.append(account.username)
            continue
        person = _person(account)
        before = person_version(account)
        data["username"] = account.username  # matched case-insensitively: the login is kept as it is
        _apply_account(account, person, data)
        if person_version(account) == before:
            continue
        account.full_clean(exclude=["password"], validate_unique=False)
        account.save()
        _save(person, user)
        counts.people_updated += 1
    held = {(m.user_id, m.role, m.unit_id): m for m in Membership.objects.select_for_update().filter(body_id=body_id)}
    for role_row in roles:
        account = accounts[role_row.username.casefold()]
        unit = existing[role_row.unit_code.casefold()] if role_row.unit_code else None
        membership = held.get((account.pk, role_row.role, unit.pk if unit else None))
        if membership is None:
            membership = Membership(user=account, body_id=body_id, role=role_row.role, unit=unit,
                                    office=role_row.office, acting=role_row.acting)
            membership.full_clean(validate_unique=False)
            _save(membership, user)
            held[(account.pk, role_row.role, membership.unit_id)] = membership
            counts.roles_added += 1
        elif (membership.office, membership.acting) != (role_row.office, role_row.acting):
            membership.office, membership.acting = role_row.office, role_row.acting
            membership.full_clean(validate_unique=False)
            _save(membership, user)
            counts.roles_updated += 1
    return counts
