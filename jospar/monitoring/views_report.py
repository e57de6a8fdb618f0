"""The report page (Form 2, the summary, who has not submitted) and its actions: recommendations,
submission to the executive, the executive's decisions."""
from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from jospar import rules
from jospar.clock import today_in
from jospar.i18n import current_lang, localized
from jospar.notifications.services import unread_count
from jospar.ops.router import replica_reads
from jospar.orgs.models import OrgUnit
from jospar.web import revalidate
from jospar.web.forms import evidence_of

from . import selectors, services_report, stamps
from .forms import DecisionForm, RecommendationForm, ReportTextsForm
from .models import EventRecommendation
from .templatetags.form2 import recommendation_cell
from .views import due_info, fail, period_of, report_title


def _report_url(period) -> str:
    return reverse("monitoring:report", args=[period.plan.year, period.quarter])


def _decision_form(period, compiled, data=None) -> DecisionForm:
    """The decision form: the responsible person is chosen among the chosen unit's people, in the reader's
    alphabetical order (the list follows the unit through htmx; the form and the service check it)."""
    body_id = period.plan.body_id
    chosen_unit = str((data or {}).get("responsible_unit") or "")
    unit_id = int(chosen_unit) if chosen_unit.isdigit() else None
    numbers = {r.number: r.event_id for r in compiled.rows if r.kind == "event"} if compiled else {}
    form = DecisionForm(data, units=selectors.body_units(body_id),
                        persons=selectors.unit_people(unit_id, body_id, current_lang()), numbers=numbers)
    form.fields["responsible_unit"].widget.attrs.update({
        "hx-get": reverse("monitoring:decision_people", args=[period.plan.year, period.quarter]),
        "hx-target": "#decision-person", "hx-swap": "outerHTML", "hx-trigger": "change"})
    return form


@replica_reads
@login_required
def report(request, year: int, quarter: int):
    period = period_of(request, year, quarter)
    if not request.user.has_perm("monitoring.view_report", period):
        raise PermissionDenied
    fixed = _fixed_key(request, period)
    etag = revalidate.page_etag(request, fixed, unread_count(request.user)) if fixed else None
    if (unchanged := revalidate.not_modified(request, etag)) is not None:
        return unchanged
    return revalidate.revalidated(_render(request, period, fixed=fixed), etag)


def _fixed_key(request, period) -> tuple | None:
    """What a submitted report's compiled Form 2 and decisions depend on: the report's submission (taken back
    and submitted again, it is another), the language, the view, what it reads (`stamps`) and the body's date.
    None for a report not submitted: never cached."""
    report = selectors.report_of(period)
    if report is None or not report.is_submitted:
        return None
    view = selectors.QUARTER if request.GET.get("view") == "quarter" else selectors.CUMULATIVE
    return ("form2-page", report.pk, report.submitted_at, current_lang(), view, stamps.report_stamp(period.plan),
            today_in(period.plan.body.time_zone))


def _render(request, period, *, view: str | None = None, texts_form=None, decision_form=None, missing=(),
            status=200, fixed: tuple | None = None):
    """The report page; a rejected form comes back bound, with its errors next to its fields. ``fixed``: the key
    of a submitted report's compiled Form 2 (read from the cache)."""
    plan = period.plan
    lang = current_lang()
    if view is None:
        view = selectors.QUARTER if request.GET.get("view") == "quarter" else selectors.CUMULATIVE
    today = today_in(plan.body.time_zone)
    compile_page = partial(selectors.report_page, period, lang, view=view, today=today)
    compiled, decisions = revalidate.cached(fixed, compile_page) if fixed else compile_page()
    report = compiled.report if compiled else None
    submitted = bool(report and report.is_submitted)
    numbers = {r.event_id: r.number for r in compiled.rows if r.kind == "event"} if compiled else {}
    for decision in decisions:
        decision.event_numbers = sorted((numbers.get(e.id, f"#{e.id}") for e in decision.events.all()),
                                        key=lambda n: (len(n), n))
    labels = plan.edition.form2
    can_edit = request.user.has_perm("monitoring.edit_report", period) and not submitted
    can_decide = request.user.has_perm("monitoring.record_decision", period) and submitted
    open_for_decisions = submitted and not decisions
    steps = list(report.steps.select_related("actor__person")) if report else []
    openable = {unit_id for unit_id, _, _ in (compiled.pending_units if compiled else [])  # linked if allowed
                if request.user.has_perm("monitoring.view_unit_info", OrgUnit(pk=unit_id, body_id=plan.body_id))}
    return render(request, "monitoring/report.html", {
        "plan": plan, "period": period, "compiled": compiled, "report": report, "submitted": submitted,
        "decisions": decisions, "view": view, "lang": lang, "steps": steps,
        "taken_back": steps[-1] if steps and steps[-1].action != "submitted" and not submitted else None,
        "title": report_title(labels, lang, plan, period, cumulative=view == selectors.CUMULATIVE),
        "subtitle": labels.get("subtitle", lang), "columns": labels.get("columns", lang),
        "signature": labels.get("signature", lang), "signature_hint": labels.get("signature_hint", lang),
        "report_due": due_info(period.report_due, today), "info": due_info(period.info_due, today),
        "can_edit": can_edit, "can_submit": can_edit and compiled is not None,
        "opens_on": None if rules.report_submittable(period.rules_period, today)
        else rules.opens_on(period.rules_period),
        "can_decide": can_decide,
        "can_return": open_for_decisions and request.user.has_perm("monitoring.return_report", period),
        "can_recall": open_for_decisions and request.user.has_perm("monitoring.recall_report", period),
        "openable_units": openable,
        "rec_base": _report_url(period) + "rec/" if can_edit else "",
        "texts_form": texts_form or ReportTextsForm(initial={
            f"{name}_{lang}": getattr(report, f"{field}_{lang}") if report else ""
            for name, field in (("general", "general_recommendations"), ("proposals", "amendment_proposals"))
            for lang in ("kk", "ru")}),
        "missing": missing,
        "general": localized(report, "general_recommendations") if report else "",  # read in the reader's language
        "proposals": localized(report, "amendment_proposals") if report else "",
        "decision_form": (decision_form or _decision_form(period, compiled)) if can_decide else None,
        "indicators_export_url": reverse("documents:indicators",
                                         args=[plan.year, period.quarter, lang if lang in ("kk", "ru") else "ru"]),
        "basis_url": reverse("monitoring:amendment_basis", args=[plan.year, period.quarter]) if can_edit else "",
        "bases": [row for row in compiled.indicators.rows() if row.key in compiled.bases]
        if compiled and compiled.indicators else [],
        "basis_keys": compiled.bases if compiled else frozenset(),
    }, status=status)


@login_required
def decision_people(request, year: int, quarter: int):
    """htmx: the responsible person's list for the chosen unit."""
    period = period_of(request, year, quarter)
    if not request.user.has_perm("monitoring.record_decision", period):
        raise PermissionDenied
    form = _decision_form(period, None, {"responsible_unit": request.GET.get("responsible_unit", "")})
    return render(request, "monitoring/_decision_person.html", {"field": form["responsible_person"]})


@require_POST
@login_required
def save_texts(request, year: int, quarter: int):
    period = period_of(request, year, quarter)
    form = ReportTextsForm(request.POST)
    if not form.is_valid():  # an over-long text: the page again, with what was typed and the error under it
        return _render(request, period, texts_form=form, status=422)
    try:
        services_report.save_report_texts(user=request.user, period=period, **form.cleaned_data)
    except ValidationError as error:
        form.add_error(None, error)
        return _render(request, period, texts_form=form, status=422)
    messages.success(request, gettext("Saved."))
    return redirect(_report_url(period) + "#texts")


@login_required
def recommendation(request, year: int, quarter: int, event_id: int):
    """Column 8 of one event: GET gives the edit form (htmx), POST saves and gives the cell back."""
    period = period_of(request, year, quarter)
    if not request.user.has_perm("monitoring.edit_report", period):
        raise PermissionDenied
    url = f"{_report_url(period)}rec/{event_id}/"
    if request.method == "POST":
        form = RecommendationForm(request.POST)
        try:
            # The service checks the texts (their length too): the form only carries what was typed back.
            rec = services_report.save_event_recommendation(
                user=request.user, period=period, event_id=event_id,
                text_kk=request.POST.get("text_kk", ""), text_ru=request.POST.get("text_ru", ""))
        except ValidationError as error:
            if not request.htmx:
                fail(request, error)
                return redirect(f"{_report_url(period)}#ev-{event_id}")
            form.add_error(None, error)  # the form again, with what was typed and the error under it
            return render(request, "monitoring/_recommendation_form.html", {"form": form, "url": url})
        if not request.htmx:
            return redirect(f"{_report_url(period)}#ev-{event_id}")
        text = localized(rec, "text") if rec else ""
        return HttpResponse(recommendation_cell(text, f"{_report_url(period)}rec", event_id))
    report = selectors.report_of(period)
    rec = EventRecommendation.objects.filter(report=report, event_id=event_id).first() if report else None
    initial = {"text_kk": rec.text_kk, "text_ru": rec.text_ru} if rec else {}
    return render(request, "monitoring/_recommendation_form.html", {"form": RecommendationForm(initial=initial),
                                                                    "url": url})


@require_POST
@login_required
def submit(request, year: int, quarter: int):
    period = period_of(request, year, quarter)
    try:
        report = services_report.submit_report(user=request.user, period=period,
                                               evidence=evidence_of(request.POST, ("cms_kk", "cms_ru")))
    except services_report.TextsMissing as refusal:  # the page again, listing each text with its link
        return _render(request, period, missing=refusal.missing, status=422)
    except ValidationError as error:
        fail(request, error)
    else:
        if report.is_late:
            messages.warning(request, gettext("The report is submitted to the executive, %(days)s days late.")
                             % {"days": report.delay_days})
        else:
            messages.success(request, gettext("The report is submitted to the executive. It is read-only now."))
    return redirect(_report_url(period))


@require_POST
@login_required
def take_back(request, year: int, quarter: int, action: str):
    """The executive returns the submitted report with a comment; the planner recalls it."""
    period = period_of(request, year, quarter)
    comment = request.POST.get("comment", "")
    try:
        if action == "return":
            services_report.return_report(user=request.user, period=period, comment=comment)
            messages.success(request, gettext("The report is returned to the planner with your comment."))
        else:
            services_report.recall_report(user=request.user, period=period, comment=comment)
            messages.success(request, gettext("The report is recalled: it is a draft again. The executive is "
                                              "notified; submit it again once corrected."))
    except ValidationError as error:
        fail(request, error)
    return redirect(_report_url(period))


@require_POST
@login_required
def decide(request, year: int, quarter: int):
    period = period_of(request, year, quarter)
    if not request.user.has_perm("monitoring.record_decision", period):
        raise PermissionDenied
    compiled, _decisions = selectors.report_page(period, current_lang(), view=selectors.CUMULATIVE,
                                                 today=today_in(period.plan.body.time_zone))
    form = _decision_form(period, compiled, request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services_report.record_decision(
                user=request.user, period=period, text_kk=data["text_kk"], text_ru=data["text_ru"],
                responsible_unit_id=data["responsible_unit"],
                responsible_person_id=data["responsible_person"], due_on=data["due_on"], event_ids=data["events"],
                requests_amendment=data["requests_amendment"],
            )
            messages.success(request, gettext("The decision is recorded; the planner and the responsible are "
                                              "notified."))
            return redirect(_report_url(period) + "#decisions")
        except ValidationError as error:
            form.add_error(None, error)
    return _render(request, period, view=selectors.CUMULATIVE, decision_form=form, status=422)


@require_POST
@login_required
def amendment_basis(request, year: int, quarter: int):
    """The planner names an indicator at risk or not achieved as the basis of a proposal to amend the plan
    (§16), or takes it back; the report's proposals list and link it."""
    period = period_of(request, year, quarter)
    try:
        services_report.set_amendment_basis(user=request.user, period=period,
                                            indicator=request.POST.get("indicator", ""),
                                            named=not request.POST.get("remove"))
    except ValidationError as error:
        fail(request, error)
    else:
        messages.success(request, gettext("Saved."))
    return redirect(_report_url(period) + "#indicators")
