"""The planner's in-place editing of the draft (htmx) and the approval hand-overs."""
import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jospar.clock import today_in
from jospar.i18n import current_lang
from jospar.orgs.permissions import access_of
from jospar.planning import selectors, services
from jospar.planning.content import ConflictError
from jospar.planning.drafting import draft
from jospar.planning.drafting.forms import OpenYearForm
from jospar.planning.forms import EventForm
from jospar.planning.models import DevelopmentPlan, EventRevision, OperationalPlan, PlanVersion
from jospar.planning.views import draft_extras, get_plan
from jospar.rules import plan_dates


def editable_draft(request, year):
    plan = get_plan(request, year)
    if not request.user.has_perm("planning.edit_draft", plan):
        raise PermissionDenied
    version = plan.versions.order_by("-number").first()
    if version is None or version.status != PlanVersion.Status.DRAFT:
        raise PermissionDenied
    version.plan = plan
    return plan, version


def _form(version, data=None, initial=None) -> EventForm:
    """The event form with the anchors of the edition of the development plan this version uses."""
    return EventForm(data, plan=version.plan, development_plan_id=version.development_plan_id, initial=initial)


def _executors(revision):
    executors = list(revision.executors.select_related("unit").order_by("-is_lead", "position"))
    lead = executors[0].unit if executors and executors[0].is_lead else None
    return lead, [e.unit for e in executors if not e.is_lead]


def draft_table(request, plan, version, done=""):
    """The refreshed table, with the problems, the send panel and what was just done swapped out of band."""
    problems = selectors.version_problems(version)
    return render(request, "planning/_form1_tbody.html", {
        "plan": plan, "version": version, "rows": selectors.form1_rows(version, current_lang()),
        "editable": True, "problems": problems, "done": done, **draft_extras(request, plan, version, problems),
    })


def run_on_draft(request, plan, version, action, done=""):
    """Run a draft action and answer with the refreshed table saying what was done; a refusal comes back
    as an `jospar:error` event the page shows (nothing is changed)."""
    try:
        action()
    except ValidationError as exc:
        response = draft_table(request, plan, version)
        response["HX-Trigger"] = json.dumps({"jospar:error": " ".join(exc.messages)})
        return response
    return draft_table(request, plan, version, done)


def _edit_row(request, plan, form, action_url, message=""):
    response = render(request, "planning/_event_edit_row.html",
                      {"plan": plan, "form": form, "action_url": action_url, "message": message})
    if request.method == "POST":
        response["HX-Retarget"] = "#edit-row"
        response["HX-Reswap"] = "outerHTML"
    return response


@login_required
def event_new(request, year: int):
    plan, version = editable_draft(request, year)
    action = request.path
    if request.method == "POST":
        form = _form(version, request.POST)
        if form.is_valid():
            try:
                draft.add_event(user=request.user, version=version, data=form.event_data())
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                return draft_table(request, plan, version, _("The event is added to the draft."))
        return _edit_row(request, plan, form, action)
    form = _form(version, initial={"anchor": request.GET.get("anchor", ""), "deadline_kind": "quarter"})
    return _edit_row(request, plan, form, action)


@login_required
def event_edit(request, year: int, revision_id: int):
    plan, version = editable_draft(request, year)
    revision = get_object_or_404(EventRevision, version=version, pk=revision_id)
    if request.method == "POST":
        form = _form(version, request.POST)
        if form.is_valid():
            try:
                draft.update_event(user=request.user, revision=revision, data=form.event_data(),
                                   lock_version=form.cleaned_data.get("lock_version") or 0)
            except ConflictError as conflict:
                current = conflict.current
                fresh = _form(version, initial=EventForm.initial_from(current, *_executors(current)))
                return _edit_row(request, plan, fresh, request.path, _(
                    "Someone else saved this event while you were editing it. Its current values are shown below: "
                    "check them and apply your change again."))
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                return draft_table(request, plan, version, _("The event is saved."))
        return _edit_row(request, plan, form, request.path)
    form = _form(version, initial=EventForm.initial_from(revision, *_executors(revision)))
    return _edit_row(request, plan, form, request.path)


@require_POST
@login_required
def event_move(request, year: int, revision_id: int):
    plan, version = editable_draft(request, year)
    revision = get_object_or_404(EventRevision, version=version, pk=revision_id)
    offset = -1 if request.GET.get("dir") == "up" else 1
    return run_on_draft(request, plan, version,
                        lambda: draft.move_event(user=request.user, revision=revision, offset=offset))


@require_POST
@login_required
def event_delete(request, year: int, revision_id: int):
    plan, version = editable_draft(request, year)
    revision = get_object_or_404(EventRevision, version=version, pk=revision_id)
    return run_on_draft(request, plan, version, lambda: draft.delete_event(user=request.user, revision=revision),
                        done=_("The event «%(name)s» is deleted from the draft.") % {"name": revision.name})


@login_required
def draft_body(request, year: int):
    plan, version = editable_draft(request, year)
    return draft_table(request, plan, version)


def _suggestion(body_id: int, today) -> dict:
    """The next year not yet opened and the development plan in force for it."""
    opened = set(OperationalPlan.objects.filter(body_id=body_id).values_list("year", flat=True))
    year = plan_dates.next_year_to_open(today, opened)
    plans = {p.pk: p for p in DevelopmentPlan.objects.filter(body_id=body_id)}
    in_force = plan_dates.development_plan_in_force(year, [p.years() for p in plans.values()])
    return {"year": year, "development_plan": plans[in_force.key] if in_force else None}


@login_required
def open_year(request):
    access = access_of(request.user)
    if not request.user.has_perm("planning.open_plan"):
        raise PermissionDenied
    form = OpenYearForm(request.POST or None)
    form.fields["development_plan"].queryset = DevelopmentPlan.objects.filter(body_id=access.member_body_id)
    late_due = None
    if not form.is_bound:
        form.initial = _suggestion(access.member_body_id, today_in())
        if form.initial["development_plan"]:
            due = services.approval_due_for(form.initial["development_plan"], form.initial["year"])
            late_due = due if plan_dates.opened_late(due, today_in()) else None
    if form.is_valid():
        d = form.cleaned_data
        try:
            plan = services.open_year(user=request.user, development_plan=d["development_plan"], year=d["year"],
                                      proposals_due=d["proposals_due"], late_ok=d["late_ok"])
        except ValidationError as exc:
            if getattr(exc, "code", None) == "opened_late":
                form.add_error("late_ok", exc)
            else:
                form.add_error(None, exc)
        else:
            messages.success(request, _("The plan is open and units were invited to send proposals."))
            if plan_dates.opened_late(plan.approval_due, today_in(plan.body.time_zone)):
                messages.warning(request, _("The plan is late from its first day: it had to be approved by %(due)s.")
                                 % {"due": plan.approval_due.strftime("%d.%m.%Y")})
            return redirect("planning:proposals", year=plan.year)
    return render(request, "planning/open_year.html", {"form": form, "late_due": late_due})
