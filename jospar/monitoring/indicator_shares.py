"""Each body's share of indicators on track in a year, for the national view: a fixed number of queries
whatever the number of bodies (the plans, the indicators, their planned values, the values reported and the
submissions that make them count), the rule of `jospar.rules.indicators` applied in Python.

An indicator counts with the value its responsible unit submitted last in the year (the final value if
there is one, else the latest quarter's), as `indicators.indicator_table` reads it for one body.
"""
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q

from jospar.planning.models import IndicatorValue, Macroindicator, OperationalPlan, TargetIndicator
from jospar.rulebook import editions as rulebook
from jospar.rules.indicators import IndicatorStatus, achievement

from .models import IndicatorActual, SubmissionStatus, UnitSubmission

GOOD = (IndicatorStatus.ACHIEVED, IndicatorStatus.ON_TRACK)


@dataclass(frozen=True, slots=True)
class Share:
    indicators: int  # of the body's development plan
    valued: int  # with a value reported in the year
    good: int  # achieved or on track
    at_risk: int  # at risk or not achieved

    @property
    def share(self) -> Decimal | None:
        return (Decimal(self.good) * 100 / self.valued).quantize(Decimal("0.1")) if self.valued else None


def body_shares(year: int, body_ids: list[int] | None = None) -> dict[int, Share]:
    """{body id: Share} for the bodies with a plan for ``year`` (six queries)."""
    plans = OperationalPlan.objects.filter(year=year)
    if body_ids is not None:
        plans = plans.filter(body_id__in=body_ids)
    plans = list(plans.values_list("id", "body_id", "development_plan_id", "rule_edition"))
    devplans = {dp: (body, edition) for _p, body, dp, edition in plans}
    indicators = {}
    for model, key, path in ((Macroindicator, "m", "direction__plan_id"),
                             (TargetIndicator, "t", "goal__direction__plan_id")):
        for pk, dp, polarity, accumulation, baseline in model.objects.filter(**{f"{path}__in": list(devplans)}) \
                .values_list("pk", path, "polarity", "accumulation", "baseline"):
            indicators[(key, pk)] = (devplans[dp][0], devplans[dp][1], polarity, accumulation, baseline)
    m_ids = [pk for k, pk in indicators if k == "m"]
    t_ids = [pk for k, pk in indicators if k == "t"]
    planned: dict = {}
    values = IndicatorValue.objects.filter(Q(macroindicator_id__in=m_ids) | Q(target_indicator_id__in=t_ids),
                                           year__in=[year - 1, year])
    for m, t, y, value in values.values_list("macroindicator_id", "target_indicator_id", "year", "value"):
        planned[(("m", m) if m else ("t", t), y)] = value
    plan_ids = [p for p, *_rest in plans]
    submitted = set(UnitSubmission.objects.filter(period__plan_id__in=plan_ids, status=SubmissionStatus.SUBMITTED)
                    .values_list("period_id", "unit_id"))
    latest: dict = {}
    for m, t, period_id, unit_id, quarter, final, value in IndicatorActual.objects.filter(
            period__plan_id__in=plan_ids).order_by("period__quarter", "is_final", "id").values_list(
            "macroindicator_id", "target_indicator_id", "period_id", "unit_id", "period__quarter", "is_final",
            "value"):
        if (period_id, unit_id) in submitted:
            latest[("m", m) if m else ("t", t)] = (quarter, final, value)
    counts: dict = {body: [0, 0, 0, 0] for _p, body, _d, _e in plans}
    thresholds = {edition: rulebook.edition(edition).thresholds for _p, _b, _d, edition in plans}
    for key, (body, edition, polarity, accumulation, baseline) in indicators.items():
        c = counts[body]
        c[0] += 1
        found = latest.get(key)
        if found is None:
            continue
        quarter, final, value = found
        status = achievement(planned=planned.get((key, year)), actual=value, polarity=polarity,
                             accumulation=accumulation, quarter=quarter, final=final,
                             baseline=planned.get((key, year - 1), baseline), thresholds=thresholds[edition]).status
        if status is IndicatorStatus.NO_VALUE:
            continue
        c[1] += 1
        c[2 if status in GOOD else 3] += 1
    return {body: Share(*c) for body, c in counts.items()}
