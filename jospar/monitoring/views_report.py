"""The report page (Form 2, the summary, who has not submitted) and its actions: recommendations,
submission to the executive, the executive's decisions."""
from html import escape

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from jospar.clock import today_in
from jospar.i18n import current_lang
from jospar.ops.router import replica_reads

from . import selectors, services_report
from .forms import DecisionForm, RecommendationForm, ReportTextsForm
from .models import EventRecommendation
from .templatetags.form2 import recommendation_cell
from .views import due_info, fail, period_of


def _report_url(period) -> str:
    return reverse("monitoring:report", args=[period.plan.year, period.quarter])


def _decision_form(period, compiled, data=None) -> DecisionForm:
    body_id = period.plan.body_id
    persons = User.objects.filter(memberships__body_id=body_id, is_active=True).select_related("person").distinct()
    numbers = {r.number: r.event_id for r in compiled.rows if r.kind == "event"} if compiled else {}
    return DecisionForm(data, units=selectors.body_units(body_id), persons=persons.order_by("last_name", "id"),
                        numbers=numbers)


@replica_reads
@login_required
def report(request, year: int, quarter: int):
    period = period_of(request, year, quarter)
    if not request.user.has_perm("monitoring.view_report", period):
        raise PermissionDenied
    plan = period.plan
    lang = current_lang()
    view = selectors.QUARTER if request.GET.get("view") == "quarter" else selectors.CUMULATIVE
    today = today_in(plan.body.time_zone)
    compiled, decisions = selectors.report_page(period, lang, view=view, today=today)
    report = compiled.report if compiled else None
    submitted = bool(report and report.is_submitted)
    numbers = {r.event_id: r.number for r in compiled.rows if r.kind == "event"} if compiled else {}
    for decision in decisions:
        decision.event_numbers = sorted((numbers.get(e.id, f"#{e.id}") for e in decision.events.all()),
                                        key=lambda n: (len(n), n))
    labels = plan.edition.form2
    period_label = period.cumulative_label(lang) if view == selectors.CUMULATIVE else period.label(lang)
    can_edit = request.user.has_perm("monitoring.edit_report", period) and not submitted
    can_decide = request.user.has_perm("monitoring.record_decision", period) and submitted
    return render(request, "monitoring/report.html", {
        "plan": plan, "period": period, "compiled": compiled, "report": report, "submitted": submitted,
        "decisions": decisions, "view": view, "lang": lang,
        "title": labels.get("title", lang).format(body=plan.body.title_name(lang), year=plan.year,
                                                  period=period_label),
        "subtitle": labels.get("subtitle", lang), "columns": labels.get("columns", lang),
        "signature": labels.get("signature", lang), "signature_hint": labels.get("signature_hint", lang),
        "report_due": due_info(period.report_due, today), "info": due_info(period.info_due, today),
        "can_edit": can_edit, "can_submit": can_edit and compiled is not None, "can_decide": can_decide,
        "rec_base": _report_url(period) + "rec/" if can_edit else "",
        "texts_form": ReportTextsForm(initial={
            "general": report.general_recommendations if report else "",
            "proposals": report.amendment_proposals if report else ""}),
        "decision_form": _decision_form(period, compiled) if can_decide else None,
    })


@require_POST
@login_required
def save_texts(request, year: int, quarter: int):
    period = period_of(request, year, quarter)
    form = ReportTextsForm(request.POST)
    form.is_valid()
    try:
        services_report.save_report_texts(user=request.user, period=period, general=form.cleaned_data["general"],
                                          proposals=form.cleaned_data["proposals"])
        messages.success(request, gettext("Saved."))
    except ValidationError as error:
        fail(request, error)
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
        form.is_valid()
        try:
            rec = services_report.save_event_recommendation(user=request.user, period=period, event_id=event_id,
                                                            text=form.cleaned_data.get("text", ""))
        except ValidationError as error:
            if not request.htmx:
                fail(request, error)
                return redirect(f"{_report_url(period)}#ev-{event_id}")
            return HttpResponse(f'<p class="error">{escape(" ".join(error.messages))}</p>', status=422)
        if not request.htmx:
            return redirect(f"{_report_url(period)}#ev-{event_id}")
        return HttpResponse(recommendation_cell(rec.text if rec else "", url))
    report = selectors.report_of(period)
    text = ""
    if report is not None:
        text = EventRecommendation.objects.filter(report=report, event_id=event_id).values_list(
            "text", flat=True).first() or ""
    return render(request, "monitoring/_recommendation_form.html", {"form": RecommendationForm(
        initial={"text": text}), "url": url})


@require_POST
@login_required
def submit(request, year: int, quarter: int):
    period = period_of(request, year, quarter)
    try:
        report = services_report.submit_report(user=request.user, period=period)
        if report.is_late:
            messages.warning(request, gettext("The report is submitted to the executive, %(days)s days late.")
                             % {"days": report.delay_days})
        else:
            messages.success(request, gettext("The report is submitted to the executive. It is read-only now."))
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
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
        return redirect(_report_url(period) + "#decisions")
    data = form.cleaned_data
    try:
        services_report.record_decision(
            user=request.user, period=period, text=data["text"], responsible_unit_id=data["responsible_unit"],
            responsible_person_id=data["responsible_person"], due_on=data["due_on"], event_ids=data["events"],
            requests_amendment=data["requests_amendment"],
        )
        messages.success(request, gettext("The decision is recorded."))
    except ValidationError as error:
        fail(request, error)
    return redirect(_report_url(period) + "#decisions")
