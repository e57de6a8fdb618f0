"""What the signer signs, rendered before the act exactly as the act will store it (reads only, writes nothing).

Approval: the version stamped as approved by this user today (`planning.approval.services.stamp_approval`, on an
unsaved copy), its Form 1 PDF in kk and ru. Report: the report stamped as submitted now
(`monitoring.services_report.stamp_submission`, unsaved), its Form 2 PDF in kk and ru. Unit information: the
canonical rendering (`monitoring.canonical`). The PDF writer is deterministic (ReportLab `invariant=1`), so the
same data gives the same bytes: if anything changed by the act, the digest check refuses it
(«the document changed since you signed it: sign it again»).
"""
from datetime import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from jospar.documents.assembly.form1 import LANGS, form1_document
from jospar.documents.assembly.form2 import CUMULATIVE, form2_document
from jospar.documents.writers.render import render
from jospar.monitoring import selectors as monitoring
from jospar.monitoring.canonical import unit_info_filename, unit_info_render
from jospar.monitoring.models import Report, ReportingPeriod
from jospar.monitoring.services import local_date
from jospar.monitoring.services_report import stamp_submission
from jospar.planning.approval.services import stamp_approval
from jospar.planning.models import PlanVersion

from .services import Doc

FIELDS = {"kk": "cms_kk", "ru": "cms_ru"}


def approval_documents(version: PlanVersion, user) -> list[Doc]:
    """Form 1 of ``version`` as ``user``'s approval today will store it (PDF, kk and ru)."""
    if version.status != PlanVersion.Status.ON_APPROVAL:
        raise ValidationError(_("Only a version sent for approval can be approved."))
    stamp_approval(version, user)  # the caller's copy, never saved
    docs = [form1_document(version, lang) for lang in LANGS]
    return [Doc(FIELDS[doc.lang], f"{doc.filename}.pdf", render(doc, "pdf")) for doc in docs]


def report_documents(period: ReportingPeriod, user, *, at: datetime | None = None) -> list[Doc]:
    """Form 2 of ``period`` as ``user``'s submission now will store it (PDF, kk and ru)."""
    version = monitoring.version_in_force(period.plan, period.end) if period.pk else None
    if version is None:
        raise ValidationError(_("The plan has no approved version to report on."))
    report = monitoring.report_of(period) or Report(period=period)
    if report.is_submitted:
        raise ValidationError(_("The report has been submitted and can no longer be changed."))
    now = at or timezone.now()
    stamp_submission(report, user, version, now, local_date(now, period.plan))
    docs = [form2_document(period, lang, CUMULATIVE, report=report) for lang in LANGS]
    return [Doc(FIELDS[doc.lang], f"{doc.filename}.pdf", render(doc, "pdf")) for doc in docs if doc is not None]


def unit_info_documents(period: ReportingPeriod, unit) -> list[Doc]:
    """The unit's information in its canonical rendering, as the head's submission will verify it."""
    listing = monitoring.work_list(period, unit, "ru")
    if listing.is_submitted:
        raise ValidationError(_("Your unit's information for this period has already been submitted."))
    if not listing.items:
        raise ValidationError(_("Your unit has nothing to report in this period."))
    return [Doc("cms", unit_info_filename(period, unit.id), unit_info_render(listing))]
