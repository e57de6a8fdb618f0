"""The body administrator's Excel import of units and people: the template download and the upload page."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from jospar.documents.forms import UploadForm
from jospar.documents.importers.org_structure import import_org_structure
from jospar.documents.importers.org_template import build_org_template, template_filename
from jospar.documents.views.plan import attachment
from jospar.orgs.manage import services
from jospar.orgs.models import StateBody

PAGE = "documents/org_import.html"


@login_required
def org_template(request, lang: str):
    body = StateBody.objects.get(pk=services.body_of(request.user))
    return attachment(build_org_template(body, lang), template_filename(body, lang), "xlsx")


@login_required
@require_http_methods(["GET", "POST"])
def org_import(request):
    services.body_of(request.user)
    form = UploadForm(request.POST or None, request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        counts, problems = import_org_structure(user=request.user, upload=upload)
        if counts is not None:
            if not counts.changed:
                messages.success(request, _("The workbook is imported: it matches what the body holds, nothing "
                                            "changed."))
            else:
                messages.success(request, _(
                    "The workbook is imported. Units added: %(uc)s, changed: %(uu)s. People added: %(pc)s, changed: "
                    "%(pu)s. Roles added: %(rc)s, changed: %(ru)s.") % {
                    "uc": counts.units_created, "uu": counts.units_updated, "pc": counts.people_created,
                    "pu": counts.people_updated, "rc": counts.roles_added, "ru": counts.roles_updated})
            if counts.new_people:
                messages.warning(request, _("New people have no password yet and cannot sign in: set one on each "
                                            "person's page (%(logins)s).") % {"logins": ", ".join(counts.new_people)})
            return redirect("orgs:units")
    return render(request, PAGE, {"form": form, "problems": problems}, status=400 if problems else 200)
