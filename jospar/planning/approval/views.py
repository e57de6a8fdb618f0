"""The approval hand-overs: send the draft for approval, approve it, return it (§6)."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from jospar.planning.approval import services
from jospar.planning.views import get_plan
from jospar.web.forms import evidence_of


def _act(request, year, action, success, **kwargs):
    plan = get_plan(request, year)
    version = plan.versions.order_by("-number").first()
    try:
        action(user=request.user, version=version, **kwargs)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, success(version) if callable(success) else success)
    return redirect("planning:plan_detail", year=year)


@require_POST
@login_required
def send_for_approval(request, year: int):
    leave_out = [i for i in request.POST.getlist("leave_out") if i.isdigit()]

    def success(version):
        text = _("Version %(n)s of the plan is sent to the executive for approval; it cannot be edited until it is "
                 "approved or returned.") % {"n": version.number}
        if leave_out:
            text += " " + ngettext("%(count)s proposal is marked «not included in the draft» and its unit is told.",
                                   "%(count)s proposals are marked «not included in the draft» and their units "
                                   "are told.", len(leave_out)) % {"count": len(leave_out)}
        return text

    return _act(request, year, services.send_for_approval, success, comment=request.POST.get("comment", ""),
                leave_out=leave_out)


@require_POST
@login_required
def approve(request, year: int):
    def success(version):
        return _("Version %(n)s of the plan is approved; planners and unit heads are told.") % {"n": version.number}

    return _act(request, year, services.approve_version, success, comment=request.POST.get("comment", ""),
                evidence=evidence_of(request.POST, ("cms_kk", "cms_ru")))


@require_POST
@login_required
def return_plan(request, year: int):
    return _act(request, year, services.return_version, _("The plan is returned to the planner with your comment."),
                comment=request.POST.get("comment", ""))
