"""The administration pages: only the body administrator of that body (404 for another body's ids), the
installation pages only for the installation administrator, list pages in a fixed number of queries, GET
pages write nothing, and htmx re-renders a row or the roles section in place."""
import pytest
from django.urls import reverse

from jospar.orgs.manage import services
from jospar.orgs.models import Membership, OrgUnit, Person, Role, StateBody
from tests.factories import OrgUnitFactory, StateBodyFactory, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def body(db):
    return StateBodyFactory(code="mwri")


@pytest.fixture
def planning(body):
    return OrgUnitFactory(body=body, code="plan", is_planning=True)


@pytest.fixture
def admin(body, planning):
    return member(body, Role.ADMIN, username="bodyadmin")


@pytest.fixture
def root(django_user_model):
    return django_user_model.objects.create_superuser("root", password="x-secret-pass-1")


@pytest.fixture
def other(db):
    body = StateBodyFactory(code="health")
    unit = OrgUnitFactory(body=body)
    person = member(body, Role.UNIT_HEAD, unit)
    return body, unit, person


BODY_PAGES = ["orgs:units", "orgs:unit_create", "orgs:people", "orgs:person_create", "documents:org_import"]


def counts():
    return (OrgUnit.objects.count(), Membership.objects.count(), Person.objects.count(), StateBody.objects.count(),
            OrgUnit.history.count(), Membership.history.count())


def test_the_body_administrator_opens_every_page_and_get_writes_nothing(client, admin, planning):
    client.force_login(admin)
    before = counts()
    for name in BODY_PAGES:
        assert client.get(reverse(name)).status_code == 200, name
    assert client.get(reverse("orgs:unit_edit", args=[planning.pk])).status_code == 200
    assert client.get(reverse("orgs:person", args=[admin.pk])).status_code == 200
    assert client.get(reverse("documents:org_template", args=["kk"])).status_code == 200
    assert counts() == before


@pytest.mark.parametrize("role", [Role.PLANNER, Role.EXECUTIVE, Role.VIEWER, Role.UNIT_HEAD, Role.NATIONAL])
def test_other_roles_are_refused(client, body, planning, role):
    unit = planning if role in (Role.PLANNER, Role.UNIT_HEAD) else None
    client.force_login(member(body, role, unit))
    for name in BODY_PAGES:
        assert client.get(reverse(name)).status_code == 403, name
    assert client.post(reverse("orgs:unit_create"), {"code": "x"}).status_code == 403
    assert client.get(reverse("orgs:bodies")).status_code == 403


def test_a_superuser_who_is_not_the_body_administrator_is_refused_on_body_pages(client, root):
    client.force_login(root)
    assert client.get(reverse("orgs:units")).status_code == 403
    assert client.get(reverse("orgs:bodies")).status_code == 200


def test_another_bodys_ids_are_not_found(client, admin, other):
    _body, unit, person = other
    role = person.memberships.get()
    client.force_login(admin)
    for url in (reverse("orgs:unit_edit", args=[unit.pk]), reverse("orgs:person", args=[person.pk])):
        assert client.get(url).status_code == 404
        assert client.post(url, {"name_ru": "x"}).status_code == 404
    for name, pk in (("orgs:unit_toggle", unit.pk), ("orgs:unit_delete", unit.pk), ("orgs:person_password", person.pk),
                     ("orgs:role_add", person.pk), ("orgs:role_edit", role.pk), ("orgs:role_remove", role.pk)):
        assert client.post(reverse(name, args=[pk]), {"role": "viewer"}).status_code == 404, name
    assert OrgUnit.objects.get(pk=unit.pk).is_active and person.memberships.count() == 1
    assert person.get_username() not in client.get(reverse("orgs:people")).content.decode()


def test_the_units_page_is_a_fixed_number_of_queries(client, admin, body, django_assert_num_queries):
    client.force_login(admin)
    client.get(reverse("orgs:units"))
    # session, user, person (language), access, units with their role counts, body, unread notifications
    with django_assert_num_queries(7):
        client.get(reverse("orgs:units"))
    for _ in range(15):
        member(body, Role.UNIT_STAFF, OrgUnitFactory(body=body))
    with django_assert_num_queries(7):
        client.get(reverse("orgs:units"))


def test_the_people_page_is_a_fixed_number_of_queries(client, admin, body, django_assert_num_queries):
    client.force_login(admin)
    # session, user, person (language), access, people, their roles with units, unread notifications
    with django_assert_num_queries(7):
        client.get(reverse("orgs:people"))
    for _ in range(15):
        member(body, Role.UNIT_HEAD, OrgUnitFactory(body=body))
    with django_assert_num_queries(7):
        html = client.get(reverse("orgs:people")).content.decode()
    assert html.count("/organisation/people/") >= 16


def test_the_bodies_page_is_a_fixed_number_of_queries(client, root, django_assert_num_queries):
    client.force_login(root)
    StateBodyFactory()
    # session, user, person (language), access (the nav), bodies with counts, administrators, notifications
    with django_assert_num_queries(7):
        client.get(reverse("orgs:bodies"))
    for _ in range(10):
        member(StateBodyFactory(), Role.ADMIN)
    with django_assert_num_queries(7):
        client.get(reverse("orgs:bodies"))


def test_the_people_search_answers_htmx_with_the_table_only(client, admin, body):
    member(body, Role.VIEWER, username="zhanar")
    client.force_login(admin)
    response = client.get(reverse("orgs:people"), {"q": "zhan"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert 'id="people"' in html and "zhanar" in html and "<html" not in html and "bodyadmin" not in html


def test_a_unit_is_created_and_a_stale_form_is_refused_in_the_readers_language(client, admin, body):
    client.force_login(admin)
    data = {"code": "water", "kind": "unit", "name_kk": "Су", "name_ru": "Вода", "name_en": "", "position": "",
            "is_active": "on"}
    assert client.post(reverse("orgs:unit_create"), data).status_code == 302
    unit = OrgUnit.objects.get(code="water")
    form = {**data, "version": services.unit_version(unit)}
    assert client.post(reverse("orgs:unit_edit", args=[unit.pk]), {**form, "name_ru": "Вода 1"}).status_code == 302
    client.cookies["django_language"] = "ru"
    response = client.post(reverse("orgs:unit_edit", args=[unit.pk]), {**form, "name_ru": "Вода 2"})
    assert response.status_code == 400 and "Кто-то изменил эти данные" in response.content.decode()
    unit.refresh_from_db()
    assert unit.name_ru == "Вода 1"


def test_deactivating_a_unit_with_htmx_swaps_its_row(client, admin, body):
    unit = OrgUnitFactory(body=body)
    client.force_login(admin)
    response = client.post(reverse("orgs:unit_toggle", args=[unit.pk]), {"version": services.unit_version(unit)},
                           HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert html.strip().startswith(f'<tr id="unit-{unit.pk}" class="inactive"')
    unit.refresh_from_db()
    assert not unit.is_active


def test_a_person_is_created_and_their_one_time_password_is_shown_once(client, admin, planning):
    client.force_login(admin)
    response = client.post(reverse("orgs:person_create"), {
        "username": "a.seitova", "last_name": "Сейітова", "first_name": "Айгүл", "role": "planner",
        "unit": planning.pk, "language": "kk"})
    html = response.content.decode()
    account = Person.objects.get(user__username="a.seitova").user
    shown = html.split('id="one-time-password">')[1].split("<")[0]
    assert response.status_code == 200 and account.check_password(shown)
    assert response["Cache-Control"] == "no-store"
    assert shown not in client.get(reverse("orgs:person", args=[account.pk])).content.decode()


def test_roles_are_added_and_refused_in_place_with_htmx(client, admin, body, planning):
    person = member(body, Role.VIEWER)
    client.force_login(admin)
    client.cookies["django_language"] = "kk"
    url = reverse("orgs:role_add", args=[person.pk])
    response = client.post(url, {"new-role": "unit_head"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 400 and 'id="roles"' in response.content.decode()
    assert "Жоспарлаушылар, бөлімше басшылары" in response.content.decode()
    response = client.post(url, {"new-role": "unit_head", "new-unit": planning.pk}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and person.memberships.count() == 2


def test_the_home_page_and_the_nav_lead_to_the_new_pages(client, admin, root):
    client.force_login(admin)
    html = client.get(reverse("home")).content.decode()
    assert reverse("orgs:units") in html and reverse("orgs:bodies") not in html and "/rulebook/" not in html
    client.force_login(root)
    html = client.get(reverse("home")).content.decode()
    assert reverse("orgs:bodies") in html and "/rulebook/" in html


def test_the_installation_administrator_creates_a_body_with_its_first_administrator(client, root):
    client.force_login(root)
    response = client.post(reverse("orgs:body_create"), {
        "code": "akimat-abai", "kind": "regional_akimat", "region": "abai", "name_kk": "Абай облысының әкімдігі",
        "name_ru": "Акимат области Абай", "time_zone": "Asia/Almaty", "admin-username": "abai-admin",
        "admin-last_name": "Серік", "admin-first_name": "Ерлан"})
    assert response.status_code == 200 and 'id="one-time-password"' in response.content.decode()
    body = StateBody.objects.get(code="akimat-abai")
    assert Membership.objects.get(body=body).role == Role.ADMIN
    assert client.get(reverse("orgs:body_edit", args=[body.pk])).status_code == 200
