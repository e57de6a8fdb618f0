"""Development plan pages: list, create, the editable tree (htmx partial updates). The workbooks (template,
export, import) are in jospar.documents.views.devplan.

Thin views: they find objects within the user's body, ask `orgs.permissions.require` (the one
permission check), call a service and render. Every action works without htmx too (full pages and
redirects); with htmx only the changed part of the tree is re-rendered.
"""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRefresh, reswap, retarget

from jospar.i18n import current_lang
from jospar.orgs.permissions import access_of, require
from jospar.planning.devplan import services
from jospar.planning.devplan.forms import NODE_FORMS, DevelopmentPlanForm, IndicatorRolesForm
from jospar.planning.devplan.selectors import devplan_tree
from jospar.planning.models import DevelopmentPlan

DETAIL = "planning/devplan/detail.html"
PARENT_KIND = {"direction": None, "task": None, "macroindicator": "direction", "goal": "direction",
               "indicator": "goal"}
ROW_KINDS = {"macroindicator", "indicator", "task"}


def _plan(request, pk) -> DevelopmentPlan:
    return services.plan_for(request.user, pk)


def _node(plan, kind, pk):
    spec = services.KINDS[kind]
    return get_object_or_404(spec.model, pk=pk, **{spec.plan_path: plan})


@login_required
def plan_list(request):
    require(request.user, services.PERM, in_body=True)
    plans = (DevelopmentPlan.objects.filter(body_id=access_of(request.user).member_body_id)
             .prefetch_related("operational_plans").order_by("-year_from", "-edition"))
    return render(request, "planning/devplan/list.html", {"plans": plans})


@login_required
@require_http_methods(["GET", "POST"])
def plan_create(request):
    require(request.user, services.PERM, in_body=True)
    body_id = access_of(request.user).member_body_id
    form = DevelopmentPlanForm(request.POST or None, body_id=body_id)
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.create_plan(user=request.user, data=form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The development plan is created: now add its directions and tasks."))
            return redirect("devplan:detail", plan.pk)
    return render(request, "planning/devplan/plan_form.html", {"form": form})


@login_required
def plan_detail(request, pk):
    plan = _plan(request, pk)
    return render(request, DETAIL, {"plan": plan, "tree": devplan_tree(plan)})


@login_required
@require_http_methods(["GET", "POST"])
def plan_edit(request, pk):
    plan = _plan(request, pk)
    form = DevelopmentPlanForm(request.POST or None, instance=plan, body_id=plan.body_id)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_plan(user=request.user, plan=plan, data=form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if request.htmx:
                return HttpResponseClientRefresh()  # years may change every indicator's columns
            return redirect("devplan:detail", plan.pk)
    plan.refresh_from_db()
    template = "planning/devplan/plan_form.html#header_form" if request.htmx else "planning/devplan/plan_form.html"
    return render(request, template, {"form": form, "plan": plan})


@login_required
@require_POST
def plan_delete(request, pk):
    plan = _plan(request, pk)
    try:
        services.delete_plan(user=request.user, plan=plan)
    except ValidationError as error:
        return _refused(request, plan, error)
    messages.success(request, _("The development plan is deleted."))
    return redirect("devplan:list")


# --- parts of the tree, re-rendered after a change

def _part_of(kind: str, node) -> str:
    if kind == "direction":
        return "directions"
    if kind == "task":
        return "tasks"
    direction_id = node.goal.direction_id if kind == "indicator" else node.direction_id
    return f"direction-{direction_id}"


def _render_part(request, plan, part: str):
    tree = devplan_tree(plan)
    context = {"plan": plan, "tree": tree}
    name = part
    if part.startswith("direction-"):
        d = tree.find("direction", int(part.split("-", 1)[1])) if part.split("-", 1)[1].isdigit() else None
        if d is None:
            name = part = "directions"
        else:
            context["d"], name = d, "direction"
    if name not in ("directions", "direction", "tasks", "header"):
        name = part = "directions"
    response = render(request, f"{DETAIL}#{name}", context)
    return reswap(retarget(response, f"#{part}"), "outerHTML")


def _done(request, plan, part: str):
    if request.htmx:
        return _render_part(request, plan, part)
    return redirect("devplan:detail", plan.pk)


def _refused(request, plan, error: ValidationError):
    text = " ".join(error.messages)
    if request.htmx:
        response = render(request, f"{DETAIL}#flash", {"refusal": text})
        return reswap(retarget(response, "#dp-flash"), "innerHTML")
    messages.error(request, text)
    return redirect("devplan:detail", plan.pk)


@login_required
def part(request, pk, part):
    plan = _plan(request, pk)
    return _render_part(request, plan, part)


def _form_context(plan, kind, form, node=None, parent=None):
    tree_years = list(range(plan.year_from, plan.year_to + 1))
    if node is not None:
        dom_id = f"{kind}-{node.pk}" + ("-line" if kind == "direction" else "")
        action = reverse("devplan:node_edit", args=[plan.pk, kind, node.pk])
        part = _part_of(kind, node)
    else:
        dom_id = f"new-{kind}-{parent.pk if parent is not None else plan.pk}"
        action = (reverse("devplan:node_add_under", args=[plan.pk, kind, parent.pk]) if parent is not None
                  else reverse("devplan:node_add", args=[plan.pk, kind]))
        part = "directions" if kind == "direction" else "tasks" if kind == "task" else (
            f"direction-{parent.pk}" if kind != "indicator" else f"direction-{parent.direction_id}")
    colspan = 6 + len(tree_years) if kind in ("macroindicator", "indicator") else 4
    return {"plan": plan, "kind": kind, "form": form, "node": node, "dom_id": dom_id, "action": action,
            "part": part, "row": kind in ROW_KINDS, "colspan": colspan}


def _form_response(request, context):
    if request.htmx:
        return render(request, "planning/devplan/node_form.html", context)
    return render(request, "planning/devplan/node_page.html", {**context, "row": False, "standalone": True})


def _values_of(node, kind) -> dict:
    if kind not in ("macroindicator", "indicator"):
        return {}
    return {v.year: v.value for v in node.values.all()}


@login_required
@require_http_methods(["GET", "POST"])
def node_add(request, pk, kind, parent=None):
    plan = _plan(request, pk)
    parent_kind = PARENT_KIND[kind]
    if (parent_kind is None) != (parent is None):
        return HttpResponse(status=404)
    parent_obj = _node(plan, parent_kind, parent) if parent_kind else None
    years = range(plan.year_from, plan.year_to + 1)
    form = NODE_FORMS[kind](request.POST or None, years=years)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_node(user=request.user, kind=kind, parent=parent_obj or plan, data=form.data_fields(),
                              values=form.values())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return _done(request, plan, _form_context(plan, kind, form, parent=parent_obj)["part"])
    return _form_response(request, _form_context(plan, kind, form, parent=parent_obj))


@login_required
@require_http_methods(["GET", "POST"])
def node_edit(request, pk, kind, node):
    plan = _plan(request, pk)
    obj = _node(plan, kind, node)
    years = range(plan.year_from, plan.year_to + 1)
    form = NODE_FORMS[kind](request.POST or None, instance=obj, years=years, values=_values_of(obj, kind))
    if request.method == "POST" and form.is_valid():
        try:
            services.update_node(user=request.user, kind=kind, node=obj, data=form.data_fields(),
                                 values=form.values())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return _done(request, plan, _part_of(kind, obj))
    return _form_response(request, _form_context(plan, kind, form, node=obj))


@login_required
@require_POST
def node_delete(request, pk, kind, node):
    plan = _plan(request, pk)
    obj = _node(plan, kind, node)
    part = _part_of(kind, obj)
    try:
        services.delete_node(user=request.user, kind=kind, node=obj)
    except ValidationError as error:
        return _refused(request, plan, error)
    if not request.htmx:
        messages.success(request, _("Deleted."))
    return _done(request, plan, part)


@login_required
@require_POST
def node_move(request, pk, kind, node):
    plan = _plan(request, pk)
    obj = _node(plan, kind, node)
    try:
        services.move_node(user=request.user, kind=kind, node=obj, up=request.POST.get("to") != "down")
    except ValidationError as error:
        return _refused(request, plan, error)
    return _done(request, plan, _part_of(kind, obj))


@login_required
@require_http_methods(["GET", "POST"])
def indicator_roles(request, pk, kind, node):
    """An indicator's responsible unit and kind, in place of its row (also on an approved edition)."""
    plan = _plan(request, pk)
    if kind not in services.INDICATOR_KINDS:
        return HttpResponse(status=404)
    obj = _node(plan, kind, node)
    form = IndicatorRolesForm(request.POST or None, body_id=plan.body_id, lang=current_lang(),
                              initial={"responsible_unit": obj.responsible_unit_id, "polarity": obj.polarity,
                                       "accumulation": obj.accumulation})
    if request.method == "POST" and form.is_valid():
        unit = form.cleaned_data["responsible_unit"]
        try:
            services.set_indicator_roles(user=request.user, kind=kind, node=obj,
                                         responsible_unit_id=unit.pk if unit else None,
                                         polarity=form.cleaned_data["polarity"],
                                         accumulation=form.cleaned_data["accumulation"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return _done(request, plan, _part_of(kind, obj))
    context = {**_form_context(plan, kind, form, node=obj), "roles": True,
               "action": reverse("devplan:indicator_roles", args=[plan.pk, kind, obj.pk])}
    return _form_response(request, context)
