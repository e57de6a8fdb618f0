"""The demo's indicator values: last year's final values and this year's quarterly values for every
macroindicator and target indicator of a body's development plan, as their responsible units reported them.

Most are achieved or on track (a few counted from 1 January have reached the year's plan by the III quarter:
achieved), some at risk (about one in four), and one target indicator whose events are
all executed is behind: not achieved last year and at risk this year, so the report shows «the plan needs
other events». Last year's final values are kept on last year's plan (its IV quarter; the plan itself has no
version: the demo starts this year), submitted with the units' information in January.

Each value is what `jospar.rules.indicators` expects at that moment (the rule's own `expected_value`) times a
factor: 1.02 (reached), 0.75 (behind). Idempotent: a body with values already is left alone.
"""
from datetime import date, datetime, time
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.contrib.auth.models import User
from django.db.models import Q

from jospar.monitoring import indicators as indicator_tables
from jospar.monitoring.models import IndicatorActual, ReportingPeriod, SubmissionStatus, UnitSubmission
from jospar.monitoring.selectors import periods_of
from jospar.orgs.models import Role
from jospar.planning.models import EventExecutor, IndicatorValue, Macroindicator, OperationalPlan, TargetIndicator
from jospar.rules.indicators import Polarity, expected_value, share_of_year

ALMATY = ZoneInfo("Asia/Almaty")
REACHED, BEHIND = Decimal("1.02"), Decimal("0.75")
SOURCES = {"kk": "Ведомстволық статистикалық есеп", "ru": "Ведомственная статистическая отчётность"}


def _at(day: date) -> datetime:
    return datetime.combine(day, time(11, 0), tzinfo=ALMATY)


def _value(planned: Decimal, start: Decimal | None, indicator, quarter: int | None, factor: Decimal) -> Decimal:
    """The value the rule expects at the end of ``quarter`` (None: the year's final), times ``factor``; for an
    indicator where lower is better, behind means above what is expected."""
    share = share_of_year(quarter)
    expected = expected_value(planned, accumulation=indicator.accumulation, share=share, start=start)
    if indicator.polarity == Polarity.LOWER:
        factor = Decimal(2) - factor
    return (expected * factor).quantize(Decimal("0.01"))


class IndicatorStory:
    def __init__(self, loader, plan: OperationalPlan):
        self.loader, self.plan, self.today = loader, plan, loader.today
        self.devplan = plan.development_plan
        self.author = User.objects.get(username=loader.content.person(Role.PLANNER))

    def indicators(self) -> list:
        macros = Macroindicator.objects.filter(direction__plan=self.devplan).order_by("direction__position",
                                                                                        "position")
        targets = TargetIndicator.objects.filter(goal__direction__plan=self.devplan).order_by(
            "goal__direction__position", "goal__position", "position")
        return [*macros, *targets]

    def load(self) -> None:
        if IndicatorActual.objects.filter(period__plan__body=self.plan.body).exists():
            return
        found = self.indicators()
        if not found:
            return
        planned = self.planned()
        self.kinds(found, planned)
        self.responsible(found)
        behind = self.behind_one(found)
        for i, indicator in enumerate(found):
            key = self.key(indicator)
            lagging = indicator.pk == getattr(behind, "pk", None) and type(indicator) is type(behind)
            factor = BEHIND if lagging or i % 4 == 3 else REACHED
            early = not lagging and i % 6 == 1 and indicator.polarity == Polarity.HIGHER
            if early and indicator.accumulation != "cumulative":  # counted from 1 January: reached by autumn
                type(indicator).objects.filter(pk=indicator.pk).update(accumulation="cumulative")
                indicator.accumulation = "cumulative"
            self.last_year(indicator, planned.get(key, {}), BEHIND if lagging else REACHED)
            self.this_year(indicator, planned.get(key, {}), factor, early=early)
        self.loader.log(f"indicator values: {len(found)} indicators, last year's final and this year's quarters")

    @staticmethod
    def key(indicator) -> tuple:
        return ("m", indicator.pk) if isinstance(indicator, Macroindicator) else ("t", indicator.pk)

    def planned(self) -> dict:
        values: dict = {}
        for m, t, year, value in IndicatorValue.objects.filter(
            Q(macroindicator__direction__plan=self.devplan) | Q(target_indicator__goal__direction__plan=self.devplan)
        ).values_list("macroindicator_id", "target_indicator_id", "year", "value"):
            values.setdefault(("m", m) if m else ("t", t), {})[year] = value
        return values

    def kinds(self, found: list, planned: dict) -> None:
        """An indicator whose plan falls over the years is one where lower is better (losses, wear)."""
        for indicator in found:
            own = planned.get(self.key(indicator), {})
            years = sorted(own)
            if len(years) >= 2 and own[years[-1]] < own[years[0]] and indicator.polarity != "lower":
                type(indicator).objects.filter(pk=indicator.pk).update(polarity="lower")
                indicator.polarity = "lower"

    def responsible(self, found: list) -> None:
        """The unit leading most of the indicator's events answers for it (when the plan named none)."""
        version = self.plan.versions.filter(status="approved").order_by("number").first()
        leads: dict = {}
        if version is not None:
            for m, t, unit_id in EventExecutor.objects.filter(revision__version=version, is_lead=True).values_list(
                    "revision__macroindicator_id", "revision__target_indicator_id", "unit_id"):
                key = ("m", m) if m else ("t", t) if t else None
                if key:
                    leads.setdefault(key, []).append(unit_id)
        fallback = self.plan.body.units.filter(is_planning=False).order_by("position", "id").first()
        for indicator in found:
            if indicator.responsible_unit_id:
                continue
            units = leads.get(self.key(indicator), [])
            unit_id = max(set(units), key=units.count) if units else fallback.pk if fallback else None
            type(indicator).objects.filter(pk=indicator.pk).update(responsible_unit_id=unit_id)
            indicator.responsible_unit_id = unit_id

    def behind_one(self, found: list):
        """A target indicator whose events are all executed by now (the one the plan needs other events for)."""
        period = self.latest_period()
        if period is None:
            return None
        table = indicator_tables.indicator_table(period, "ru", submitted_only=True)
        for row in table.rows():
            if row.kind == "target_indicator" and row.all_events_executed:
                return row.indicator
        return None

    def latest_period(self):
        submitted = UnitSubmission.objects.filter(period__plan=self.plan, status=SubmissionStatus.SUBMITTED)
        quarters = sorted(set(submitted.values_list("period__quarter", flat=True)))
        return periods_of(self.plan)[quarters[-1] - 1] if quarters else None

    def last_year(self, indicator, own: dict, factor: Decimal) -> None:
        year = self.plan.year - 1
        if own.get(year) is None:
            return
        last, _ = OperationalPlan.objects.get_or_create(
            body=self.plan.body, year=year, defaults={"development_plan": self.devplan,
                                                      "rule_edition": self.plan.rule_edition})
        period, _ = ReportingPeriod.objects.get_or_create(plan=last, quarter=4)
        period.plan = last
        day = date(self.plan.year, 1, 8)
        self.submitted(period, indicator.responsible_unit_id, day)
        value = _value(own[year], own.get(year - 1, indicator.baseline), indicator, None, factor)
        self.write(period, indicator, value, final=True, day=day)

    def this_year(self, indicator, own: dict, factor: Decimal, *, early: bool = False) -> None:
        year = self.plan.year
        if own.get(year) is None:
            return
        for period in periods_of(self.plan):
            if period.pk is None or not UnitSubmission.objects.filter(
                    period=period, unit_id=indicator.responsible_unit_id, status=SubmissionStatus.SUBMITTED).exists():
                continue
            value = _value(own[year], own.get(year - 1, indicator.baseline), indicator, period.quarter, factor)
            if early and period.quarter >= 3:  # the year's plan reached already: achieved
                value = (own[year] * REACHED).quantize(Decimal("0.01"))
            self.write(period, indicator, value, final=False, day=period.info_due)

    def submitted(self, period, unit_id: int, day: date) -> None:
        UnitSubmission.objects.get_or_create(period=period, unit_id=unit_id, defaults={
            "status": SubmissionStatus.SUBMITTED, "first_submitted_at": _at(day), "submitted_at": _at(day),
            "submitted_on": day, "submitted_by": self.author})

    def write(self, period, indicator, value: Decimal, *, final: bool, day: date) -> None:
        anchor = {"macroindicator": indicator} if isinstance(indicator, Macroindicator) else \
            {"target_indicator": indicator}
        IndicatorActual.objects.create(
            period=period, **anchor, is_final=final, value=value, unit_id=indicator.responsible_unit_id,
            source_kk=SOURCES["kk"], source_ru=SOURCES["ru"], updated_at=_at(day), updated_by=self.author)


def load_indicator_values(loader, plan: OperationalPlan) -> None:
    IndicatorStory(loader, plan).load()
