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
    act_kk = models.TextField(_("act (Kazakh)"))
    act_ru = models.TextField(_("act (Russian)"))
    act_en = models.TextField(_("act (English)"))
    effective_from = models.DateField(_("in force from"))
    effective_to = models.DateField(_("in force until"), null=True, blank=True)
    approval_days = models.PositiveSmallIntegerField(_("days to approve the plan"))
    info_due_day = models.PositiveSmallIntegerField(_("units' information due on day"))
    report_due_day = models.PositiveSmallIntegerField(_("report due on day"))
    shift_to_workday = models.BooleanField(_("due dates move off non-working days"), default=False)
    approvers = models.JSONField(_("who approves"))
    text_checked = models.BooleanField(_("checked against the act's text"), default=False)
    form1 = models.JSONField(_("labels of Form 1"))
    form2 = models.JSONField(_("labels of Form 2"))
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
