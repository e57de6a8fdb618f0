"""Reminders of what is due: units' proposals (§5), the plan's approval (§6), units' information (§13), the
planner's report (§15) and the executive's decisions (§17): the regular information of §10.

`send_reminders` is safe to run every hour from a scheduler: each (period, what, stage, unit, person)
is recorded in `Reminder` under a unique key before anyone is notified, so a second run — or two runs
at once — sends nothing new. Stages: due in 1–3 days ("soon"), due today, overdue (sent once, within
a month after the due date; older debts show on the pages, not in mail).
"""
from datetime import datetime
from zoneinfo import ZoneInfo

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from jospar import rules
from jospar.i18n import current_lang
from jospar.notifications.services import notify
from jospar.orgs.models import OrgUnit, Role
from jospar.planning.models import OperationalPlan, PlanVersion, Proposal, ProposalRound

from . import selectors
from .models import Decision, Reminder, Report, ReportStatus, SubmissionStatus
from .services import ensure_periods, people, period_params

OVERDUE_WINDOW_DAYS = 31


def stage_of(days_left: int) -> str | None:
    if 1 <= days_left <= 3:
        return "soon"
    if days_left == 0:
        return "today"
    if -OVERDUE_WINDOW_DAYS <= days_left < 0:
        return "overdue"
    return None


KINDS = {
    ("info", "soon"): "info_due_soon", ("info", "today"): "info_due_today", ("info", "overdue"): "info_overdue",
    ("report", "soon"): "report_due_soon", ("report", "today"): "report_due_today",
    ("report", "overdue"): "report_overdue",
    **{(what, stage): f"{what}_{'overdue' if stage == 'overdue' else 'due_' + stage}"
       for what in ("proposals", "approval", "decision") for stage in ("soon", "today", "overdue")},
}


def _send(period, what: str, stage: str, unit, recipients, params: dict, url: str, now, subject: str = "") -> int:
    """Notify those of ``recipients`` not yet reminded of this stage; ``subject`` names what the reminder is
    about when it is not a period (a proposal round, a plan version, a decision)."""
    fresh = []
    for user in recipients:
        key = f"{subject or period.pk}:{what}:{stage}:{unit.pk if unit else 0}:{user.pk}"
        try:
            with transaction.atomic():
                Reminder.objects.create(key=key, period=period, kind=what, stage=stage, unit=unit, recipient=user,
                                        sent_at=now)
        except IntegrityError:
            continue  # sent before
        fresh.append(user)
    if fresh:
        notify(fresh, KINDS[(what, stage)], params=params, url=url)
    return len(fresh)


def send_reminders(now: datetime | None = None) -> int:
    """Notify (in the app and by e-mail) everyone whose information or report is due soon, today, or overdue."""
    now = now or timezone.now()
    sent = 0
    plans = (
        OperationalPlan.objects.filter(versions__status=PlanVersion.Status.APPROVED)
        .select_related("body").distinct().order_by("id")
    )
    for plan in plans:
        today = now.astimezone(ZoneInfo(plan.body.time_zone)).date()
        if plan.year not in (today.year, today.year - 1):
            continue
        for period in ensure_periods(plan):
            if period.end >= today:
                continue
            with transaction.atomic():
                sent += _period(period, today, now)
        with transaction.atomic():
            sent += _decisions(plan, today, now)
    for round_ in ProposalRound.objects.filter(closed_at__isnull=True).select_related("plan__body"):
        with transaction.atomic():
            sent += _proposals(round_, now)
    drafts = (PlanVersion.objects.filter(number=1).exclude(status=PlanVersion.Status.APPROVED)
              .select_related("plan__body", "plan__development_plan"))
    for version in drafts:
        with transaction.atomic():
            sent += _approval(version, now)
    return sent


def _local_today(body, now):
    return now.astimezone(ZoneInfo(body.time_zone)).date()


def _proposals(round_, now) -> int:
    """§5: units' heads and staff, while their unit still has proposals being prepared or returned, or none
    submitted yet."""
    plan = round_.plan
    days = rules.days_left(round_.deadline, _local_today(plan.body, now))
    stage = stage_of(days)
    if not stage:
        return 0
    by_unit: dict[int, set] = {}
    for unit_id, status in Proposal.objects.filter(plan=plan).values_list("unit_id", "status"):
        by_unit.setdefault(unit_id, set()).add(status)
    open_states = {Proposal.Status.DRAFT, Proposal.Status.RETURNED}
    sent = 0
    params = {"year": plan.year, "due": round_.deadline.strftime("%d.%m.%Y"), "days": days}
    url = reverse("planning:proposals", args=[plan.year])
    for unit in OrgUnit.objects.filter(body_id=plan.body_id, is_planning=False).order_by("id"):
        states = by_unit.get(unit.id, set())
        if states and not states & open_states:
            continue  # everything the unit prepared has gone to the planner
        recipients = people(plan.body_id, [Role.UNIT_HEAD, Role.UNIT_STAFF], [unit.id])
        sent += _send(None, "proposals", stage, unit, recipients, params, url, now, subject=f"round{round_.pk}")
    return sent


def _approval(version, now) -> int:
    """§6: the planner and the executive, while version 1 of the plan is not approved."""
    plan = version.plan
    due = plan.approval_due
    days = rules.days_left(due, _local_today(plan.body, now))
    stage = stage_of(days)
    if not stage:
        return 0
    params = {"year": plan.year, "due": due.strftime("%d.%m.%Y"), "days": days}
    recipients = people(plan.body_id, [Role.PLANNER, Role.EXECUTIVE])
    return _send(None, "approval", stage, None, recipients, params,
                 reverse("planning:plan_detail", args=[plan.year]), now, subject=f"version{version.pk}")


def _decisions(plan, today, now) -> int:
    """§17: the responsible person (or the responsible unit's head) of each decision not yet carried out."""
    sent = 0
    decisions = (Decision.objects.filter(report__period__plan=plan, done_on__isnull=True, due_on__isnull=False)
                 .select_related("report__period").order_by("id"))
    for decision in decisions:
        days = rules.days_left(decision.due_on, today)
        stage = stage_of(days)
        if not stage:
            continue
        recipients = [decision.responsible_person] if decision.responsible_person_id else []
        if decision.responsible_unit_id:
            recipients += people(plan.body_id, [Role.UNIT_HEAD], [decision.responsible_unit_id])
        recipients = [u for u in recipients if u.is_active]
        if not recipients:
            recipients = people(plan.body_id, [Role.PLANNER])  # nobody named: the planner follows it up
        params = {"year": plan.year, "quarter": rules.ROMAN[decision.report.period.quarter],
                  "due": decision.due_on.strftime("%d.%m.%Y"), "days": days, "text": decision.text[:200]}
        url = reverse("monitoring:decisions", args=[plan.year]) + f"#decision-{decision.pk}"
        sent += _send(None, "decision", stage, None, recipients, params, url, now, subject=f"decision{decision.pk}")
    return sent


def _period(period, today, now) -> int:
    sent = 0
    plan = period.plan
    info_days = rules.days_left(period.info_due, today)
    stage = stage_of(info_days)
    if stage:
        version = selectors.version_in_force(plan, period.end)
        if version is not None:
            units = selectors.body_units(plan.body_id)
            for line in selectors.period_units(period, version, units, current_lang()):
                if not line.items or (line.submission and line.submission.status == SubmissionStatus.SUBMITTED):
                    continue
                recipients = people(plan.body_id, [Role.UNIT_HEAD, Role.UNIT_STAFF], [line.unit.id])
                params = period_params(period, due=period.info_due.strftime("%d.%m.%Y"), days=info_days)
                url = reverse("monitoring:unit", args=[plan.year, period.quarter, line.unit.id])
                sent += _send(period, "info", stage, line.unit, recipients, params, url, now)
    report_days = rules.days_left(period.report_due, today)
    stage = stage_of(report_days)
    if stage and not Report.objects.filter(period=period, status=ReportStatus.SUBMITTED).exists():
        params = period_params(period, due=period.report_due.strftime("%d.%m.%Y"), days=report_days)
        url = reverse("monitoring:report", args=[plan.year, period.quarter])
        sent += _send(period, "report", stage, None, people(plan.body_id, [Role.PLANNER]), params, url, now)
    return sent
