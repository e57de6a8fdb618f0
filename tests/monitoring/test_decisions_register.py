"""The decisions register (§17 follow-up): who answers for each decision, by when, and its report of
execution — each person seeing and closing only what they may."""
from datetime import date

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from jospar.monitoring import selectors, services_report
from jospar.notifications.models import Notification
from tests.monitoring.test_report import _submit_report
from tests.monitoring.world import at, report_all


@pytest.fixture
def decided(world):
    report_all(world, 1, "2026-04-08")
    _submit_report(world, 1, "2026-04-14")
    executive = world.users["executive"]
    with time_machine.travel(at("2026-04-20"), tick=False):
        for_a = services_report.record_decision(
            user=executive, period=world.period(1), text_ru="Ускорить закупки", responsible_unit_id=world.units["a"].id,
            due_on=date(2026, 5, 15))
        for_b = services_report.record_decision(
            user=executive, period=world.period(1), text_ru="Доложить о причинах",
            responsible_unit_id=world.units["b"].id,
            due_on=date(2026, 6, 1))
    return world, for_a, for_b


def page(client, user, year=2026, lang="en", when="2026-05-20"):
    client.force_login(user)
    client.cookies["django_language"] = lang
    with time_machine.travel(at(when), tick=False):
        response = client.get(reverse("monitoring:decisions", args=[year]))
    return response


def test_the_planner_sees_every_decision_and_what_is_overdue(client, decided):
    world, for_a, for_b = decided
    html = page(client, world.users["planner"]).content.decode()
    assert "Ускорить закупки" in html and "Доложить о причинах" in html
    assert "overdue by 5 days" in html and "2 decisions to carry out" in html
    html = page(client, world.users["planner"], lang="ru").content.decode()
    assert "Решения по отчетам" in html and "просрочено на 5 дней" in html


def test_a_unit_sees_only_its_own_decisions_and_reports_one_carried_out(client, decided):
    world, for_a, for_b = decided
    head_a = world.users["head_a"]
    html = page(client, head_a).content.decode()
    assert "Ускорить закупки" in html and "Доложить о причинах" not in html
    with pytest.raises(PermissionDenied):
        services_report.complete_decision(user=head_a, decision=for_b, note="Не наше")
    with pytest.raises(ValidationError):
        services_report.complete_decision(user=head_a, decision=for_a, note="  ")
    with time_machine.travel(at("2026-05-10"), tick=False):
        client.force_login(head_a)
        response = client.post(reverse("monitoring:decision_done", args=[2026, for_a.pk]),
                               {"note": "Закупки проведены, договор № 12"})
    assert response.status_code == 302
    for_a.refresh_from_db()
    assert (for_a.done_on, for_a.done_by) == (date(2026, 5, 10), head_a)
    assert for_a.done_note == "Закупки проведены, договор № 12"
    assert for_a.history.first().history_user == head_a
    with pytest.raises(ValidationError, match="already"):
        services_report.complete_decision(user=head_a, decision=for_a, note="ещё раз")
    html = page(client, head_a, when="2026-06-10").content.decode()
    assert "carried out 10.05.2026" in html and "overdue" not in html


def test_people_without_a_unit_or_the_report_are_refused(client, decided):
    world, *_ = decided
    assert page(client, world.users["viewer"]).status_code == 200  # viewers read the whole report
    from tests.factories import UserFactory

    assert page(client, UserFactory()).status_code in (403, 404)


def test_the_decision_notice_leads_where_the_unit_may_go(decided):
    world, for_a, _ = decided
    notice = Notification.objects.filter(kind="decision_recorded", recipient=world.users["head_a"]).get()
    assert notice.url.endswith(f"/monitoring/2026/decisions/#decision-{for_a.pk}")


def test_the_register_reads_a_fixed_number_of_queries(client, decided):
    world, *_ = decided
    with CaptureQueriesContext(connection) as few:
        selectors.decisions_register(world.plan)
    executive = world.users["executive"]
    with time_machine.travel(at("2026-05-20"), tick=False):
        for i in range(5):
            services_report.record_decision(user=executive, period=world.period(1), text_ru=f"Решение {i}",
                                            responsible_unit_id=world.units["c"].id)
    with CaptureQueriesContext(connection) as many:
        assert len(selectors.decisions_register(world.plan)) == 7
    assert len(few.captured_queries) == len(many.captured_queries) == 1


def test_home_cards_count_what_is_left_to_carry_out(client, decided):
    world, for_a, _ = decided
    client.force_login(world.users["head_a"])
    client.cookies["django_language"] = "en"
    with time_machine.travel(at("2026-05-20"), tick=False):
        html = client.get(reverse("home")).content.decode()
        assert "1 decision on the reports is to be carried out; overdue: 1." in html
        client.force_login(world.users["executive"])
        assert "2 decisions on the reports are to be carried out; overdue: 1." in client.get(
            reverse("home")).content.decode()
    for_a.done_on = date(2026, 5, 10)
    for_a.save()
    client.force_login(world.users["head_a"])
    with time_machine.travel(at("2026-05-20"), tick=False):
        assert "Decisions on the reports" not in client.get(reverse("home")).content.decode()
