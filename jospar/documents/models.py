"""The files of what was approved and submitted, kept as they were made.

When a version is approved its Form 1 is rendered in Kazakh and Russian as PDF, DOCX and XLSX and stored
here with its SHA-256; when a report is submitted, its Form 2 (the official cumulative report) likewise.
Downloads of an approved version or a submitted report serve these bytes, so a later change of code,
numbering or labels never alters a document once approved. The bytes live in the database, so that
replicas and backups carry them. A row is never changed: a report taken back (returned or recalled) gets
``withdrawn_at`` and stays as history; its next submission stores new rows.
"""
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from jospar.monitoring.models import Report
from jospar.planning.models import PlanVersion


class StoredDocument(models.Model):
    class Form(models.IntegerChoices):
        FORM1 = 1, _("Form 1")
        FORM2 = 2, _("Form 2")

    form = models.PositiveSmallIntegerField(_("form"), choices=Form.choices)
    version = models.ForeignKey(PlanVersion, on_delete=models.PROTECT, null=True, blank=True,
                                related_name="stored_documents", verbose_name=_("plan version"))
    report = models.ForeignKey(Report, on_delete=models.PROTECT, null=True, blank=True,
                               related_name="stored_documents", verbose_name=_("report on implementation"))
    lang = models.CharField(_("language"), max_length=2)
    fmt = models.CharField(_("format"), max_length=4)
    filename = models.CharField(_("file name"), max_length=120)
    content_type = models.CharField(_("content type"), max_length=100)
    data = models.BinaryField(_("content"))
    sha256 = models.CharField("SHA-256", max_length=64)
    size = models.PositiveIntegerField(_("size in bytes"))
    created_at = models.DateTimeField(_("stored at"))
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True,
                                        help_text=_("The report was taken back: this file is no longer served."))

    class Meta:
        verbose_name = _("stored document")
        verbose_name_plural = _("stored documents")
        ordering = ["-created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(form=1, version__isnull=False, report__isnull=True)
                | Q(form=2, version__isnull=True, report__isnull=False),
                name="storeddocument_form_names_its_source",
            ),
            models.CheckConstraint(condition=~Q(form=1) | Q(withdrawn_at__isnull=True),
                                   name="storeddocument_approved_form1_stays"),
            models.UniqueConstraint(fields=["version", "lang", "fmt"], condition=Q(form=1),
                                    name="storeddocument_one_form1_file"),
            models.UniqueConstraint(fields=["report", "lang", "fmt"], condition=Q(form=2, withdrawn_at__isnull=True),
                                    name="storeddocument_one_served_form2_file"),
        ]

    def __str__(self):
        return self.filename

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            raise ValidationError(_("A stored document is kept as it was made and cannot be changed."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(_("A stored document is kept as it was made and cannot be deleted."))
