"""The planner's Excel import into the draft: the template download and the upload page."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import ngettext

from jospar.documents.forms import UploadForm
from jospar.documents.importers import save_events as services
from jospar.documents.importers.plan_events import check_plan_workbook
from jospar.documents.importers.plan_template import build_import_template, template_filename
from jospar.documents.importers.workbook_io import Problem
from jospar.documents.views.plan import attachment, plan_version
from jospar.planning.models import PlanVersion


@login_required
def import_template(request, year: int, number: int, lang: str):
    version = plan_version(request, year, number, perm="planning.edit_draft")
    if version.status != PlanVersion.Status.DRAFT:
        raise Http404
    return attachment(build_import_template(version, lang), template_filename(version, lang), "xlsx")


@login_required
def import_events(request, year: int, number: int):
    version = plan_version(request, year, number, perm="planning.edit_draft")
    problems: list[Problem] = []
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        check = check_plan_workbook(upload, version)
        problems = check.problems
        if check.ok:
            try:
                added = services.import_events(user=request.user, version=version, events=check.events,
                                               source=upload.name)
            except ValidationError as error:
                problems = [Problem("", "", message) for message in error.messages]
            else:
                messages.success(request, ngettext("%(n)s event imported into the draft.",
                                                   "%(n)s events imported into the draft.", added) % {"n": added})
                return redirect(f"{reverse('planning:plan_detail', args=[year])}?v={number}")
    context = {"version": version, "plan": version.plan, "form": form, "problems": problems,
               "is_draft": version.status == PlanVersion.Status.DRAFT}
    return render(request, "documents/import.html", context, status=400 if problems else 200)
