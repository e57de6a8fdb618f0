"""Reporting periods, units' information, submissions, Form 2 and decisions through /api/v1/: the same
services, permissions, states and messages as the monitoring pages."""
from datetime import date

import pytest
import time_machine
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from jospar import rules
from jospar.monitoring import services_report
from jospar.monitoring.models import ExecutionEntry, UnitSubmission
from jospar.notifications.models import Notification
from jospar.orgs.models import Role
from tests.factories import StateBodyFactory, member, plan_with_events
from tests.monitoring.test_report import _submit_report
from tests.monitoring.world import at, big_plan, build_world, report_all, texts

from .calls import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    return build_world()


def entries_url(quarter=1, year=2026):
    return reverse("api:entries", args=[year, quarter])


def entry_url(entry, quarter=1, year=2026):
    return reverse("api:entry", args=[year, quarter, entry.pk])


def post_entry(client, world, name="a_march", status="executed", key=None, **extra):
    body = {"event_id": world.events[name], "occurrence": 1, "status": status, **texts(status, 1), **extra}
    headers = {"HTTP_IDEMPOTENCY_KEY": key} if key else {}
    return client.post(entries_url(), body, format="json", **headers)


def in_lang(lang: str, message: str) -> str:
    with translation.override(lang):
        return gettext(message)


# ---- periods ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_periods_carry_their_due_dates_and_labels(world, lang):
    answer = client_for(world.users["staff_a"], lang).get(reverse("api:periods"), {"year": 2026})
    assert answer.status_code == 200 and answer.data["count"] == 4
    q1 = answer.data["results"][0]
    assert (q1["year"], q1["quarter"], q1["start"], q1["end"], q1["info_due"], q1["report_due"], q1["opened"],
            q1["report_status"]) == (2026, 1, "2026-01-01", "2026-03-31", "2026-04-10", "2026-04-15", True, "none")
    assert q1["label"] == world.period(1).label(lang) and q1["label"] != world.period(1).label(
        "ru" if lang == "kk" else "kk")
    detail = client_for(world.users["staff_a"], lang).get(reverse("api:period", args=[2026, 2]))
    assert (detail.data["quarter"], detail.data["info_due"]) == (2, "2026-07-10")


def test_another_bodys_year_or_a_fifth_quarter_is_not_found(world):
    other = plan_with_events(2, n_units=2, body=StateBodyFactory(), year=2027).plan.body
    outsider = member(other, Role.PLANNER, other.units.get(is_planning=True))
    client = client_for(outsider)
    assert client.get(reverse("api:period", args=[2026, 1])).status_code == 404
    assert client.get(entries_url()).status_code == 404
    assert client.get(reverse("api:periods"), {"year": 2026}).data["count"] == 0
    assert client_for(world.users["planner"]).get(reverse("api:period", args=[2026, 5])).status_code == 404


# ---- entries -----------------------------------------------------------------------------------------

def test_staff_creates_then_updates_an_entry_through_the_service(world):
    client = client_for(world.users["staff_a"], "ru")
    created = post_entry(client, world)
    assert created.status_code == 201, created.data
    entry = ExecutionEntry.objects.get()
    assert created["Location"].endswith(entry_url(entry))
    assert (created.data["unit_code"], created.data["status"], created.data["actual_ru"], created.data["state"],
            created.data["due_on"]) == ("a", "executed", "Сделано 1", "draft", "2026-03-20")
    assert created.data["status_label"] == rules.ExecutionStatus.EXECUTED.label("ru")
    updated = post_entry(client, world, status="partial")
    assert updated.status_code == 200 and updated.data["id"] == entry.pk
    assert ExecutionEntry.objects.get().reasons_ru == "Причина" and ExecutionEntry.objects.count() == 1
    assert ExecutionEntry.objects.get().updated_by == world.users["staff_a"]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_services_refusals_come_by_field_in_the_request_language(world, lang):
    client = client_for(world.users["staff_a"], lang)
    answer = post_entry(client, world, status="bogus")
    assert answer.status_code == 400
    assert answer.data["fields"]["status"] == [in_lang(lang, "Choose the status of execution.")]
    answer = client.post(entries_url(), {"event_id": world.events["a_march"], "status": "not_executed"},
                         format="json")
    assert answer.status_code == 400 and "reasons" in answer.data["fields"]
    answer = post_entry(client, world, name="b_q3")  # due in the third quarter: nothing to report in the first
    assert answer.data["fields"]["event_id"] == [in_lang(lang, "This event has nothing to report in this period.")]
    assert not ExecutionEntry.objects.exists()


def test_another_units_staff_neither_writes_nor_reads_the_entry(world):
    post_entry(client_for(world.users["staff_a"]), world)
    entry = ExecutionEntry.objects.get()
    other = client_for(world.users["staff_b"])
    assert post_entry(other, world, status="partial").status_code == 403
    assert ExecutionEntry.objects.get().status == "executed"
    assert other.get(entry_url(entry)).status_code == 403
    assert other.patch(entry_url(entry), {"status": "partial"}, format="json").status_code == 403
    assert other.get(entries_url()).data["count"] == 0
    assert other.get(entries_url(), {"unit": "a"}).status_code == 403
    assert other.get(entries_url(), {"unit": "nowhere"}).status_code == 404
    assert client_for(world.users["executive"]).post(entries_url(), {
        "event_id": world.events["a_march"], "status": "executed", "actual_ru": "x"}, format="json").status_code == 403
    for who, count in (("staff_a", 1), ("head_a", 1), ("planner", 1), ("executive", 1), ("viewer", 0)):
        assert client_for(world.users[who]).get(entries_url()).data["count"] == count, who


def test_another_bodys_user_finds_no_entry(world):
    post_entry(client_for(world.users["staff_a"]), world)
    entry = ExecutionEntry.objects.get()
    other = plan_with_events(2, n_units=2, body=StateBodyFactory()).plan.body  # plans 2026 too, not approved
    outsider = client_for(member(other, Role.PLANNER, other.units.get(is_planning=True)))
    assert outsider.get(entry_url(entry)).status_code == 404
    assert outsider.patch(entry_url(entry), {"status": "partial"}, format="json").status_code == 404
    assert outsider.get(entries_url()).data["count"] == 0
    answer = outsider.post(entries_url(), {"event_id": world.events["a_march"], "status": "executed",
                                           "actual_ru": "x"}, format="json")
    assert answer.status_code == 400 and "event_id" in answer.data["fields"]
    assert ExecutionEntry.objects.count() == 1


def test_an_idempotent_replay_creates_nothing_twice(world):
    client = client_for(world.users["staff_a"])
    first = post_entry(client, world, key="entry-1")
    again = post_entry(client, world, key="entry-1")
    assert (first.status_code, again.status_code, again["Idempotent-Replayed"]) == (201, 201, "true")
    assert again.data == first.data
    assert ExecutionEntry.objects.count() == 1 and ExecutionEntry.history.count() == 1
    assert post_entry(client, world, status="partial", key="entry-1").status_code == 422
    assert ExecutionEntry.objects.get().status == "executed"


def test_patch_honours_if_match(world):
    client = client_for(world.users["staff_a"], "kk")
    post_entry(client, world)
    entry = ExecutionEntry.objects.get()
    read = client.get(entry_url(entry))
    tag = read["ETag"]
    changed = client.patch(entry_url(entry), {"actual_kk": "Жаңа мәтін"}, format="json", HTTP_IF_MATCH=tag)
    assert changed.status_code == 200 and changed.data["actual_kk"] == "Жаңа мәтін"
    assert changed.data["actual_ru"] == "Сделано 1"  # the fields not sent keep their values
    stale = client.patch(entry_url(entry), {"actual_kk": "Ескі"}, format="json", HTTP_IF_MATCH=tag)
    assert stale.status_code == 412 and stale.data["code"] == "precondition_failed"
    assert ExecutionEntry.objects.get().actual_kk == "Жаңа мәтін"
    assert client.get(entry_url(entry), HTTP_IF_NONE_MATCH=changed["ETag"]).status_code == 304


# ---- submissions -------------------------------------------------------------------------------------

def fill_a_through_the_api(world):
    client = client_for(world.users["staff_a"])
    from jospar.monitoring import selectors

    for w in selectors.work_list(world.period(1), world.units["a"], "ru").items:
        status = "in_progress" if w.is_in_progress else "executed"
        answer = client.post(entries_url(), {"event_id": w.info.event_id, "occurrence": w.item.occurrence,
                                             "status": status, **texts(status, w.info.number)}, format="json")
        assert answer.status_code == 201, answer.data


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_only_the_head_submits_and_the_entries_lock(world, lang):
    fill_a_through_the_api(world)
    url = reverse("api:submissions", args=[2026, 1])
    unit = world.units["a"].id
    with time_machine.travel(at("2026-04-08"), tick=False):
        for who in ("staff_a", "head_b", "planner"):
            assert client_for(world.users[who]).post(url, {"unit": unit, "attest": True},
                                                     format="json").status_code == 403
        head = client_for(world.users["head_a"], lang)
        refused = head.post(url, {"unit": unit, "attest": False}, format="json")
        assert refused.status_code == 400
        assert refused.data["fields"]["attest"] == [
            in_lang(lang, "Confirm that the information is accurate, complete and on time.")]
        first = head.post(url, {"unit": unit, "attest": True}, format="json", HTTP_IDEMPOTENCY_KEY="sub-1")
        replay = head.post(url, {"unit": unit, "attest": True}, format="json", HTTP_IDEMPOTENCY_KEY="sub-1")
        again = head.post(url, {"unit": unit, "attest": True}, format="json")
    assert first.status_code == 201, first.data
    assert (first.data["unit_code"], first.data["status"], first.data["is_late"], first.data["submitted_on"]) == (
        "a", "submitted", False, "2026-04-08")
    assert (replay.status_code, replay.data) == (201, first.data)
    assert again.status_code == 409
    assert again.data["message"] == in_lang(lang, "Your unit's information for this period has already been "
                                                  "submitted.")
    assert UnitSubmission.objects.count() == 1
    assert Notification.objects.filter(kind="info_submitted").count() == 1  # one planner, notified once
    entry = ExecutionEntry.objects.filter(unit=world.units["a"]).first()
    locked = client_for(world.users["staff_a"], lang).patch(entry_url(entry), {"status": "partial",
                                                                               "reasons_ru": "x"}, format="json")
    assert locked.status_code == 409
    assert locked.data["message"] == in_lang(
        lang, "This information has been submitted and is locked; the planner can return it.")
    listed = client_for(world.users["staff_a"]).get(url)
    assert [s["unit_code"] for s in listed.data["results"]] == ["a"]
    assert client_for(world.users["staff_b"]).get(url).data["count"] == 0
    assert client_for(world.users["viewer"]).get(url).data["count"] == 1


def test_a_submission_before_the_quarter_ends_is_refused(world):
    fill_a_through_the_api(world)
    with time_machine.travel(at("2026-03-25"), tick=False):
        answer = client_for(world.users["head_a"]).post(reverse("api:submissions", args=[2026, 1]),
                                                        {"unit": world.units["a"].id, "attest": True}, format="json")
    assert answer.status_code == 409 and not UnitSubmission.objects.exists()


def test_another_bodys_unit_is_not_a_unit_to_submit(world):
    other = plan_with_events(2, n_units=2, body=StateBodyFactory()).plan.body
    answer = client_for(world.users["head_a"], "ru").post(reverse("api:submissions", args=[2026, 1]),
                                                          {"unit": other.units.first().id, "attest": True},
                                                          format="json")
    assert answer.status_code == 400
    assert answer.data["fields"]["unit"] == ["В вашем государственном органе нет такого подразделения."]
    assert not UnitSubmission.objects.exists()


# ---- the report and decisions -------------------------------------------------------------------------

@pytest.fixture
def reported(world):
    report_all(world, 1, "2026-04-08")
    with time_machine.travel(at("2026-04-12"), tick=False):
        services_report.save_report_texts(user=world.users["planner"], period=world.period(1),
                                          general_kk="Ұсыныс", general_ru="Рекомендация")
        services_report.save_event_recommendation(user=world.users["planner"], period=world.period(1),
                                                  event_id=world.events["a_march"], text_kk="Ұсыным",
                                                  text_ru="Рекомендация по мероприятию")
    return world


def test_the_report_is_form_2_as_data_in_both_languages(reported):
    world = reported
    answer = client_for(world.users["planner"]).get(reverse("api:report", args=[2026, 1]))
    assert answer.status_code == 200
    data = answer.data
    assert (data["status"], data["version"], data["general_recommendations_kk"],
            data["general_recommendations_ru"]) == ("draft", 1, "Ұсыныс", "Рекомендация")
    events = {r["event_id"]: r for r in data["rows"] if r["kind"] == "event"}
    march = events[world.events["a_march"]]
    assert (march["status"], march["actual_kk"], march["actual_ru"], march["recommendation_kk"],
            march["recommendation_ru"], march["lead_unit"]) == (
        "executed", "Орындалды 1", "Сделано 1", "Ұсыным", "Рекомендация по мероприятию", world.units["a"].id)
    assert march["label_kk"] == "Іс-шара a_march" and march["label_ru"] == "Мероприятие a_march"
    assert data["rows"][0]["kind"] == "section"
    quarter = client_for(world.users["planner"]).get(reverse("api:report", args=[2026, 1]), {"view": "quarter"})
    assert quarter.data["view"] == "quarter"
    for lang in ("kk", "ru"):
        wrong = client_for(world.users["planner"], lang).get(reverse("api:report", args=[2026, 1]), {"view": "x"})
        assert wrong.status_code == 400
        assert wrong.data["fields"]["view"] == [in_lang(lang, "Choose cumulative or quarter.")]
    assert client_for(world.users["staff_a"]).get(reverse("api:report", args=[2026, 1])).status_code == 403
    assert client_for(world.users["viewer"]).get(reverse("api:report", args=[2026, 1])).status_code == 200


def test_reports_and_decisions_lists(reported):
    world = reported
    _submit_report(world, 1, "2026-04-14")
    with time_machine.travel(at("2026-04-20"), tick=False):
        decision = services_report.record_decision(
            user=world.users["executive"], period=world.period(1), text_ru="Ускорить закупки",
            text_kk="Сатып алуды жеделдету", responsible_unit_id=world.units["a"].id, due_on=date(2026, 5, 15),
            event_ids=[world.events["a_march"]])
    planner = client_for(world.users["planner"])
    reports = planner.get(reverse("api:reports"), {"year": 2026, "status": "submitted"})
    assert [(r["year"], r["quarter"], r["status"], r["decisions"]) for r in reports.data["results"]] == [
        (2026, 1, "submitted", 1)]
    assert planner.get(reverse("api:reports"), {"status": "draft"}).data["count"] == 0
    assert planner.get(reverse("api:reports"), {"status": ""}).status_code == 400
    assert client_for(world.users["staff_a"]).get(reverse("api:reports")).status_code == 403
    listed = planner.get(reverse("api:decisions"), {"year": 2026}).data["results"]
    assert [(d["id"], d["text_kk"], d["text_ru"], d["responsible_unit_code"], d["events"], d["due_on"])
            for d in listed] == [(decision.pk, "Сатып алуды жеделдету", "Ускорить закупки", "a",
                                  [world.events["a_march"]], "2026-05-15")]
    assert client_for(world.users["staff_a"]).get(reverse("api:decisions")).data["count"] == 1  # names its unit
    assert client_for(world.users["staff_b"]).get(reverse("api:decisions")).data["count"] == 0
    assert planner.get(reverse("api:decisions"), {"year": 2025}).data["count"] == 0


# ---- query counts --------------------------------------------------------------------------------------

@pytest.mark.parametrize("n_events", [6, 60])
def test_reads_take_a_fixed_number_of_queries(n_events, django_assert_max_num_queries):
    big_plan(n_events, 2026)
    planner = client_for(User.objects.get(username=f"pl{n_events}"))
    base = (2026, 2)
    # measured (SQLite, the user's roles read by the first call): 6, 4, 4, 3, 29 (Form 2 compiled in kk and in
    # ru), 2, 1 (no decision: no page read)
    for limit, url in ((6, reverse("api:periods")), (4, reverse("api:period", args=base)),
                       (4, reverse("api:entries", args=base)), (4, reverse("api:submissions", args=base)),
                       (29, reverse("api:report", args=base)), (3, reverse("api:reports")),
                       (4, reverse("api:decisions"))):
        with django_assert_max_num_queries(limit):
            answer = planner.get(url)
        assert answer.status_code == 200, (url, answer.data)


def test_page_and_page_size_must_be_whole_numbers(world):
    client = client_for(world.users["planner"], "ru")
    for params in ({"page_size": "u"}, {"page_size": ""}, {"page": "x"}, {"year": "2026a"}):
        answer = client.get(reverse("api:decisions"), params)
        assert answer.status_code == 400, params
        assert answer.data["fields"] == {next(iter(params)): [in_lang("ru", "Enter a whole number.")]}
    assert client.get(reverse("api:periods"), {"page": 9}).status_code == 404
    assert client.get(reverse("api:periods"), {"page_size": 2}).data["next"].endswith("page=2&page_size=2")


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_misspelt_filter_is_refused_not_ignored(world, lang):
    answer = client_for(world.users["planner"], lang).get(reverse("api:periods"), {"yaer": 2026})
    assert answer.status_code == 400
    assert answer.data["fields"] == {"yaer": [in_lang(lang, "This query parameter is not known here.")]}
