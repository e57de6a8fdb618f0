"""Issue 10 §6 and §8: a submitted report taken back (returned by the executive, recalled by the planner)
until a decision is recorded; a decision's responsible person belongs to the responsible unit."""
from datetime import date

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation

from jospar.monitoring import selectors, services_report
from jospar.monitoring.models import Report, ReportStep
from jospar.notifications.models import Notification
from jospar.orgs.models import Role
from tests.factories import member
from tests.monitoring.test_report import _submit_report
from tests.monitoring.world import at, report_all

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(world):
    report_all(world, 1, "2026-04-08")
    _submit_report(world, 1, "2026-04-16")  # one day late
    Notification.objects.all().delete()
    return world


def test_the_executive_returns_the_report_with_a_comment(submitted, django_capture_on_commit_callbacks):
    world = submitted
    with time_machine.travel(at("2026-04-17"), tick=False), django_capture_on_commit_callbacks(execute=True):
        services_report.return_report(user=world.users["executive"], period=world.period(1), comment="Уточнить п. 3")
    report = Report.objects.get()
    assert report.status == "draft"
    assert [(s.action, s.comment) for s in report.steps.all()] == [("submitted", ""), ("returned", "Уточнить п. 3")]
    note = Notification.objects.get(recipient=world.users["planner"])
    assert note.kind == "report_returned"
    with translation.override("ru"):
        assert "Уточнить п. 3" in note.text and "возвращен" in note.text
    assert [m.to for m in mail.outbox] == [[world.users["planner"].email]]
    # the planner corrects and submits again: the first submission's lateness stays
    services_report.save_report_texts(user=world.users["planner"], period=world.period(1), general_kk="Түзетілді",
                                      general_ru="Исправлено")
    again = _submit_report(world, 1, "2026-04-18")
    assert (again.status, again.is_late, again.delay_days) == ("submitted", True, 1)


def test_the_planner_recalls_the_report_and_the_executive_is_told(submitted):
    world = submitted
    with time_machine.travel(at("2026-04-17"), tick=False):
        services_report.recall_report(user=world.users["planner"], period=world.period(1), comment="Опечатка")
    assert Report.objects.get().status == "draft"
    assert ReportStep.objects.last().action == "recalled"
    assert Notification.objects.get(recipient=world.users["executive"]).kind == "report_recalled"


def test_nobody_takes_it_back_once_a_decision_is_recorded(submitted):
    world = submitted
    with time_machine.travel(at("2026-04-20"), tick=False):
        services_report.record_decision(user=world.users["executive"], period=world.period(1), text_ru="Решение")
        with pytest.raises(ValidationError, match="decision"):
            services_report.recall_report(user=world.users["planner"], period=world.period(1))
        with pytest.raises(ValidationError, match="decision"):
            services_report.return_report(user=world.users["executive"], period=world.period(1), comment="x")
    assert Report.objects.get().status == "submitted"


@pytest.mark.parametrize(("action", "user"), [("return", "planner"), ("return", "head_a"), ("recall", "executive"),
                                              ("recall", "viewer")])
def test_only_the_executive_returns_and_only_the_planner_recalls(submitted, action, user):
    world = submitted
    fn = services_report.return_report if action == "return" else services_report.recall_report
    with pytest.raises(PermissionDenied):
        fn(user=world.users[user], period=world.period(1), comment="x")
    assert Report.objects.get().status == "submitted"


def test_the_return_needs_a_comment(submitted):
    with pytest.raises(ValidationError, match="required"):
        services_report.return_report(user=submitted.users["executive"], period=submitted.period(1), comment=" ")


def test_the_pages_return_and_recall_and_say_so(submitted, client):
    world = submitted
    client.force_login(world.users["executive"])
    client.cookies["django_language"] = "ru"
    url = reverse("monitoring:report", args=[2026, 1])
    with time_machine.travel(at("2026-04-17"), tick=False):
        html = client.get(url).content.decode()
        assert 'action="/monitoring/2026/1/report/return/"' in html and "data-confirm" in html
        response = client.post(reverse("monitoring:report_return", args=[2026, 1]), {"comment": "Доработать"},
                               follow=True)
    html = response.content.decode()
    assert "Отчет возвращен планировщику" in html
    client.force_login(world.users["planner"])
    with time_machine.travel(at("2026-04-17"), tick=False):
        html = client.get(url).content.decode()
    assert "Доработать" in html and "report/submit/" in html


# ---- §8: the responsible person belongs to the responsible unit -------------------------------------

def test_the_responsible_person_must_belong_to_the_responsible_unit(submitted):
    world = submitted
    kwargs = {"user": world.users["executive"], "period": world.period(1), "text_ru": "Решение",
              "due_on": date(2026, 6, 1)}
    with time_machine.travel(at("2026-04-20"), tick=False):
        with pytest.raises(ValidationError, match="belong to the responsible unit"):
            services_report.record_decision(**kwargs, responsible_unit_id=world.units["a"].id,
                                            responsible_person_id=world.users["staff_b"].id)
        with pytest.raises(ValidationError, match="unit first"):
            services_report.record_decision(**kwargs, responsible_person_id=world.users["staff_b"].id)
        decision = services_report.record_decision(**kwargs, responsible_unit_id=world.units["b"].id,
                                                   responsible_person_id=world.users["staff_b"].id)
    assert decision.responsible_person == world.users["staff_b"]


def test_the_unit_people_are_listed_in_the_readers_alphabet(submitted):
    world = submitted
    unit = world.units["a"]
    for i, (last, first) in enumerate([("Ысқақов", "Б"), ("Әбенов", "А"), ("Ахметов", "В"), ("Ёлкин", "Г"),
                                       ("Егоров", "Д")]):
        user = member(world.body, Role.UNIT_STAFF, unit, username=f"p{i}")
        user.last_name, user.first_name = last, first
        user.save()
    mine = {"Ысқақов", "Әбенов", "Ахметов", "Ёлкин", "Егоров"}
    names = [u.last_name for u in selectors.unit_people(unit.id, world.body.id, "kk") if u.last_name in mine]
    assert names == ["Ахметов", "Әбенов", "Егоров", "Ёлкин", "Ысқақов"]


def test_the_person_list_follows_the_unit_and_a_rejected_decision_keeps_what_was_typed(submitted, client):
    world = submitted
    client.force_login(world.users["executive"])
    client.cookies["django_language"] = "ru"
    people_url = reverse("monitoring:decision_people", args=[2026, 1])
    html = client.get(people_url, {"responsible_unit": world.units["b"].id}, HTTP_HX_REQUEST="true").content.decode()
    assert f'value="{world.users["staff_b"].id}"' in html and f'value="{world.users["staff_a"].id}"' not in html
    with time_machine.travel(at("2026-04-20"), tick=False):
        response = client.post(reverse("monitoring:decide", args=[2026, 1]), {
            "text_ru": "Ускорить закупки", "responsible_unit": world.units["a"].id,
            "responsible_person": world.users["staff_b"].id, "due_on": "2026-06-01", "events": "1, 99"})
    html = response.content.decode()
    assert response.status_code == 422
    assert "Ускорить закупки" in html and 'value="1, 99"' in html and "99" in html
    assert html.count('class="error"') >= 2  # the person and the events, each under its field
    assert not world.plan.reporting_periods.filter(report__decisions__isnull=False).exists()
