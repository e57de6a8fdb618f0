"""An executor repeats its revision's version (EventExecutor.version, issue 14), so that a version's executors
are read through their own index and not by a join that PostgreSQL answers by reading every body's executors.
The copy is never out of step with the revision, whatever the way a row is written."""
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jospar.planning import selectors
from jospar.planning.amendments import services as amendments
from jospar.planning.approval import services as approval
from jospar.planning.models import ApprovedVersionError, EventExecutor, EventRevision
from tests.factories import PlanVersionFactory, plan_with_events

pytestmark = pytest.mark.django_db


def out_of_step():
    return [(e.pk, e.version_id, e.revision.version_id)
            for e in EventExecutor.objects.select_related("revision") if e.version_id != e.revision.version_id]


def test_every_way_of_writing_an_executor_sets_its_version(small_plan, planner, executive):
    """bulk_create (the plan factory, the amendment's copy), save(), and bulk_create of executors that carry
    only their revision's id (one query reads the versions)."""
    assert EventExecutor.objects.filter(version=small_plan).count() == EventExecutor.objects.count() > 0
    approval.send_for_approval(user=planner, version=small_plan)
    approval.approve_version(version=small_plan, user=executive, on=date(2025, 12, 30))
    v2 = amendments.open_amendment(user=planner, plan=small_plan.plan, basis="development_plan",
                                   document_number="12", document_date=date(2026, 5, 4), basis_kk="Өзгерістер",
                                   basis_ru="Изменения")
    assert EventExecutor.objects.filter(version=v2).count() == EventExecutor.objects.filter(
        version=small_plan).count()
    revisions = list(v2.revisions.order_by("id"))
    unit = small_plan.plan.body.units.get(is_planning=True)
    EventExecutor.objects.filter(revision=revisions[0]).delete()
    EventExecutor(revision=revisions[0], unit=unit, is_lead=True).save()
    EventExecutor.objects.filter(revision__in=revisions[1:3]).delete()
    with CaptureQueriesContext(connection) as ctx:
        EventExecutor.objects.bulk_create([EventExecutor(revision_id=r.pk, unit_id=unit.pk, is_lead=True)
                                           for r in revisions[1:3]])
    assert len([q for q in ctx.captured_queries if q["sql"].startswith("SELECT")]) == 2  # the guard, the versions
    assert not out_of_step()


def test_a_revision_moved_to_another_draft_takes_its_executors_along(small_plan):
    other = PlanVersionFactory()
    revision = small_plan.revisions.order_by("id").first()
    revision.version = other
    revision.save()
    assert set(EventExecutor.objects.filter(revision=revision).values_list("version_id", flat=True)) == {other.pk}
    EventRevision.objects.filter(pk=revision.pk).update(version=small_plan)
    assert set(EventExecutor.objects.filter(revision=revision).values_list("version_id", flat=True)) == {
        small_plan.pk}
    assert not out_of_step()


def test_an_executor_moved_to_another_revision_takes_its_version(small_plan):
    other = plan_with_events(2, n_units=3, year=2027)
    target = other.revisions.order_by("id").first()
    EventExecutor.objects.filter(revision=target).delete()
    executor = EventExecutor.objects.filter(revision__version=small_plan, is_lead=False).first()
    EventExecutor.objects.filter(pk=executor.pk).update(revision=target)
    assert EventExecutor.objects.get(pk=executor.pk).version_id == other.pk
    executor.refresh_from_db()
    back = small_plan.revisions.order_by("id").last()
    EventExecutor.objects.filter(revision=back, unit=executor.unit).delete()
    executor.revision = back
    EventExecutor.objects.bulk_update([executor], ["revision"])
    assert EventExecutor.objects.get(pk=executor.pk).version_id == small_plan.pk
    assert not out_of_step()


def test_the_version_is_never_set_by_hand(small_plan):
    other = PlanVersionFactory(number=1)
    with pytest.raises(ValueError, match="follows its revision"):
        EventExecutor.objects.filter(version=small_plan).update(version=other)
    executor = EventExecutor.objects.first()
    executor.version = other
    executor.save()  # save() puts it back
    assert EventExecutor.objects.get(pk=executor.pk).version_id == small_plan.pk
    with pytest.raises(ValueError, match="follows its revision"):
        EventExecutor.objects.bulk_update([executor], ["version"])


def test_approved_executors_stay_frozen_by_their_version(small_plan, planner, executive):
    approval.send_for_approval(user=planner, version=small_plan)
    approval.approve_version(version=small_plan, user=executive, on=date(2025, 12, 30))
    with pytest.raises(ApprovedVersionError):
        EventExecutor.objects.filter(version=small_plan).update(position=5)
    assert EventExecutor.objects.frozen().count() == EventExecutor.objects.filter(version=small_plan).count()


def test_a_versions_executors_are_read_without_a_join_on_revisions(small_plan):
    """The pages' reads of a version's executors filter on the executor's own version column (the index
    (version, revision)); a join through planning_eventrevision made PostgreSQL scan every body's executors."""
    unit_ids = list(small_plan.plan.body.units.values_list("pk", flat=True)[:2])
    with CaptureQueriesContext(connection) as ctx:
        rows = selectors.form1_rows(small_plan, "ru")
        selectors.version_problems(small_plan)
        selectors.only_units_events(rows, small_plan, unit_ids)
        selectors.version_event_rows(small_plan, "ru")
    reads = [q["sql"] for q in ctx.captured_queries if "planning_eventexecutor" in q["sql"]]
    assert len(reads) == 4
    for sql in reads:
        assert "planning_eventrevision" not in sql, sql
        assert "version_id" in sql


def test_a_version_reads_only_its_own_executors(small_plan):
    other = plan_with_events(3, n_units=3, year=2027)
    _revisions, executors = selectors.version_event_rows(other, "ru")
    assert {rid for rid, _unit in executors} == set(other.revisions.values_list("pk", flat=True))
    assert len(executors) == sum(1 + i % 3 for i in range(3))


@pytest.mark.django_db(transaction=True)
def test_the_migration_fills_each_executors_version_from_its_revision(small_plan, planner, executive):
    """planning 0012: the column is added and filled from the revisions, an approved version's executors (and the
    audit trail's rows) included: the migration's plain managers write past the frozen-version guards."""
    from django.db.migrations.executor import MigrationExecutor

    from tests.factories import RegulationTaskFactory, revision

    task = RegulationTaskFactory(plan=small_plan.plan.development_plan)
    revision(small_plan, small_plan.plan.body.units.first(), {"regulation_task": task}, completion_kk="Есеп",
             completion_ru="Отчет")  # saved one by one: with its audit trail
    approval.send_for_approval(user=planner, version=small_plan)
    approval.approve_version(version=small_plan, user=executive, on=date(2025, 12, 30))

    def migrate(targets):
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(targets)
        return executor.loader.project_state(targets).apps

    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        old = migrate([("planning", "0011_texts_in_both_languages")])
        assert "version" not in {f.name for f in old.get_model("planning", "EventExecutor")._meta.fields}
        new = migrate(latest)
    finally:
        migrate(latest)
    rows = list(new.get_model("planning", "EventExecutor").objects.values_list("version_id", "revision__version_id"))
    assert len(rows) == 1 + sum(1 + i % 3 for i in range(12))
    assert {v for v, _r in rows} == {small_plan.pk} and all(v == r for v, r in rows)
    history = new.get_model("planning", "HistoricalEventExecutor").objects.values_list("version_id", flat=True)
    assert list(history) == [small_plan.pk]
