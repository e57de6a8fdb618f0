"""Units propose events for the year's plan; the planner reviews them side by side."""
from collections import defaultdict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jospar.i18n import current_lang
from jospar.orgs.models import OrgUnit
from jospar.orgs.permissions import access_of
from jospar.planning.content import ConflictError
from jospar.planning.drafting import proposals as service
from jospar.planning.forms import EventForm
from jospar.planning.models import Proposal
from jospar.planning.selectors import anchor_choices
from jospar.planning.views import get_plan


def _my_unit(request, plan):
    """The unit a unit person proposes for (their first unit in the plan's body)."""
    access = access_of(request.user)
    unit_id = min(access.unit_ids) if access.unit_ids else None
    return OrgUnit.objects.filter(pk=unit_id, body_id=plan.body_id).first()


@login_required
def proposal_list(request, year: int):
    plan = get_plan(request, year)
    user = request.user
    reviewer = user.has_perm("planning.review_proposals", plan)
    everything = reviewer or user.has_perm("planning.approve_plan", plan) or access_of(user).has("viewer")
    qs = Proposal.objects.filter(plan=plan).select_related("unit", "author__person", "completion_form")
    qs = qs.prefetch_related("co_executors")
    unit = None if everything else _my_unit(request, plan)
    if not everything:
        qs = qs.filter(unit=unit)
    status = request.GET.get("status", "")
    if status in Proposal.Status.values:
        qs = qs.filter(status=status)
    lang = current_lang()
    labels = {key: label for _group, options in anchor_choices(plan, lang) for key, label in options}
    grouped = defaultdict(list)
    for proposal in qs:
        grouped[proposal.anchor_key].append(proposal)
    groups = [(key, labels.get(key, key), grouped[key]) for key in labels if key in grouped]
    round_ = getattr(plan, "proposal_round", None) if hasattr(plan, "proposal_round") else None
    return render(request, "planning/proposals.html", {
        "plan": plan, "groups": groups, "reviewer": reviewer, "unit": unit, "round": round_,
        "can_propose": unit is not None and user.has_perm("planning.propose", unit),
        "can_submit": unit is not None and user.has_perm("planning.submit_proposals", unit),
        "status": status, "statuses": Proposal.Status.choices,
        "pending": sum(1 for p in qs if p.is_editable) if unit else 0,
    })


def _form_page(request, plan, form, proposal=None, title="", conflict=""):
    return render(request, "planning/proposal_form.html",
                  {"plan": plan, "form": form, "proposal": proposal, "title": title, "conflict": conflict})


@login_required
def proposal_new(request, year: int):
    plan = get_plan(request, year)
    unit = _my_unit(request, plan)
    if unit is None or not request.user.has_perm("planning.propose", unit):
        raise PermissionDenied
    form = EventForm(request.POST or None, plan=plan, with_lead=False,
                     initial={"deadline_kind": "quarter", "anchor": request.GET.get("anchor", "")})
    if form.is_valid():
        try:
            service.create_proposal(user=request.user, plan=plan, unit=unit, data=form.event_data(lead_unit=unit))
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The proposal is saved. Your unit head submits the unit's proposals."))
            return redirect("planning:proposals", year=year)
    return _form_page(request, plan, form, title=_("New proposal of %(unit)s") % {"unit": unit.name})


@login_required
def proposal_edit(request, year: int, pk: int):
    plan = get_plan(request, year)
    proposal = get_object_or_404(Proposal, plan=plan, pk=pk)
    if not request.user.has_perm("planning.edit_proposal", proposal):
        raise PermissionDenied
    initial = EventForm.initial_from(proposal, None, proposal.co_executors.all())
    form = EventForm(request.POST or None, plan=plan, with_lead=False, initial=initial)
    if form.is_valid():
        try:
            service.update_proposal(user=request.user, proposal=proposal, data=form.event_data(lead_unit=proposal.unit),
                                    lock_version=form.cleaned_data.get("lock_version") or 0)
        except ConflictError as conflict:
            current = conflict.current
            fresh = EventForm(plan=plan, with_lead=False,
                              initial=EventForm.initial_from(current, None, current.co_executors.all()))
            return _form_page(request, plan, fresh, proposal, _("Edit proposal"), _(
                "Someone else saved this proposal while you were editing it. Its current values are shown: "
                "check them and apply your change again."))
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The proposal is saved."))
            return redirect("planning:proposals", year=year)
    return _form_page(request, plan, form, proposal, _("Edit proposal"))


@require_POST
@login_required
def proposal_delete(request, year: int, pk: int):
    plan = get_plan(request, year)
    proposal = get_object_or_404(Proposal, plan=plan, pk=pk)
    service.delete_proposal(user=request.user, proposal=proposal)
    messages.success(request, _("The proposal is deleted."))
    return redirect("planning:proposals", year=year)


def _report(request, year, fn, success: str):
    try:
        fn()
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, success)
    return redirect("planning:proposals", year=year)


@require_POST
@login_required
def proposals_submit(request, year: int):
    plan = get_plan(request, year)
    unit = _my_unit(request, plan)
    if unit is None:
        raise PermissionDenied
    return _report(request, year, lambda: service.submit_unit_set(user=request.user, plan=plan, unit=unit),
                   _("Your unit's proposals are submitted to the planner."))


@login_required
def proposal_accept(request, year: int, pk: int):
    """GET: the proposal in an editable form; POST: accept it as shown (possibly edited)."""
    plan = get_plan(request, year)
    proposal = get_object_or_404(Proposal.objects.select_related("unit"), plan=plan, pk=pk)
    if not request.user.has_perm("planning.review_proposals", plan):
        raise PermissionDenied
    initial = EventForm.initial_from(proposal, proposal.unit, proposal.co_executors.all())
    form = EventForm(request.POST or None, plan=plan, initial=initial)
    if form.is_valid():
        try:
            service.accept_proposal(user=request.user, proposal=proposal, data=form.event_data())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The proposal is in the draft."))
            return redirect("planning:proposals", year=year)
    return _form_page(request, plan, form, proposal, _("Accept proposal into the draft"))


def _proposal_to_review(request, year: int, pk: int) -> Proposal:
    """A proposal of the plan, for a planner who reviews proposals (403 otherwise)."""
    plan = get_plan(request, year)
    proposal = get_object_or_404(Proposal, plan=plan, pk=pk)
    if not request.user.has_perm("planning.review_proposals", plan):
        raise PermissionDenied
    return proposal


@require_POST
@login_required
def proposal_return(request, year: int, pk: int):
    proposal = _proposal_to_review(request, year, pk)
    comment = request.POST.get("comment", "")
    return _report(request, year, lambda: service.return_proposal(user=request.user, proposal=proposal,
                                                                  comment=comment),
                   _("The proposal is returned to the unit."))


@require_POST
@login_required
def proposals_merge(request, year: int):
    plan = get_plan(request, year)
    if not request.user.has_perm("planning.review_proposals", plan):
        raise PermissionDenied
    ids = [int(i) for i in request.POST.getlist("ids") if i.isdigit()]
    chosen = {p.pk: p for p in Proposal.objects.filter(plan=plan, pk__in=ids)}
    ordered = [chosen[i] for i in ids if i in chosen]
    return _report(request, year, lambda: service.merge_proposals(user=request.user, proposals=ordered),
                   _("The proposals are merged into one event of the draft."))


@require_POST
@login_required
def proposal_unmerge(request, year: int, pk: int):
    proposal = _proposal_to_review(request, year, pk)
    return _report(request, year, lambda: service.unmerge_proposal(user=request.user, proposal=proposal),
                   _("The merge is undone: the proposal awaits review again, on its own."))
