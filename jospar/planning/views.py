"""Plan pages: thin views that ask permissions, call selectors and render."""
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from jospar import rules
from jospar.clock import today_in
from jospar.i18n import current_lang
from jospar.ops.router import replica_reads
from jospar.orgs.models import Role
from jospar.orgs.permissions import access_of

from . import selectors
from .models import Event, OperationalPlan, PlanVersion, StateChange


def get_plan(request, year: int) -> OperationalPlan:
    """The user's body's plan for a year, or 404 (another body's plan does not exist for them)."""
    access = access_of(request.user)
    plan = get_object_or_404(
        OperationalPlan.objects.select_related("body", "development_plan"), body_id=access.member_body_id, year=year
    )
    if not request.user.has_perm("planning.view_plan", plan):
        raise PermissionDenied
    return plan


@login_required
def plan_list(request):
    access = access_of(request.user)
    plans = OperationalPlan.objects.filter(body_id=access.member_body_id).select_related("development_plan")
    return render(request, "planning/plan_list.html", {"plans": plans})


def draft_extras(request, plan: OperationalPlan, version: PlanVersion, problems) -> dict:
    """What the send-for-approval panel and the planner's row buttons need; the page and every in-place
    edit of the draft render them (the edits out of band), so the send button always follows the draft."""
    from jospar.planning.drafting.draft import in_force_before
    from jospar.planning.drafting.proposals import pending_proposals

    editable = version.status == PlanVersion.Status.DRAFT and request.user.has_perm("planning.edit_draft", plan)
    can_send = editable and request.user.has_perm("planning.send_for_approval", plan)
    return {
        "can_send": can_send,
        "send_blocked": bool(problems and (problems["count"] or problems["empty"])),
        "pending_proposals": list(pending_proposals(plan)) if can_send else [],
        "locked_events": in_force_before(version) if editable and version.is_amendment else frozenset(),
    }


def plan_context(request, plan: OperationalPlan, version: PlanVersion, versions) -> dict:
    lang = current_lang()
    labels = plan.edition.form1
    editable = version.status == PlanVersion.Status.DRAFT and request.user.has_perm("planning.edit_draft", plan)
    problems = selectors.version_problems(version) if version.status != PlanVersion.Status.APPROVED else None
    return {
        "plan": plan,
        "version": version,
        "versions": versions,
        "rows": selectors.form1_rows(version, lang),
        "title": labels.get("title", lang).format(body=plan.body.title_name(lang), year=plan.year),
        "subtitle": labels.get("subtitle", lang),
        "columns": labels.get("columns", lang),
        "approval_due": plan.approval_due,
        "approval_days_left": (days_left := rules.days_left(plan.approval_due, today_in(plan.body.time_zone))),
        "approval_overdue_days": max(0, -days_left),
        "editable": editable,
        "problems": problems,
        "round": getattr(plan, "proposal_round", None) if hasattr(plan, "proposal_round") else None,
        **draft_extras(request, plan, version, problems),
        "can_approve": version.status == PlanVersion.Status.ON_APPROVAL
        and request.user.has_perm("planning.approve_plan", plan),
        "can_amend": version.is_approved and version.number == versions[-1].number
        and request.user.has_perm("planning.amend_plan", plan),
        "changes": StateChange.objects.filter(plan=plan, proposal__isnull=True)
        .select_related("actor__person", "version")
        .order_by("-at", "-id")[:20],
    }


@replica_reads
@login_required
def plan_detail(request, year: int):
    plan = get_plan(request, year)
    number = request.GET.get("v")
    versions = selectors.plan_versions(plan)
    version = selectors.pick_version(versions, int(number) if number and number.isdigit() else None)
    if number is None and versions and not versions[-1].is_approved and (
        request.user.has_perm("planning.edit_draft", plan) or request.user.has_perm("planning.approve_plan", plan)
    ):
        version = versions[-1]  # the people who work on an open amendment see it first
    if version is None:
        raise Http404
    context = plan_context(request, plan, version, versions)
    unit_ids = access_of(request.user).unit_ids
    if unit_ids and request.GET.get("mine"):
        context["rows"] = selectors.only_units_events(context["rows"], version, unit_ids)
        context["mine"] = True
    context["can_filter_mine"] = bool(unit_ids)
    # Those who prepare and sign the plan are told when the governing act's text is not yet checked.
    if not plan.edition.text_checked and access_of(request.user).has(Role.PLANNER, Role.EXECUTIVE, Role.ADMIN):
        context["edition_unchecked"] = plan.edition.act.get(current_lang()) or plan.edition.act["ru"]
    return render(request, "planning/plan_detail.html", context)


@login_required
def event_detail(request, year: int, event_id: int):
    """One event across versions: what each version says, who proposed it, and its audit trail."""
    plan = get_plan(request, year)
    event = get_object_or_404(Event, plan=plan, pk=event_id)
    revisions = list(
        event.revisions.select_related("version", "completion_form").prefetch_related("executors__unit")
        .order_by("-version__number")
    )
    proposals = event.proposals.select_related("unit", "author__person", "completion_form").prefetch_related(
        "changes__actor__person", "co_executors"
    ).order_by("created_at", "id")
    history = []
    for revision in revisions:
        history.extend(revision.history.select_related("history_user__person").order_by("-history_date")[:50])
    return render(request, "planning/event_detail.html", {
        "plan": plan, "event": event, "revisions": revisions, "proposals": proposals, "history": history,
        "lang": current_lang(),
    })
