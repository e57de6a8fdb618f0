"""The body administrator's pages (units, people, roles) and the installation administrator's (bodies).

Thin views: the services decide and change; the views find nothing by themselves outside the user's body.
Everything works without htmx (full pages, redirects); with htmx a row or a section is re-rendered in place.
A generated one-time password is shown once, in the response to the POST that made it (never stored,
never put in a message or a redirect).
"""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from jospar.orgs.models import Membership, OrgUnit, StateBody
from jospar.orgs.permissions import require
from jospar.web.forms import add_errors

from . import installation, selectors, services
from .forms import AdminForm, BodyForm, NewPersonForm, PasswordForm, PersonForm, RoleForm, UnitForm

UNITS, PEOPLE, PERSON, BODIES = "orgs/units.html", "orgs/people.html", "orgs/person.html", "orgs/bodies.html"


# --- units ---------------------------------------------------------------------------------------------------

@login_required
def units(request):
    body_id = services.body_of(request.user)
    return render(request, UNITS, {"units": selectors.units_page(body_id), "body": StateBody.objects.get(pk=body_id)})


@login_required
@require_http_methods(["GET", "POST"])
def unit_form(request, pk=None):
    body_id = services.body_of(request.user)
    unit = get_object_or_404(OrgUnit, pk=pk, body_id=body_id) if pk else None
    initial = {"version": services.unit_version(unit)} if unit else {"is_active": True}
    form = UnitForm(request.POST or None, instance=unit, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in services.UNIT_FIELDS}
        try:
            saved, changed = services.save_unit(user=request.user, data=data, unit_id=pk,
                                                version=form.cleaned_data["version"] if unit else None)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, (_("Saved: «%(name)s».") if changed else _("Nothing changed.")) % {
                "name": saved.name})
            return redirect("orgs:units")
    if unit is not None:
        unit.refresh_from_db()
    return render(request, "orgs/unit_form.html", {"form": form, "unit": unit,
                                                   "referenced": unit is not None and services.is_referenced(unit)},
                  status=400 if form.errors else 200)


@login_required
@require_POST
def unit_toggle(request, pk):
    """Activate or deactivate a unit (its row, re-rendered for htmx)."""
    body_id = services.body_of(request.user)
    unit = get_object_or_404(OrgUnit, pk=pk, body_id=body_id)
    refusal = ""
    try:
        services.save_unit(user=request.user, data={"is_active": not unit.is_active}, unit_id=pk,
                           version=request.POST.get("version", ""))
    except ValidationError as error:
        refusal = " ".join(error.messages)
    if not request.htmx:
        if refusal:
            messages.error(request, refusal)
        return redirect("orgs:units")
    row = next(u for u in selectors.units_page(body_id) if u.pk == unit.pk)
    return render(request, f"{UNITS}#row", {"u": row, "refusal": refusal})


@login_required
@require_POST
def unit_delete(request, pk):
    try:
        services.delete_unit(user=request.user, unit_id=pk)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("orgs:unit_edit", pk)
    messages.success(request, _("The unit is deleted."))
    return redirect("orgs:units")


# --- people --------------------------------------------------------------------------------------------------

@login_required
def people(request):
    body_id = services.body_of(request.user)
    query = request.GET.get("q", "").strip()[:100]
    context = {"people": selectors.people_page(body_id, query), "q": query}
    return render(request, f"{PEOPLE}#table" if request.htmx else PEOPLE, context)


def _shown_once(request, account, password: str, body=None):
    """The one response that shows a generated password: never kept by the browser or a proxy."""
    response = render(request, "orgs/password_shown.html", {"account": account, "password": password, "body": body})
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def person_create(request):
    body_id = services.body_of(request.user)
    form = NewPersonForm(request.POST or None, body_id=body_id)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            account, shown = services.create_person(
                user=request.user, data={name: data[name] for name in (*services.ACCOUNT_FIELDS[:-1],
                                                                       *services.PERSON_FIELDS)},
                role={name: data[name] for name in ("role", "unit", "office", "acting")}, password=data["password"])
        except ValidationError as error:
            add_errors(form, error)
        else:
            if shown:
                return _shown_once(request, account, shown)
            messages.success(request, _("The person is added."))
            return redirect("orgs:person", account.pk)
    return render(request, "orgs/person_new.html", {"form": form}, status=400 if form.errors else 200)


def _person_context(request, account, body_id, **extra):
    person = services._person(account)
    manageable = services.is_manageable(account, body_id)
    initial = {name: getattr(account, name) for name in services.ACCOUNT_FIELDS}
    initial.update({name: getattr(person, name) for name in services.PERSON_FIELDS})
    initial["version"] = services.person_version(account)
    system = services.msg_system() if services.is_system_account(account) else ""
    return {"account": account, "person": person, "manageable": manageable, "system": system,
            "form": extra.pop("form", None) or PersonForm(initial=initial),
            "password_form": extra.pop("password_form", None) or PasswordForm(),
            **_roles_context(request, account, body_id), **extra}


def _roles_context(request, account, body_id, **extra):
    roles = selectors.person_roles(account, body_id)
    forms = extra.pop("forms", {})
    rows = [(m, forms.get(m.pk) or RoleForm(body_id=body_id, prefix=f"m{m.pk}", initial={
        "role": m.role, "unit": m.unit_id, "office": m.office, "acting": m.acting,
        "version": services.membership_version(m)})) for m in roles]
    return {"account": account, "roles": rows,
            "add_form": extra.pop("add_form", None) or RoleForm(body_id=body_id, prefix="new"), **extra}


@login_required
@require_http_methods(["GET", "POST"])
def person(request, pk):
    body_id = services.body_of(request.user)
    account = services.person_in_body(request.user, pk)
    form = PersonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in (*services.ACCOUNT_FIELDS, *services.PERSON_FIELDS)}
        try:
            changed = services.update_person(user=request.user, account_id=pk, data=data,
                                             version=form.cleaned_data["version"])
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Saved.") if changed else _("Nothing changed."))
            return redirect("orgs:person", pk)
    context = _person_context(request, account, body_id, **({"form": form} if request.method == "POST" else {}))
    return render(request, PERSON, context, status=400 if form.errors else 200)


@login_required
@require_POST
def person_password(request, pk):
    body_id = services.body_of(request.user)
    account = services.person_in_body(request.user, pk)
    form = PasswordForm(request.POST)
    if form.is_valid():
        try:
            shown = services.set_password(user=request.user, account_id=pk, password=form.cleaned_data["password"])
        except ValidationError as error:
            add_errors(form, error)
        else:
            if shown:
                return _shown_once(request, account, shown)
            messages.success(request, _("The password is set."))
            return redirect("orgs:person", pk)
    return render(request, PERSON, _person_context(request, account, body_id, password_form=form), status=400)


def _roles_done(request, account, body_id, refusal="", **forms):
    if request.htmx:
        context = _roles_context(request, account, body_id, refusal=refusal, **forms)
        return render(request, f"{PERSON}#roles", context, status=400 if refusal or forms else 200)
    if refusal:
        messages.error(request, refusal)
    return redirect("orgs:person", account.pk)


def _role_data(form) -> dict:
    return {name: form.cleaned_data[name] for name in ("role", "unit", "office", "acting")}


@login_required
@require_POST
def role_add(request, pk):
    body_id = services.body_of(request.user)
    account = services.person_in_body(request.user, pk)
    form = RoleForm(request.POST, body_id=body_id, prefix="new")
    if form.is_valid():
        try:
            services.add_membership(user=request.user, account_id=pk, data=_role_data(form))
        except ValidationError as error:
            add_errors(form, error)
        else:
            return _roles_done(request, account, body_id)
    return _roles_done(request, account, body_id, refusal=" ".join(_flat(form)), add_form=form)


def _flat(form) -> list[str]:
    return [str(e) for errors in form.errors.values() for e in errors]


@login_required
@require_POST
def role_edit(request, membership_id):
    body_id = services.body_of(request.user)
    membership = services.membership_in_body(request.user, membership_id)
    form = RoleForm(request.POST, body_id=body_id, prefix=f"m{membership.pk}")
    if form.is_valid():
        try:
            services.change_membership(user=request.user, membership_id=membership.pk, data=_role_data(form),
                                       version=form.cleaned_data["version"])
        except ValidationError as error:
            add_errors(form, error)
        else:
            return _roles_done(request, membership.user, body_id)
    return _roles_done(request, membership.user, body_id, refusal=" ".join(_flat(form)),
                       forms={membership.pk: form})


@login_required
@require_POST
def role_remove(request, membership_id):
    body_id = services.body_of(request.user)
    membership = services.membership_in_body(request.user, membership_id)
    try:
        services.remove_membership(user=request.user, membership_id=membership.pk)
    except ValidationError as error:
        return _roles_done(request, membership.user, body_id, refusal=" ".join(error.messages))
    return _roles_done(request, membership.user, body_id)


# --- the installation's bodies -------------------------------------------------------------------------------

@login_required
def bodies(request):
    require(request.user, services.INSTALL_PERM)
    return render(request, BODIES, {"bodies": selectors.bodies_page()})


@login_required
@require_http_methods(["GET", "POST"])
def body_create(request):
    require(request.user, services.INSTALL_PERM)
    form = BodyForm(request.POST or None)
    admin_form = AdminForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and admin_form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.Meta.fields}
        data["parent_id"] = data.pop("parent").pk if data.get("parent") else None
        admin = {k: v for k, v in admin_form.cleaned_data.items() if k != "password"}
        try:
            body, account, shown = installation.create_body(user=request.user, data=data, admin=admin,
                                                        password=admin_form.cleaned_data["password"])
        except ValidationError as error:
            target = admin_form if hasattr(error, "error_dict") and set(error.message_dict) & set(
                admin_form.fields) else form
            add_errors(target, error)
        else:
            if shown:
                return _shown_once(request, account, shown, body)
            messages.success(request, _("The body and its administrator are created."))
            return redirect("orgs:bodies")
    return render(request, "orgs/body_form.html", {"form": form, "admin_form": admin_form},
                  status=400 if form.errors or admin_form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def body_edit(request, pk):
    require(request.user, services.INSTALL_PERM)
    body = get_object_or_404(StateBody, pk=pk)
    form = BodyForm(request.POST or None, instance=body, initial={"version": services.body_version(body)})
    admin_form = AdminForm()
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.Meta.fields}
        data["parent_id"] = data.pop("parent").pk if data.get("parent") else None
        try:
            changed = installation.update_body(user=request.user, body_id=pk, data=data,
                                           version=form.cleaned_data["version"])
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Saved.") if changed else _("Nothing changed."))
            return redirect("orgs:bodies")
    body.refresh_from_db()
    admins = Membership.objects.filter(body=body, role="admin").select_related("user").order_by("user__username")
    return render(request, "orgs/body_form.html", {"form": form, "admin_form": admin_form, "body": body,
                                                   "admins": admins}, status=400 if form.errors else 200)


@login_required
@require_POST
def body_admin_add(request, pk):
    require(request.user, services.INSTALL_PERM)
    body = get_object_or_404(StateBody, pk=pk)
    admin_form = AdminForm(request.POST)
    if admin_form.is_valid():
        admin = {k: v for k, v in admin_form.cleaned_data.items() if k != "password"}
        try:
            account, shown = installation.add_body_admin(user=request.user, body_id=pk, admin=admin,
                                                     password=admin_form.cleaned_data["password"])
        except ValidationError as error:
            add_errors(admin_form, error)
        else:
            if shown:
                return _shown_once(request, account, shown, body)
            messages.success(request, _("The administrator is added."))
            return redirect("orgs:body_edit", pk)
    admins = Membership.objects.filter(body=body, role="admin").select_related("user").order_by("user__username")
    return render(request, "orgs/body_form.html", {"form": BodyForm(instance=body, initial={
        "version": services.body_version(body)}), "admin_form": admin_form, "body": body, "admins": admins},
        status=400)
