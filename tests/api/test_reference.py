"""Bodies, units and development plans through the API: data (ids, codes, texts in kk and ru as typed),
each caller reads what the pages let them read and nothing of another body, filters checked, answers
tagged (ETag, 304), a fixed number of queries whatever the size."""
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from jospar.api.models import ApiToken, token_digest
from jospar.orgs.models import BodyKind, OrgUnit, Region, Role
from jospar.planning.models import IndicatorValue, PlanVersion
from tests.factories import (
    DevelopmentPlanFactory,
    DirectionFactory,
    GoalFactory,
    MacroindicatorFactory,
    OperationalPlanFactory,
    PlanVersionFactory,
    RegulationTaskFactory,
    StateBodyFactory,
    TargetIndicatorFactory,
    UserFactory,
    member,
)

from .calls import client_for

pytestmark = pytest.mark.django_db


def results(response) -> list:
    assert response.status_code == 200, response.content
    return response.json()["results"]


def devplan_of(body, *, directions: int = 2, year_from: int = 2025, year_to: int = 2029):
    """An edition (2025–2029 unless told) with, per direction, two macroindicators, two goals of two target
    indicators, values for two years; and three Section II tasks."""
    plan = DevelopmentPlanFactory(body=body, title_kk="Даму жоспары", title_ru="План развития", document_number="№ 12",
                                  year_from=year_from, year_to=year_to, signed_on=date(year_from - 1, 12, 1))
    for d in range(1, directions + 1):
        direction = DirectionFactory(plan=plan, position=d, name_kk=f"{d}-бағыт", name_ru=f"Направление {d}")
        for m in range(1, 3):
            macro = MacroindicatorFactory(direction=direction, position=m, unit_kk="%", unit_ru="%",
                                          baseline=Decimal("10.5"))
            IndicatorValue.objects.bulk_create([
                IndicatorValue(macroindicator=macro, year=2027, value=Decimal("12")),
                IndicatorValue(macroindicator=macro, year=2026, value=Decimal("11.25"))])
        for g in range(1, 3):
            goal = GoalFactory(direction=direction, position=g, code=f"G{d}{g}")
            for t in range(1, 3):
                target = TargetIndicatorFactory(goal=goal, position=t, unit_kk="бірлік", unit_ru="единиц")
                IndicatorValue.objects.create(target_indicator=target, year=2026, value=Decimal("1500.5"))
    for r in range(1, 4):
        RegulationTaskFactory(plan=plan, position=r, name_kk=f"{r}-міндет", name_ru=f"Задача {r}")
    return plan


@pytest.fixture
def two_bodies(db):
    """Body A (units, a development plan, its people) and body B (the same shape), and a national reader
    whose membership is in a third body."""
    world = {}
    for tag in ("a", "b"):
        body = StateBodyFactory(code=f"body-{tag}", name_kk=f"Министрлік {tag.upper()}",
                                name_ru=f"Министерство {tag.upper()}", title_name_ru=f"Министерства {tag.upper()}",
                                region=Region.ASTANA)
        planning = OrgUnit.objects.create(body=body, code=f"{tag}-plan", name_kk="Жоспарлау бөлімі",
                                          name_ru="Отдел планирования", is_planning=True, position=1)
        unit = OrgUnit.objects.create(body=body, code=f"{tag}-fin", name_kk="Қаржы бөлімі",
                                      name_ru="Отдел финансов", position=2)
        old = OrgUnit.objects.create(body=body, code=f"{tag}-old", name_kk="Ескі бөлім", name_ru="Старый отдел",
                                     position=3, is_active=False)
        org = OrgUnit.objects.create(body=body, code=f"{tag}-sub", name_kk="Ведомстволық ұйым",
                                     name_ru="Подведомственная организация", kind=OrgUnit.Kind.SUBORDINATE, position=1)
        world[tag] = {
            "body": body, "planning": planning, "unit": unit, "old": old, "org": org, "devplan": devplan_of(body),
            "planner": member(body, Role.PLANNER, planning), "staff": member(body, Role.UNIT_STAFF, unit),
            "head": member(body, Role.UNIT_HEAD, unit), "executive": member(body, Role.EXECUTIVE),
            "viewer": member(body, Role.VIEWER), "admin": member(body, Role.ADMIN),
        }
    authority = StateBodyFactory(code="authority", kind=BodyKind.CENTRAL)
    world["national"] = member(authority, Role.NATIONAL)
    world["committee"] = StateBodyFactory(code="committee-a", kind=BodyKind.COMMITTEE, parent=world["a"]["body"])
    return world


# --- bodies


@pytest.mark.parametrize("role", ["planner", "staff", "head", "executive", "viewer", "admin"])
def test_a_member_reads_their_own_body_only(two_bodies, role):
    a, b = two_bodies["a"], two_bodies["b"]
    client = client_for(a[role], "ru")
    assert [row["code"] for row in results(client.get(reverse("api:bodies")))] == ["body-a"]
    assert client.get(reverse("api:body", args=["body-b"])).status_code == 404
    assert client.get(reverse("api:body", args=["no-such-body"])).json()["code"] == "not_found"
    own = client.get(reverse("api:body", args=["body-a"]))
    assert own.status_code == 200
    assert own.json() == {
        "id": a["body"].pk, "code": "body-a", "kind": "central", "kind_label": "центральный государственный орган",
        "region": "astana", "region_label": "Астана", "parent": None, "name_kk": "Министрлік A",
        "name_ru": "Министерство A", "name_en": a["body"].name_en, "title_name_kk": "",
        "title_name_ru": "Министерства A", "time_zone": "Asia/Almaty",
    }
    assert str(b["body"].name_ru) not in own.content.decode()


def test_labels_follow_the_request_language_and_texts_stay_as_typed(two_bodies):
    a = two_bodies["a"]
    kk = client_for(a["planner"], "kk").get(reverse("api:body", args=["body-a"])).json()
    ru = client_for(a["planner"], "ru").get(reverse("api:body", args=["body-a"])).json()
    assert kk["kind_label"] != ru["kind_label"]
    assert {key: kk[key] for key in ("name_kk", "name_ru")} == {"name_kk": "Министрлік A", "name_ru": "Министерство A"}
    assert {key: ru[key] for key in ("name_kk", "name_ru")} == {"name_kk": "Министрлік A", "name_ru": "Министерство A"}


def test_the_national_reader_reads_every_body_and_filters_them(two_bodies):
    client = client_for(two_bodies["national"], "ru")
    codes = [row["code"] for row in results(client.get(reverse("api:bodies")))]
    assert codes == ["authority", "body-a", "body-b", "committee-a"]
    committees = results(client.get(reverse("api:bodies"), {"kind": "committee"}))
    assert [(row["code"], row["parent"]) for row in committees] == [("committee-a", "body-a")]
    assert [row["code"] for row in results(client.get(reverse("api:bodies"), {"region": "astana"}))] == [
        "body-a", "body-b"]
    assert client.get(reverse("api:body", args=["body-b"])).json()["name_ru"] == "Министерство B"
    bad = client.get(reverse("api:bodies"), {"kind": "ministry"})
    assert bad.status_code == 400
    assert list(bad.json()["fields"]) == ["kind"]


def test_the_national_reader_reads_no_bodys_units_or_development_plans(two_bodies):
    client = client_for(two_bodies["national"])
    assert results(client.get(reverse("api:units"))) == []
    assert client.get(reverse("api:unit", args=[two_bodies["a"]["unit"].pk])).status_code == 404
    assert client.get(reverse("api:development_plans")).status_code == 403
    assert client.get(reverse("api:development_plan", args=[two_bodies["a"]["devplan"].pk])).status_code == 403


def test_an_account_of_no_body_reads_no_body(two_bodies):
    client = client_for(UserFactory())
    assert results(client.get(reverse("api:bodies"))) == []
    assert client.get(reverse("api:body", args=["body-a"])).status_code == 404
    assert results(client.get(reverse("api:units"))) == []


# --- units


@pytest.mark.parametrize("role", ["planner", "staff", "head", "executive", "viewer", "admin"])
def test_every_member_reads_the_units_of_their_own_body(two_bodies, role):
    a, b = two_bodies["a"], two_bodies["b"]
    client = client_for(a[role], "ru")
    rows = results(client.get(reverse("api:units")))
    # structural units first, each kind in the body's order; inactive ones too
    assert [row["code"] for row in rows] == ["a-plan", "a-fin", "a-old", "a-sub"]
    assert rows[1] == {
        "id": a["unit"].pk, "code": "a-fin", "body": "body-a", "kind": "unit",
        "kind_label": "структурное подразделение", "name_kk": "Қаржы бөлімі", "name_ru": "Отдел финансов",
        "name_en": "", "is_planning": False, "active": True, "position": 2,
    }
    assert client.get(reverse("api:unit", args=[a["org"].pk])).json()["kind"] == "subordinate"
    for unit in ("planning", "unit", "org"):
        assert client.get(reverse("api:unit", args=[b[unit].pk])).status_code == 404


def test_unit_filters(two_bodies):
    client = client_for(two_bodies["a"]["staff"])

    def codes(**query):
        return [row["code"] for row in results(client.get(reverse("api:units"), query))]

    assert codes(active="true") == ["a-plan", "a-fin", "a-sub"]
    assert codes(active="false") == ["a-old"]
    assert codes(kind="subordinate") == ["a-sub"]
    assert codes(kind="unit", active="true") == ["a-plan", "a-fin"]
    assert codes(is_planning="true") == ["a-plan"]
    assert codes(unknown="x") == ["a-plan", "a-fin", "a-old", "a-sub"]  # a parameter the list does not know


@pytest.mark.parametrize(("lang", "query", "field"), [
    ("ru", {"active": "yes"}, "active"), ("kk", {"kind": "department"}, "kind"), ("ru", {"is_planning": "1"},
                                                                                  "is_planning"),
])
def test_a_filter_value_it_does_not_take_is_refused_by_name(two_bodies, lang, query, field):
    response = client_for(two_bodies["a"]["staff"], lang).get(reverse("api:units"), query)
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid"
    assert list(body["fields"]) == [field]
    assert response["Content-Language"] == lang


def test_a_kazakh_reader_gets_kazakh_labels(two_bodies):
    kk = results(client_for(two_bodies["a"]["staff"], "kk").get(reverse("api:units"), {"kind": "subordinate"}))
    ru = results(client_for(two_bodies["a"]["staff"], "ru").get(reverse("api:units"), {"kind": "subordinate"}))
    assert kk[0]["kind_label"] != ru[0]["kind_label"] == "подведомственная организация"
    assert kk[0]["name_kk"] == ru[0]["name_kk"] == "Ведомстволық ұйым"


def test_lists_come_in_pages(two_bodies):
    client = client_for(two_bodies["a"]["planner"])
    first = client.get(reverse("api:units"), {"page_size": 3}).json()
    assert first["count"] == 4 and len(first["results"]) == 3 and first["previous"] is None
    second = client.get(first["next"]).json()
    assert [row["code"] for row in second["results"]] == ["a-sub"]
    assert client.get(reverse("api:units"), {"page": 9}).status_code == 404
    for size in ("many", "0", "501"):
        refused = client.get(reverse("api:units"), {"page_size": size})
        assert (refused.status_code, list(refused.json()["fields"])) == (400, ["page_size"])


# --- development plans


@pytest.mark.parametrize("role", ["planner", "admin"])
def test_the_planner_and_the_administrator_read_their_bodys_development_plans(two_bodies, role):
    a, b = two_bodies["a"], two_bodies["b"]
    client = client_for(a[role], "ru")
    rows = results(client.get(reverse("api:development_plans")))
    assert [row["id"] for row in rows] == [a["devplan"].pk]
    assert rows[0] == {
        "id": a["devplan"].pk, "body": "body-a", "title_kk": "Даму жоспары", "title_ru": "План развития",
        "title_en": "", "year_from": 2025, "year_to": 2029, "years": [2025, 2026, 2027, 2028, 2029], "edition": 1,
        "signed_on": "2024-12-01", "document_number": "№ 12", "operational_plan_years": [], "approved_years": [],
    }
    assert client.get(reverse("api:development_plan", args=[b["devplan"].pk])).status_code == 404
    assert client.get(reverse("api:development_plan", args=[a["devplan"].pk])).status_code == 200


@pytest.mark.parametrize("role", ["staff", "head", "executive", "viewer"])
def test_other_roles_are_refused_as_on_the_development_plan_pages(two_bodies, role):
    client = client_for(two_bodies["a"][role], "ru")
    for url in (reverse("api:development_plans"), reverse("api:development_plan", args=[two_bodies["a"]["devplan"].pk]),
                reverse("api:development_plan", args=[two_bodies["b"]["devplan"].pk])):
        response = client.get(url)
        assert response.status_code == 403, url
        assert response.json()["code"] == "permission_denied"
        assert "План развития" not in response.content.decode()


def test_the_tree_as_form_1_numbers_it_with_texts_in_both_languages(two_bodies):
    a = two_bodies["a"]
    plan = a["devplan"]
    tree = client_for(a["planner"], "ru").get(reverse("api:development_plan", args=[plan.pk])).json()
    assert tree["section1"].startswith("I. ") and tree["section2"].startswith("II. ")
    assert [d["number"] for d in tree["directions"]] == ["1", "2"]
    second = tree["directions"][1]
    assert (second["heading"], second["name_kk"], second["name_ru"]) == (
        "Стратегическое направление 2", "2-бағыт", "Направление 2")
    macro = second["macroindicators"][1]
    macro_row = plan.directions.get(position=2).macroindicators.get(position=2)
    assert macro == {
        "id": macro_row.pk, "number": "2", "heading": "Макроиндикатор 2", "position": 2,
        "name_kk": macro_row.name_kk, "name_ru": macro_row.name_ru, "name_en": "", "anchor": f"m:{macro_row.pk}",
        "anchor_code": "M2.2", "code": "", "unit_kk": "%", "unit_ru": "%", "unit_en": "", "baseline": "10.5000",
        "values": [{"year": 2026, "value": "11.2500"}, {"year": 2027, "value": "12.0000"}],
        "responsible_unit": None, "polarity": "higher", "accumulation": "period", "actuals": [],
    }
    goal = second["goals"][0]
    assert (goal["number"], goal["heading"], goal["code"]) == ("2.1", "Цель 2.1", "G21")
    target = goal["target_indicators"][1]
    assert (target["number"], target["anchor_code"], target["anchor"][:2], target["unit_ru"], target["values"]) == (
        "2", "T2.1.2", "t:", "единиц", [{"year": 2026, "value": "1500.5000"}])
    tasks = tree["regulation_tasks"]
    assert [(t["number"], t["anchor_code"], t["name_kk"], t["name_ru"]) for t in tasks] == [
        ("1", "II.1", "1-міндет", "Задача 1"), ("2", "II.2", "2-міндет", "Задача 2"), ("3", "II.3", "3-міндет",
                                                                                      "Задача 3")]
    assert all(t["anchor"] == f"r:{t['id']}" for t in tasks)


def test_headings_follow_the_request_language(two_bodies):
    a = two_bodies["a"]
    url = reverse("api:development_plan", args=[a["devplan"].pk])
    kk = client_for(a["planner"], "kk").get(url).json()
    ru = client_for(a["planner"], "ru").get(url).json()
    assert kk["directions"][0]["heading"] != ru["directions"][0]["heading"]
    assert kk["directions"][0]["goals"][0]["heading"] != ru["directions"][0]["goals"][0]["heading"] == "Цель 1.1"
    assert kk["section1"] != ru["section1"]
    # the data is the same in both answers: only the labels differ
    strip = {"heading", "section1", "section2"}

    def data(node):
        if isinstance(node, dict):
            return {k: data(v) for k, v in node.items() if k not in strip}
        return [data(v) for v in node] if isinstance(node, list) else node

    assert data(kk) == data(ru)


def test_operational_and_approved_years_and_the_year_filter(two_bodies):
    a = two_bodies["a"]
    body, plan = a["body"], a["devplan"]
    later = DevelopmentPlanFactory(body=body, year_from=2030, year_to=2034, signed_on=date(2029, 12, 20))
    approved = PlanVersionFactory(plan=OperationalPlanFactory(development_plan=plan, year=2026))
    PlanVersion.objects.filter(pk=approved.pk).update(status=PlanVersion.Status.APPROVED, approved_on=date(2026, 1, 5),
                                                         approved_by=a["executive"])
    PlanVersionFactory(plan=OperationalPlanFactory(development_plan=plan, year=2027))  # a draft
    client = client_for(a["planner"])
    rows = results(client.get(reverse("api:development_plans")))
    assert [(r["id"], r["operational_plan_years"], r["approved_years"]) for r in rows] == [
        (later.pk, [], []), (plan.pk, [2026, 2027], [2026])]
    assert [r["id"] for r in results(client.get(reverse("api:development_plans"), {"year": 2031}))] == [later.pk]
    assert [r["id"] for r in results(client.get(reverse("api:development_plans"), {"year": 2025}))] == [plan.pk]
    assert results(client.get(reverse("api:development_plans"), {"year": 2040})) == []
    assert client.get(reverse("api:development_plans"), {"year": "last"}).status_code == 400
    detail = client.get(reverse("api:development_plan", args=[plan.pk])).json()
    assert (detail["operational_plan_years"], detail["approved_years"]) == ([2026, 2027], [2026])


# --- tags, tokens, the root


def test_every_read_is_tagged_and_a_matching_tag_answers_304(two_bodies):
    a = two_bodies["a"]
    client = client_for(a["planner"], "ru")
    for url in (reverse("api:bodies"), reverse("api:body", args=["body-a"]), reverse("api:units"),
                reverse("api:unit", args=[a["unit"].pk]), reverse("api:development_plans"),
                reverse("api:development_plan", args=[a["devplan"].pk])):
        first = client.get(url)
        tag = first["ETag"]
        assert tag.startswith('"') and "Accept-Language" in first["Vary"]
        again = client.get(url, HTTP_IF_NONE_MATCH=tag)
        assert again.status_code == 304, url
        assert again.content == b""


def test_a_changed_unit_or_another_language_has_another_tag(two_bodies):
    a = two_bodies["a"]
    client = client_for(a["planner"], "ru")
    url = reverse("api:unit", args=[a["unit"].pk])
    tag = client.get(url)["ETag"]
    assert client_for(a["planner"], "kk").get(url, HTTP_IF_NONE_MATCH=tag).status_code == 200  # its labels differ
    OrgUnit.objects.filter(pk=a["unit"].pk).update(name_ru="Отдел бюджета")
    changed = client.get(url, HTTP_IF_NONE_MATCH=tag)
    assert changed.status_code == 200 and changed.json()["name_ru"] == "Отдел бюджета"


def test_a_personal_token_reads_as_its_user(two_bodies, client):
    a = two_bodies["a"]
    raw = ApiToken.new_secret()
    ApiToken.objects.create(user=a["staff"], name="СЭД", prefix=raw[:8], digest=token_digest(raw))
    response = client.get(reverse("api:units"), HTTP_AUTHORIZATION=f"Bearer {raw}", HTTP_ACCEPT_LANGUAGE="kk")
    assert [row["code"] for row in response.json()["results"]] == ["a-plan", "a-fin", "a-old", "a-sub"]
    assert client.get(reverse("api:development_plans"), HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 403
    anonymous = client.get(reverse("api:units"))
    assert anonymous.status_code == 401 and anonymous["WWW-Authenticate"].startswith("Bearer")


def test_the_root_lists_the_reference_resources(two_bodies):
    resources = client_for(two_bodies["a"]["staff"]).get(reverse("api:root")).json()["resources"]
    assert resources["bodies"].endswith("/api/v1/bodies/")
    assert resources["units"].endswith("/api/v1/units/")
    assert resources["development_plans"].endswith("/api/v1/development-plans/")


# --- queries: a fixed number whatever the size


def grow(world, n: int):
    """n more units, development plan editions and state bodies."""
    body = world["a"]["body"]
    OrgUnit.objects.bulk_create(OrgUnit(body=body, code=f"x{i}", name_kk=f"{i}-бөлім", name_ru=f"Отдел {i}",
                                        position=10 + i) for i in range(n))
    for i in range(n // 10):
        plan = devplan_of(body, directions=3, year_from=2040 + i, year_to=2040 + i)
        OperationalPlanFactory(development_plan=plan, year=2040 + i)
    StateBodyFactory.create_batch(n)


def token_client(user):
    """A client that calls as an outside system does: a personal token, read again on every request."""
    raw = ApiToken.new_secret()
    ApiToken.objects.create(user=user, name="test", prefix=raw[:8], digest=token_digest(raw))
    client = APIClient(HTTP_AUTHORIZATION=f"Bearer {raw}")
    return client


@pytest.mark.parametrize("n", [0, 30])
def test_query_counts_do_not_grow(two_bodies, n, django_assert_max_num_queries):
    grow(two_bodies, n)
    a = two_bodies["a"]
    big = devplan_of(a["body"], directions=2 + n // 3, year_from=2050, year_to=2050)
    planner, national = token_client(a["planner"]), token_client(two_bodies["national"])
    # each: the token, the user's saved language (no Accept-Language) and the caller's roles (3); a list: its count
    # and its page; the editions: their operational plans and approved years; the tree: the edition, its operational
    # plans and approved years, the Rules' edition (its headings' wording), form_tree's five queries, the values,
    # the submitted actual values
    for limit, client, url in ((5, planner, reverse("api:bodies")), (5, national, reverse("api:bodies")),
                               (4, planner, reverse("api:body", args=["body-a"])),
                               (5, planner, reverse("api:units")),
                               (4, planner, reverse("api:unit", args=[a["unit"].pk])),
                               (7, planner, reverse("api:development_plans")),
                               (14, planner, reverse("api:development_plan", args=[big.pk]))):
        with django_assert_max_num_queries(limit):
            assert client.get(url).status_code == 200, url
