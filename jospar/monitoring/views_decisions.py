"""The decisions register (§17): every decision on the plan's reports, who answers for it, by when, and
whether it was carried out — reported by the responsible unit or the planner."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from jospar.clock import today_in
from jospar.orgs.permissions import access_of

from . import selectors, services_report
from .models import Decision
from .views import fail, plan_of


@login_required
def register(request, year: int):
    plan = plan_of(request, year)
    access = access_of(request.user)
    sees_all = request.user.has_perm("monitoring.view_report", plan)
    named = Decision.objects.filter(report__period__plan=plan, responsible_person=request.user)
    if not sees_all and not access.unit_ids and not named.exists():
        raise PermissionDenied
    decisions = selectors.decisions_register(plan, only_for=None if sees_all else (request.user, access.unit_ids))
    today = today_in(plan.body.time_zone)
    overdue_count = 0
    for d in decisions:  # the template shows these of each (attributes set here for it, not model fields)
        overdue = d.overdue_days(today)
        overdue_count += 1 if overdue else 0
        d.overdue = overdue  # type: ignore[attr-defined]
        d.can_complete = (  # type: ignore[attr-defined]
            not d.is_done and request.user.has_perm("monitoring.complete_decision", d))
    return render(request, "monitoring/decisions.html", {
        "plan": plan, "decisions": decisions, "sees_all": sees_all,
        "open_count": sum(1 for d in decisions if not d.is_done),
        "overdue_count": overdue_count,
    })


@require_POST
@login_required
def complete(request, year: int, pk: int):
    plan = plan_of(request, year)
    decision = get_object_or_404(Decision.objects.select_related("report__period__plan"), pk=pk,
                                 report__period__plan=plan)
    if not request.user.has_perm("monitoring.complete_decision", decision):
        raise PermissionDenied
    try:
        services_report.complete_decision(user=request.user, decision=decision, note=request.POST.get("note", ""))
        messages.success(request, gettext("The decision is reported as carried out."))
    except ValidationError as error:
        fail(request, error)
    return redirect(reverse("monitoring:decisions", args=[year]) + f"#decision-{pk}")
