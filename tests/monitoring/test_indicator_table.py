"""The indicators table (`monitoring.indicators.indicator_table`): planned against actual, status, events."""
from decimal import Decimal

from django.utils import timezone

from jospar.monitoring import indicators
from jospar.monitoring.models import IndicatorActual
from jospar.planning.models import IndicatorValue, Macroindicator, TargetIndicator
from jospar.rules.indicators import IndicatorStatus
from tests.monitoring.world import report_all, submit


def plan_values(world):
    macro = Macroindicator.objects.get(direction__plan=world.plan.development_plan)
    t1, t2 = TargetIndicator.objects.filter(goal__direction__plan=world.plan.development_plan).order_by("position")
    for ind, field in ((macro, "macroindicator"), (t1, "target_indicator"), (t2, "target_indicator")):
        for year, value in ((2025, 80), (2026, 100), (2027, 120)):
            IndicatorValue.objects.create(**{field: ind}, year=year, value=Decimal(value))
    TargetIndicator.objects.filter(pk__in=[t1.pk, t2.pk]).update(accumulation="cumulative")
    Macroindicator.objects.filter(pk=macro.pk).update(responsible_unit=world.units["a"])
    TargetIndicator.objects.filter(pk=t1.pk).update(responsible_unit=world.units["a"])
    TargetIndicator.objects.filter(pk=t2.pk).update(responsible_unit=world.units["b"])
    return macro, t1, t2


def actual(world, quarter, unit, value, **anchor):
    return IndicatorActual.objects.create(period=world.period(quarter), unit=world.units[unit], value=Decimal(value),
                                          updated_at=timezone.now(), updated_by=world.users[f"staff_{unit}"],
                                          **anchor)


def test_statuses_years_and_events_in_a_fixed_number_of_queries(world, django_assert_max_num_queries):
    macro, t1, t2 = plan_values(world)
    actual(world, 2, "a", 97, macroindicator=macro)  # period level from 80 → 100 by ½: expected 90 → on track
    actual(world, 2, "a", 20, target_indicator=t1)  # cumulative: expected 50 → 40 % → at risk
    actual(world, 2, "b", 100, target_indicator=t2)  # cumulative, the year's plan reached already → achieved
    for unit, anchor in (("a", {"macroindicator": macro}), ("a", {"target_indicator": t1}),
                         ("b", {"target_indicator": t2})):
        actual(world, 1, unit, 10, **anchor)
    report_all(world, 1, "2026-04-08")
    report_all(world, 2, "2026-07-08")
    submit(world, 2, "b", "2026-07-08")  # b has no event in II, but answers for an indicator
    period = world.period(2)
    with django_assert_max_num_queries(14):
        table = indicators.indicator_table(period, "ru")
    rows = {row.key: row for row in table.rows()}
    assert [r.key for r in table.rows()] == [f"m:{macro.pk}", f"t:{t1.pk}", f"t:{t2.pk}"]
    assert rows[f"m:{macro.pk}"].status == IndicatorStatus.ON_TRACK
    assert rows[f"t:{t1.pk}"].status == IndicatorStatus.AT_RISK
    assert rows[f"t:{t1.pk}"].achievement.percent == Decimal("40.0")
    assert rows[f"t:{t2.pk}"].status == IndicatorStatus.ACHIEVED
    assert [p.year for p in rows[f"t:{t1.pk}"].years] == [2025, 2026, 2027, 2028, 2029]
    assert rows[f"t:{t1.pk}"].years[1].actual == Decimal(20)
    assert rows[f"t:{t2.pk}"].events_total == 2
    assert rows[f"t:{t2.pk}"].events_executed == 1  # b_q1 executed; b_q3 not yet due
    assert rows[f"m:{macro.pk}"].responsible_unit == world.units["a"]


def test_a_report_reads_only_what_was_submitted_by_its_moment_and_the_callers_tree(world):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    macro, t1, t2 = plan_values(world)
    for unit, anchor in (("a", {"macroindicator": macro}), ("a", {"target_indicator": t1}),
                         ("b", {"target_indicator": t2})):
        actual(world, 1, unit, 10, **anchor)
    report_all(world, 1, "2026-04-08")
    period = world.period(1)
    before = datetime(2026, 4, 7, tzinfo=ZoneInfo("Asia/Almaty"))
    assert {r.status for r in indicators.indicator_table(period, "ru", as_of=before).rows()} == {
        IndicatorStatus.NO_VALUE}
    table = indicators.indicator_table(period, "ru", executed=set())
    assert all(r.events_executed == 0 for r in table.rows())
    assert {r.status for r in table.rows()} != {IndicatorStatus.NO_VALUE}


def test_each_bodys_share_on_track(world, django_assert_max_num_queries):
    macro, t1, t2 = plan_values(world)
    actual(world, 1, "a", 10, macroindicator=macro)  # a level from 80 to 100: ¼ → 85 expected; 10 → at risk
    actual(world, 1, "a", 30, target_indicator=t1)  # cumulative: 25 expected → on track
    actual(world, 1, "b", 30, target_indicator=t2)
    assert indicators.body_shares(2026, 1)[world.body.pk]["valued"] == 0  # the information not submitted yet
    report_all(world, 1, "2026-04-08")
    with django_assert_max_num_queries(6):
        shares = indicators.body_shares(2026, 1)
    assert shares[world.body.pk] == {"good": 2, "valued": 3, "total": 3, "share": Decimal("66.7")}
