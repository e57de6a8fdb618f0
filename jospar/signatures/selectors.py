"""Reads of signatures (never write): one signature as a user may see it, and the signatures of an act."""
import re

from django.http import Http404

from jospar.i18n import current_lang
from jospar.rules.iin import mask_iin

from .models import Act, Signature
from .texts import CHECK_LABELS

# A signature's page needs what it signs (for the permission and the links) and the signer: one query.
_RELATED = ("signed_by__person", "root", "version__plan", "report__period__plan", "submission__unit",
            "submission__period__plan", "document")


def visible(user, pk: int, *, content: bool = False) -> Signature:
    """The signature if ``user`` may see what it signs, else 404 (another body's or unit's does not exist for
    them). ``content``: with the signed document's bytes (downloads, «verify again»)."""
    rows = Signature.objects.select_related(*_RELATED)
    if not content:
        rows = rows.defer("document__data")
    signature = rows.filter(pk=pk).first()
    if signature is None or not user.has_perm("signatures.see_signature", signature):
        raise Http404
    return signature


def _light():
    return (Signature.objects.defer("cms", "content", "certificate", "checks")
            .select_related("signed_by__person").order_by("field", "id"))


def of_version(version) -> list[Signature]:
    """The approval's signatures of an approved version (Form 1 kk, ru); one query."""
    if version is None or not version.pk or not version.is_approved:
        return []
    return list(_light().filter(act=Act.APPROVAL, version=version))


def of_report(report) -> list[Signature]:
    """The signatures of the report's current submission (a resubmission is signed anew); one query."""
    if report is None or not report.pk or not report.is_submitted:
        return []
    return list(_light().filter(act=Act.REPORT, report=report, act_at=report.submitted_at))


def of_submission(submission) -> list[Signature]:
    """The unit head's signature of the current submission of the unit's information; one query."""
    if submission is None or not submission.pk or submission.status != "submitted":
        return []
    return list(_light().filter(act=Act.UNIT_INFO, submission=submission, act_at=submission.submitted_at))


def slug(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-").lower() or "root"


def checks_in_words(checks: list[dict]) -> list[dict]:
    return [{"code": c["code"], "ok": c["ok"], "label": CHECK_LABELS.get(c["code"], c["code"]),
             "detail": c.get("detail", "")} for c in checks]


def detail_context(signature: Signature) -> dict:
    lang = current_lang()
    position = signature.position_kk if lang == "kk" else signature.position_ru
    rechecks = list(signature.rechecks.select_related("checked_by__person")[:5])
    latest = rechecks[0] if rechecks else None
    return {
        "signature": signature,
        "masked_iin": mask_iin(signature.iin),
        "position": position or signature.position_ru or signature.position_kk,
        "checks": checks_in_words(signature.checks),
        "rechecks": rechecks,
        "latest": latest,
        "latest_checks": checks_in_words(latest.checks) if latest else [],
        "back": back_link(signature),
    }


def back_link(signature: Signature) -> str:
    from django.urls import reverse

    version, report, submission = signature.version, signature.report, signature.submission
    if version is not None:
        return reverse("planning:plan_detail", args=[version.plan.year]) + f"?v={version.number}"
    if report is not None:
        return reverse("monitoring:report", args=[report.period.plan.year, report.period.quarter])
    if submission is not None:
        period = submission.period
        return reverse("monitoring:unit", args=[period.plan.year, period.quarter, submission.unit_id])
    return reverse("home")
