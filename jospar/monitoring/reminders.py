"""Reminders of what is due: units' information (§13) and the planner's report (§15).

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
from jospar.orgs.models import Role
from jospar.planning.models import OperationalPlan, PlanVersion

from . import selectors
from .models import Reminder, Report, ReportStatus, SubmissionStatus
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
}


def _send(period, what: str, stage: str, unit, recipients, params: dict, url: str, now) -> int:
    fresh = []
    for user in recipients:
        key = f"{period.pk}:{what}:{stage}:{unit.pk if unit else 0}:{user.pk}"
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
