"""Form 2 downloads and a unit's work list round trip: thin views over monitoring's selectors and services."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import ngettext

from jospar.documents.assembly.form2 import CUMULATIVE, QUARTER, form2_document
from jospar.documents.assembly.indicators import indicators_workbook
from jospar.documents.forms import UploadForm
from jospar.documents.importers.worklist import WorklistRefused, check_worklist, save_worklist
from jospar.documents.importers.worklist_book import build_worklist, worklist_filename
from jospar.documents.stored import served_form2
from jospar.documents.views.plan import attachment, served_stored
from jospar.documents.writers.render import render as render_document
from jospar.monitoring import selectors as monitoring
from jospar.monitoring.indicators import unit_indicators
from jospar.monitoring.services import open_periods
from jospar.orgs.models import OrgUnit
from jospar.orgs.permissions import access_of
from jospar.planning.models import OperationalPlan


def period_of(request, year: int, quarter: int):
    if not 1 <= quarter <= 4:
        raise Http404
    plan = get_object_or_404(OperationalPlan.objects.select_related("body"),
                             body_id=access_of(request.user).member_body_id, year=year)
    if request.method in ("GET", "HEAD"):  # a download only reads (see monitoring.views.period_of)
        return monitoring.periods_of(plan)[quarter - 1]
    return open_periods(plan)[quarter - 1]


@login_required
def form2(request, year: int, quarter: int, lang: str, fmt: str):
    """Form 2 of a period: cumulative from 1 January (the official report), or ``?view=quarter``."""
    period = period_of(request, year, quarter)
    if not request.user.has_perm("monitoring.view_report", period):
        raise PermissionDenied
    view = QUARTER if request.GET.get("view") == "quarter" else CUMULATIVE
    if view == CUMULATIVE:  # the official report, as submitted: the files stored on submission
        report = monitoring.report_of(period)
        if report is not None and report.is_submitted:  # until it is taken back: its submission names the files
            stored = served_stored(request, ("form2", report.pk, report.submitted_at, lang, fmt),
                                   lambda: served_form2(report, lang, fmt))
            if stored is not None:
                return stored
    doc = form2_document(period, lang, view)
    if doc is None:
        raise Http404  # no approved version yet: there is nothing to report on
    return attachment(render_document(doc, fmt), f"{doc.filename}.{fmt}", fmt)


def _unit(request, period, unit_id: int, perm: str) -> OrgUnit:
    unit = get_object_or_404(OrgUnit, pk=unit_id, body_id=period.plan.body_id)
    if not request.user.has_perm(perm, unit):
        raise PermissionDenied
    return unit


@login_required
def worklist_download(request, year: int, quarter: int, unit_id: int, lang: str):
    period = period_of(request, year, quarter)
    unit = _unit(request, period, unit_id, "monitoring.view_unit_info")
    listing = monitoring.work_list(period, unit, lang)
    own = unit_indicators(period, unit, lang, can_edit=request.user.has_perm("monitoring.edit_indicator", unit),
                          submission=listing.submission, version=listing.version)
    return attachment(build_worklist(listing, lang, own), worklist_filename(period, unit, lang), "xlsx")


@login_required
def worklist_upload(request, year: int, quarter: int, unit_id: int):
    period = period_of(request, year, quarter)
    unit = _unit(request, period, unit_id, "monitoring.edit_entry")
    form = UploadForm(request.POST or None, request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        check = check_worklist(form.cleaned_data["file"], period, unit)
        problems = check.problems
        if check.ok:
            try:
                saved = save_worklist(user=request.user, period=period, changes=check.changes, sheet=check.sheet,
                                      unit=unit, indicator_changes=check.indicator_changes,
                                      indicator_sheet=check.indicator_sheet)
            except WorklistRefused as refused:
                problems = refused.problems
            else:
                messages.success(request, ngettext("%(n)s entry saved from the work list.",
                                                   "%(n)s entries saved from the work list.", saved) % {"n": saved})
                return redirect(reverse("monitoring:unit", args=[year, quarter, unit_id]))
    return render(request, "documents/worklist_upload.html", {
        "period": period, "plan": period.plan, "unit": unit, "form": form, "problems": problems,
    }, status=400 if problems else 200)



@login_required
def indicators(request, year: int, quarter: int, lang: str):
    """The report's indicators table (planned against actual) as an Excel workbook: who may see the report."""
    period = period_of(request, year, quarter)
    if not request.user.has_perm("monitoring.view_report", period):
        raise PermissionDenied
    found = indicators_workbook(period, lang)
    if found is None:
        raise Http404
    data, filename = found
    return attachment(data, filename, "xlsx")
