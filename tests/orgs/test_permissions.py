"""The one permissions module: roles, object level, body isolation."""
import pytest
from django.db import IntegrityError, transaction

from jospar.orgs.models import Membership, Role
from jospar.orgs.permissions import access_of, visible_unit_ids
from tests.factories import OrgUnitFactory, StateBodyFactory, UserFactory, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def units(small_plan):
    return list(small_plan.plan.body.units.order_by("position"))


def test_roles_are_read_once_per_request(small_plan, django_assert_num_queries):
    user = member(small_plan.plan.body, Role.VIEWER)
    with django_assert_num_queries(1):
        access_of(user)
        access_of(user)


@pytest.mark.parametrize(
    ("role", "perm", "allowed"),
    [
        (Role.PLANNER, "planning.edit_draft", True),
        (Role.EXECUTIVE, "planning.edit_draft", False),
        (Role.UNIT_HEAD, "planning.edit_draft", False),
        (Role.UNIT_STAFF, "planning.edit_draft", False),
        (Role.VIEWER, "planning.edit_draft", False),
        (Role.EXECUTIVE, "planning.approve_plan", True),
        (Role.PLANNER, "planning.approve_plan", False),
        (Role.UNIT_HEAD, "planning.approve_plan", False),
        (Role.VIEWER, "planning.approve_plan", False),
        (Role.VIEWER, "planning.view_plan", True),
        (Role.UNIT_STAFF, "planning.view_plan", True),
    ],
)
def test_role_permissions_on_the_plan(small_plan, units, role, perm, allowed):
    unit = units[0] if role == Role.PLANNER else units[1] if role in (Role.UNIT_HEAD, Role.UNIT_STAFF) else None
    user = member(small_plan.plan.body, role, unit)
    assert user.has_perm(perm, small_plan.plan) is allowed


def test_nobody_acts_on_another_body(small_plan, units):
    other = StateBodyFactory()
    planner = member(other, Role.PLANNER, OrgUnitFactory(body=other, is_planning=True))
    executive = member(other, Role.EXECUTIVE)
    assert not planner.has_perm("planning.view_plan", small_plan.plan)
    assert not planner.has_perm("planning.edit_draft", small_plan.plan)
    assert not executive.has_perm("planning.approve_plan", small_plan.plan)


def test_unit_people_see_and_edit_only_their_own_unit(small_plan, units):
    staff = member(small_plan.plan.body, Role.UNIT_STAFF, units[1])
    head = member(small_plan.plan.body, Role.UNIT_HEAD, units[1])
    assert staff.has_perm("orgs.edit_unit_items", units[1])
    assert not staff.has_perm("orgs.edit_unit_items", units[2])
    assert not staff.has_perm("orgs.view_unit_items", units[2])
    assert not staff.has_perm("orgs.submit_unit_items", units[1])
    assert head.has_perm("orgs.submit_unit_items", units[1])
    assert not head.has_perm("orgs.submit_unit_items", units[2])
    assert visible_unit_ids(staff, [u.id for u in units]) == {units[1].id}


def test_planner_and_executive_see_every_unit(small_plan, units):
    planner = member(small_plan.plan.body, Role.PLANNER, units[0])
    executive = member(small_plan.plan.body, Role.EXECUTIVE)
    ids = [u.id for u in units]
    for user in (planner, executive):
        assert user.has_perm("orgs.view_unit_items", units[3])
        assert visible_unit_ids(user, ids) == set(ids)
    assert not planner.has_perm("orgs.edit_unit_items", units[3])


def test_event_executors_decide_who_executes(small_plan, units):
    revision = small_plan.revisions.prefetch_related("executors").first()
    lead_unit = revision.executors.all()[0].unit
    staff = member(small_plan.plan.body, Role.UNIT_STAFF, lead_unit)
    outsider_unit = next(u for u in units if u.id not in {e.unit_id for e in revision.executors.all()})
    outsider = member(small_plan.plan.body, Role.UNIT_STAFF, outsider_unit)
    from jospar.planning.permissions import executes_event

    assert executes_event(staff, revision)
    assert not executes_event(outsider, revision)


def test_anonymous_has_no_access(small_plan):
    from django.contrib.auth.models import AnonymousUser

    assert not AnonymousUser().has_perm("planning.view_plan", small_plan.plan)


def test_unit_roles_need_a_unit_and_others_none(body):
    user = UserFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(user=user, body=body, role=Role.UNIT_STAFF)
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(user=user, body=body, role=Role.EXECUTIVE, unit=OrgUnitFactory(body=body))


def test_a_national_only_user_is_no_member_of_their_body(small_plan, client):
    """The national role alone reads no body's own pages (issue 14): no body to list plans of, no service
    acting "in the body", no unit's items, and the plan list and the API list nothing."""
    from django.core.exceptions import PermissionDenied

    from jospar.orgs.permissions import require

    body = small_plan.plan.body
    national = member(body, Role.NATIONAL, username="national")
    access = access_of(national)
    assert (access.is_member, access.is_national, access.member_body_id) == (False, True, None)
    assert access_of(member(body, Role.VIEWER)).member_body_id == body.pk
    assert not national.has_perm("planning.view_plan", small_plan.plan)
    assert visible_unit_ids(national, [u.pk for u in body.units.all()]) == set()
    with pytest.raises(PermissionDenied):
        require(national, "planning.view_plan", in_body=True)
    client.force_login(national)
    assert client.get("/plans/").context["plans"].count() == 0
    assert client.get("/api/v1/plans/").json()["results"] == []
    assert client.get(f"/plans/{small_plan.plan.year}/").status_code == 404
