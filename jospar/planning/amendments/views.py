"""Amendments, versions, comparisons and the plan's history."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jospar.i18n import current_lang, pick
from jospar.planning import selectors
from jospar.planning.amendments import services as amendments
from jospar.planning.amendments.compare import compare_versions
from jospar.planning.amendments.forms import AmendmentForm, CancelForm
from jospar.planning.drafting.views.draft import draft_table, editable_draft, run_on_draft
from jospar.planning.models import EventRevision, PlanVersion, StateChange
from jospar.planning.views import get_plan


@login_required
def amend(request, year: int):
    plan = get_plan(request, year)
    if not request.user.has_perm("planning.amend_plan", plan):
        raise PermissionDenied
    form = AmendmentForm(request.POST or None, plan=plan)
    if form.is_valid():
        d = form.cleaned_data
        decision = d.get("decision") if d["basis"] == PlanVersion.Basis.MONITORING else None
        decisions = amendments.decision_basis()
        try:
            amendments.open_amendment(
                user=request.user, plan=plan, basis=d["basis"], decision=decision,
                document_number=d.get("document_number", ""), document_date=d.get("document_date"),
                basis_kk=d.get("basis_kk", ""), basis_ru=d.get("basis_ru", ""),
                review=decisions.review(decision) if decision else {},
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The amendment is open: edit the plan, then send it for approval."))
            return redirect("planning:plan_detail", year=year)
    return render(request, "planning/amend.html", {"plan": plan, "form": form})


@login_required
def event_cancel(request, year: int, revision_id: int):
    """GET: the reason form under the event's row (with the reason typed so far, when it is cancelled already);
    POST: cancel it with that reason (in place)."""
    plan, version = editable_draft(request, year)
    revision = get_object_or_404(EventRevision, version=version, pk=revision_id)
    form = CancelForm(request.POST if request.method == "POST" else None,
                      initial={"reason_kk": revision.cancel_reason_kk, "reason_ru": revision.cancel_reason_ru})
    if form.is_valid():
        try:
            amendments.cancel_event(user=request.user, revision=revision, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return draft_table(request, plan, version, done=_("The event «%(name)s» is cancelled in this amendment; "
                                                              "it stays in the plan with the reason.")
                               % {"name": revision.name})
    response = render(request, "planning/_cancel_row.html", {"plan": plan, "revision": revision, "form": form})
    if request.method == "POST":  # the reason was refused: the form comes back in place, with what was typed
        response["HX-Retarget"] = f"#cancel-row-{revision.pk}"
        response["HX-Reswap"] = "outerHTML"
    return response


@require_POST
@login_required
def event_restore(request, year: int, revision_id: int):
    plan, version = editable_draft(request, year)
    revision = get_object_or_404(EventRevision, version=version, pk=revision_id)
    return run_on_draft(request, plan, version,
                        lambda: amendments.restore_event(user=request.user, revision=revision),
                        done=_("The event «%(name)s» is restored.") % {"name": revision.name})


@login_required
def versions(request, year: int):
    plan = get_plan(request, year)
    all_versions = selectors.plan_versions(plan)
    return render(request, "planning/versions.html", {"plan": plan, "versions": all_versions})


@login_required
def compare(request, year: int):
    plan = get_plan(request, year)
    all_versions = selectors.plan_versions(plan)
    by_number = {v.number: v for v in all_versions}
    context = {"plan": plan, "versions": all_versions, "diff": None}
    asked = {name: request.GET.get(name, "").strip() for name in ("a", "b")}
    unknown = [raw for raw in asked.values() if raw and not (raw.isdigit() and int(raw) in by_number)]
    if unknown:  # a number the plan does not have: say so, and which it has (the choosers keep the known one)
        known = {name: by_number.get(int(raw)) for name, raw in asked.items() if raw.isdigit()}
        context.update(unknown=unknown[0], old=known.get("a") or all_versions[0],
                       new=known.get("b") or all_versions[-1])
        return render(request, "planning/compare.html", context)
    new = by_number[int(asked["b"])] if asked["b"] else (all_versions[-1] if all_versions else None)
    old = by_number[int(asked["a"])] if asked["a"] else (by_number.get(new.number - 1) if new else None)
    context.update(old=old, new=new)
    if old is None or new is None:
        return render(request, "planning/compare.html", context)
    if old.pk == new.pk:
        context["same"] = True
        return render(request, "planning/compare.html", context)
    diff = compare_versions(old, new, current_lang())
    counts = {kind: sum(1 for d in diff if d.kind == kind) for kind in ("added", "cancelled", "changed", "restored")}
    context.update(diff=diff, counts=counts)
    return render(request, "planning/compare.html", context)


@login_required
def history(request, year: int):
    """Every hand-over and every version's life, from the audit trail; nothing here can be erased."""
    plan = get_plan(request, year)
    changes = StateChange.objects.filter(plan=plan).select_related("actor__person", "unit", "version", "proposal")
    version_history = PlanVersion.history.filter(plan_id=plan.pk).select_related("history_user__person")
    return render(request, "planning/history.html", {
        "plan": plan, "changes": changes.order_by("-at", "-id")[:500],
        "version_history": version_history.order_by("-history_date")[:200],
    })


@login_required
def devplan_changes(request, year: int):
    """What a new edition of the development plan changes for this plan, and the amendment it needs."""
    from jospar.planning.amendments import changes

    plan = get_plan(request, year)
    if not request.user.has_perm("planning.amend_plan", plan):
        raise PermissionDenied
    # A plan never approved (the demo's last year holds only its final indicator values) has nothing to amend.
    amendable = amendments.current_version(plan) is not None
    editions = list(changes.newer_editions(plan)) if amendable else []
    chosen = next((e for e in editions if str(e.pk) == request.POST.get("edition", request.GET.get("edition"))),
                  editions[0] if editions else None)
    if request.method == "POST" and chosen:
        try:
            changes.amend_for_new_edition(user=request.user, plan=plan, new_edition=chosen)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The amendment is open with the affected events marked for review."))
            return redirect("planning:plan_detail", year=year)
    affected = []
    if chosen:
        reasons, _remap = changes.affected_events(plan, chosen)
        lang = current_lang()
        names = {event_id: pick(texts, lang) for event_id, *texts in EventRevision.objects.filter(
            version=amendments.current_version(plan), event_id__in=reasons).values_list(
            "event_id", "name_kk", "name_ru", "name_en")}
        affected = [(event_id, names.get(event_id, ""), reason) for event_id, reason in reasons.items()]
    return render(request, "planning/devplan_changes.html",
                  {"plan": plan, "editions": editions, "chosen": chosen, "affected": affected,
                   "amendable": amendable})
