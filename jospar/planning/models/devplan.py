"""The development plan: strategic directions, macroindicators, goals, target indicators, Section II tasks.

These are the anchors of the operational plan's events (rules §4). Numbers shown to users
("1", "1.1", "1.1.1") are derived from `position`, never typed.
"""
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from jospar import rules
from jospar import text_limits as limits
from jospar.i18n import current_lang, localized
from jospar.orgs.models import OrgUnit, StateBody
from jospar.rules import plan_dates
from jospar.rules.indicators import Accumulation, Polarity

POLARITY_CHOICES = [(p.value, p.label("en")) for p in Polarity]
ACCUMULATION_CHOICES = [(a.value, a.label("en")) for a in Accumulation]


def name_checks(prefix: str):
    """The database refuses a name longer than the forms and the importer allow."""
    return limits.length_checks(prefix, name_kk=limits.NAME, name_ru=limits.NAME, name_en=limits.NAME)


def kind_checks(prefix: str):
    """The database keeps only the kinds the rule knows."""
    return [models.CheckConstraint(condition=Q(polarity__in=[p.value for p in Polarity]),
                                   name=f"{prefix}_polarity_known"),
            models.CheckConstraint(condition=Q(accumulation__in=[a.value for a in Accumulation]),
                                   name=f"{prefix}_accumulation_known")]


class Named(models.Model):
    name_kk = models.TextField(_("name (Kazakh)"), max_length=limits.NAME)
    name_ru = models.TextField(_("name (Russian)"), max_length=limits.NAME)
    name_en = models.TextField(_("name (English)"), max_length=limits.NAME, blank=True)
    position = models.PositiveIntegerField(_("order"), default=1)

    class Meta:
        abstract = True
        ordering = ["position", "id"]

    def __str__(self):
        return localized(self, "name")

    @property
    def name(self):
        return localized(self, "name")


class DevelopmentPlan(models.Model):
    body = models.ForeignKey(
        StateBody, on_delete=models.PROTECT, related_name="development_plans", verbose_name=_("state body")
    )
    title_kk = models.CharField(_("title (Kazakh)"), max_length=limits.TITLE)
    title_ru = models.CharField(_("title (Russian)"), max_length=limits.TITLE)
    title_en = models.CharField(_("title (English)"), max_length=limits.TITLE, blank=True)
    year_from = models.PositiveSmallIntegerField(_("first year"))
    year_to = models.PositiveSmallIntegerField(_("last year"))
    edition = models.PositiveSmallIntegerField(_("edition"), default=1)
    signed_on = models.DateField(_("signed on"))
    document_number = models.CharField(_("document number"), max_length=limits.DOCUMENT_NUMBER, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("development plan")
        verbose_name_plural = _("development plans")
        ordering = ["body", "-year_from", "-edition"]
        constraints = [
            models.UniqueConstraint(fields=["body", "year_from", "edition"], name="devplan_unique_edition"),
            models.CheckConstraint(condition=Q(year_to__gte=F("year_from")), name="devplan_years_ordered"),
        ]

    def __str__(self):
        return f"{localized(self, 'title')} ({self.year_from}–{self.year_to}, #{self.edition})"

    def covers(self, year: int) -> bool:
        return self.year_from <= year <= self.year_to

    def years(self) -> plan_dates.DevPlanYears:
        return plan_dates.DevPlanYears(self.pk or 0, self.year_from, self.year_to, self.edition, self.signed_on)

    def clean(self):
        """Dates that cannot be: signed after its own last year; another plan (not an edition of this one,
        which shares its first year) for the same years."""
        super().clean()
        if None in (self.year_from, self.year_to):
            return
        if self.signed_on and plan_dates.signed_after_its_years(self.signed_on, self.year_to):
            raise ValidationError({"signed_on": _(
                "A development plan for %(a)s–%(b)s cannot be signed after its last year (signed on %(date)s).")
                % {"a": self.year_from, "b": self.year_to, "date": self.signed_on.strftime("%d.%m.%Y")}})
        others = DevelopmentPlan.objects.filter(body_id=self.body_id, year_from__lte=self.year_to,
                                                year_to__gte=self.year_from).exclude(year_from=self.year_from)
        taken = plan_dates.plans_covering_the_same_years(self.years(), [o.years() for o in others])
        if taken:
            first = next(o for o in others if o.pk == taken[0].key)
            raise ValidationError({"year_from": _(
                "The development plan «%(title)s» (%(a)s–%(b)s) already covers some of these years. A new edition of "
                "a plan keeps its first year (%(first)s) and takes the next edition number; another plan cannot "
                "cover the same years.") % {"title": localized(first, "title"), "a": first.year_from,
                                            "b": first.year_to, "first": first.year_from}})


class StrategicDirection(Named):
    plan = models.ForeignKey(
        DevelopmentPlan, on_delete=models.CASCADE, related_name="directions", verbose_name=_("development plan")
    )
    history = HistoricalRecords()

    class Meta(Named.Meta):
        verbose_name = _("strategic direction")
        verbose_name_plural = _("strategic directions")
        constraints = [models.UniqueConstraint(fields=["plan", "position"], name="direction_unique_position"),
                       *name_checks("direction")]


class Indicator(Named):
    """Common fields of macroindicators and target indicators."""

    code = models.CharField(_("code"), max_length=limits.CODE, blank=True)
    unit_kk = models.CharField(_("unit of measure (Kazakh)"), max_length=limits.UNIT_OF_MEASURE, blank=True)
    unit_ru = models.CharField(_("unit of measure (Russian)"), max_length=limits.UNIT_OF_MEASURE, blank=True)
    unit_en = models.CharField(_("unit of measure (English)"), max_length=limits.UNIT_OF_MEASURE, blank=True)
    baseline = models.DecimalField(_("baseline"), max_digits=18, decimal_places=4, null=True, blank=True)
    # Who reports its actual values with the quarterly information (jospar.monitoring.IndicatorActual), and how
    # they are read (jospar.rules.indicators): which way is better, from 1 January or for the period.
    responsible_unit = models.ForeignKey(
        OrgUnit, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("responsible unit")
    )
    polarity = models.CharField(_("which way is better"), max_length=8, choices=POLARITY_CHOICES,
                                default=Polarity.HIGHER.value)
    accumulation = models.CharField(_("how values count"), max_length=12, choices=ACCUMULATION_CHOICES,
                                    default=Accumulation.PERIOD.value)

    class Meta(Named.Meta):
        abstract = True

    def polarity_label(self, lang: str | None = None) -> str:
        return Polarity(self.polarity).label(lang or current_lang())

    def accumulation_label(self, lang: str | None = None) -> str:
        return Accumulation(self.accumulation).label(lang or current_lang())


class Macroindicator(Indicator):
    direction = models.ForeignKey(
        StrategicDirection,
        on_delete=models.CASCADE,
        related_name="macroindicators",
        verbose_name=_("strategic direction"),
    )
    history = HistoricalRecords()

    class Meta(Indicator.Meta):
        verbose_name = _("macroindicator")
        verbose_name_plural = _("macroindicators")
        constraints = [models.UniqueConstraint(fields=["direction", "position"], name="macro_unique_position"),
                       *name_checks("macro"), *kind_checks("macro")]


class Goal(Named):
    direction = models.ForeignKey(
        StrategicDirection, on_delete=models.CASCADE, related_name="goals", verbose_name=_("strategic direction")
    )
    code = models.CharField(_("code"), max_length=limits.CODE, blank=True)
    history = HistoricalRecords()

    class Meta(Named.Meta):
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        constraints = [models.UniqueConstraint(fields=["direction", "position"], name="goal_unique_position"),
                       *name_checks("goal")]


class TargetIndicator(Indicator):
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("goal"))
    history = HistoricalRecords()

    class Meta(Indicator.Meta):
        verbose_name = _("target indicator")
        verbose_name_plural = _("target indicators")
        constraints = [models.UniqueConstraint(fields=["goal", "position"], name="indicator_unique_position"),
                       *name_checks("indicator"), *kind_checks("indicator")]


class IndicatorValue(models.Model):
    """The planned value of a macroindicator or target indicator for one year."""

    macroindicator = models.ForeignKey(
        Macroindicator, on_delete=models.CASCADE, null=True, blank=True, related_name="values"
    )
    target_indicator = models.ForeignKey(
        TargetIndicator, on_delete=models.CASCADE, null=True, blank=True, related_name="values"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("planned value"), max_digits=18, decimal_places=4)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("planned value")
        verbose_name_plural = _("planned values")
        ordering = ["year"]
        constraints = [
            models.CheckConstraint(
                condition=Q(macroindicator__isnull=False, target_indicator__isnull=True)
                | Q(macroindicator__isnull=True, target_indicator__isnull=False),
                name="indicatorvalue_one_indicator",
            ),
            models.UniqueConstraint(fields=["macroindicator", "year"], name="macrovalue_unique_year"),
            models.UniqueConstraint(fields=["target_indicator", "year"], name="targetvalue_unique_year"),
        ]

    def __str__(self):
        return f"{self.year}: {rules.format_number(self.value, current_lang())}"


class RegulationTask(Named):
    """A Section II task: another task of the body's regulation (statute)."""

    plan = models.ForeignKey(
        DevelopmentPlan,
        on_delete=models.CASCADE,
        related_name="regulation_tasks",
        verbose_name=_("development plan"),
    )
    code = models.CharField(_("code"), max_length=limits.CODE, blank=True)
    history = HistoricalRecords()

    class Meta(Named.Meta):
        verbose_name = _("Section II task")
        verbose_name_plural = _("Section II tasks")
        constraints = [models.UniqueConstraint(fields=["plan", "position"], name="task_unique_position"),
                       *name_checks("task")]
