"""Monitoring pages: periods, a period's units, a unit's work list and its actions. Thin: parse, ask, call, render."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext, ngettext
from django.views.decorators.http import require_POST

from jospar import rules
from jospar.clock import today_in
from jospar.i18n import current_lang
from jospar.ops.router import replica_reads
from jospar.orgs.models import OrgUnit
from jospar.orgs.permissions import access_of
from jospar.planning import selectors as plan_selectors
from jospar.planning.models import OperationalPlan
from jospar.web.bilingual import missing_texts_html
from jospar.web.forms import evidence_of

from . import indicators, selectors, services, services_indicators
from .forms import ContributionForm, EntryForm, ReturnForm, SubmitForm, UploadForm
from .models import Attachment, ExecutionEntry
from .walk import walk


def plan_of(request, year: int) -> OperationalPlan:
    access = access_of(request.user)
    plan = plan_selectors.plan_of_year(access.member_body_id, year)
    if plan is None:
        raise Http404
    if not request.user.has_perm("monitoring.view_period", plan):
        raise PermissionDenied
    return plan


def period_of(request, year: int, quarter: int):
    """The quarter of the address. A page (GET, HEAD) only reads: approval opened the periods, and a plan
    not yet approved shows unsaved ones. An action (POST) on a plan not yet approved opens them itself."""
    if not 1 <= quarter <= 4:
        raise Http404
    plan = plan_of(request, year)
    if request.method in ("GET", "HEAD"):
        return selectors.periods_of(plan)[quarter - 1]
    return services.open_periods(plan)[quarter - 1]


def unit_of(period, unit_id: int) -> OrgUnit:
    return get_object_or_404(OrgUnit, pk=unit_id, body_id=period.plan.body_id)


def fail(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def report_title(labels, lang: str, plan, period, *, cumulative: bool) -> str:
    """Form 2's title: «… за 2026 год (9 месяцев)»; for the whole year the year alone («… за 2026 год»)."""
    return labels.report_title(lang, body=plan.body.title_name(lang), year=plan.year,
                               period=period.rules_period.report_period_label(lang, cumulative=cumulative))


def due_info(due, today) -> dict:
    return {"date": due, "days": rules.days_left(due, today), "overdue": max(0, -rules.days_left(due, today))}


@login_required
def index(request):
    access = access_of(request.user)
    plans = plan_selectors.plan_years(access.member_body_id)
    today = today_in()
    year = today.year if today.year in plans else (today.year - 1 if today.month == 1 and today.year - 1 in plans
                                                   else (plans[0] if plans else None))
    if year is None:
        return render(request, "monitoring/periods.html", {"plan": None, "lines": []})
    return redirect("monitoring:periods", year)


@replica_reads
@login_required
def periods(request, year: int):
    plan = plan_of(request, year)
    today = today_in(plan.body.time_zone)
    access = access_of(request.user)
    units = selectors.body_units(plan.body_id)
    lines = []
    walks: dict = {}  # one plan walk per version shown (the four quarters usually read the same version)
    lang = current_lang()
    for period in selectors.periods_of(plan):
        version = selectors.version_in_force(plan, period.end)
        started = period.start <= today
        unit_lines = []
        if version and started:
            walked = walks.get(version.pk) or walks.setdefault(version.pk, walk(version, lang, units=units))
            unit_lines = selectors.period_units(period, version, units, lang, walked=walked)
        report = selectors.report_of(period)
        mine = [u for u in unit_lines if u.unit.id in access.unit_ids]
        with_items = [u for u in unit_lines if u.items]
        submitted = sum(1 for u in with_items if u.state == "submitted")
        lines.append({
            "period": period, "info": due_info(period.info_due, today),
            "report_due": due_info(period.report_due, today), "units": with_items,
            "submitted": submitted, "info_done": _info_done(with_items, report, submitted),
            "late": sum(1 for u in unit_lines if u.submission and u.submission.is_late),
            "mine": mine, "report": report, "started": started, "current": period.rules_period.contains(today),
        })
    return render(request, "monitoring/periods.html", {"plan": plan, "lines": lines, "today": today,
                                                       "has_version": any(line["units"] for line in lines)})


@replica_reads
@login_required
def period(request, year: int, quarter: int):
    period = period_of(request, year, quarter)
    plan = period.plan
    today = today_in(plan.body.time_zone)
    access = access_of(request.user)
    version = selectors.version_in_force(plan, period.end)
    units = selectors.body_units(plan.body_id)
    lines = selectors.period_units(period, version, units, current_lang()) if version else []
    sees_all = request.user.has_perm("monitoring.view_report", period)
    report = selectors.report_of(period)
    with_items = [line for line in lines if line.items]
    info_done = _info_done(with_items, report, sum(1 for line in with_items if line.state == "submitted"))
    if not sees_all:
        lines = [line for line in lines if line.unit.id in access.unit_ids]
    return render(request, "monitoring/period.html", {
        "plan": plan, "period": period, "lines": lines, "version": version, "sees_all": sees_all,
        "info": due_info(period.info_due, today), "report_due": due_info(period.report_due, today),
        "report": report, "lang": current_lang(), "info_done": info_done,
    })


def _info_done(units_with_items: list, report, submitted: int) -> bool:
    """The units' stage is over (no «overdue» on it) once every unit with items has submitted, or the
    report is submitted."""
    return bool(report and report.is_submitted) or (bool(units_with_items) and submitted == len(units_with_items))


@login_required
def unit(request, year: int, quarter: int, unit_id: int):
    period = period_of(request, year, quarter)
    unit = unit_of(period, unit_id)
    if not request.user.has_perm("monitoring.view_unit_info", unit):
        raise PermissionDenied
    return _render_unit(request, period, unit)


def _render_unit(request, period, unit, *, key: str = "", role: str = "lead", typed=None, errors=None, saved=False,
                 partial=False, status=200):
    """The unit's work list; ``key`` names the item an in-place form came from, shown again with what was
    typed and each error under its field (``partial``: that item alone, for htmx). ``role`` "indicator": the
    item is an indicator's value (``key`` "m:12", "t:34", with "/final" for the year's final value)."""
    lang = current_lang()
    can_edit = request.user.has_perm("monitoring.edit_entry", unit)
    listing = selectors.work_list(period, unit, lang, can_edit=can_edit)
    own_indicators = indicators.unit_indicators(
        period, unit, lang, can_edit=request.user.has_perm("monitoring.edit_indicator", unit),
        submission=listing.submission, version=listing.version)
    target = None
    for w in (*listing.items, *listing.co_items):
        if w.key == key and w.role == role:
            target = w
            w.typed, w.errors, w.saved = typed, errors or {}, saved
    for u in own_indicators:
        if role == "indicator" and key.split("/")[0] == u.key:
            target = u
            u.typed, u.errors, u.saved, u.final_form = typed, errors or {}, saved, key.endswith("/final")
    today = today_in(period.plan.body.time_zone)
    context = {
        "plan": period.plan, "period": period, "unit": unit, "listing": listing, "lang": lang,
        "info": due_info(period.info_due, today), "entry_form": EntryForm(), "upload_form": UploadForm(),
        "can_submit": request.user.has_perm("monitoring.submit_unit_info", unit) and not listing.is_submitted,
        "can_return": request.user.has_perm("monitoring.return_unit_info", period),
        "submit_form": SubmitForm(), "return_form": ReturnForm(), "contribution_form": ContributionForm(),
        "indicators": own_indicators,
        "indicators_missing": [u for u in own_indicators if u.actual is None and u.final is None],
        "opens_on": None if rules.unit_info_submittable(period.rules_period, today,
                                                        [w.entry.status if w.entry else None for w in listing.items])
        else rules.opens_on(period.rules_period),
    }
    if partial and target is not None and role == "indicator":
        return render(request, "monitoring/_indicator.html", {**context, "u": target}, status=status)
    if partial and target is not None:
        template = "monitoring/_co_item.html" if role == "co" else "monitoring/_item.html"
        return render(request, template, {**context, "w": target}, status=status)
    return render(request, "monitoring/unit.html", context, status=status)


def _back(period, unit_id: int, anchor: str = "") -> str:
    url = reverse("monitoring:unit", args=[period.plan.year, period.quarter, unit_id])
    return f"{url}#{anchor}" if anchor else url


def field_errors(error: ValidationError) -> dict:
    """A service's refusal as {field: [messages]}; messages not about one field go under "general"."""
    if hasattr(error, "error_dict"):
        return {("general" if k == "__all__" else k): v for k, v in error.message_dict.items()}
    return {"general": error.messages}


ENTRY_FIELDS = ("status", "actual_kk", "actual_ru", "reasons_kk", "reasons_ru")


@require_POST
@login_required
def save_entry(request, year: int, quarter: int, unit_id: int, event_id: int, occurrence: int):
    """Saves one entry; a refusal shows the item again in place with what was typed and the errors by
    their fields (htmx swaps the item; without script the whole page comes back the same way)."""
    period = period_of(request, year, quarter)
    unit = unit_of(period, unit_id)
    typed = {name: request.POST.get(name, "") for name in ENTRY_FIELDS}
    key = f"{event_id}-{occurrence}"
    try:
        services.save_entry(user=request.user, period=period, event_id=event_id, occurrence=occurrence, **typed)
    except ValidationError as error:
        return _render_unit(request, period, unit, key=key, typed=typed, errors=field_errors(error),
                            partial=request.htmx, status=200 if request.htmx else 422)
    if request.htmx:
        return _render_unit(request, period, unit, key=key, saved=True, partial=True)
    messages.success(request, gettext("Saved."))
    return redirect(_back(period, unit_id, f"item-{key}"))


INDICATOR_FIELDS = ("value", "source_kk", "source_ru", "comment_kk", "comment_ru")


@require_POST
@login_required
def save_indicator(request, year: int, quarter: int, unit_id: int):
    """Saves an indicator's value of the period (``indicator`` "m:12" | "t:34"; ``final`` "1" for the year's
    final value); a refusal shows the indicator again in place, as `save_entry` does."""
    period = period_of(request, year, quarter)
    unit = unit_of(period, unit_id)
    key, final = request.POST.get("indicator", ""), request.POST.get("final") == "1"
    typed = {name: request.POST.get(name, "") for name in INDICATOR_FIELDS}
    form_key = f"{key}/final" if final else key
    try:
        if key not in {u.key for u in indicators.unit_indicators(period, unit, current_lang())}:
            raise ValidationError(gettext("This unit does not answer for this indicator."))
        services_indicators.save_actual(user=request.user, period=period, key=key, final=final, **typed)
    except ValidationError as error:
        return _render_unit(request, period, unit, key=form_key, role="indicator", typed=typed,
                            errors=field_errors(error), partial=request.htmx, status=200 if request.htmx else 422)
    if request.htmx:
        return _render_unit(request, period, unit, key=form_key, role="indicator", saved=True, partial=True)
    messages.success(request, gettext("Saved."))
    return redirect(_back(period, unit_id, f"ind-{key.replace(':', '-')}"))


@require_POST
@login_required
def save_contribution(request, year: int, quarter: int, unit_id: int, event_id: int, occurrence: int):
    period = period_of(request, year, quarter)
    unit = unit_of(period, unit_id)
    typed = {"text": request.POST.get("text", "")}
    key = f"{event_id}-{occurrence}"
    try:
        services.save_contribution(user=request.user, period=period, event_id=event_id, occurrence=occurrence,
                                   unit=unit, text=typed["text"])
    except ValidationError as error:
        return _render_unit(request, period, unit, key=key, role="co", typed=typed, errors={"text": error.messages},
                            partial=request.htmx, status=200 if request.htmx else 422)
    if request.htmx:
        return _render_unit(request, period, unit, key=key, role="co", saved=True, partial=True)
    messages.success(request, gettext("Saved."))
    return redirect(_back(period, unit_id, f"co-{key}"))


@require_POST
@login_required
def upload(request, year: int, quarter: int, entry_id: int):
    period = period_of(request, year, quarter)
    entry = get_object_or_404(ExecutionEntry.objects.select_related("unit"), pk=entry_id, period=period)
    try:
        services.add_attachment(user=request.user, entry=entry, upload=request.FILES.get("file"))
        messages.success(request, gettext("Saved."))
    except ValidationError as error:
        fail(request, error)
    return redirect(_back(period, entry.unit_id, f"item-{entry.event_id}-{entry.occurrence}"))


@require_POST
@login_required
def delete_file(request, year: int, quarter: int, attachment_id: int):
    period = period_of(request, year, quarter)
    attachment = get_object_or_404(Attachment.objects.select_related("entry__unit"), pk=attachment_id,
                                   entry__period=period)
    try:
        services.delete_attachment(user=request.user, attachment=attachment)
    except ValidationError as error:
        fail(request, error)
    entry = attachment.entry
    return redirect(_back(period, entry.unit_id, f"item-{entry.event_id}-{entry.occurrence}"))


@login_required
def download(request, attachment_id: int):
    """A supporting file, only as a download (never rendered inline), to those who may read the entry."""
    access = access_of(request.user)
    attachment = get_object_or_404(
        Attachment.objects.select_related("entry__period__plan", "entry__unit"), pk=attachment_id,
        entry__period__plan__body_id=access.member_body_id,
    )
    entry = attachment.entry
    version = selectors.version_in_force(entry.period.plan, entry.period.end)
    unit_ids = plan_selectors.event_executor_unit_ids(version, entry.event_id) | {entry.unit_id}
    units = OrgUnit.objects.filter(pk__in=unit_ids)
    if not any(request.user.has_perm("monitoring.view_unit_info", u) for u in units):
        raise PermissionDenied
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, as_attachment=True, filename=attachment.original_name,
                            content_type="application/octet-stream")
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
@login_required
def submit(request, year: int, quarter: int, unit_id: int):
    period = period_of(request, year, quarter)
    unit = unit_of(period, unit_id)
    form = SubmitForm(request.POST)
    form.is_valid()
    try:
        submission = services.submit_unit_info(user=request.user, period=period, unit=unit,
                                               attest=form.cleaned_data.get("attest", False),
                                               evidence=evidence_of(request.POST, ("cms",)))
        messages.success(request, _submitted_message(submission))
    except services.TextsMissing as refused:
        messages.error(request, missing_texts_html(gettext(
            "Form 2 is made in Kazakh and in Russian: write these texts in both languages before submitting."),
            refused.missing))
    except ValidationError as error:
        fail(request, error)
    return redirect(_back(period, unit.id))


def _submitted_message(submission) -> str:
    if submission.is_late:
        return ngettext(
            "Submitted %(days)s day after the due date: the submission is marked late.",
            "Submitted %(days)s days after the due date: the submission is marked late.",
            submission.delay_days,
        ) % {"days": submission.delay_days}
    return gettext("Your unit's information is submitted. It is locked now; the planner can return it.")


@require_POST
@login_required
def return_info(request, year: int, quarter: int, unit_id: int):
    """The planner returns the unit's information: one entry (``entry`` in the form) or all of it."""
    period = period_of(request, year, quarter)
    unit = unit_of(period, unit_id)
    form = ReturnForm(request.POST)
    form.is_valid()
    entry = request.POST.get("entry", "")
    try:
        services.return_unit_info(user=request.user, period=period, unit=unit,
                                  comment=form.cleaned_data.get("comment", ""),
                                  entry_ids=[int(entry)] if entry.isdigit() else None)
        messages.success(request, gettext("Returned to the unit with your comment."))
    except ValidationError as error:
        fail(request, error)
    return redirect(_back(period, unit.id))
