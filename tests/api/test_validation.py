"""Point 12: the API checks an event with the page's own event form and services: the same rules,
the same messages, the same refusals (permission, state, optimistic locking)."""
from datetime import date

import pytest
from django.urls import reverse

from jospar.planning.approval import services as approval
from jospar.planning.forms import EventForm
from jospar.planning.models import EventRevision
from tests.factories import CompletionFormFactory, StateBodyFactory

from .calls import client_for, event_url, patch

pytestmark = pytest.mark.django_db


def refused(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.content[:500]
    body = response.json()
    assert set(body) == {"code", "message", "fields"} and body["code"] == code and body["message"]
    return body


def unchanged(revision) -> bool:
    return EventRevision.objects.get(pk=revision.pk).lock_version == revision.lock_version


def page_data(revision, **changes) -> dict:
    """What the page's edit row posts for the event, with some fields changed."""
    lead = revision.executors.get(is_lead=True).unit
    data = EventForm.initial_from(revision, lead)
    data.update(changes)
    return {k: "" if v is None else v.isoformat() if isinstance(v, date) else v for k, v in data.items()}


def other_body_unit():
    return StateBodyFactory().units.create(code="x", name_kk="Басқа", name_ru="Другой", position=1)


# (what the API is sent, what the page's form is sent, the field at fault)
BAD = {
    "no name": ({"name_kk": "", "name_ru": "  "}, {"name_kk": "", "name_ru": "  "}, "name_ru"),
    "budget code": ({"budget_codes": "12"}, {"budget": "12"}, "budget_codes"),
    "budget too long": ({"budget_codes": "001, " * 41}, {"budget": "001, " * 41}, "budget_codes"),
    "date kind without a date": ({"deadline_kind": "date", "deadline_date": None},
                                 {"deadline_kind": "date", "deadline_date": ""}, "deadline_kind"),
    "date outside the year": ({"deadline_kind": "date", "deadline_date": "2027-03-01"},
                              {"deadline_kind": "date", "deadline_date": "2027-03-01"}, "deadline_date"),
    "yearly without a day": ({"deadline_kind": "yearly", "deadline_month": 5, "deadline_day": None},
                             {"deadline_kind": "yearly", "deadline_month": "5", "deadline_day": ""}, "deadline_kind"),
    "unknown kind": ({"deadline_kind": "weekly"}, {"deadline_kind": "weekly"}, "deadline_kind"),
    "month 13": ({"deadline_month": 13}, {"deadline_month": "13"}, "deadline_month"),
    "day 32": ({"deadline_day": 32}, {"deadline_day": "32"}, "deadline_day"),
    "completion too long": ({"completion_kk": "ә" * 301}, {"completion_kk": "ә" * 301}, "completion_kk"),
    "unknown anchor": ({"anchor": "m:0"}, {"anchor": "m:0"}, "anchor"),
}


@pytest.mark.parametrize("case", BAD)
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_api_refuses_what_the_page_refuses_with_its_message(api_plan, revision, client, case, lang):
    api_change, page_change, field = BAD[case]
    response = patch(client_for(api_plan["planner"], lang), revision, **api_change)
    messages = refused(response, 400, "invalid")["fields"][field]
    assert unchanged(revision)

    client.force_login(api_plan["planner"])
    client.cookies["django_language"] = lang
    page = client.post(reverse("planning:draft_event_edit", args=[2026, revision.pk]),
                       page_data(revision, **page_change), HTTP_HX_REQUEST="true")
    assert page.context["form"].errors[{"budget_codes": "budget"}.get(field, field)] == messages
    assert unchanged(revision)

def test_units_and_completion_forms_of_another_body_are_refused(api_plan, revision):
    client = client_for(api_plan["planner"], "en")
    foreign_form = CompletionFormFactory(body=StateBodyFactory())
    for change, field in (({"lead_unit": other_body_unit().pk}, "lead_unit"),
                          ({"co_executors": [other_body_unit().pk]}, "co_executors"),
                          ({"completion_form": foreign_form.pk}, "completion_form")):
        assert field in refused(patch(client, revision, **change), 400, "invalid")["fields"]
    assert unchanged(revision)


def test_every_length_the_page_enforces_is_enforced_and_stated(api_plan, revision):
    """Whatever limits the form carries (names included, once it has them), the API keeps and states."""
    schema = client_for(api_plan["planner"]).get(reverse("api:schema"), HTTP_ACCEPT="application/json").json()
    stated = schema["components"]["schemas"]["EventPatch"]["properties"]
    api_names = {"budget": "budget_codes"}
    limited = {api_names.get(name, name): field.max_length for name, field in EventForm.base_fields.items()
               if getattr(field, "max_length", None)}
    assert {"budget_codes", "completion_kk", "completion_ru"} <= set(limited)
    for name, limit in limited.items():
        assert stated[name]["maxLength"] == limit
        response = patch(client_for(api_plan["planner"]), revision, **{name: "0" * (limit + 1)})
        assert name in refused(response, 400, "invalid")["fields"]
    assert unchanged(revision)


def test_a_valid_change_is_saved_and_answered_with_the_event(api_plan, revision):
    revision.name_en = "English name"
    revision.save()
    units = list(api_plan["version"].plan.body.units.order_by("position"))
    response = patch(client_for(api_plan["planner"]), revision, name_kk="Жаңа атауы", budget_codes="005, 001 100",
                     deadline_kind="monthly", deadline_day=10, completion_ru="Справка", lead_unit=units[1].pk,
                     co_executors=[units[2].pk])
    assert response.status_code == 200, response.json()
    saved = EventRevision.objects.get(pk=revision.pk)
    assert response.json() == client_for(api_plan["staff"]).get(event_url(revision)).json()
    assert response.json()["lock_version"] == saved.lock_version == revision.lock_version + 1
    assert (saved.name_kk, saved.name_ru, saved.name_en) == ("Жаңа атауы", revision.name_ru, "English name")
    assert (saved.budget_codes, saved.deadline_kind, saved.deadline_day) == ("005, 001 100", "monthly", 10)
    assert response.json()["executors"] == [{"unit_id": units[1].pk, "unit_code": units[1].code, "lead": True},
                                            {"unit_id": units[2].pk, "unit_code": units[2].code, "lead": False}]
    assert response.json()["budget_codes"] == [{"program": "005", "subprogram": None},
                                               {"program": "001", "subprogram": "100"}]
    assert response.json()["deadline"]["kind"] == "monthly" and response.json()["deadline"]["day"] == 10


def test_a_stale_lock_version_is_refused_and_nothing_is_overwritten(api_plan, revision):
    first, second = client_for(api_plan["planner"], "ru"), client_for(api_plan["planner"], "ru")
    assert patch(first, revision, name_ru="Первая").status_code == 200
    body = refused(patch(second, revision, name_ru="Вторая"), 409, "stale")
    assert body["fields"]["lock_version"] == [body["message"]] and "другой пользователь" in body["message"]
    assert EventRevision.objects.get(pk=revision.pk).name_ru == "Первая"


@pytest.mark.parametrize("who", ["executive", "staff"])
def test_only_planners_change_events_even_with_bad_data(api_plan, revision, who):
    response = patch(client_for(api_plan[who], "kk"), revision, name_kk="", name_ru="")
    assert refused(response, 403, "permission_denied")["message"] == "Сізде бұл әрекетті орындауға құқық жоқ."
    assert unchanged(revision)


def test_an_approved_version_refuses_changes_with_the_services_message(api_plan, revision):
    version = api_plan["version"]
    approval.send_for_approval(user=api_plan["planner"], version=version)
    approval.approve_version(version=version, user=api_plan["executive"], on=date(2025, 12, 30))
    body = refused(patch(client_for(api_plan["planner"], "en"), revision, name_ru="Изменено"), 409, "conflict")
    assert "an approved plan changes through an amendment" in body["message"]
    assert unchanged(revision)
