"""What each unit reports on in a period: due, carried over, in progress; the version in force."""
from datetime import date

import pytest

from jospar.monitoring import selectors
from jospar.planning.models import EventExecutor, EventRevision, PlanVersion
from tests.monitoring.world import approve, fill, submit

pytestmark = pytest.mark.django_db


def _items(world, quarter, code):
    listing = selectors.work_list(world.period(quarter), world.units[code], "en")
    names = {v: k for k, v in world.events.items()}
    return ([(names[w.info.event_id], w.item.occurrence, w.item.kind) for w in listing.items],
            [(names[w.info.event_id], w.item.occurrence) for w in listing.co_items])


def test_q1_lists_due_events_and_within_year_ones_in_progress(world):
    mine, co = _items(world, 1, "a")
    assert mine == [("a_march", 1, "due"), ("a_quarterly", 1, "due"), ("a_year", 1, "in_progress")]
    assert co == []
    assert _items(world, 1, "b") == ([("b_q1", 1, "due")], [("a_march", 1)])
    assert _items(world, 1, "c") == ([("c_feb", 1, "due")], [("b_q1", 1)])


def test_quarterly_event_has_one_occurrence_per_quarter_due_after_the_quarter(world):
    listing = selectors.work_list(world.period(2), world.units["a"], "en")
    quarterly = [w for w in listing.items if w.info.event_id == world.events["a_quarterly"]]
    assert [(w.item.occurrence, w.item.due, w.item.kind) for w in quarterly] == [
        (1, date(2026, 4, 5), "carried"), (2, date(2026, 7, 5), "due")]


def test_executed_and_submitted_leaves_the_list_not_executed_carries_over(world):
    fill(world, 1, "a")  # all executed
    mine, _ = _items(world, 2, "a")
    assert ("a_march", 1, "carried") in mine  # drafts do not count: only submitted information
    submit(world, 1, "a", "2026-04-08")
    mine, _ = _items(world, 2, "a")
    assert [m for m in mine if m[2] == "carried"] == []
    fill(world, 1, "b", status="not_executed")
    submit(world, 1, "b", "2026-04-08")
    assert _items(world, 2, "b")[0] == [("b_q1", 1, "carried")]
    assert _items(world, 3, "b")[0] == [("b_q1", 1, "carried"), ("b_q3", 1, "due")]


def test_a_quarter_with_nothing_due(world):
    """Unit b has events in I and III quarters only: in II it reports nothing (once I is executed)."""
    for code in ("a", "b"):
        fill(world, 1, code)
        submit(world, 1, code, "2026-04-08")
    assert _items(world, 2, "b") == ([], [])
    lines = selectors.period_units(world.period(2), world.version, list(world.units.values()), "en")
    assert world.units["b"].id not in [line.unit.id for line in lines if line.items]


def test_year_end_due_dates_fall_in_january(world):
    q4 = world.period(4)
    assert (q4.info_due, q4.report_due) == (date(2027, 1, 10), date(2027, 1, 15))
    mine, _ = _items(world, 4, "a")
    assert ("a_year", 1, "due") in mine
    listing = selectors.work_list(q4, world.units["a"], "en")
    q = next(w for w in listing.items if w.info.event_id == world.events["a_quarterly"] and w.item.occurrence == 4)
    assert q.item.due == date(2027, 1, 5)


def _amend(world, on: date, cancel: str, rename: str) -> PlanVersion:
    """Version 2: one event cancelled, one renamed; identities (Event) kept."""
    fields = {f.name for f in PlanVersion._meta.get_fields()}
    basis = {"basis": "monitoring"} if "basis" in fields else {}  # amendments record their basis
    v2 = PlanVersion.objects.create(plan=world.plan, number=2, **basis)
    for rev in EventRevision.objects.filter(version=world.version).prefetch_related("executors"):
        old_id, executors = rev.pk, list(rev.executors.all())
        rev.pk = rev.id = None
        rev._state.adding = True
        rev.version = v2
        rev.is_cancelled = rev.event_id == world.events[cancel]
        if rev.event_id == world.events[rename]:
            rev.name_en = "Renamed event"
        rev.save()
        for ex in executors:
            EventExecutor.objects.create(revision=rev, unit_id=ex.unit_id, is_lead=ex.is_lead, position=ex.position)
        assert old_id != rev.pk
    approve(v2, world.users["executive"], on)
    return v2


def test_version_in_force_is_the_latest_approved_by_the_periods_end(world):
    v2 = _amend(world, date(2026, 5, 4), cancel="a_march", rename="b_q3")
    assert selectors.version_in_force(world.plan, date(2026, 3, 31)) == world.version
    assert selectors.version_in_force(world.plan, date(2026, 6, 30)) == v2
    assert selectors.version_in_force(world.plan, date(2025, 6, 1)) == v2  # none yet: the latest approved
    mine, _ = _items(world, 2, "a")
    assert "a_march" not in [m[0] for m in mine]  # cancelled by the amendment: it no longer carries over
    listing = selectors.work_list(world.period(3), world.units["b"], "en")
    assert "Renamed event" in [w.info.name for w in listing.items]


def test_no_version_in_force_before_approval(db):
    from tests.monitoring.world import build_world

    world = build_world(2027)
    # set-up past the guards (frozen.py): an approved version cannot be taken back through the model
    PlanVersion._base_manager.filter(plan=world.plan).update(status="draft", approved_on=None, approved_by=None)
    assert selectors.version_in_force(world.plan, date(2027, 3, 31)) is None
    assert selectors.work_list(world.period(1), world.units["a"], "en").items == []
    assert selectors.form2_rows(world.period(1), "en") == []
