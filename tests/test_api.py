"""The REST API applies the same permissions and rules: an approved version cannot be changed."""
from datetime import date

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from jospar.orgs.models import Role
from jospar.planning import services
from jospar.planning.models import EventRevision
from tests.factories import StateBodyFactory, member, plan_with_events

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan():
    version = plan_with_events(6, n_units=3, body=StateBodyFactory())
    body = version.plan.body
    return {
        "version": version,
        "planner": member(body, Role.PLANNER, body.units.get(is_planning=True)),
        "executive": member(body, Role.EXECUTIVE),
        "staff": member(body, Role.UNIT_STAFF, body.units.exclude(is_planning=True).first()),
    }


def client_for(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def patch(client, revision, **fields):
    url = reverse("api:event", args=[2026, revision.pk])
    return client.patch(url, {"lock_version": revision.lock_version, **fields}, format="json")


def test_lists_plans_and_events(plan):
    client = client_for(plan["staff"])
    assert client.get(reverse("api:plans")).json()[0]["year"] == 2026
    rows = client.get(reverse("api:version_events", args=[2026, 1])).json()
    assert len(rows) == 6 and rows[0]["number"] == "1"


def test_planner_edits_the_draft_through_the_api(plan):
    revision = plan["version"].revisions.first()
    response = patch(client_for(plan["planner"]), revision, name_ru="Через API", budget_codes="005 100")
    assert response.status_code == 200
    revision.refresh_from_db()
    assert (revision.name_ru, revision.budget_codes) == ("Через API", "005 100")


def test_bad_code_and_stale_lock_are_refused(plan):
    revision = plan["version"].revisions.first()
    client = client_for(plan["planner"])
    assert patch(client, revision, budget_codes="12").status_code == 400
    patch(client, revision, name_ru="Первая")
    assert patch(client, revision, name_ru="Вторая").status_code == 409  # lock_version is stale
    assert EventRevision.objects.get(pk=revision.pk).name_ru == "Первая"


@pytest.mark.parametrize("who", ["executive", "staff"])
def test_others_cannot_edit_through_the_api(plan, who):
    revision = plan["version"].revisions.first()
    assert patch(client_for(plan[who]), revision, name_ru="x").status_code == 403


def test_approved_version_cannot_be_changed_through_the_api(plan):
    version = plan["version"]
    services.send_for_approval(user=plan["planner"], version=version)
    services.approve_version(version=version, user=plan["executive"], on=date(2025, 12, 30))
    revision = version.revisions.first()
    for who in ("planner", "executive", "staff"):
        response = patch(client_for(plan[who]), revision, name_ru="Изменено")
        assert response.status_code in (403, 409)
    assert EventRevision.objects.get(pk=revision.pk).name_ru != "Изменено"


def test_session_clients_need_csrf(plan):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(plan["planner"])
    revision = plan["version"].revisions.first()
    response = client.patch(reverse("api:event", args=[2026, revision.pk]), {"lock_version": 1}, format="json")
    assert response.status_code == 403


def test_anonymous_is_refused(plan):
    assert APIClient().get(reverse("api:plans")).status_code == 403


def test_schema_is_served(plan):
    response = client_for(plan["staff"]).get(reverse("api:schema"))
    assert response.status_code == 200 and b"/api/plans/" in response.content
