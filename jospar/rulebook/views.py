"""The rulebook page: the administrator lists the editions of the Rules and corrects one (thin views: the
permission is `rulebook.correct_edition`, the checks and the save are `services.correct_edition`)."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from jospar import rules
from jospar.i18n import current_lang
from jospar.orgs.permissions import require

from . import services
from .forms import EditionForm
from .labels import LANG_NAMES
from .models import Edition
from .selectors import edition_history

PAGE = "rulebook/edition.html"


@login_required
def edition_list(request):
    require(request.user, services.PERM)
    lang = current_lang()
    rows = Edition.objects.order_by("effective_from")
    return render(request, "rulebook/list.html", {
        "editions": [{"row": row, "act": getattr(row, f"act_{lang}") or row.act_ru} for row in rows]})


@login_required
@require_http_methods(["GET", "POST"])
def edition_edit(request, key: str):
    require(request.user, services.PERM)
    row = get_object_or_404(Edition, key=key)
    form = EditionForm(request.POST or None, edition=row.as_rules(), revision=row.revision)
    refusal, stale = [], False
    if request.method == "POST" and form.is_valid():
        try:
            changed = services.correct_edition(user=request.user, key=key, data=form.data_for_rules(),
                                               revision=form.cleaned_data["revision"])
        except ValidationError as error:
            refusal, stale = error.messages, isinstance(error, services.StaleEdition)
        else:
            notice = (_("The correction is saved: documents made from now on use it.") if changed
                      else _("Nothing changed."))
            if request.htmx:
                row.refresh_from_db()
                return _page(request, row, notice=notice, partial=True)
            messages.success(request, notice)
            return redirect("rulebook:edit", key)
    return _page(request, row, form=form, refusal=refusal, stale=stale, partial=bool(request.htmx))


def _page(request, row, *, form=None, refusal=(), stale=False, notice="", partial=False):
    """The page (or, for htmx, its editor part). A refused form is shown again as typed, with the reasons."""
    form = form or EditionForm(edition=row.as_rules(), revision=row.revision)
    context = {"row": row, "form": form, "refusal": refusal, "stale": stale, "notice": notice,
               "history": edition_history(row), "forms": [(n, form.rows(n)) for n in (1, 2)],
               "langs": [LANG_NAMES[lang] for lang in rules.LANGS]}
    return render(request, f"{PAGE}#editor" if partial else PAGE, context)
