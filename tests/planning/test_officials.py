"""§6 who approves: the first head or the chief of staff (or the person acting for them), never a
superuser because it is one, nor an executive in an ordinary position."""
import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import translation
from rest_framework.test import APIClient

from jospar.orgs.models import Membership, Office, Role
from jospar.planning.approval import services as approval
from jospar.planning.models import PlanVersion
from tests.factories import UserFactory, member

pytestmark = pytest.mark.django_db

WORKFLOW = ["planning.approve_plan", "planning.send_for_approval", "planning.edit_draft", "planning.open_plan",
            "planning.review_proposals", "planning.amend_plan", "monitoring.record_decision",
            "monitoring.submit_report", "monitoring.edit_report"]


@pytest.fixture
def superuser(small_plan):
    """The system administrator as the demo has it: a superuser with the administrator role."""
    user = UserFactory(username="root", is_superuser=True, is_staff=True)
    Membership.objects.create(user=user, body=small_plan.plan.body, role=Role.ADMIN)
    return user


def on_approval(version):
    PlanVersion.objects.filter(pk=version.pk).update(status=PlanVersion.Status.ON_APPROVAL)
    version.refresh_from_db()
    return version


@pytest.mark.parametrize("perm", WORKFLOW)
def test_a_superuser_holds_no_workflow_permission(small_plan, superuser, perm):
    assert not superuser.has_perm(perm, small_plan.plan)


def test_a_superuser_keeps_the_django_admin(small_plan, superuser):
    assert superuser.has_perm("planning.change_operationalplan")
    assert superuser.has_perm("orgs.change_orgunit")


def test_a_superuser_cannot_approve_send_or_edit_through_the_pages(client, small_plan, superuser):
    version = on_approval(small_plan)
    client.force_login(superuser)
    page = client.get(reverse("planning:plan_detail", args=[2026])).content.decode()
    assert "Approve the plan" not in page
    assert client.post(reverse("planning:approve", args=[2026])).status_code == 403
    assert client.post(reverse("planning:return_plan", args=[2026]), {"comment": "x"}).status_code == 403
    PlanVersion.objects.filter(pk=version.pk).update(status=PlanVersion.Status.DRAFT)
    assert client.post(reverse("planning:send_for_approval", args=[2026])).status_code == 403
    assert client.get(reverse("planning:draft_event_new", args=[2026])).status_code == 403
    revision = version.revisions.first()
    assert client.post(reverse("planning:draft_event_delete", args=[2026, revision.pk])).status_code == 403
    version.refresh_from_db()
    assert version.status == PlanVersion.Status.DRAFT and version.revisions.filter(pk=revision.pk).exists()


def test_a_superuser_cannot_edit_through_the_api(small_plan, superuser):
    revision = small_plan.revisions.first()
    api = APIClient()
    api.force_authenticate(superuser)
    response = api.patch(reverse("api:event", args=[2026, revision.pk]),
                         {"lock_version": revision.lock_version, "name_ru": "Админ"}, format="json")
    assert response.status_code == 403
    revision.refresh_from_db()
    assert revision.name_ru != "Админ"


def test_a_superuser_cannot_decide_on_a_report(small_plan, superuser):
    from jospar.monitoring.services_report import record_decision

    period = type("Period", (), {"plan": small_plan.plan})()
    with pytest.raises(PermissionDenied):
        record_decision(user=superuser, period=period, text_ru="Решение")


def test_an_executive_in_an_ordinary_position_does_not_approve(client, small_plan):
    version = on_approval(small_plan)
    adviser = member(small_plan.plan.body, Role.EXECUTIVE, office="")
    assert adviser.has_perm("planning.view_plan", small_plan.plan)
    assert not adviser.has_perm("planning.approve_plan", small_plan.plan)
    assert not adviser.has_perm("monitoring.record_decision", small_plan.plan)
    with translation.override("en"), pytest.raises(PermissionDenied, match="first head or the chief of staff"):
        approval.approve_version(version=version, user=adviser)
    client.force_login(adviser)
    assert "Approve the plan" not in client.get(reverse("planning:plan_detail", args=[2026])).content.decode()
    assert client.post(reverse("planning:approve", args=[2026])).status_code == 403
    version.refresh_from_db()
    assert version.status == PlanVersion.Status.ON_APPROVAL


def test_the_person_acting_for_the_chief_of_staff_approves_and_is_recorded_so(client, small_plan):
    version = on_approval(small_plan)
    acting = member(small_plan.plan.body, Role.EXECUTIVE, office=Office.CHIEF_OF_STAFF, acting=True)
    client.force_login(acting)
    client.cookies["django_language"] = "ru"
    client.post(reverse("planning:approve", args=[2026]))
    version.refresh_from_db()
    assert version.status == PlanVersion.Status.APPROVED
    assert (version.approver_office, version.approver_acting) == (Office.CHIEF_OF_STAFF, True)
    page = client.get(reverse("planning:plan_detail", args=[2026])).content.decode()
    assert "исполняющий обязанности руководителя аппарата" in page


def test_the_holder_of_the_office_is_recorded_as_such(small_plan):
    version = on_approval(small_plan)
    head = member(small_plan.plan.body, Role.EXECUTIVE, office=Office.FIRST_HEAD)
    approval.approve_version(version=version, user=head)
    version.refresh_from_db()
    assert (version.approver_office, version.approver_acting) == (Office.FIRST_HEAD, False)


def test_only_an_executive_holds_an_office(small_plan):
    from django.core.exceptions import ValidationError

    unit = small_plan.plan.body.units.get(is_planning=True)
    membership = Membership(user=UserFactory(), body=small_plan.plan.body, role=Role.PLANNER, unit=unit,
                            office=Office.FIRST_HEAD)
    with pytest.raises(ValidationError):
        membership.full_clean()


def test_the_demo_approver_is_the_chief_of_staff(db):
    from datetime import date

    from jospar.demo.loader import DemoLoader

    DemoLoader(date(2026, 11, 25), log=lambda msg: None).load()
    executive = Membership.objects.get(user__username="executive")
    assert executive.office == Office.CHIEF_OF_STAFF and not executive.acting
    version = PlanVersion.objects.filter(plan__body=executive.body, status="approved").order_by("plan__year",
                                                                                                "number").first()
    assert version.approver_office == Office.CHIEF_OF_STAFF
    assert version.approved_as_ru == "Руководитель аппарата"
