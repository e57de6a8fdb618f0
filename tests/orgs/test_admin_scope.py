"""A body's administrator who is staff but not a superuser sees and changes only their own bodies in the
Django admin, and cannot make anyone (themselves included) staff or superuser."""
import pytest
from django.contrib.auth.models import Permission, User
from django.urls import reverse

from jospar.orgs.models import Membership, OrgUnit, Role
from tests.factories import DevelopmentPlanFactory, OrgUnitFactory, StateBodyFactory, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    mine, theirs = StateBodyFactory(code="mine"), StateBodyFactory(code="theirs")
    own_unit = OrgUnitFactory(body=mine, name_ru="Свой департамент")
    other_unit = OrgUnitFactory(body=theirs, name_ru="Чужой департамент")
    staff = member(mine, Role.ADMIN, username="bodyadmin")
    staff.is_staff = True
    staff.save()
    staff.user_permissions.set(Permission.objects.filter(content_type__app_label__in=["orgs", "planning", "auth"]))
    root = User.objects.create_superuser("root", "root@example.org", "root-pass-12345")
    return {"mine": mine, "theirs": theirs, "own_unit": own_unit, "other_unit": other_unit, "staff": staff,
            "root": root, "other_plan": DevelopmentPlanFactory(body=theirs, title_ru="Чужой план развития")}


@pytest.fixture
def staff_client(client, world):
    client.force_login(world["staff"])
    client.cookies["django_language"] = "ru"
    return client


def test_lists_show_own_bodies_only(staff_client, world):
    html = staff_client.get(reverse("admin:orgs_orgunit_changelist")).content.decode()
    assert "Свой департамент" in html and "Чужой департамент" not in html
    html = staff_client.get(reverse("admin:planning_developmentplan_changelist")).content.decode()
    assert "Чужой план развития" not in html


def test_another_bodys_row_cannot_be_opened_or_changed(staff_client, world):
    unit = world["other_unit"]
    url = reverse("admin:orgs_orgunit_change", args=[unit.pk])
    response = staff_client.get(url)
    assert response.status_code == 302 and "Чужой департамент" not in response.content.decode()
    staff_client.post(url, {"body": world["theirs"].pk, "code": unit.code, "kind": unit.kind, "name_kk": "x",
                            "name_ru": "Захвачено", "position": 1})
    assert OrgUnit.objects.get(pk=unit.pk).name_ru == "Чужой департамент"
    assert staff_client.post(reverse("admin:orgs_orgunit_delete", args=[unit.pk]), {"post": "yes"}).status_code == 302
    assert OrgUnit.objects.filter(pk=unit.pk).exists()


def test_choices_offer_own_bodies_only(staff_client, world):
    html = staff_client.get(reverse("admin:orgs_membership_add")).content.decode()
    assert f'value="{world["mine"].pk}"' in html and f'value="{world["theirs"].pk}"' not in html


def test_no_one_is_raised_to_superuser_by_a_body_administrator(staff_client, world):
    staff = world["staff"]
    assert staff_client.get(reverse("admin:auth_user_change", args=[world["root"].pk])).status_code == 302
    url = reverse("admin:auth_user_change", args=[staff.pk])
    staff_client.post(url, {
        "username": staff.username, "is_active": "on", "is_staff": "on", "is_superuser": "on",
        "date_joined_0": "2026-01-01", "date_joined_1": "00:00:00",
        "person-TOTAL_FORMS": "0", "person-INITIAL_FORMS": "0", "memberships-TOTAL_FORMS": "0",
        "memberships-INITIAL_FORMS": "0"})
    assert not User.objects.get(pk=staff.pk).is_superuser
    assert Membership.objects.filter(user=staff, role=Role.ADMIN).exists()


def test_a_superuser_sees_every_body(client, world):
    client.force_login(world["root"])
    html = client.get(reverse("admin:orgs_orgunit_changelist")).content.decode()
    assert "Свой департамент" in html and "Чужой департамент" in html


def test_the_admin_log_shows_every_admin_change(client, world):
    client.force_login(world["root"])
    client.cookies["django_language"] = "ru"
    unit = world["own_unit"]
    client.post(reverse("admin:orgs_orgunit_change", args=[unit.pk]), {
        "body": unit.body_id, "code": unit.code, "kind": unit.kind, "name_kk": unit.name_kk,
        "name_ru": "Переименован", "position": 1, "is_active": "on"})
    assert OrgUnit.objects.get(pk=unit.pk).name_ru == "Переименован"
    from django.contrib.admin.models import LogEntry

    entry = LogEntry.objects.get()
    html = client.get(reverse("admin:admin_logentry_changelist")).content.decode()
    assert "Переименован" in html and "root" in html
    assert client.post(reverse("admin:admin_logentry_delete", args=[entry.pk]), {"post": "yes"}).status_code == 403
    assert LogEntry.objects.filter(pk=entry.pk).exists()


def test_the_installation_administrator_places_a_body_and_a_body_administrator_only_reads_it(client, world):
    from jospar.orgs.models import BodyKind, Region, StateBody

    client.force_login(world["root"])
    client.cookies["django_language"] = "ru"
    html = client.get(reverse("admin:orgs_statebody_changelist")).content.decode()
    assert "Вид органа" in html and "Вышестоящий" in html or "вышестоящ" in html.lower()
    theirs = world["theirs"]
    response = client.post(reverse("admin:orgs_statebody_change", args=[theirs.pk]), {
        "code": theirs.code, "kind": BodyKind.COMMITTEE, "region": "", "parent": world["mine"].pk,
        "name_kk": theirs.name_kk, "name_ru": theirs.name_ru, "time_zone": "Asia/Almaty",
        "units-TOTAL_FORMS": "0", "units-INITIAL_FORMS": "0"})
    assert response.status_code == 302, response.content.decode()[:3000]
    theirs.refresh_from_db()
    assert (theirs.kind, theirs.parent_id) == (BodyKind.COMMITTEE, world["mine"].pk)
    html = client.get(reverse("admin:orgs_statebody_changelist") + "?kind__exact=committee").content.decode()
    change = "/admin/orgs/statebody/{}/change/"
    assert change.format(theirs.pk) in html and change.format(world["mine"].pk) not in html

    staff = world["staff"]
    client.force_login(staff)
    mine = world["mine"]
    url = reverse("admin:orgs_statebody_change", args=[mine.pk])
    assert client.get(url).status_code == 200
    client.post(url, {"code": mine.code, "kind": BodyKind.REGIONAL_AKIMAT, "region": Region.ASTANA,
                      "name_kk": "x", "name_ru": "Захвачено", "time_zone": "Asia/Almaty",
                      "units-TOTAL_FORMS": "0", "units-INITIAL_FORMS": "0"})
    mine.refresh_from_db()
    assert (mine.kind, mine.name_ru) == (BodyKind.CENTRAL, StateBody.objects.get(pk=mine.pk).name_ru)
    assert mine.name_ru != "Захвачено"
    assert client.get(reverse("admin:orgs_statebody_add")).status_code == 403
