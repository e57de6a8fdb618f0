"""Plan pages: thin views that ask permissions, call selectors and render."""
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from jospar import rules
from jospar.clock import today_in
from jospar.i18n import current_lang
from jospar.orgs.permissions import access_of

from . import selectors
from .models import OperationalPlan


@login_required
def plan_list(request):
    access = access_of(request.user)
    plans = OperationalPlan.objects.filter(body_id=access.body_id).select_related("development_plan")
    return render(request, "planning/plan_list.html", {"plans": plans})


@login_required
def plan_detail(request, year: int):
    access = access_of(request.user)
    plan = get_object_or_404(
        OperationalPlan.objects.select_related("body", "development_plan"), body_id=access.body_id, year=year
    )
    if not request.user.has_perm("planning.view_plan", plan):
        raise PermissionDenied
    number = request.GET.get("v")
    versions = selectors.plan_versions(plan)
    version = selectors.pick_version(versions, int(number) if number and number.isdigit() else None)
    if version is None:
        raise Http404
    lang = current_lang()
    labels = plan.edition.form1
    context = {
        "plan": plan,
        "version": version,
        "versions": versions,
        "rows": selectors.form1_rows(version, lang),
        "title": labels.get("title", lang).format(body=plan.body.title_name(lang), year=plan.year),
        "subtitle": labels.get("subtitle", lang),
        "columns": labels.get("columns", lang),
        "approval_due": plan.approval_due,
        "approval_days_left": rules.days_left(plan.approval_due, today_in(plan.body.time_zone)),
    }
    return render(request, "planning/plan_detail.html", context)
