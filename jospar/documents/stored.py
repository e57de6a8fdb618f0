"""Keeping what was approved as approved: Form 1 of an approved version and Form 2 of a submitted report are
rendered once, in Kazakh and Russian, as PDF, DOCX and XLSX, and stored with their SHA-256 (`StoredDocument`).

Written only in the transaction of the action that fixes the document (`receivers`): approval stores Form 1,
submission stores Form 2, taking a report back withdraws its files (kept as history). Downloads read
`served`; drafts have nothing stored and are rendered on request.
"""
import hashlib

from django.db import transaction
from django.utils import timezone

from jospar.documents.assembly.form1 import LANGS, form1_document
from jospar.documents.assembly.form2 import CUMULATIVE, form2_document
from jospar.documents.models import StoredDocument
from jospar.documents.writers.layout import OfficialDocument
from jospar.documents.writers.render import CONTENT_TYPES, render
from jospar.monitoring.models import Report, ReportStatus
from jospar.planning.models import PlanVersion

FORMATS = ("pdf", "docx", "xlsx")


def _rows(docs: list[OfficialDocument], **source) -> list[StoredDocument]:
    now = timezone.now()
    rows = []
    for doc in docs:
        for fmt in FORMATS:
            data = render(doc, fmt)
            rows.append(StoredDocument(**source, lang=doc.lang, fmt=fmt, filename=f"{doc.filename}.{fmt}",
                                       content_type=CONTENT_TYPES[fmt], data=data, size=len(data),
                                       sha256=hashlib.sha256(data).hexdigest(), created_at=now))
    return StoredDocument.objects.bulk_create(rows)


def store_form1(version: PlanVersion) -> list[StoredDocument]:
    """Form 1 of the version just approved, in kk and ru, in every format (six files)."""
    return _rows([form1_document(version, lang) for lang in LANGS], form=StoredDocument.Form.FORM1, version=version)


def store_form2(report: Report) -> list[StoredDocument]:
    """Form 2 of the report just submitted (the official cumulative report), in kk and ru, in every format."""
    withdraw_form2(report)  # nothing should be left served; a resubmission supersedes it
    docs = [form2_document(report.period, lang, CUMULATIVE) for lang in LANGS]
    return _rows([doc for doc in docs if doc is not None], form=StoredDocument.Form.FORM2, report=report)


def withdraw_form2(report: Report) -> int:
    """The report was taken back: its files are no longer served (the rows stay as history)."""
    return StoredDocument.objects.filter(report=report, withdrawn_at__isnull=True).update(withdrawn_at=timezone.now())


def served_form1(version: PlanVersion, lang: str, fmt: str) -> StoredDocument | None:
    """The stored file of an approved version; None for a draft (rendered on request)."""
    if not version.is_approved:
        return None
    return StoredDocument.objects.filter(form=StoredDocument.Form.FORM1, version=version, lang=lang, fmt=fmt).first()


def served_form2(report: Report | None, lang: str, fmt: str) -> StoredDocument | None:
    """The stored file of a submitted report; None for a draft or a report taken back."""
    if report is None or not report.is_submitted:
        return None
    return StoredDocument.objects.filter(form=StoredDocument.Form.FORM2, report=report, lang=lang, fmt=fmt,
                                         withdrawn_at__isnull=True).first()


def store_missing() -> tuple[int, int]:
    """Store the files of every approved version and every submitted report that has none (approved or
    submitted before documents were stored): the data migration `documents/0002` runs it with the renderer of
    its day. Idempotent. Returns (versions, reports) stored."""
    versions = reports = 0
    for version in (PlanVersion.objects.filter(status=PlanVersion.Status.APPROVED, stored_documents__isnull=True)
                    .select_related("plan__body", "approved_by__person").order_by("pk")):
        with transaction.atomic():
            store_form1(version)
        versions += 1
    served = StoredDocument.objects.filter(report__isnull=False, withdrawn_at__isnull=True).values("report_id")
    for report in (Report.objects.filter(status=ReportStatus.SUBMITTED).exclude(pk__in=served)
                   .select_related("period__plan__body").order_by("pk")):
        with transaction.atomic():
            store_form2(report)
        reports += 1
    return versions, reports
