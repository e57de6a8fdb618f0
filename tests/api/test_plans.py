"""Operational plans, versions, events, amendments and comparisons under /api/v1/plans/: data (codes, ids,
both state languages), the pages' permissions (another body's plan is not found; only planners write, only
in a draft), If-Match and Idempotency-Key on writes, and a fixed number of queries whatever the plan's size."""
from datetime import date

import pytest
from django.urls import reverse

from jospar.orgs.models import Role
from jospar.planning.amendments import services as amendments
from jospar.planning.approval import services as approval
from jospar.planning.models import EventRevision
from tests.factories import StateBodyFactory, member, plan_with_events

from .calls import client_for, event_url, patch

pytestmark = pytest.mark.django_db

EVENTS = reverse("api:version_events", args=[2026, 1])


def approve(api_plan, version=None):
    version = version or api_plan["version"]
    approval.send_for_approval(user=api_plan["planner"], version=version)
    approval.approve_version(version=version, user=api_plan["executive"], on=date(2025, 12, 30))


def amendment(api_plan):
    """Version 2 on an amendment of the development plan: one event cancelled, one changed, one added."""
    approve(api_plan)
    plan = api_plan["version"].plan
    version = amendments.open_amendment(
        user=api_plan["planner"], plan=plan, basis="development_plan", document_number="45",
        document_date=date(2026, 3, 2), basis_kk="Даму жоспарына өзгеріс", basis_ru="Изменение плана развития")
    revisions = list(version.revisions.order_by("position", "id"))
    amendments.cancel_event(user=api_plan["planner"], revision=revisions[0], reason_kk="Өзектілігін жоғалтты",
                            reason_ru="Утратило актуальность")
    client = client_for(api_plan["planner"])
    assert patch(client, revisions[1], budget_codes="005").status_code == 200
    added = client.post(reverse("api:version_events", args=[2026, 2]), new_event(revisions[2].anchor_key),
                        format="json")
    assert added.status_code == 201, added.json()
    return version, revisions, added.json()


def new_event(anchor: str, **fields) -> dict:
    return {"anchor": anchor, "name_kk": "Жаңа іс-шара", "name_ru": "Новое мероприятие", "budget_codes": "001 100",
            "deadline_kind": "quarter", "deadline_quarter": 2, **fields}


# ---- reading ---------------------------------------------------------------------------------------------

def test_plans_with_their_versions_and_filters(api_plan):
    client = client_for(api_plan["staff"])
    body = client.get(reverse("api:plans")).json()
    assert body["count"] == 1
    plan = body["results"][0]
    assert (plan["year"], plan["body"], plan["status"], plan["version_in_force"]) == (
        2026, api_plan["version"].plan.body.code, "draft", None)
    assert plan["versions"] == [{"number": 1, "status": "draft", "approved_on": None}]
    assert client.get(reverse("api:plans"), {"year": 2027}).json()["count"] == 0
    assert client.get(reverse("api:plans"), {"status": "approved"}).json()["count"] == 0
    assert client.get(reverse("api:plans"), {"status": "draft"}).json()["count"] == 1
    approve(api_plan)
    approved = client.get(reverse("api:plan", args=[2026])).json()
    assert (approved["status"], approved["version_in_force"]) == ("approved", 1)
    assert approved["versions"][0]["approved_on"] == "2025-12-30" and approved["versions"][0]["events"] == 6


@pytest.mark.parametrize(("lang", "message"), [("ru", "Выберите одно из"), ("kk", "Мыналардың бірін таңдаңыз")])
def test_a_bad_filter_is_refused_in_the_request_language(api_plan, lang, message):
    response = client_for(api_plan["staff"], lang).get(reverse("api:plans"), {"status": "signed"})
    assert response.status_code == 400 and response.json()["code"] == "invalid"
    assert response.json()["fields"]["status"][0].startswith(message)


def test_versions_of_a_plan(api_plan):
    client = client_for(api_plan["staff"])
    versions = client.get(reverse("api:versions", args=[2026])).json()["results"]
    assert [(v["number"], v["status"], v["basis"], v["events"]) for v in versions] == [(1, "draft", "initial", 6)]
    assert client.get(reverse("api:version", args=[2026, 1])).json() == versions[0]
    assert client.get(reverse("api:version", args=[2026, 2])).status_code == 404


@pytest.mark.parametrize(("lang", "label", "wording"), [
    ("ru", "Стратегическое направление 1 · Макроиндикатор 1", "IV квартал"),
    ("kk", "1-стратегиялық бағыт · 1-макроиндикатор", "IV тоқсан"),
])
def test_events_are_data_with_labels_in_the_request_language(api_plan, lang, label, wording):
    rows = client_for(api_plan["staff"], lang).get(EVENTS).json()["results"]
    first = rows[0]
    revision = EventRevision.objects.get(pk=first["revision_id"])
    assert [r["number"] for r in rows] == [1, 2, 3, 4, 5, 6]
    assert first["event_id"] == revision.event_id
    assert first["anchor"] == {"kind": "macroindicator", "id": revision.macroindicator_id,
                               "key": f"m:{revision.macroindicator_id}", "number": "1", "code": "M1.1",
                               "label": label}
    assert (first["name_kk"], first["name_ru"]) == ("Іс-шара 1", "Мероприятие 1")  # both, whatever the language
    assert first["budget_codes"] == [{"program": "001", "subprogram": "100"}]
    assert first["deadline"] == {"kind": "quarter", "date": None, "month": None, "quarter": 4, "day": None,
                                 "wording": wording}
    assert first["due_dates"] == [{"quarter": 4, "date": "2026-12-31"}]
    assert first["completion_form"]["id"] == revision.completion_form_id
    lead = revision.executors.get(is_lead=True).unit
    assert first["executors"][0] == {"unit_id": lead.pk, "unit_code": lead.code, "lead": True}
    assert first["status"] == "active"
    no_funding = next(r for r in rows if r["no_funding"])
    assert no_funding["budget_codes"] == []


def test_events_by_unit_and_status(api_plan):
    client = client_for(api_plan["staff"])
    unit = api_plan["version"].plan.body.units.get(code="su1")
    mine = set(EventRevision.objects.filter(version=api_plan["version"], executors__unit=unit)
               .values_list("pk", flat=True))
    for value in (unit.pk, unit.code):
        rows = client.get(EVENTS, {"unit": value}).json()["results"]
        assert {r["revision_id"] for r in rows} == mine and mine
    assert client.get(EVENTS, {"unit": "nowhere"}).json()["fields"]["unit"]
    other = StateBodyFactory().units.create(code="zz", name_kk="Басқа", name_ru="Другой", position=1)
    assert client.get(EVENTS, {"unit": other.pk}).status_code == 400  # another body's unit is not the body's
    EventRevision.objects.filter(pk=min(mine)).update(is_cancelled=True, cancel_reason_kk="Себеп",
                                                      cancel_reason_ru="Причина")
    cancelled = client.get(EVENTS, {"status": "cancelled"}).json()["results"]
    assert [(r["revision_id"], r["status"], r["cancel_reason_ru"]) for r in cancelled] == [
        (min(mine), "cancelled", "Причина")]
    assert client.get(EVENTS, {"status": "active"}).json()["count"] == 5


def test_events_come_in_pages(api_plan):
    body = client_for(api_plan["staff"]).get(EVENTS, {"page_size": 4, "page": 2}).json()
    assert body["count"] == 6 and [r["number"] for r in body["results"]] == [5, 6] and body["previous"]


def test_another_bodys_plan_and_events_are_not_found(api_plan):
    other = plan_with_events(3, n_units=3, body=StateBodyFactory())
    outsider = member(other.plan.body, Role.PLANNER, other.plan.body.units.get(is_planning=True))
    client = client_for(outsider)
    revision = api_plan["version"].revisions.first()
    assert client.get(event_url(revision)).status_code == 404  # the year exists for them: the event does not
    assert patch(client, revision, name_ru="Чужое").status_code == 404
    assert client.get(reverse("api:plans")).json()["results"][0]["body"] == other.plan.body.code
    lone = StateBodyFactory()  # a body without a plan: 2026 is not found for its planner
    client = client_for(member(lone, Role.PLANNER, lone.units.create(code="p", name_kk="Ж", name_ru="П",
                                                                     position=1, is_planning=True)))
    for url in (reverse("api:plan", args=[2026]), reverse("api:versions", args=[2026]), EVENTS,
                reverse("api:version", args=[2026, 1]), reverse("api:amendments", args=[2026]),
                reverse("api:version_changes", args=[2026, 1])):
        assert client.get(url).status_code == 404, url
    assert client.get(reverse("api:plans")).json()["count"] == 0
    response = client.post(EVENTS, new_event("r:1"), format="json")
    assert response.status_code == 404
    assert api_plan["version"].revisions.count() == 6


# ---- writing ---------------------------------------------------------------------------------------------

def test_the_planner_adds_an_event_to_the_draft(api_plan):
    anchor = api_plan["version"].revisions.order_by("id").first().anchor_key
    units = list(api_plan["version"].plan.body.units.order_by("position"))
    client = client_for(api_plan["planner"], "ru")
    response = client.post(EVENTS, new_event(anchor, lead_unit=units[2].pk, co_executors=[units[1].pk]),
                           format="json")
    assert response.status_code == 201, response.json()
    event = response.json()
    assert response["Location"] == event_url(EventRevision.objects.get(pk=event["revision_id"]))
    assert event["anchor"]["key"] == anchor and event["name_ru"] == "Новое мероприятие"
    assert event["deadline"]["quarter"] == 2 and event["due_dates"] == [{"quarter": 2, "date": "2026-06-30"}]
    assert [x["unit_code"] for x in event["executors"]] == [units[2].code, units[1].code]
    assert client.get(event_url(EventRevision.objects.get(pk=event["revision_id"]))).json() == event
    assert client.get(EVENTS).json()["count"] == 7


def test_adding_is_idempotent_with_a_key(api_plan):
    client = client_for(api_plan["planner"])
    anchor = api_plan["version"].revisions.first().anchor_key
    first = client.post(EVENTS, new_event(anchor), format="json", HTTP_IDEMPOTENCY_KEY="add-1")
    again = client.post(EVENTS, new_event(anchor), format="json", HTTP_IDEMPOTENCY_KEY="add-1")
    assert (first.status_code, again.status_code) == (201, 201) and again["Idempotent-Replayed"] == "true"
    assert again.json() == first.json() and api_plan["version"].revisions.count() == 7
    other = client.post(EVENTS, new_event(anchor, name_ru="Другое"), format="json", HTTP_IDEMPOTENCY_KEY="add-1")
    assert other.status_code == 422 and api_plan["version"].revisions.count() == 7


@pytest.mark.parametrize(("lang", "message"), [("ru", "Укажите наименование мероприятия"),
                                               ("kk", "Іс-шараның атауын")])
def test_a_new_event_is_checked_as_on_the_page(api_plan, lang, message):
    client = client_for(api_plan["planner"], lang)
    response = client.post(EVENTS, new_event("m:0", name_kk="", name_ru=""), format="json")
    assert response.status_code == 400
    fields = response.json()["fields"]
    assert "anchor" in fields and fields["name_ru"][0].startswith(message)
    assert client.post(EVENTS, {"name_ru": "Без привязки"}, format="json").json()["fields"].keys() >= {
        "anchor", "deadline_kind"}
    assert api_plan["version"].revisions.count() == 6


@pytest.mark.parametrize("who", ["executive", "staff"])
def test_only_planners_add_events(api_plan, who):
    anchor = api_plan["version"].revisions.first().anchor_key
    response = client_for(api_plan[who]).post(EVENTS, new_event(anchor), format="json")
    assert response.status_code == 403 and api_plan["version"].revisions.count() == 6


def test_an_approved_version_takes_no_new_event(api_plan):
    approve(api_plan)
    anchor = api_plan["version"].revisions.first().anchor_key
    response = client_for(api_plan["planner"], "en").post(EVENTS, new_event(anchor), format="json")
    assert response.status_code == 409 and "amendment" in response.json()["message"]
    assert api_plan["version"].revisions.count() == 6


def test_if_match_guards_an_event_edit(api_plan, revision):
    client = client_for(api_plan["planner"], "ru")
    read = client.get(event_url(revision))
    tag = read["ETag"]
    assert client.get(event_url(revision), HTTP_IF_NONE_MATCH=tag).status_code == 304
    changed = client.patch(event_url(revision), {"lock_version": revision.lock_version, "name_ru": "Первая"},
                           format="json", HTTP_IF_MATCH=tag)
    assert changed.status_code == 200
    stale = client.patch(event_url(revision), {"lock_version": revision.lock_version + 1, "name_ru": "Вторая"},
                         format="json", HTTP_IF_MATCH=tag)
    assert stale.status_code == 412 and stale.json()["code"] == "precondition_failed"
    assert EventRevision.objects.get(pk=revision.pk).name_ru == "Первая"
    fresh = client.get(event_url(revision))["ETag"]
    assert client.patch(event_url(revision), {"lock_version": revision.lock_version + 1, "name_ru": "Вторая"},
                        format="json", HTTP_IF_MATCH=fresh).status_code == 200


# ---- amendments and comparisons -----------------------------------------------------------------------------

def test_amendments_with_their_basis_and_state(api_plan):
    amendment(api_plan)
    rows = client_for(api_plan["staff"]).get(reverse("api:amendments", args=[2026])).json()["results"]
    assert len(rows) == 1
    row = rows[0]
    assert (row["number"], row["amends"], row["status"], row["basis"]) == (2, 1, "draft", "development_plan")
    assert (row["basis_document_number"], row["basis_document_date"]) == ("45", "2026-03-02")
    assert (row["basis_kk"], row["basis_ru"], row["decision"]) == (
        "Даму жоспарына өзгеріс", "Изменение плана развития", None)
    assert row["events"] == 7


def test_an_amendment_on_a_decision_names_the_decision(api_plan):
    from jospar.monitoring.models import Decision, Report, ReportingPeriod

    approve(api_plan)
    plan = api_plan["version"].plan
    report = Report.objects.create(period=ReportingPeriod.objects.get_or_create(plan=plan, quarter=1)[0])
    decision = Decision.objects.create(report=report, text_kk="Түзету", text_ru="Внести изменения",
                                       requests_amendment=True, created_at="2026-04-20T10:00:00Z",
                                       created_by=api_plan["executive"])
    amendments.open_amendment(user=api_plan["planner"], plan=plan, basis="monitoring", decision=decision)
    row = client_for(api_plan["staff"]).get(reverse("api:amendments", args=[2026])).json()["results"][0]
    assert row["basis"] == "monitoring" and row["decision"] == {
        "id": decision.pk, "year": 2026, "quarter": 1, "text_kk": "Түзету", "text_ru": "Внести изменения",
        "requests_amendment": True}


def test_the_changes_of_an_amendment_as_data(api_plan):
    version, revisions, added = amendment(api_plan)
    client = client_for(api_plan["staff"], "kk")
    body = client.get(reverse("api:version_changes", args=[2026, 2])).json()
    assert (body["number"], body["against"]) == (2, 1)
    assert body["counts"] == {"added": 1, "cancelled": 1, "restored": 0, "changed": 1, "removed": 0}
    by_kind = {d["kind"]: d for d in body["differences"]}
    assert by_kind["cancelled"]["event_id"] == revisions[0].event_id
    assert by_kind["cancelled"]["cancel_reason_ru"] == "Утратило актуальность"
    assert by_kind["added"]["revision_id"] == added["revision_id"]
    assert by_kind["changed"]["changes"] == [{"field": "budget_codes", "old": [{"program": "001", "subprogram": "100"}],
                                              "new": [{"program": "005", "subprogram": None}]}]
    back = client.get(reverse("api:version_changes", args=[2026, 1]), {"against": 2}).json()
    assert back["counts"]["removed"] == 1 and back["counts"]["restored"] == 1
    refused = client.get(reverse("api:version_changes", args=[2026, 2]), {"against": 2})
    assert refused.status_code == 400 and refused.json()["fields"]["against"]
    assert client.get(reverse("api:version_changes", args=[2026, 1])).status_code == 400  # nothing before the first


# ---- queries ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("n_events", [6, 60])
def test_every_read_takes_a_fixed_number_of_queries(n_events, django_assert_max_num_queries):
    version = plan_with_events(n_events, n_units=5, body=StateBodyFactory())
    body = version.plan.body
    client = client_for(member(body, Role.UNIT_STAFF, body.units.get(code="su1")))
    revision = version.revisions.order_by("id").first()
    # each read: the membership (1) and the plan (1); events: the edition's tree (5), the rulebook (1), the
    # events (1) and their executors (1); a unit's: the unit (1)
    for limit, url, params in ((3, reverse("api:plans"), {}), (2, reverse("api:plan", args=[2026]), {}),
                               (2, reverse("api:versions", args=[2026]), {}),
                               (2, reverse("api:version", args=[2026, 1]), {}),
                               (10, EVENTS, {}), (11, EVENTS, {"unit": "su1", "status": "active"}),
                               (3, reverse("api:amendments", args=[2026]), {}),
                               (10, event_url(revision), {})):
        with django_assert_max_num_queries(limit):
            assert client.get(url, params).status_code == 200, url


@pytest.mark.parametrize("n_events", [6, 60])
def test_a_comparison_and_an_addition_take_a_fixed_number_of_queries(n_events, django_assert_max_num_queries):
    version = plan_with_events(n_events, n_units=5, body=StateBodyFactory())
    body = version.plan.body
    api_plan = {"version": version, "planner": member(body, Role.PLANNER, body.units.get(is_planning=True)),
                "executive": member(body, Role.EXECUTIVE)}
    amendment(api_plan)
    client = client_for(api_plan["planner"])
    with django_assert_max_num_queries(20):
        assert client.get(reverse("api:version_changes", args=[2026, 2])).status_code == 200
    anchor = version.revisions.first().anchor_key
    with django_assert_max_num_queries(45):  # the freeze guards and the history included
        assert client.post(reverse("api:version_events", args=[2026, 2]), new_event(anchor),
                           format="json").status_code == 201
