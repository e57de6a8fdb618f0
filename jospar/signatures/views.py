"""Prepare (what to sign, as JSON for `ncalayer.js`), a signature's page, its downloads and «verify again»."""
import base64

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from jospar.i18n import current_lang
from jospar.monitoring.models import ReportingPeriod
from jospar.orgs.models import OrgUnit
from jospar.orgs.permissions import access_of
from jospar.planning.models import PlanVersion

from . import prepare, selectors, services


def _json(data: dict, status: int = 200) -> JsonResponse:
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = "private, no-store"
    return response


def _refused(message: str, status: int) -> JsonResponse:
    return _json({"error": message}, status=status)


def _documents(request, make) -> JsonResponse:
    try:
        docs = make()
    except ValidationError as error:
        return _refused(" ".join(error.messages), 409)
    return _json({
        "documents": [{"field": d.field, "name": d.filename, "data": base64.b64encode(d.data).decode("ascii")}
                      for d in docs],
        "iin": services.signer_iin(request.user),
        "locale": current_lang(),
    })


def _not_yours() -> JsonResponse:
    return _refused(_("You cannot sign this act."), 403)


@require_GET
@login_required
def prepare_approval(request, pk: int):
    body_id = access_of(request.user).member_body_id
    version = get_object_or_404(PlanVersion.objects.select_related("plan__body", "plan__development_plan"),
                                pk=pk, plan__body_id=body_id)
    if not request.user.has_perm("planning.approve_plan", version.plan):
        return _not_yours()
    return _documents(request, lambda: prepare.approval_documents(version, request.user))


def _period(request, year: int, quarter: int) -> ReportingPeriod:
    body_id = access_of(request.user).member_body_id
    period = (ReportingPeriod.objects.select_related("plan__body", "plan__development_plan")
              .filter(plan__body_id=body_id, plan__year=year, quarter=quarter).first())
    if period is None:
        raise Http404
    return period


@require_GET
@login_required
def prepare_report(request, year: int, quarter: int):
    period = _period(request, year, quarter)
    if not request.user.has_perm("monitoring.submit_report", period):
        return _not_yours()
    return _documents(request, lambda: prepare.report_documents(period, request.user))


@require_GET
@login_required
def prepare_unit_info(request, year: int, quarter: int, unit_id: int):
    period = _period(request, year, quarter)
    unit = get_object_or_404(OrgUnit, pk=unit_id, body_id=period.plan.body_id)
    if not request.user.has_perm("monitoring.submit_unit_info", unit):
        return _not_yours()
    return _documents(request, lambda: prepare.unit_info_documents(period, unit))


@login_required
def detail(request, pk: int):
    signature = selectors.visible(request.user, pk)
    return render(request, "signatures/detail.html", selectors.detail_context(signature))


def _download(data: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def download_cms(request, pk: int):
    signature = selectors.visible(request.user, pk)
    return _download(bytes(signature.cms), f"{signature.filename}.cms", "application/pkcs7-signature")


@login_required
def download_content(request, pk: int):
    signature = selectors.visible(request.user, pk, content=True)
    kind = "application/pdf" if signature.document_id else "application/json"
    return _download(services.signed_content(signature), signature.filename, kind)


@login_required
def download_root(request, pk: int):
    signature = selectors.visible(request.user, pk)
    if signature.root is None:
        raise Http404
    return _download(signature.root.certificate_pem.encode(), f"{selectors.slug(signature.root.name)}.pem",
                     "application/x-pem-file")


@require_POST
@login_required
def verify_again(request, pk: int):
    signature = selectors.visible(request.user, pk, content=True)
    check = services.verify_again(user=request.user, signature=signature)
    if check.status == "valid":
        messages.success(request, _("Verified again: the signature is valid."))
    else:
        messages.warning(request, _("Verified again: %(result)s.") % {"result": check.get_status_display()})
    return redirect("signatures:detail", pk=signature.pk)
