"""Approval opens a plan's reporting periods (issue 12.2): planning sends `version_approved` in the
approval's transaction and monitoring opens the four quarters; pages only read them; a data migration
opened the periods of plans approved before."""
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from jospar.monitoring.models import ReportingPeriod
from jospar.orgs.models import Role
from jospar.planning.amendments import services as amendments
from jospar.planning.approval import services
from jospar.planning.models import PlanVersion
from tests.factories import OperationalPlanFactory, PlanVersionFactory, StateBodyFactory, member

BEFORE = ("monitoring", "0009_report_figures")
AFTER = ("monitoring", "0010_open_periods_of_approved_plans")


def quarters(plan) -> list[int]:
    return list(ReportingPeriod.objects.filter(plan=plan).order_by("quarter").values_list("quarter", flat=True))


@pytest.mark.django_db
def test_approval_opens_the_four_periods(small_plan, planner, executive):
    plan = small_plan.plan
    services.send_for_approval(user=planner, version=small_plan)
    assert quarters(plan) == []  # sending for approval opens nothing
    services.approve_version(version=small_plan, user=executive, on=date(2025, 12, 30))
    assert quarters(plan) == [1, 2, 3, 4]


@pytest.mark.django_db
def test_an_approved_amendment_keeps_the_same_periods(small_plan, planner, executive):
    services.send_for_approval(user=planner, version=small_plan)
    services.approve_version(version=small_plan, user=executive, on=date(2025, 12, 30))
    ids = list(ReportingPeriod.objects.filter(plan=small_plan.plan).order_by("quarter").values_list("id", flat=True))
    v2 = amendments.open_amendment(user=planner, plan=small_plan.plan, basis="development_plan", document_number="12",
                                   document_date=date(2026, 5, 4), basis_kk="Өзгерістер", basis_ru="Изменения")
    services.send_for_approval(user=planner, version=v2)
    services.approve_version(version=v2, user=executive, on=date(2026, 5, 10))
    assert list(ReportingPeriod.objects.filter(plan=small_plan.plan).order_by("quarter")
                .values_list("id", flat=True)) == ids


@pytest.mark.django_db
def test_a_refused_approval_opens_nothing(small_plan, planner):
    services.send_for_approval(user=planner, version=small_plan)
    adviser = member(small_plan.plan.body, Role.EXECUTIVE, office="")  # not an official of §6
    with pytest.raises(PermissionDenied):
        services.approve_version(version=small_plan, user=adviser, on=date(2025, 12, 30))
    assert quarters(small_plan.plan) == []


@pytest.mark.django_db
def test_the_pages_of_a_plan_not_yet_approved_show_its_quarters_and_store_none(client, small_plan, planner):
    client.force_login(planner)
    client.cookies["django_language"] = "en"
    html = client.get(reverse("monitoring:periods", args=[2026])).content.decode()
    assert "Monitoring starts once the plan is approved." in html and "/monitoring/2026/4/" in html
    for url in (reverse("monitoring:period", args=[2026, 2]), reverse("monitoring:report", args=[2026, 2]),
                reverse("monitoring:unit", args=[2026, 2, planner.memberships.get().unit_id]),
                reverse("home")):
        assert client.get(url).status_code == 200, url
    assert quarters(small_plan.plan) == []


def _migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([target])


@pytest.mark.django_db(transaction=True)
def test_the_migration_opens_the_periods_of_plans_approved_before_and_reverses_as_a_no_op(django_user_model):
    body = StateBodyFactory(code="legacy")
    approved = OperationalPlanFactory(body__code="x", year=2026)
    approved.body = body
    approved.save()
    draft = OperationalPlanFactory(development_plan=approved.development_plan, body=body, year=2027)
    version = PlanVersionFactory(plan=approved)
    PlanVersionFactory(plan=draft)
    approver = django_user_model.objects.create(username="approver")
    PlanVersion.objects.filter(pk=version.pk).update(status="approved", approved_on=date(2025, 12, 30),
                                                     approved_by=approver)  # as before: no periods opened
    kept = ReportingPeriod.objects.create(plan=approved, quarter=2)  # one opened by a page, as pages did
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        _migrate(BEFORE)
        _migrate(AFTER)
        assert quarters(approved) == [1, 2, 3, 4] and quarters(draft) == []
        assert ReportingPeriod.objects.get(plan=approved, quarter=2).pk == kept.pk
        _migrate(BEFORE)  # reversed: nothing removed
        assert quarters(approved) == [1, 2, 3, 4]
        _migrate(AFTER)
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(latest)  # every app back at its latest migration, the later ones too
    assert ReportingPeriod.objects.filter(plan=approved).count() == 4  # run again: nothing doubled
