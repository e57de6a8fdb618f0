"""The signatures app's answers to the three acts (connected after the documents app's: `INSTALLED_APPS`).

Each runs inside the act's transaction, after the documents app stored the PDFs: the evidence is verified over
the stored bytes and recorded, or `ValidationError` rolls the whole act back (`services.record_act`).
"""
from django.dispatch import receiver
from django.utils import timezone

from jospar.documents.models import StoredDocument
from jospar.monitoring.canonical import unit_info_bytes, unit_info_filename
from jospar.monitoring.signals import report_submitted, unit_info_submitted
from jospar.planning.signals import version_approved

from . import services
from .models import Act

FIELDS = {"kk": "cms_kk", "ru": "cms_ru"}


def _pdfs(stored) -> list[services.Doc]:
    return [services.Doc(FIELDS[d.lang], d.filename, bytes(d.data), d) for d in stored if d.lang in FIELDS]


@receiver(version_approved, dispatch_uid="signatures.verify_approval")
def verify_approval(sender, *, version, plan, evidence=None, **kwargs) -> None:
    if not evidence and not services.is_required(Act.APPROVAL):
        return  # nothing signed, nothing required: not a query more
    stored = StoredDocument.objects.filter(form=StoredDocument.Form.FORM1, version=version, fmt="pdf").order_by("lang")
    services.record_act(act=Act.APPROVAL, body_id=plan.body_id, user=version.approved_by, documents=_pdfs(stored),
                        evidence=evidence, at=timezone.now(), version=version)


@receiver(report_submitted, dispatch_uid="signatures.verify_report")
def verify_report(sender, *, report, evidence=None, **kwargs) -> None:
    if not evidence and not services.is_required(Act.REPORT):
        return
    stored = StoredDocument.objects.filter(form=StoredDocument.Form.FORM2, report=report, fmt="pdf",
                                           withdrawn_at__isnull=True).order_by("lang")
    services.record_act(act=Act.REPORT, body_id=report.period.plan.body_id, user=report.submitted_by,
                        documents=_pdfs(stored), evidence=evidence, at=report.submitted_at, report=report)


@receiver(unit_info_submitted, dispatch_uid="signatures.verify_unit_info")
def verify_unit_info(sender, *, submission, period, unit, evidence=None, **kwargs) -> None:
    if not evidence and not services.is_required(Act.UNIT_INFO):
        return  # nothing to verify: the canonical rendering is not even read
    doc = services.Doc("cms", unit_info_filename(period, unit.id), unit_info_bytes(period, unit))
    services.record_act(act=Act.UNIT_INFO, body_id=period.plan.body_id, user=submission.submitted_by,
                        documents=[doc], evidence=evidence, at=submission.submitted_at, submission=submission)
