"""The REST API applies the same permissions and rules: an approved version cannot be changed."""
from datetime import date

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from jospar.planning.approval import services as approval
from jospar.planning.models import EventRevision

from .calls import client_for, patch

pytestmark = pytest.mark.django_db


def test_lists_plans_and_events(api_plan):
    client = client_for(api_plan["staff"])
    assert client.get(reverse("api:plans")).json()["results"][0]["year"] == 2026
    rows = client.get(reverse("api:version_events", args=[2026, 1])).json()["results"]
    assert len(rows) == 6 and rows[0]["number"] == 1


def test_planner_edits_the_draft_through_the_api(api_plan):
    revision = api_plan["version"].revisions.first()
    response = patch(client_for(api_plan["planner"]), revision, name_ru="Через API", budget_codes="005 100")
    assert response.status_code == 200
    revision.refresh_from_db()
    assert (revision.name_ru, revision.budget_codes) == ("Через API", "005 100")


def test_bad_code_and_stale_lock_are_refused(api_plan):
    revision = api_plan["version"].revisions.first()
    client = client_for(api_plan["planner"])
    assert patch(client, revision, budget_codes="12").status_code == 400
    patch(client, revision, name_ru="Первая")
    assert patch(client, revision, name_ru="Вторая").status_code == 409  # lock_version is stale
    assert EventRevision.objects.get(pk=revision.pk).name_ru == "Первая"


@pytest.mark.parametrize("who", ["executive", "staff"])
def test_others_cannot_edit_through_the_api(api_plan, who):
    revision = api_plan["version"].revisions.first()
    assert patch(client_for(api_plan[who]), revision, name_ru="x").status_code == 403


def test_approved_version_cannot_be_changed_through_the_api(api_plan):
    version = api_plan["version"]
    approval.send_for_approval(user=api_plan["planner"], version=version)
    approval.approve_version(version=version, user=api_plan["executive"], on=date(2025, 12, 30))
    revision = version.revisions.first()
    for who in ("planner", "executive", "staff"):
        response = patch(client_for(api_plan[who]), revision, name_ru="Изменено")
        assert response.status_code in (403, 409)
    assert EventRevision.objects.get(pk=revision.pk).name_ru != "Изменено"


def test_session_clients_need_csrf(api_plan):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(api_plan["planner"])
    revision = api_plan["version"].revisions.first()
    response = client.patch(reverse("api:event", args=[2026, revision.pk]), {"lock_version": 1}, format="json")
    assert response.status_code == 403


def test_anonymous_is_refused_with_a_bearer_challenge(api_plan):
    response = APIClient().get(reverse("api:plans"))
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="jospar"'
    assert response.json()["code"] == "not_authenticated"


def test_schema_is_served(api_plan):
    response = client_for(api_plan["staff"]).get(reverse("api:schema"))
    assert response.status_code == 200 and b"/api/v1/plans/" in response.content


def test_an_event_gives_its_cancellation_reason_in_both_languages(api_plan):
    revision = api_plan["version"].revisions.first()
    EventRevision.objects.filter(pk=revision.pk).update(is_cancelled=True, cancel_reason_kk="Өзектілігін жоғалтты",
                                                        cancel_reason_ru="Утратило актуальность")
    data = client_for(api_plan["staff"]).get(reverse("api:event", args=[2026, revision.pk])).json()
    assert (data["status"], data["cancel_reason_kk"], data["cancel_reason_ru"]) == (
        "cancelled", "Өзектілігін жоғалтты", "Утратило актуальность")
