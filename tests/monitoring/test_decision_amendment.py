"""A decision on the monitoring and the amendment it leads to (§17 → §18). The decision points at the
version it led to (`Decision.amendment`; planning names nothing of monitoring), and planning's amendment
page offers the plan's decisions that have not led to one yet, through the basis monitoring registers."""
from datetime import date

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from jospar.monitoring import services_report
from jospar.monitoring.amendments import Decisions
from jospar.monitoring.models import Decision
from jospar.planning.amendments import services as amendments
from jospar.planning.models import PlanVersion
from tests.monitoring.test_report import _submit_report
from tests.monitoring.world import at, build_world, report_all


@pytest.fixture
def decided(world):
    report_all(world, 1, "2026-04-08")
    _submit_report(world, 1, "2026-04-14")
    with time_machine.travel(at("2026-04-20"), tick=False):
        asks = services_report.record_decision(
            user=world.users["executive"], period=world.period(1), text_kk="b_q3 іс-шарасын алып тастау",
            text_ru="Исключить мероприятие b_q3",
            event_ids=[world.events["b_q3"]], requests_amendment=True)
        other = services_report.record_decision(
            user=world.users["executive"], period=world.period(1), text_kk="Себептері туралы баяндау",
            text_ru="Доложить о причинах")
    return world, asks, other


def open_on(world, decision, **kwargs):
    with time_machine.travel(at("2026-04-22"), tick=False):
        return amendments.open_amendment(user=world.users["planner"], plan=world.plan, basis="monitoring",
                                         decision=decision,
                                         review=Decisions().review(decision), **kwargs)


def test_monitoring_registers_its_decisions_as_the_basis_of_an_amendment():
    assert isinstance(amendments.decision_basis(), Decisions)


def test_the_decision_points_at_the_amendment_it_led_to(decided):
    world, asks, other = decided
    version = open_on(world, asks)
    asks.refresh_from_db()
    assert asks.amendment == version and version.basis == "monitoring"
    assert PlanVersion.objects.get(pk=version.pk).basis_decision == asks
    marked = version.revisions.exclude(review_note="")
    assert [r.event_id for r in marked] == [world.events["b_q3"]]
    assert asks.history.first().amendment_id == version.pk  # the link is in the decision's own history
    other.refresh_from_db()
    assert other.amendment is None


def test_the_page_offers_the_decisions_not_yet_amended_those_asking_first(client, decided):
    world, asks, other = decided
    client.force_login(world.users["planner"])
    with time_machine.travel(at("2026-04-21"), tick=False):
        form = client.get(reverse("planning:amend", args=[2026])).context["form"]
    assert list(form.fields["decision"].queryset) == [asks, other]
    assert form.fields["decision"].label_from_instance(asks).endswith("— b_q3 іс-шарасын алып тастау")
    open_on(world, asks)
    with time_machine.travel(at("2026-04-23"), tick=False):
        form = client.get(reverse("planning:amend", args=[2026])).context["form"]
    assert list(form.fields["decision"].queryset) == [other]


def test_the_amendment_page_opens_it_on_the_chosen_decision(client, decided):
    world, asks, _other = decided
    client.force_login(world.users["planner"])
    with time_machine.travel(at("2026-04-21"), tick=False):
        response = client.post(reverse("planning:amend", args=[2026]), {"basis": "monitoring", "decision": asks.pk})
    assert response.status_code == 302
    version = Decision.objects.get(pk=asks.pk).amendment
    assert (version.number, version.basis, version.basis_kk, version.basis_ru) == (
        2, "monitoring", "b_q3 іс-шарасын алып тастау", "Исключить мероприятие b_q3")  # the decision's words
    assert version.revisions.get(event_id=world.events["b_q3"]).review_note == "b_q3 іс-шарасын алып тастау"


def test_a_decision_in_one_language_bases_an_amendment_once_the_other_is_typed(client, decided):
    """A decision may be recorded in Russian alone; the amendment it bases is part of the plan in both state
    languages, so opening it asks for the Kazakh basis (the page keeps what was chosen)."""
    world, _asks, _other = decided
    with time_machine.travel(at("2026-04-20"), tick=False):
        russian_only = services_report.record_decision(user=world.users["executive"], period=world.period(1),
                                                       text_ru="Перенести срок", requests_amendment=True)
    with pytest.raises(ValidationError, match="in Kazakh and in Russian"):
        open_on(world, russian_only)
    client.force_login(world.users["planner"])
    client.cookies["django_language"] = "en"
    with time_machine.travel(at("2026-04-21"), tick=False):
        refused = client.post(reverse("planning:amend", args=[2026]),
                              {"basis": "monitoring", "decision": russian_only.pk})
        assert refused.status_code == 200 and "in Kazakh and in Russian" in refused.content.decode()
        done = client.post(reverse("planning:amend", args=[2026]), {
            "basis": "monitoring", "decision": russian_only.pk, "basis_kk": "Мерзімді ауыстыру"})
    assert done.status_code == 302
    version = Decision.objects.get(pk=russian_only.pk).amendment
    assert (version.basis_kk, version.basis_ru) == ("Мерзімді ауыстыру", "Перенести срок")


def test_a_decision_leads_to_one_amendment(decided):
    world, asks, _other = decided
    v2 = open_on(world, asks)
    PlanVersion.objects.filter(pk=v2.pk).update(status="approved", approved_on=date(2026, 5, 4),
                                                approved_by=world.users["executive"])
    with pytest.raises(ValidationError, match="already led to an amendment"):
        open_on(world, Decision.objects.get(pk=asks.pk))
    assert not world.plan.versions.filter(number=3).exists()  # refused as a whole


def test_a_decision_on_another_plan_is_refused(decided):
    world, _asks, other = decided
    elsewhere = build_world(2027)
    with pytest.raises(ValidationError, match="this plan's monitoring"):
        amendments.decision_basis().link(other, elsewhere.version, world.users["planner"])
    other.refresh_from_db()
    assert other.amendment is None
