"""Development plan workbooks: the blank template, the plan as a workbook, the import (all or nothing)."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from jospar.clock import today_in
from jospar.documents.importers.devplan import ImportRefused, blank_template, export_plan
from jospar.documents.importers.devplan.forms import ImportForm, TemplateForm
from jospar.documents.importers.devplan.service import import_development_plan
from jospar.documents.importers.guarded_workbook import limits as workbook_limits
from jospar.documents.views.plan import attachment
from jospar.orgs.permissions import require
from jospar.planning.devplan import services
from jospar.planning.devplan.selectors import devplan_tree


@login_required
def plan_workbook(request, pk):
    plan = services.plan_for(request.user, pk)
    name = f"development-plan-{plan.year_from}-{plan.year_to}-ed{plan.edition}.xlsx"
    return attachment(export_plan(plan), name, "xlsx")


@login_required
def template_download(request):
    require(request.user, services.PERM, in_body=True)
    year = today_in().year
    form = TemplateForm(request.GET or {"year_from": year, "year_to": year + 4})
    if not form.is_valid():
        return render(request, "planning/devplan/import.html",
                      {"form": ImportForm(), "template_form": form}, status=400)
    first, last = form.cleaned_data["year_from"], form.cleaned_data["year_to"]
    return attachment(blank_template(first, last), f"development-plan-template-{first}-{last}.xlsx", "xlsx")


@login_required
@require_http_methods(["GET", "POST"])
def import_workbook(request):
    require(request.user, services.PERM, in_body=True)
    year = today_in().year
    context = {"form": ImportForm(request.POST or None, request.FILES or None),
               "template_form": TemplateForm(initial={"year_from": year, "year_to": year + 4})}
    if request.method == "POST" and context["form"].is_valid():
        upload = context["form"].cleaned_data["workbook"]
        data = upload.read(workbook_limits()["max_bytes"] + 1)  # more than the limit is refused unread
        try:
            plan, created = import_development_plan(user=request.user, data=data)
        except ImportRefused as refusal:
            context.update(problems=refusal.problems, filename=upload.name)
        else:
            tree = devplan_tree(plan)
            messages.success(request, (_("Imported. Strategic directions: %(d)s, macroindicators: %(m)s, goals: %(g)s, "
                                         "target indicators: %(t)s, Section II tasks: %(r)s.") % {
                "d": tree.counts["directions"], "m": tree.counts["macroindicators"], "g": tree.counts["goals"],
                "t": tree.counts["indicators"], "r": tree.counts["tasks"]}) + (
                "" if created else " " + _("The empty development plan of the same edition has been filled in.")))
            return redirect("devplan:detail", plan.pk)
    return render(request, "planning/devplan/import.html", context)
