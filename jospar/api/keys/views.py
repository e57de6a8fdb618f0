"""The API tokens page of every signed-in user and the registered systems page of the body administrator.

Thin views: jospar.api.tokens and .services decide and change. A token or a client secret is shown once, in
the answer to the POST that made it (Cache-Control: no-store), never stored, put in a message or a redirect.
"""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from jospar.orgs.manage import services as orgs
from jospar.web.forms import add_errors

from .. import tokens
from . import services
from .forms import SystemForm, TokenForm

TOKENS, SYSTEMS = "api/tokens.html", "api/systems.html"


def _no_store(response):
    response["Cache-Control"] = "no-store"
    return response


def _token_rows(user):
    today = timezone.localdate()
    return [(token, tokens.state_of(token, today)) for token in tokens.tokens_of(user)]


@login_required
@require_http_methods(["GET", "POST"])
def token_list(request):
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            token, raw = tokens.issue(user=request.user, name=form.cleaned_data["name"],
                                      expires_on=form.cleaned_data["expires_on"])
        except ValidationError as error:
            add_errors(form, error)
        else:
            return _no_store(render(request, "api/token_shown.html", {
                "token": token, "raw": raw, "root": request.build_absolute_uri(reverse("api:root"))}))
    return render(request, TOKENS, {"form": form, "rows": _token_rows(request.user), "max_live": tokens.MAX_LIVE},
                  status=400 if form.errors else 200)


@login_required
@require_POST
def token_revoke(request, pk):
    token = tokens.revoke(user=request.user, token_id=pk)
    messages.success(request, _("The token «%(name)s» is revoked: it no longer works.") % {"name": token.name})
    return redirect("keys:tokens")


@login_required
@require_http_methods(["GET", "POST"])
def system_list(request):
    body_id = orgs.body_of(request.user)
    form = SystemForm(request.POST or None, body_id=body_id)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            system, secret = services.register(user=request.user, name=data["name"], role=data["role"],
                                               unit=data["unit"], scopes=data["scopes"])
        except ValidationError as error:
            add_errors(form, error)
        else:
            return _no_store(render(request, "api/system_shown.html", {
                "system": system, "secret": secret, "token_url": request.build_absolute_uri(reverse("oauth2_token")),
                "root": request.build_absolute_uri(reverse("api:root"))}))
    return render(request, SYSTEMS, {"form": form, "systems": services.systems_of(request.user)},
                  status=400 if form.errors else 200)


@login_required
@require_POST
def system_revoke(request, pk):
    system = services.revoke(user=request.user, system_id=pk)
    messages.success(request, _("The system «%(name)s» is revoked: its secret and its tokens no longer work.") % {
        "name": system.name})
    return redirect("keys:systems")
