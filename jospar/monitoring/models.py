"""Monitoring of an approved plan (rules §7–§17): periods, units' information, the Form 2 report, decisions.

A `ReportingPeriod` is one quarter of a plan; its due dates come from the rulebook. Units record an
`ExecutionEntry` per event occurrence (a quarterly event is executed or not in each quarter, separately);
entries reference `planning.Event`, the identity that survives plan versions. The unit head submits the
unit's information (`UnitSubmission`), which locks the entries; the planner may return it. The
planner's `Report` adds recommendations and is submitted to the executive, who records `Decision`s.
"""
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from jospar import rules
from jospar import text_limits as limits
from jospar.i18n import current_lang, localized
from jospar.orgs.models import OrgUnit
from jospar.planning.models import (
    Event,
    Macroindicator,
    OperationalPlan,
    PlanVersion,
    StrategicDirection,
    TargetIndicator,
)

STATUS_CHOICES = [(s.value, s.label("en")) for s in rules.ExecutionStatus]


class ReportingPeriod(models.Model):
    """A quarter of a plan year; the official report is cumulative from 1 January."""

    plan = models.ForeignKey(
        OperationalPlan, on_delete=models.CASCADE, related_name="reporting_periods", verbose_name=_("operational plan")
    )
    quarter = models.PositiveSmallIntegerField(_("quarter"))

    class Meta:
        verbose_name = _("reporting period")
        verbose_name_plural = _("reporting periods")
        ordering = ["plan", "quarter"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "quarter"], name="period_one_per_quarter"),
            models.CheckConstraint(condition=Q(quarter__gte=1, quarter__lte=4), name="period_quarter_1_4"),
        ]

    def __str__(self):
        """«II квартал 2026» in the reader's language: a period's code («2026-Q2») never reaches a page."""
        return f"{self.label(current_lang())} {self.plan.year}"

    @cached_property
    def rules_period(self) -> rules.ReportingPeriod:
        return rules.ReportingPeriod(self.plan.year, self.quarter)

    @property
    def year(self) -> int:
        return self.plan.year

    @property
    def start(self):
        return self.rules_period.start

    @property
    def end(self):
        return self.rules_period.end

    @cached_property
    def info_due(self):
        """§13: units' information by the 10th of the month after the quarter (per the plan's edition)."""
        return self.rules_period.info_due_on(self.plan.edition)

    @cached_property
    def report_due(self):
        """§15: the report by the 15th of the month after the quarter."""
        return self.rules_period.report_due_on(self.plan.edition)

    @property
    def roman(self) -> str:
        return rules.ROMAN[self.quarter]

    def label(self, lang: str) -> str:
        return self.rules_period.label(lang)

    def cumulative_label(self, lang: str) -> str:
        return self.rules_period.cumulative_label(lang)

    @property
    def title(self) -> str:
        """The quarter in the active language, for templates: «I тоқсан» / «I квартал» / «Q1»."""
        return self.label(current_lang())

    @property
    def cumulative_title(self) -> str:
        return self.cumulative_label(current_lang())


class EntryState(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted")
    RETURNED = "returned", _("returned for correction")


class ExecutionEntry(models.Model):
    """What the lead executor reports on one occurrence of an event in one period (Form 2 columns 6–7)."""

    period = models.ForeignKey(ReportingPeriod, on_delete=models.CASCADE, related_name="entries")
    event = models.ForeignKey(Event, on_delete=models.PROTECT, related_name="execution_entries")
    occurrence = models.PositiveSmallIntegerField(
        _("occurrence"), default=1, help_text=_("Which due date of the event in the plan year (1 = the first).")
    )
    due_on = models.DateField(_("due on"), null=True, blank=True)
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+", verbose_name=_("lead executor"))
    status = models.CharField(_("status"), max_length=16, choices=STATUS_CHOICES)
    # Each text in both state languages (Form 2 is made in Kazakh and in Russian): the author may save one,
    # the unit head submits only when both are there (`selectors.entry_texts_missing`).
    actual_kk = models.TextField(_("actual execution in Kazakh"), max_length=limits.EXECUTION_TEXT, blank=True)
    actual_ru = models.TextField(_("actual execution in Russian"), max_length=limits.EXECUTION_TEXT, blank=True)
    reasons_kk = models.TextField(_("reasons for non-execution in Kazakh"), max_length=limits.EXECUTION_TEXT,
                                  blank=True)
    reasons_ru = models.TextField(_("reasons for non-execution in Russian"), max_length=limits.EXECUTION_TEXT,
                                  blank=True)
    state = models.CharField(_("state"), max_length=12, choices=EntryState.choices, default=EntryState.DRAFT)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    return_comment = models.TextField(_("planner's comment on return"), max_length=limits.COMMENT, blank=True)
    returned_at = models.DateTimeField(_("returned at"), null=True, blank=True)
    returned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(_("updated at"))
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("execution entry")
        verbose_name_plural = _("execution entries")
        ordering = ["period", "event_id", "occurrence"]
        constraints = [
            models.UniqueConstraint(fields=["period", "event", "occurrence"], name="entry_one_per_occurrence"),
            models.CheckConstraint(
                condition=Q(status__in=[s.value for s in rules.ExecutionStatus]), name="entry_status_known"
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["not_executed", "partial"]) | ~Q(reasons_kk="") | ~Q(reasons_ru=""),
                name="entry_reasons_when_not_executed",
            ),
            *limits.length_checks("entry", actual_kk=limits.EXECUTION_TEXT, actual_ru=limits.EXECUTION_TEXT,
                                  reasons_kk=limits.EXECUTION_TEXT, reasons_ru=limits.EXECUTION_TEXT,
                                  return_comment=limits.COMMENT),
        ]
        indexes = [models.Index(fields=["period", "unit"]), models.Index(fields=["event", "occurrence"])]

    def __str__(self):
        return f"{self.period} · #{self.event_id}/{self.occurrence} · {self.status}"

    def status_label(self, lang: str) -> str:
        return rules.ExecutionStatus(self.status).label(lang)


def attachment_name(instance, filename: str) -> str:
    """A random name under MEDIA_ROOT: the uploaded name is kept only as data, never as a path."""
    return f"monitoring/{uuid.uuid4().hex}"


class Attachment(models.Model):
    """A supporting file of an entry; served only as a download, after a permission check."""

    entry = models.ForeignKey(ExecutionEntry, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to=attachment_name, max_length=200)
    original_name = models.CharField(_("file name"), max_length=200)
    kind = models.CharField(_("type"), max_length=8)
    size = models.PositiveIntegerField(_("size"))
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(_("uploaded at"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("supporting file")
        verbose_name_plural = _("supporting files")
        ordering = ["entry", "uploaded_at", "id"]

    def __str__(self):
        return self.original_name


class Contribution(models.Model):
    """A co-executor's part of an occurrence, for the lead executor to consolidate in its entry."""

    period = models.ForeignKey(ReportingPeriod, on_delete=models.CASCADE, related_name="contributions")
    event = models.ForeignKey(Event, on_delete=models.PROTECT, related_name="+")
    occurrence = models.PositiveSmallIntegerField(_("occurrence"), default=1)
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+", verbose_name=_("co-executor"))
    text = models.TextField(_("contribution"), max_length=limits.EXECUTION_TEXT)
    updated_at = models.DateTimeField(_("updated at"))
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("co-executor's contribution")
        verbose_name_plural = _("co-executors' contributions")
        ordering = ["period", "event_id", "occurrence", "unit_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["period", "event", "occurrence", "unit"], name="contribution_one_per_unit"
            ),
            *limits.length_checks("contribution", text=limits.EXECUTION_TEXT),
        ]

    def __str__(self):
        return f"{self.unit} · #{self.event_id}/{self.occurrence}"


class IndicatorActual(models.Model):
    """The actual (or estimated) value of a macroindicator or target indicator reported by its responsible unit
    with the information of one period: the value so far (cumulative from 1 January or the period's level, as the
    indicator counts), or, on the fourth quarter's information, the year's final value (`is_final`). Locked with
    the unit's information once its head submits it (`UnitSubmission`); the planner's return opens it again."""

    period = models.ForeignKey(ReportingPeriod, on_delete=models.CASCADE, related_name="indicator_actuals")
    macroindicator = models.ForeignKey(Macroindicator, on_delete=models.PROTECT, null=True, blank=True,
                                       related_name="actuals", verbose_name=_("macroindicator"))
    target_indicator = models.ForeignKey(TargetIndicator, on_delete=models.PROTECT, null=True, blank=True,
                                         related_name="actuals", verbose_name=_("target indicator"))
    is_final = models.BooleanField(_("final value for the year"), default=False)
    value = models.DecimalField(_("actual value"), max_digits=18, decimal_places=4)
    source_kk = models.TextField(_("source in Kazakh"), max_length=limits.INDICATOR_SOURCE, blank=True)
    source_ru = models.TextField(_("source in Russian"), max_length=limits.INDICATOR_SOURCE, blank=True)
    comment_kk = models.TextField(_("comment in Kazakh"), max_length=limits.EXECUTION_TEXT, blank=True)
    comment_ru = models.TextField(_("comment in Russian"), max_length=limits.EXECUTION_TEXT, blank=True)
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+", verbose_name=_("responsible unit"))
    updated_at = models.DateTimeField(_("updated at"))
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("actual value of an indicator")
        verbose_name_plural = _("actual values of indicators")
        ordering = ["period", "macroindicator_id", "target_indicator_id", "is_final"]
        constraints = [
            models.CheckConstraint(
                condition=Q(macroindicator__isnull=False, target_indicator__isnull=True)
                | Q(macroindicator__isnull=True, target_indicator__isnull=False),
                name="actual_one_indicator",
            ),
            models.UniqueConstraint(fields=["period", "macroindicator", "is_final"],
                                    condition=Q(macroindicator__isnull=False), name="actual_one_per_macro"),
            models.UniqueConstraint(fields=["period", "target_indicator", "is_final"],
                                    condition=Q(target_indicator__isnull=False), name="actual_one_per_indicator"),
            *limits.length_checks("actual", source_kk=limits.INDICATOR_SOURCE, source_ru=limits.INDICATOR_SOURCE,
                                  comment_kk=limits.EXECUTION_TEXT, comment_ru=limits.EXECUTION_TEXT),
        ]
        indexes = [models.Index(fields=["period", "unit"])]

    def __str__(self):
        which = f"m:{self.macroindicator_id}" if self.macroindicator_id else f"t:{self.target_indicator_id}"
        return f"{self.period} · {which}{' · final' if self.is_final else ''}"

    @property
    def indicator(self):
        return self.macroindicator or self.target_indicator

    @property
    def indicator_key(self) -> str:
        """«m:<id>» or «t:<id>», as the work list and its workbook name an indicator."""
        return f"m:{self.macroindicator_id}" if self.macroindicator_id else f"t:{self.target_indicator_id}"


class SubmissionStatus(models.TextChoices):
    SUBMITTED = "submitted", _("submitted")
    RETURNED = "returned", _("returned for correction")


class UnitSubmission(models.Model):
    """The unit head's submission of the unit's information for a period (§13–§14)."""

    period = models.ForeignKey(ReportingPeriod, on_delete=models.CASCADE, related_name="submissions")
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+", verbose_name=_("unit"))
    status = models.CharField(_("status"), max_length=12, choices=SubmissionStatus.choices)
    first_submitted_at = models.DateTimeField(_("first submitted at"))
    submitted_at = models.DateTimeField(_("submitted at"))
    submitted_on = models.DateField(_("submitted on"), help_text=_("Date in the state body's time zone."))
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    is_late = models.BooleanField(_("late"), default=False)
    delay_days = models.PositiveIntegerField(_("days of delay"), default=0)
    return_comment = models.TextField(_("planner's comment on return"), max_length=limits.COMMENT, blank=True)
    returned_at = models.DateTimeField(_("returned at"), null=True, blank=True)
    returned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("unit's submission")
        verbose_name_plural = _("units' submissions")
        ordering = ["period", "unit_id"]
        constraints = [models.UniqueConstraint(fields=["period", "unit"], name="submission_one_per_unit"),
                       *limits.length_checks("submission", return_comment=limits.COMMENT)]

    def __str__(self):
        return f"{self.period} · {self.unit} · {self.status}"


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted")


class Report(models.Model):
    """The planner's report on the plan's implementation, Form 2 (§15–§16)."""

    period = models.OneToOneField(ReportingPeriod, on_delete=models.CASCADE, related_name="report")
    status = models.CharField(_("status"), max_length=12, choices=ReportStatus.choices, default=ReportStatus.DRAFT)
    # §16's texts, kept in both state languages: Form 2 in Kazakh carries the Kazakh text, in Russian the Russian.
    general_recommendations_kk = models.TextField(_("recommendations (Kazakh)"), max_length=limits.REPORT_TEXT,
                                                  blank=True)
    general_recommendations_ru = models.TextField(_("recommendations (Russian)"), max_length=limits.REPORT_TEXT,
                                                  blank=True)
    amendment_proposals_kk = models.TextField(_("proposals to amend the plan (Kazakh)"),
                                              max_length=limits.REPORT_TEXT, blank=True)
    amendment_proposals_ru = models.TextField(_("proposals to amend the plan (Russian)"),
                                              max_length=limits.REPORT_TEXT, blank=True)
    version = models.ForeignKey(
        PlanVersion, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        help_text=_("The approved version the report was compiled from, fixed on submission."),
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_on = models.DateField(_("submitted on"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    is_late = models.BooleanField(_("late"), default=False)
    delay_days = models.PositiveIntegerField(_("days of delay"), default=0)
    updated_at = models.DateTimeField(_("updated at"), null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("report on implementation")
        verbose_name_plural = _("reports on implementation")
        ordering = ["period"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="submitted") | Q(submitted_at__isnull=False, submitted_by__isnull=False),
                name="report_submission_recorded",
            ),
            *limits.length_checks("report", general_recommendations_kk=limits.REPORT_TEXT,
                                  general_recommendations_ru=limits.REPORT_TEXT,
                                  amendment_proposals_kk=limits.REPORT_TEXT, amendment_proposals_ru=limits.REPORT_TEXT),
        ]

    def __str__(self):
        return f"{self.period} ({self.status})"

    @property
    def is_submitted(self) -> bool:
        return self.status == ReportStatus.SUBMITTED


class ReportStep(models.Model):
    """A hand-over of the report: submitted to the executive, returned by the executive, recalled by the planner."""

    class Action(models.TextChoices):
        SUBMITTED = "submitted", _("submitted to the executive")
        RETURNED = "returned", _("returned by the executive")
        RECALLED = "recalled", _("recalled by the planner")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="steps")
    action = models.CharField(_("action"), max_length=12, choices=Action.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(_("when"))
    comment = models.TextField(_("comment"), blank=True, max_length=limits.COMMENT)

    class Meta:
        verbose_name = _("hand-over of the report")
        verbose_name_plural = _("hand-overs of the report")
        ordering = ["report", "at", "id"]
        constraints = limits.length_checks("report_step", comment=limits.COMMENT)

    def __str__(self):
        return f"{self.report} · {self.action}"


class EventRecommendation(models.Model):
    """Form 2 column 8 for one event: the planner's recommendation, incl. proposals to amend."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="recommendations")
    event = models.ForeignKey(Event, on_delete=models.PROTECT, related_name="+")
    text_kk = models.TextField(_("recommendation (Kazakh)"), max_length=limits.REPORT_TEXT, blank=True)
    text_ru = models.TextField(_("recommendation (Russian)"), max_length=limits.REPORT_TEXT, blank=True)
    updated_at = models.DateTimeField(_("updated at"))
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("recommendation on an event")
        verbose_name_plural = _("recommendations on events")
        constraints = [models.UniqueConstraint(fields=["report", "event"], name="recommendation_one_per_event"),
                       *limits.length_checks("recommendation", text_kk=limits.REPORT_TEXT,
                                             text_ru=limits.REPORT_TEXT)]

    def __str__(self):
        return localized(self, "text")[:60]


class DecisionQuerySet(models.QuerySet):
    def assigned_to(self, user_id, unit_ids):
        """Decisions naming one of these units, or this person, as responsible."""
        return self.filter(Q(responsible_unit_id__in=unit_ids) | Q(responsible_person_id=user_id))


class Decision(models.Model):
    """A decision of the first head or chief of staff on the report (§17)."""

    report = models.ForeignKey(Report, on_delete=models.PROTECT, related_name="decisions")
    # Recorded in one state language or both; both before it becomes the basis of an amendment (§18).
    text_kk = models.TextField(_("decision (Kazakh)"), max_length=limits.REPORT_TEXT, blank=True)
    text_ru = models.TextField(_("decision (Russian)"), max_length=limits.REPORT_TEXT, blank=True)
    responsible_unit = models.ForeignKey(
        OrgUnit, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("responsible unit")
    )
    responsible_person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("responsible person"),
    )
    due_on = models.DateField(_("due date"), null=True, blank=True)
    events = models.ManyToManyField(Event, blank=True, related_name="decisions", verbose_name=_("events"))
    requests_amendment = models.BooleanField(
        _("requests an amendment of the plan"), default=False,
        help_text=_("The planner prepares an amendment (a new version of the plan) from this decision."),
    )
    created_at = models.DateTimeField(_("recorded at"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # Follow-up (§17): who reported it carried out, when, and how.
    done_on = models.DateField(_("carried out on"), null=True, blank=True)
    done_note = models.TextField(_("how it was carried out"), max_length=limits.REPORT_TEXT, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("reported carried out by"),
    )
    # §18: the amendment (a new version of the plan) opened on this decision. One each way: a version is
    # based on one decision, and a decision leads to one amendment. The decision points at the version
    # (monitoring stands on planning, never the other way); `version.basis_decision` reads it back.
    amendment = models.OneToOneField(
        PlanVersion, on_delete=models.PROTECT, null=True, blank=True, related_name="basis_decision",
        verbose_name=_("amendment"),
    )
    history = HistoricalRecords()
    objects = DecisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["report", "created_at", "id"]
        indexes = [models.Index(fields=["requests_amendment", "report"])]
        constraints = limits.length_checks("decision", text_kk=limits.REPORT_TEXT, text_ru=limits.REPORT_TEXT,
                                           done_note=limits.REPORT_TEXT)

    def __str__(self):
        return self.text[:80]

    @property
    def text(self) -> str:
        """The decision in the reader's language, else the other (pages; documents pick with `exact`)."""
        return localized(self, "text")

    @property
    def is_done(self) -> bool:
        return self.done_on is not None

    def overdue_days(self, today) -> int:
        """Days past its due date while not carried out (0 when done, undated or not yet due)."""
        if self.is_done or self.due_on is None or today <= self.due_on:
            return 0
        return (today - self.due_on).days


class Reminder(models.Model):
    """One reminder sent: the unique key makes `send_reminders` send each stage once, however often it runs."""

    key = models.CharField(max_length=120, unique=True)
    period = models.ForeignKey(ReportingPeriod, on_delete=models.CASCADE, null=True, blank=True,
                               related_name="reminders")  # none for proposals, approval and decisions
    kind = models.CharField(max_length=12)  # info | report | proposals | approval | decision
    stage = models.CharField(max_length=8)  # soon | today | overdue
    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField()

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        ordering = ["-sent_at"]

    def __str__(self):
        return self.key


class ReportFigure(models.Model):
    """One line of a submitted report's execution summary, kept by the services that submit it and take it
    back (`services_report`), in the same transaction: occurrences by status, for the whole plan, a
    strategic direction or Section II, in the quarter or cumulative from 1 January. A submitted report never
    changes, so neither do its figures; the executive's home card reads them instead of compiling Form 2."""

    class Scope(models.TextChoices):
        QUARTER = "quarter"
        CUMULATIVE = "cumulative"

    class Line(models.TextChoices):
        TOTAL = "total"
        DIRECTION = "direction"
        SECTION2 = "section2"

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="figures")
    scope = models.CharField(max_length=12, choices=Scope.choices)
    position = models.PositiveSmallIntegerField()  # the order of the summary: the total, then Form order
    line = models.CharField(max_length=12, choices=Line.choices)
    direction = models.ForeignKey(StrategicDirection, on_delete=models.CASCADE, null=True, blank=True,
                                  related_name="+")
    number = models.PositiveSmallIntegerField(default=0)  # the direction's number in the form
    executed = models.PositiveIntegerField(default=0)
    partial = models.PositiveIntegerField(default=0)
    not_executed = models.PositiveIntegerField(default=0)
    in_progress = models.PositiveIntegerField(default=0)
    no_information = models.PositiveIntegerField(default=0)
    not_yet_due = models.PositiveIntegerField(default=0)

    COUNTS = ("executed", "partial", "not_executed", "in_progress", "no_information", "not_yet_due")

    class Meta:
        verbose_name = _("figure of a report")
        verbose_name_plural = _("figures of the reports")
        ordering = ["report", "scope", "position"]
        constraints = [
            models.UniqueConstraint(fields=["report", "scope", "position"], name="report_figure_one_per_line"),
            models.CheckConstraint(condition=Q(line="direction", direction__isnull=False)
                                   | (~Q(line="direction") & Q(direction__isnull=True)),
                                   name="report_figure_direction_line"),
        ]

    def __str__(self):
        return f"{self.report} · {self.scope} · {self.line} {self.number or ''}".strip()

    @property
    def counts(self) -> list[int]:
        return [getattr(self, name) for name in self.COUNTS]


from .basis_models import AmendmentBasis  # noqa: E402,F401  (the report's bases of amendment proposals)
from .summary_models import PlanState, QuarterSummary, YearSummary  # noqa: E402,F401  (the national view's)
