"""The body administrator's actions on units, people and roles, and the installation administrator's on bodies:
checked in full with plain messages, never reaching another body, never silently overwriting a concurrent edit,
and recorded in the history with their author."""
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import translation

from jospar.orgs.manage import installation, services
from jospar.orgs.models import Membership, Office, OrgUnit, Role, StateBody
from tests.factories import OrgUnitFactory, StateBodyFactory, member

pytestmark = pytest.mark.django_db

UNIT = {"code": "water", "kind": OrgUnit.Kind.UNIT, "name_kk": "Су департаменті", "name_ru": "Департамент воды",
        "name_en": "", "is_planning": False, "position": None, "is_active": True}
PERSON = {"username": "a.seitova", "first_name": "Айгүл", "last_name": "Сейітова", "email": "a@example.kz",
          "patronymic": "Маратқызы", "position_kk": "Сарапшы", "position_ru": "Эксперт", "language": "kk"}


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def body(db):
    return StateBodyFactory(code="mwri")


@pytest.fixture
def planning(body):
    return OrgUnitFactory(body=body, code="plan", is_planning=True)


@pytest.fixture
def admin(body):
    return member(body, Role.ADMIN, username="bodyadmin")


@pytest.fixture
def other_body(db):
    return StateBodyFactory(code="health")


def messages(error: ValidationError) -> dict:
    return error.message_dict if hasattr(error, "error_dict") else {"": error.messages}


def test_only_the_body_administrator_acts(body, planning):
    for role, unit in ((Role.PLANNER, planning), (Role.EXECUTIVE, None), (Role.VIEWER, None),
                       (Role.NATIONAL, None)):
        with pytest.raises(PermissionDenied):
            services.save_unit(user=member(body, role, unit), data=UNIT)


def test_a_superuser_without_the_role_is_not_a_body_administrator(django_user_model):
    root = django_user_model.objects.create_superuser("root", password="x-secret-pass-1")
    with pytest.raises(PermissionDenied):
        services.save_unit(user=root, data=UNIT)


def test_a_unit_is_created_after_the_last_with_its_author_in_the_history(body, planning, admin):
    unit, changed = services.save_unit(user=admin, data=UNIT)
    assert changed and unit.body == body and unit.position == planning.position + 1
    assert unit.history.get().history_user == admin


def test_codes_are_unique_in_the_body_whatever_the_case(body, planning, admin):
    with translation.override("ru"), pytest.raises(ValidationError) as refused:
        services.save_unit(user=admin, data={**UNIT, "code": "PLAN"})
    assert messages(refused.value)["code"] == ["Код «PLAN» уже есть у другого подразделения органа."]


def test_one_unit_is_responsible_for_planning_and_a_marked_unit_keeps_its_planners(body, planning, admin):
    member(body, Role.PLANNER, planning)
    with translation.override("kk"), pytest.raises(ValidationError) as refused:
        services.save_unit(user=admin, data={**UNIT, "is_planning": True})
    with translation.override("kk"):
            assert "жоспарлау мен мониторингке жауапты бөлімше болып тұр" in messages(refused.value)["is_planning"][0]
    with pytest.raises(ValidationError) as refused:
        services.save_unit(user=admin, unit_id=planning.pk, data={"is_planning": False},
                           version=services.unit_version(planning))
    assert "Planners work in this unit (1)" in messages(refused.value)["is_planning"][0]


def test_a_unit_with_roles_is_not_deactivated_and_a_referenced_one_is_not_deleted(body, planning, admin):
    unit = OrgUnitFactory(body=body)
    member(body, Role.UNIT_HEAD, unit)
    with pytest.raises(ValidationError) as refused:
        services.save_unit(user=admin, unit_id=unit.pk, data={"is_active": False}, version=services.unit_version(unit))
    assert "roles in this unit" in messages(refused.value)["is_active"][0]
    with pytest.raises(ValidationError, match="deactivate it instead"):
        services.delete_unit(user=admin, unit_id=unit.pk)
    free = OrgUnitFactory(body=body)
    services.delete_unit(user=admin, unit_id=free.pk)
    assert not OrgUnit.objects.filter(pk=free.pk).exists()
    assert OrgUnit.history.filter(id=free.pk, history_type="-").get().history_user == admin


def test_a_concurrent_edit_is_refused_not_overwritten(body, planning, admin):
    unit = OrgUnitFactory(body=body, name_ru="Старое")
    read = services.unit_version(unit)
    services.save_unit(user=admin, unit_id=unit.pk, data={"name_ru": "Первое"}, version=read)
    with pytest.raises(services.StaleEdit):
        services.save_unit(user=admin, unit_id=unit.pk, data={"name_ru": "Второе"}, version=read)
    unit.refresh_from_db()
    assert unit.name_ru == "Первое"


def test_another_bodys_units_people_and_roles_are_not_found(body, planning, admin, other_body):
    theirs = OrgUnitFactory(body=other_body)
    stranger = member(other_body, Role.UNIT_HEAD, theirs)
    role = stranger.memberships.get()
    calls = [
        lambda: services.save_unit(user=admin, unit_id=theirs.pk, data={"name_ru": "x"}),
        lambda: services.delete_unit(user=admin, unit_id=theirs.pk),
        lambda: services.update_person(user=admin, account_id=stranger.pk, data={"last_name": "x"}),
        lambda: services.set_password(user=admin, account_id=stranger.pk),
        lambda: services.add_membership(user=admin, account_id=stranger.pk, data={"role": Role.VIEWER}),
        lambda: services.change_membership(user=admin, membership_id=role.pk, data={"role": Role.VIEWER}),
        lambda: services.remove_membership(user=admin, membership_id=role.pk),
    ]
    for call in calls:
        with pytest.raises(Http404):
            call()
    theirs.refresh_from_db()
    assert theirs.name_ru != "x" and stranger.memberships.get().role == Role.UNIT_HEAD


def test_a_unit_of_another_body_cannot_be_given_as_a_role(body, planning, admin, other_body):
    person = member(body, Role.VIEWER)
    with pytest.raises(ValidationError) as refused:
        services.add_membership(user=admin, account_id=person.pk, data={"role": Role.UNIT_STAFF,
                                                                        "unit": OrgUnitFactory(body=other_body)})
    assert "unit" in messages(refused.value)


def test_a_new_person_gets_a_one_time_password_or_the_typed_one(body, planning, admin):
    account, shown = services.create_person(user=admin, data=PERSON, role={"role": Role.PLANNER, "unit": planning})
    assert len(shown) == 14 and account.check_password(shown)
    assert account.person.patronymic == "Маратқызы" and account.memberships.get().unit == planning
    other, shown = services.create_person(user=admin, data={**PERSON, "username": "b.nurlanov"},
                                          role={"role": Role.VIEWER}, password="a-long-typed-password")
    assert shown == "" and other.check_password("a-long-typed-password")
    with translation.override("ru"), pytest.raises(ValidationError) as refused:
        services.create_person(user=admin, data={**PERSON, "username": "A.SEITOVA"}, role={"role": Role.VIEWER})
    assert messages(refused.value)["username"] == ["Логин «A.SEITOVA» уже занят: выберите другой."]


@pytest.mark.parametrize(("role", "field", "words"), [
    ({"role": Role.UNIT_HEAD}, "__all__", "Планировщики, руководители подразделений"),
    ({"role": Role.PLANNER, "unit": "other"}, "unit", "Планировщик работает в подразделении"),
    ({"role": Role.VIEWER, "office": Office.FIRST_HEAD}, "office", "только пользователь с ролью руководства"),
    ({"role": Role.EXECUTIVE, "acting": True}, "office", "Укажите, чьи обязанности"),
    ({"role": Role.NATIONAL}, "role", "администратор системы"),
])
def test_roles_follow_the_membership_rules_with_messages_in_russian(body, planning, admin, role, field, words):
    person = member(body, Role.UNIT_STAFF, planning)
    if role.get("unit") == "other":
        role = {**role, "unit": OrgUnitFactory(body=body)}
    with translation.override("ru"), pytest.raises(ValidationError) as refused:
        services.add_membership(user=admin, account_id=person.pk, data=role)
    with translation.override("ru"):  # the model's messages are lazy: read in the reader's language
        found = {key: [str(text) for text in texts] for key, texts in messages(refused.value).items()}
    assert any(words in text for text in found.get(field, [])), found
    assert person.memberships.count() == 1


def test_the_administrator_keeps_their_own_role_and_a_person_keeps_one(body, planning, admin):
    own = admin.memberships.get()
    with pytest.raises(ValidationError, match="your own administrator role"):
        services.remove_membership(user=admin, membership_id=own.pk)
    with pytest.raises(ValidationError, match="your own administrator role"):
        services.change_membership(user=admin, membership_id=own.pk, data={"role": Role.VIEWER})
    person = member(body, Role.VIEWER)
    with pytest.raises(ValidationError, match="only role"):
        services.remove_membership(user=admin, membership_id=person.memberships.get().pk)
    with pytest.raises(ValidationError):
        services.update_person(user=admin, account_id=admin.pk, data={"is_active": False})


def test_roles_and_people_are_changed_with_history_and_version(body, planning, admin):
    person = member(body, Role.EXECUTIVE, office="")
    role = person.memberships.get()
    assert services.change_membership(user=admin, membership_id=role.pk, data={
        "role": Role.EXECUTIVE, "office": Office.FIRST_HEAD, "acting": True}, version=services.membership_version(role))
    role.refresh_from_db()
    assert (role.office, role.acting) == (Office.FIRST_HEAD, True)
    assert role.history.latest().history_user == admin
    read = services.person_version(person)
    assert services.update_person(user=admin, account_id=person.pk, data={"last_name": "Жаңа"}, version=read)
    with pytest.raises(services.StaleEdit):
        services.update_person(user=admin, account_id=person.pk, data={"last_name": "Ескі"}, version=read)
    assert services.update_person(user=admin, account_id=person.pk, data={"last_name": "Жаңа"}) is False


def test_installation_and_other_body_accounts_are_not_changed_by_a_body_administrator(body, planning, admin,
                                                                                     other_body, django_user_model):
    root = django_user_model.objects.create_superuser("root", password="x-secret-pass-1")
    Membership.objects.create(user=root, body=body, role=Role.VIEWER)
    both = member(body, Role.VIEWER)
    Membership.objects.create(user=both, body=other_body, role=Role.VIEWER)
    for account in (root, both):
        with pytest.raises(ValidationError, match="installation administrator"):
            services.set_password(user=admin, account_id=account.pk, password="")
        with pytest.raises(ValidationError, match="installation administrator"):
            services.update_person(user=admin, account_id=account.pk, data={"last_name": "x"})
    assert root.check_password("x-secret-pass-1")


def test_the_installation_administrator_creates_a_body_and_its_first_administrator(django_user_model, body):
    root = django_user_model.objects.create_superuser("root", password="x-secret-pass-1")
    data = {"code": "akimat-abai", "kind": "regional_akimat", "region": "abai", "parent_id": None,
            "name_kk": "Абай облысының әкімдігі", "name_ru": "Акимат области Абай", "name_en": "",
            "title_name_kk": "", "title_name_ru": "", "time_zone": "Asia/Almaty"}
    new, account, shown = installation.create_body(user=root, data=data, admin={
        "username": "abai-admin", "first_name": "Ерлан", "last_name": "Серік", "email": ""})
    assert account.check_password(shown) and account.memberships.get().role == Role.ADMIN
    assert account.memberships.get().body == new and not account.is_staff and not account.is_superuser
    assert StateBody.history.filter(id=new.pk).get().history_user == root
    with pytest.raises(ValidationError):
        installation.create_body(user=root, data={**data, "code": "MWRI"}, admin={"username": "x2", "first_name": "a",
                                                                               "last_name": "b"})
    admin_of_body = member(body, Role.ADMIN)
    with pytest.raises(PermissionDenied):
        installation.create_body(user=admin_of_body, data={**data, "code": "x"}, admin={})
    read = services.body_version(new)
    assert installation.update_body(user=root, body_id=new.pk, data={"parent_id": body.pk}, version=read)
    with pytest.raises(services.StaleEdit):
        installation.update_body(user=root, body_id=new.pk, data={"name_en": "x"}, version=read)
    with pytest.raises(ValidationError):  # a body is never its own ancestor
        installation.update_body(user=root, body_id=body.pk, data={"parent_id": new.pk})
