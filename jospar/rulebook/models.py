"""One row per edition of the Rules: the act's title, dates, parameters and the labels of both forms.

The labels are kept as the rules' plain data ({label: {lang: text}}, columns as lists); `revision`
counts the corrections, so a form read before another correction is refused rather than overwriting it.
"""
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from jospar import rules


class Edition(models.Model):
    key = models.CharField(_("key"), max_length=32, unique=True)
    act_kk = models.TextField(_("Title of the act (Kazakh)"))
    act_ru = models.TextField(_("Title of the act (Russian)"))
    act_en = models.TextField(_("Title of the act (English)"))
    effective_from = models.DateField(_("In force from"))
    effective_to = models.DateField(_("In force until"), null=True, blank=True)
    approval_days = models.PositiveSmallIntegerField(_("Days to approve the plan"))
    info_due_day = models.PositiveSmallIntegerField(_("Units' information due on day"))
    report_due_day = models.PositiveSmallIntegerField(_("Report due on day"))
    shift_to_workday = models.BooleanField(_("Due dates move off non-working days"), default=False)
    approvers = models.JSONField(_("Who approves"))
    text_checked = models.BooleanField(_("Checked against the act's text"), default=False)
    # Indicators' achievement (jospar.rules.indicators): percentages a body's planning authority may tune.
    indicator_achieved = models.PositiveSmallIntegerField(_("Indicator achieved from, %"), default=100)
    indicator_on_track = models.PositiveSmallIntegerField(_("Indicator on track from, %"), default=90)
    indicator_tolerance = models.PositiveSmallIntegerField(_("Tolerance of a target to hit, %"), default=5)
    form1 = models.JSONField(_("Labels of Form 1"))
    form2 = models.JSONField(_("Labels of Form 2"))
    revision = models.PositiveIntegerField(_("revision"), default=1)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("edition of the Rules")
        verbose_name_plural = _("editions of the Rules")
        ordering = ["effective_from"]
        constraints = [
            models.CheckConstraint(condition=Q(effective_to__isnull=True) | Q(effective_to__gte=F("effective_from")),
                                   name="rulebook_edition_ordered_dates"),
        ]

    def __str__(self):
        return self.key

    def as_rules(self) -> rules.Edition:
        from .data import edition_of

        return edition_of(self)
