"""Plan pages: thin views that ask permissions, call selectors and render."""
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from jospar import rules
from jospar.clock import today_in
from jospar.i18n import current_lang
from jospar.notifications.services import unread_count
from jospar.ops.router import replica_reads
from jospar.orgs.models import Role
from jospar.orgs.permissions import access_of
from jospar.web import revalidate

from . import selectors, stamps
from .models import Event, OperationalPlan, PlanVersion, StateChange
from .templatetags.form1 import form1_body


def get_plan(request, year: int, stamped: bool = False) -> OperationalPlan:
    """The user's body's plan for a year, or 404 (another body's plan does not exist for them); ``stamped``
    reads the stamps of what its pages show along (`stamps`)."""
    access = access_of(request.user)
    plans = OperationalPlan.objects.select_related("body", "development_plan")
    plan = get_object_or_404(stamps.stamped(plans) if stamped else plans, body_id=access.member_body_id, year=year)
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


def plan_context(request, plan: OperationalPlan, version: PlanVersion, versions, rows: bool = True) -> dict:
    """``rows=False``: the table is not read (the page takes it from the cache)."""
    lang = current_lang()
    labels = plan.edition.form1
    editable = version.status == PlanVersion.Status.DRAFT and request.user.has_perm("planning.edit_draft", plan)
    problems = selectors.version_problems(version) if version.status != PlanVersion.Status.APPROVED else None
    return {
        "plan": plan,
        "version": version,
        "versions": versions,
        "rows": selectors.form1_rows(version, lang) if rows else [],
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
    plan = get_plan(request, year, stamped=True)
    number = request.GET.get("v")
    versions = selectors.plan_versions(plan)
    version = selectors.pick_version(versions, int(number) if number and number.isdigit() else None)
    if number is None and versions and not versions[-1].is_approved and (
        request.user.has_perm("planning.edit_draft", plan) or request.user.has_perm("planning.approve_plan", plan)
    ):
        version = versions[-1]  # the people who work on an open amendment see it first
    if version is None:
        raise Http404
    unit_ids = access_of(request.user).unit_ids
    mine = bool(unit_ids and request.GET.get("mine"))
    table = form1_table_key(plan, version, sorted(unit_ids) if mine else None)
    etag = page_etag(request, plan, versions, table)
    if (unchanged := revalidate.not_modified(request, etag)) is not None:
        return unchanged
    context = plan_context(request, plan, version, versions, rows=table is None)
    if table is not None:
        context["table"] = revalidate.cached(table, lambda: form1_table(version, unit_ids if mine else None))
    elif mine:
        context["rows"] = selectors.only_units_events(context["rows"], version, unit_ids)
    context["mine"] = mine
    context["can_filter_mine"] = bool(unit_ids)
    # Those who prepare and sign the plan are told when the governing act's text is not yet checked.
    if not plan.edition.text_checked and access_of(request.user).has(Role.PLANNER, Role.EXECUTIVE, Role.ADMIN):
        context["edition_unchecked"] = plan.edition.act.get(current_lang()) or plan.edition.act["ru"]
    return revalidate.revalidated(render(request, "planning/plan_detail.html", context), etag)


def form1_table_key(plan: OperationalPlan, version: PlanVersion, unit_ids: list[int] | None) -> tuple | None:
    """The cache key of an approved version's Form 1 table as this reader sees it (all events, or only their
    units' events), in the current language; None for a version that can still change (never cached)."""
    if not version.is_approved:
        return None
    return ("form1-table", version.pk, plan.year, current_lang(), unit_ids, stamps.reference_stamp(plan))


def form1_table(version: PlanVersion, unit_ids) -> str:
    """The table body of an approved version (no planner's buttons, no problems: it cannot be edited)."""
    rows = selectors.form1_rows(version, current_lang())
    if unit_ids:
        rows = selectors.only_units_events(rows, version, unit_ids)
    return form1_body(rows, year=version.plan.year)


def page_etag(request, plan: OperationalPlan, versions, table: tuple | None) -> str | None:
    """The plan page of an approved version is the same for the same reader while the table, the plan's
    versions, its state changes, the reader's roles and unread notifications and the body's date are."""
    if table is None:
        return None
    return revalidate.page_etag(
        request, table, stamps.plan_stamp(plan), [(v.pk, v.status) for v in versions],
        unread_count(request.user), today_in(plan.body.time_zone),
    )


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
