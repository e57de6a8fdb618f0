"""A unit's pages read the unit's own events: the same events, numbers and counts as a walk of the whole plan;
the planner's card reads the quarter's kept figures: the same counts as the walk."""
from datetime import date

import time_machine

from jospar.monitoring import selectors, services
from jospar.monitoring.cards import _units_submitted
from jospar.monitoring.summary_models import QuarterSummary
from jospar.monitoring.walk import units_events, walk
from jospar.orgs.models import Role
from jospar.planning.models import EventRevision
from tests.factories import member, plan_with_events
from tests.monitoring.world import approve, at, big_plan, report_all


def _shown(info) -> tuple:
    return (info.event_id, info.number, info.name, info.executors, info.lead_unit_id, info.wording, info.completion,
            info.cancelled)


def test_a_units_events_are_those_of_the_walk_numbered_alike(db):
    version = plan_with_events(45, n_units=5, year=2026)
    EventRevision.objects.filter(version=version, position__in=[3, 20]).update(is_cancelled=True)
    body = version.plan.body
    approve(version, member(body, Role.EXECUTIVE), date(2025, 12, 30))
    walked = walk(version, "ru").events
    for unit in body.units.all():
        mine = [_shown(i) for i in units_events(version, "ru", [unit.pk])]
        assert mine == [_shown(i) for i in walked if unit.pk in i.unit_ids]
        assert mine  # every unit executes something here
    two = [u.pk for u in body.units.all()[:2]]
    assert [_shown(i) for i in units_events(version, "kk", two)] == [
        _shown(i) for i in walk(version, "kk").events if set(two) & set(i.unit_ids)]


def test_a_units_lines_are_those_of_the_period_s_units(db):
    period = big_plan(30, 2026)
    version = selectors.version_in_force(period.plan, period.end)
    everyone = {line.unit.pk: line for line in
                selectors.period_units(period, version, selectors.body_units(period.plan.body_id), "ru")}
    for unit in period.plan.body.units.all():
        own = selectors.own_unit_lines(period, version, [unit.pk], "ru")
        expected = everyone.get(unit.pk)
        assert [(x.unit.pk, x.items, x.co_items, x.filled, x.submission) for x in own] == (
            [(expected.unit.pk, expected.items, expected.co_items, expected.filled, expected.submission)]
            if expected else [])


def test_the_planners_counts_from_kept_figures_are_those_of_the_walk(world):
    report_all(world, 1, "2026-04-08")
    with time_machine.travel(at("2026-04-09"), tick=False):
        services.return_unit_info(user=world.users["planner"], period=world.period(1), unit=world.units["b"],
                                  comment="Уточните")
    period = world.period(1)
    kept = _units_submitted(period, world.version, "en")
    QuarterSummary.objects.filter(body=world.body).delete()  # the walk, as for a plan whose figures are not kept
    assert _units_submitted(period, world.version, "en") == kept == (2, 3, 0)
