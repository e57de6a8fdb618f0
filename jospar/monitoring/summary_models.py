"""Kept figures of every body's plan for the national view (issue 14): one row per body and year, one per
body, year and quarter. They are kept up to date by the services that change what they count (approval,
a unit's submission and its return, the report's submission and its taking back, a decision and its
completion), in the same transaction, so the national page reads 200 bodies' figures in one query instead of
compiling 200 reports; `manage.py rebuild_summaries` recomputes them from scratch (`summaries.rebuild`).

Only submitted and approved data is counted: a unit's draft entries and a draft report are never read.
What depends on today's date (a deadline passed with nothing submitted = missing; an open decision past its
due date = overdue; days late of an approval still awaited) is not kept: the page derives it from the kept
dates with the pure rules of `jospar.rules.timeliness`, so the figures never go stale overnight.
"""
from django.db import models
from django.utils.translation import gettext_lazy as _

from jospar.orgs.models import StateBody


class PlanState(models.TextChoices):
    NONE = "none", _("no plan")
    DRAFT = "draft", _("draft")
    ON_APPROVAL = "on_approval", _("sent for approval")
    APPROVED = "approved", _("approved")
    AMENDING = "amending", _("approved, amendment in progress")


class YearSummary(models.Model):
    """One body's operational plan of a year, as the national view shows it: one row per plan, from the day
    it is opened. A body with no plan of the year has no row (the page shows it as `PlanState.NONE`)."""

    body = models.ForeignKey(StateBody, on_delete=models.CASCADE, related_name="year_summaries")
    year = models.PositiveSmallIntegerField()
    state = models.CharField(max_length=12, choices=PlanState.choices, default=PlanState.NONE)
    version_in_force = models.PositiveSmallIntegerField(default=0)  # the newest approved version; 0 if none
    approval_due_on = models.DateField(null=True, blank=True)  # §6: signing of the development plan + 10 days
    approved_on = models.DateField(null=True, blank=True)  # the first approval (version 1)
    amendments = models.PositiveSmallIntegerField(default=0)  # approved versions after the first
    decisions_open = models.PositiveSmallIntegerField(default=0)  # recorded on the year's reports, not done
    # due dates (ISO) of the open decisions that have one: overdue = due before today (derived, not kept)
    open_decision_due_dates = models.JSONField(default=list, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("kept figures of a plan year")
        verbose_name_plural = _("kept figures of plan years")
        ordering = ["year", "body"]
        constraints = [models.UniqueConstraint(fields=["body", "year"], name="year_summary_one_per_body_year")]
        indexes = [models.Index(fields=["year", "body"])]

    def __str__(self):
        return f"{self.body_id} · {self.year}"


class QuarterSummary(models.Model):
    """One body's reporting quarter (§13, §15) as the national view shows it.

    Units: `units_due` counts the units with anything due in the quarter: the lead executors of an event of
    the version in force at the quarter's end that has something to report in it — an occurrence due in
    it, an earlier one not executed by a submitted entry of an earlier quarter (carried over), or «within
    the year» in progress — exactly the units the period's units page and Form 2's timeliness table expect
    information from (any of them may submit, so on time + late never exceeds it). Units with nothing due
    are not counted, so they never make a body look late. `units_on_time` and `units_late` count those whose
    information was submitted (a submission returned for correction still counts as received, by its first
    submission); missing = due − on time − late, once `info_due_on` has passed.

    Execution: `items_due` counts the occurrences due in the quarter (attributed to it by the deadline) of
    the events the version in force at its end does not cancel; `executed`, `partial`, `not_executed` and
    `in_progress` count the quarter's submitted entries of those occurrences by status (a returned or draft
    entry is not counted); the rest have no submitted information yet. An occurrence counts once, in its
    own quarter, so the quarters add up to the year.

    Report: `report_state` is submitted while the report is (returned or recalled, it is a draft again and
    counts as not submitted); `report_submitted_on` its latest submission; `report_late` the lateness of its
    first submission (a report taken back and submitted again keeps it, as `Report.is_late` does).

    Every plan has its four rows from the day it is opened (a plan never approved has nothing due).
    """

    class ReportState(models.TextChoices):
        NONE = "none", _("not submitted")
        SUBMITTED = "submitted", _("submitted")

    body = models.ForeignKey(StateBody, on_delete=models.CASCADE, related_name="quarter_summaries")
    year = models.PositiveSmallIntegerField()
    quarter = models.PositiveSmallIntegerField()
    info_due_on = models.DateField()  # §13: the 10th of the month after the quarter
    report_due_on = models.DateField()  # §15: the 15th
    units_due = models.PositiveIntegerField(default=0)
    units_on_time = models.PositiveIntegerField(default=0)
    units_late = models.PositiveIntegerField(default=0)
    report_state = models.CharField(max_length=12, choices=ReportState.choices, default=ReportState.NONE)
    report_submitted_on = models.DateField(null=True, blank=True)
    report_late = models.BooleanField(default=False)
    items_due = models.PositiveIntegerField(default=0)
    executed = models.PositiveIntegerField(default=0)
    partial = models.PositiveIntegerField(default=0)
    not_executed = models.PositiveIntegerField(default=0)
    in_progress = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    COUNTS = ("units_due", "units_on_time", "units_late", "items_due", "executed", "partial", "not_executed",
              "in_progress")

    class Meta:
        verbose_name = _("kept figures of a reporting quarter")
        verbose_name_plural = _("kept figures of reporting quarters")
        ordering = ["year", "body", "quarter"]
        constraints = [
            models.UniqueConstraint(fields=["body", "year", "quarter"], name="quarter_summary_one_per_quarter"),
            models.CheckConstraint(condition=models.Q(quarter__gte=1, quarter__lte=4), name="quarter_summary_q"),
        ]
        indexes = [models.Index(fields=["year", "body", "quarter"])]

    def __str__(self):
        return f"{self.body_id} · {self.year} Q{self.quarter}"
