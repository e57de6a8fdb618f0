"""The national view's pages: thin, GET only (a POST is 405), each asking `national.view` first.

The table reads the kept figures (selectors.bodies_table); the drill-down reuses the Form 1 and Form 2
builders of planning and monitoring for one body, read-only: approved versions' Form 1 only, Form 2 only of
a submitted report, the files stored when they were approved or submitted.
"""
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from jospar.clock import today_in
from jospar.documents.views.plan import attachment, stored_attachment
from jospar.documents.writers.table import render_table_xlsx
from jospar.i18n import current_lang, localized
from jospar.monitoring import selectors as monitoring
from jospar.monitoring.indicators import body_shares
from jospar.monitoring.summary_models import PlanState
from jospar.ops.router import replica_reads
from jospar.orgs.models import BodyKind, Region, StateBody
from jospar.planning import selectors as planning
from jospar.web import html

from . import render as build
from . import selectors
from .export import table_rows


def national(view):
    """GET or HEAD only, signed in, and `national.view`: the one gate of every national page."""
    @replica_reads
    @require_safe
    @login_required
    @wraps(view)
    def gate(request, *args, **kwargs):
        if not request.user.has_perm("national.view"):
            raise PermissionDenied
        return view(request, *args, **kwargs)
    return gate


@national
def bodies(request):
    today = today_in()
    lang = current_lang()
    filters = selectors.Filters.from_query(request.GET, today)
    table = selectors.bodies_table(filters, today, lang)
    states = build.state_labels()
    return render(request, "national/bodies.html", {
        "table": table, "filters": filters, "year": filters.year,
        "thead": html.safe(build.thead(filters, lang)),
        "tbody": html.safe_join(build.tbody(table, lang)),
        "tfoot": html.safe(build.tfoot(table.totals, lang, states)),
        "charts": build.charts(table, lang),
        "kinds": BodyKind.choices, "regions": Region.choices, "states": PlanState.choices,
        "export_query": filters.query(),
        "indicator_shares": _indicator_shares(table, filters.year),
    })


def _indicator_shares(table, year: int) -> list:
    """(row, share) in the table's order, for the bodies with a plan for the year, at the end of this quarter
    (the year's last quarter once it is over): a fixed number of queries."""
    today = table.today
    quarter = (today.month - 1) // 3 + 1 if year == today.year else 4 if year < today.year else 1
    shares = body_shares(year, quarter)
    for share in shares.values():
        share["bad"] = share["valued"] - share["good"]  # at risk or not achieved
    return [(r, shares[r.body.id]) for r in table.rows if r.body.id in shares]


@national
def export(request):
    today = today_in()
    lang = current_lang()
    filters = selectors.Filters.from_query(request.GET, today)
    table = selectors.bodies_table(filters, today, lang)
    header, rows, totals = table_rows(table, lang)
    title = _("Operational plans of the state bodies, %(year)s") % {"year": filters.year}
    data = render_table_xlsx(title, header, rows, totals, sheet=str(filters.year))
    return attachment(data, f"national-{filters.year}-{lang}.xlsx", "xlsx")


def _body(code: str) -> StateBody:
    return get_object_or_404(StateBody, code=code)


@national
def body(request, code: str, year: int):
    """One body's year: its approved versions, its submitted reports and their stored files."""
    found = selectors.body_plan(_body(code), year)
    quarters = []
    for q in selectors.QUARTERS:
        report = found.reports.get(q)
        quarters.append({"quarter": q, "label": selectors.quarter_label(q, current_lang()), "report": report,
                         "documents": found.documents.get(("r", report.id), []) if report else []})
    versions = [{"version": v, "documents": found.documents.get(("v", v.id), [])} for v in found.versions]
    return render(request, "national/body.html", {
        "body": found.body, "plan": found.plan, "year": year, "versions": versions, "quarters": quarters,
    })


@national
def form1(request, code: str, year: int):
    """Form 1 of an approved version: the one in force, or ?v=N of an approved one; a draft is never shown."""
    found = selectors.body_plan(_body(code), year)
    if not found.versions:
        raise Http404
    number = request.GET.get("v", "")
    version = (next((v for v in found.versions if str(v.number) == number), None) if number
               else found.versions[-1])
    if version is None:
        raise Http404
    plan = found.plan
    assert plan is not None  # a plan with versions
    lang = current_lang()
    labels = plan.edition.form1
    return render(request, "national/form1.html", {
        "body": found.body, "plan": plan, "year": year, "version": version, "versions": found.versions,
        "rows": planning.form1_rows(version, lang),
        "title": labels.get("title", lang).format(body=plan.body.title_name(lang), year=plan.year),
        "subtitle": labels.get("subtitle", lang), "columns": labels.get("columns", lang),
        "approval_due": plan.approval_due, "documents": found.documents.get(("v", version.id), []),
    })


@national
def form2(request, code: str, year: int, quarter: int):
    """Form 2 of a submitted report, as it was submitted; 404 while the report is a draft (or taken back)."""
    if not 1 <= quarter <= 4:
        raise Http404
    found = selectors.body_plan(_body(code), year)
    report = found.reports.get(quarter)
    if report is None:
        raise Http404
    plan = found.plan
    assert plan is not None
    period = next(p for p in found.periods if p.quarter == quarter)
    report.period = period
    lang = current_lang()
    view = monitoring.QUARTER if request.GET.get("view") == "quarter" else monitoring.CUMULATIVE
    compiled, decisions = monitoring.report_page(period, lang, view=view, today=today_in(plan.body.time_zone))
    if compiled is None:
        raise Http404
    labels = plan.edition.form2
    title = labels.report_title(lang, body=plan.body.title_name(lang), year=plan.year,
                                period=period.rules_period.report_period_label(
                                    lang, cumulative=view == monitoring.CUMULATIVE))
    return render(request, "national/form2.html", {
        "body": found.body, "plan": plan, "year": year, "period": period, "report": report, "compiled": compiled,
        "decisions": decisions, "view": view, "title": title, "subtitle": labels.get("subtitle", lang),
        "columns": labels.get("columns", lang), "documents": found.documents.get(("r", report.id), []),
        "general": localized(report, "general_recommendations"), "proposals": localized(report, "amendment_proposals"),
    })


@national
def document(request, pk: int):
    """A stored file: Form 1 of an approved version or Form 2 of a submitted report, nothing else."""
    doc = selectors.servable_document(pk)
    if doc is None:
        raise Http404
    return stored_attachment(doc)
