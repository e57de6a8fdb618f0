"""Home-page cards of monitoring: what is due for the unit, the planner, and the executive's summary.

A fixed number of queries whatever the plan's size, and no walk of the plan: a unit person's card reads the
unit's own events (`selectors.own_unit_lines`), the planner's the quarter's kept figures
(`summary_models.QuarterSummary`), the executive's summary the report's kept figures (`figures`). Cards only
read: approval opens the periods they show. The period in focus is the quarter being reported on until its
report is due, then the running quarter.
"""
from datetime import date

from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from jospar import rules
from jospar.i18n import current_lang
from jospar.orgs.models import Role
from jospar.planning import selectors as plan_selectors

from . import figures, selectors
from .models import Report, ReportingPeriod, ReportStatus, SubmissionStatus, UnitSubmission
from .report_data import compile_report
from .summary_models import QuarterSummary


def day(d: date) -> str:
    """A due date in a card's text, «10.10.2026 (day off)» when it falls on a weekend or a public holiday
    (as the pages mark it): the rules move no date, but people should see it before it arrives."""
    text = d.strftime("%d.%m.%Y")
    return f"{text} ({_('day off')})" if rules.is_non_working_day(d) else text


def focus_quarter(today: date) -> rules.ReportingPeriod:
    previous = rules.ReportingPeriod.containing(today).previous()
    return previous if today <= previous.report_due else rules.ReportingPeriod.containing(today)


def _tone(days: int | None, done: bool) -> str:
    if done:
        return "ok"
    if days is None:
        return "info"
    return "late" if days < 0 else "warn" if days <= 3 else "info"


def monitoring_cards(access, today: date, card_class) -> list:
    """Cards for unit people, the planner and the executive (others get none)."""
    if not access.has(Role.UNIT_HEAD, Role.UNIT_STAFF, Role.PLANNER, Role.EXECUTIVE):
        return []
    focus = focus_quarter(today)
    plan = plan_selectors.plan_of_year(access.member_body_id, focus.year)
    if plan is None:
        return []
    period = ReportingPeriod.objects.filter(plan=plan, quarter=focus.quarter).first()
    if period is None:  # approval opens the periods: a plan not yet approved has nothing to monitor
        return []
    period.plan = plan
    version = selectors.version_in_force(plan, period.end)
    if version is None:
        return []
    lang = current_lang()
    cards = []
    title = f"{period.label(lang)} {plan.year}"
    info_days = rules.days_left(period.info_due, today)
    lines = []
    if access.has(Role.UNIT_HEAD, Role.UNIT_STAFF) and access.unit_ids:
        lines = selectors.own_unit_lines(period, version, access.unit_ids, lang)
    for line in lines:
        if not line.items:
            continue
        sub = line.submission
        done = bool(sub and sub.status == SubmissionStatus.SUBMITTED)
        if done:
            assert sub is not None and sub.submitted_on is not None  # a submitted row has its date
            text = _("Submitted on %(d)s.") % {"d": sub.submitted_on.strftime("%d.%m.%Y")}
            if sub.is_late:
                text += " " + _("Late by %(n)s days.") % {"n": sub.delay_days}
        elif sub:
            text = _("Returned for correction: %(comment)s") % {"comment": sub.return_comment}
        else:
            text = _("%(filled)s of %(total)s entries filled in. Due on %(d)s.") % {
                "filled": line.filled, "total": line.items, "d": day(period.info_due)}
        cards.append(card_class(
            _("Information on execution for %(period)s — %(unit)s") % {"period": title, "unit": line.unit.name},
            text, reverse("monitoring:unit", args=[plan.year, period.quarter, line.unit.id]),
            None if done else period.info_due, None if done else info_days, _tone(info_days, done)))
    if access.has(Role.PLANNER):
        submitted, total, late = _units_submitted(period, version, lang)
        report = Report.objects.filter(period=period).first()
        done = bool(report and report.is_submitted)
        days = rules.days_left(period.report_due, today)
        text = _("%(n)s of %(total)s units submitted their information (due %(info)s); the report is due on "
                 "%(report)s.") % {"n": submitted, "total": total,
                                   "info": day(period.info_due), "report": day(period.report_due)}
        if late:
            text += " " + _("Late: %(n)s.") % {"n": late}
        if done:
            assert report is not None and report.submitted_on is not None  # a submitted report has its date
            text = _("The report was submitted on %(d)s.") % {"d": report.submitted_on.strftime("%d.%m.%Y")}
        cards.append(card_class(_("Report on %(period)s (Form 2)") % {"period": title}, text,
                                reverse("monitoring:report", args=[plan.year, period.quarter]),
                                None if done else period.report_due, None if done else days, _tone(days, done)))
    if access.has(Role.EXECUTIVE):
        cards += _executive_cards(plan, today, lang, card_class)
    return cards


def _units_submitted(period, version, lang) -> tuple[int, int, int]:
    """(submitted now, with anything due, late) among the units with anything due in the period: from the
    quarter's kept figures (`summary_models.QuarterSummary`: units due, on time, late — a submission returned
    for correction counts there, so the returned ones are taken off), two queries; a plan whose figures are
    not kept yet is walked as before."""
    kept = QuarterSummary.objects.filter(body_id=period.plan.body_id, year=period.plan.year,
                                         quarter=period.quarter).first()
    if kept is None:
        with_items = [line for line in selectors.period_units(period, version, selectors.body_units(
            period.plan.body_id), lang) if line.items]
        return (sum(1 for line in with_items if line.state == SubmissionStatus.SUBMITTED), len(with_items),
                sum(1 for line in with_items if line.submission and line.submission.is_late))
    returned = UnitSubmission.objects.filter(period=period, status=SubmissionStatus.RETURNED).count()
    return kept.units_on_time + kept.units_late - returned, kept.units_due, kept.units_late


def _executive_cards(plan, today, lang, card_class) -> list:
    """The latest submitted report's execution summary, from its kept figures (`figures`): three queries
    whatever the plan's size; a report submitted before figures were kept is compiled as before."""
    report = (
        Report.objects.filter(period__plan=plan, status=ReportStatus.SUBMITTED).select_related("period")
        .order_by("-period__quarter").first()
    )
    if report is None:
        return []
    period = report.period
    period.plan = plan
    kept = figures.summary(report, lang)
    if kept is None:
        version = selectors.report_version(period, report)
        units = selectors.body_units(plan.body_id)
        kept = figures.from_compiled(compile_report(period, version, lang, report=report, today=today, units=units))
    total_q, total_c = kept.quarter, kept.cumulative
    text = _("%(period)s: %(e)s%% executed, %(p)s%% partially, %(n)s%% not executed. "
             "%(cum)s: %(ce)s%% executed, %(cp)s%% partially, %(cn)s%% not executed.") % {
        "period": period.label(lang), "e": total_q.executed_share, "p": total_q.partial_share,
        "n": total_q.not_executed_share, "cum": capfirst(period.cumulative_label(lang)), "ce": total_c.executed_share,
        "cp": total_c.partial_share, "cn": total_c.not_executed_share}
    card = card_class(_("Execution of the %(year)s plan") % {"year": plan.year}, text,
                      reverse("monitoring:report", args=[plan.year, period.quarter]) + "#summary",
                      tone="ok" if total_c.not_executed_share == 0 else "warn")
    card.items = [
        (f"{c.label} {c.name}".strip(), _("%(e)s%% executed, %(n)s%% not executed") % {
            "e": c.executed_share, "n": c.not_executed_share})
        for c in kept.directions
    ]
    cards = [card]
    if not report.decisions.exists():
        assert report.submitted_on is not None  # a submitted report has its date
        cards.append(card_class(
            _("The report on %(period)s awaits your decisions") % {"period": f"{period.label(lang)} {plan.year}"},
            _("Submitted on %(d)s.") % {"d": report.submitted_on.strftime("%d.%m.%Y")},
            reverse("monitoring:report", args=[plan.year, period.quarter]) + "#decisions", tone="warn"))
    return cards
