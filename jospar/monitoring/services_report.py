"""What the planner does with the report and the executive with decisions (rules §15–§17).

The report stays a draft the planner edits (recommendations per event and in general, proposals to
amend the plan) until it is submitted to the executive; from then on it is read-only, fixed to the
version it was compiled from, and the executive records decisions on it.
"""
from collections.abc import Mapping
from datetime import date, datetime

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from jospar import rules
from jospar import text_limits as limits
from jospar.i18n import current_lang
from jospar.notifications.services import notify
from jospar.orgs.models import OrgUnit, Role
from jospar.orgs.permissions import require
from jospar.planning import selectors as plan_selectors
from jospar.web.bilingual import LANGUAGE_NAMES

from . import figures, selectors, summaries
from .models import Decision, EventRecommendation, Report, ReportingPeriod, ReportStatus, ReportStep
from .report_data import compile_report
from .services import TextsMissing, clean_text, local_date, now_or, people, period_params
from .signals import report_submitted, report_taken_back


def _both(label: str, kk: str, ru: str, *, limit: int, required: bool = False) -> dict[str, str]:
    """A text typed in the two state languages, cleaned: {"kk": …, "ru": …}. The author may save one alone
    (the other is added before the text goes into an official document); ``required``: at least one."""
    texts = {lang: clean_text(value, f"{label} ({LANGUAGE_NAMES[lang]})", limit=limit)
             for lang, value in (("kk", kk), ("ru", ru))}
    if required and not any(texts.values()):
        raise ValidationError(_("%(field)s is required.") % {"field": label})
    return texts


def _draft_report(period: ReportingPeriod) -> Report:
    report, _created = Report.objects.get_or_create(period=period)
    report = Report.objects.select_for_update().get(pk=report.pk)
    report.period = period
    if report.is_submitted:
        raise ValidationError(_("The report has been submitted and can no longer be changed."))
    return report


@transaction.atomic
def save_report_texts(*, user, period: ReportingPeriod, general_kk: str = "", general_ru: str = "",
                      proposals_kk: str = "", proposals_ru: str = "", at: datetime | None = None) -> Report:
    """The general recommendations to the officials and the proposals to amend the plan (§16), each in Kazakh
    and in Russian (one may wait: `submit_report` refuses while a language is missing)."""
    require(user, "monitoring.edit_report", period)
    report = _draft_report(period)
    general = _both(_("Recommendations"), general_kk, general_ru, limit=limits.REPORT_TEXT)
    proposals = _both(_("Proposals to amend the plan"), proposals_kk, proposals_ru, limit=limits.REPORT_TEXT)
    report.general_recommendations_kk, report.general_recommendations_ru = general["kk"], general["ru"]
    report.amendment_proposals_kk, report.amendment_proposals_ru = proposals["kk"], proposals["ru"]
    report.updated_at, report.updated_by = now_or(at), user
    report.save()
    return report


@transaction.atomic
def set_amendment_basis(*, user, period: ReportingPeriod, indicator: str, named: bool = True) -> None:
    """Name (or take back) an indicator at risk or not achieved as the basis of a proposal to amend the plan
    (§16): the report's proposals list it and link its row. ``indicator``: "m:<id>" or "t:<id>"."""
    from .basis_models import AmendmentBasis
    from .indicators import indicator_table

    require(user, "monitoring.edit_report", period)
    report = _draft_report(period)
    rows = {row.key: row for row in indicator_table(period, current_lang()).rows()}
    row = rows.get(indicator)
    if row is None:
        raise ValidationError(_("Choose an indicator of this plan's development plan."))
    field = "macroindicator" if row.kind == "macroindicator" else "target_indicator"
    existing = AmendmentBasis.objects.filter(report=report, **{field: row.indicator})
    if not named:
        existing.delete()
        return
    if row.status not in (rules.IndicatorStatus.AT_RISK, rules.IndicatorStatus.NOT_ACHIEVED):
        raise ValidationError(_("Only an indicator at risk or not achieved can be the basis of an amendment."))
    if not existing.exists():
        AmendmentBasis.objects.create(report=report, created_by=user, **{field: row.indicator})


@transaction.atomic
def save_event_recommendation(*, user, period: ReportingPeriod, event_id: int, text_kk: str = "",
                              text_ru: str = "", at: datetime | None = None) -> EventRecommendation | None:
    """Form 2 column 8 for one event, in Kazakh and in Russian; both empty removes it."""
    require(user, "monitoring.edit_report", period)
    if not plan_selectors.event_in_plan(period.plan_id, event_id):
        raise ValidationError(_("This event is not in the plan."))
    report = _draft_report(period)
    texts = _both(_("Recommendation"), text_kk, text_ru, limit=limits.REPORT_TEXT)
    existing = EventRecommendation.objects.filter(report=report, event_id=event_id).first()
    if not any(texts.values()):
        if existing:
            existing.delete()
        return None
    rec = existing or EventRecommendation(report=report, event_id=event_id)
    rec.text_kk, rec.text_ru, rec.updated_at, rec.updated_by = texts["kk"], texts["ru"], now_or(at), user
    rec.save()
    return rec


def stamp_submission(report: Report, user, version, now: datetime, today: date) -> None:
    """Set in memory what submission writes on the report (status, version, when and by whom). Saved by
    `submit_report`; the signatures app's prepare endpoint stamps an unsaved copy to render the Form 2 the
    submission will store, byte for byte."""
    report.status, report.version = ReportStatus.SUBMITTED, version
    report.submitted_at, report.submitted_on, report.submitted_by = now, today, user
    report.updated_at, report.updated_by = now, user


@transaction.atomic
def submit_report(*, user, period: ReportingPeriod, at: datetime | None = None,
                  evidence: Mapping[str, str] | None = None) -> Report:
    """The planner submits the report to the executive (§15); late is accepted and flagged. ``evidence``: the
    planner's base64 CMS over the stored Form 2 PDFs by field (cms_kk, cms_ru), verified by the signatures app
    on `report_submitted` (an invalid one refuses the submission)."""
    require(user, "monitoring.submit_report", period)
    report = _draft_report(period)
    version = selectors.version_in_force(period.plan, period.end)
    if version is None:
        raise ValidationError(_("The plan has no approved version to report on."))
    now = now_or(at)
    today = local_date(now, period.plan)
    if not rules.report_submittable(period.rules_period, today):
        raise ValidationError(_("The reporting period ends on %(end)s: the report can be submitted from %(opens)s.")
                              % {"end": period.end.strftime("%d.%m.%Y"),
                                 "opens": rules.opens_on(period.rules_period).strftime("%d.%m.%Y")})
    resubmission = report.steps.exists()
    if not resubmission:  # a report taken back and submitted again keeps its first lateness
        delay = rules.delay_days(period.report_due, today)
        report.is_late, report.delay_days = delay > 0, delay
    delay = report.delay_days
    stamp_submission(report, user, version, now, today)
    compiled = compile_report(period, version, current_lang(), report=report)  # Form 2 as submitted
    # Form 2 is made in Kazakh and in Russian: every text it carries must be there in both (issue 13.2);
    # refused, nothing above is saved. One line per kind of text: the report's own, then the units' information.
    missing = [
        *selectors.report_texts_missing(report, compiled.rows),
        *selectors.entry_texts_missing(period),
    ]
    if missing:
        raise TextsMissing(missing)
    report.save()
    ReportStep.objects.create(report=report, action=ReportStep.Action.SUBMITTED, actor=user, at=now)
    figures.keep(report, compiled)  # the home card's
    summaries.keep_report(report)  # the national view's
    report_submitted.send(sender=Report, report=report, evidence=evidence)  # documents stores Form 2; signatures
    notify(people(period.plan.body_id, [Role.EXECUTIVE]), "report_submitted_late" if delay else "report_submitted",
           actor=user, params=period_params(period, days=delay, due=period.report_due.strftime("%d.%m.%Y")),
           url=reverse("monitoring:report", args=[period.plan.year, period.quarter]))
    return report


def _submitted_report(period: ReportingPeriod) -> Report:
    report = Report.objects.select_for_update().filter(period=period).first()
    if report is None or not report.is_submitted:
        raise ValidationError(_("The report is not submitted; there is nothing to take back."))
    if report.decisions.exists():
        raise ValidationError(_("A decision has been recorded on the report; it can no longer be taken back."))
    report.period = period
    return report


def _take_back(report: Report, user, action: str, comment: str, at) -> Report:
    now = now_or(at)
    report.status, report.updated_at, report.updated_by = ReportStatus.DRAFT, now, user
    report.save()
    figures.drop(report)  # a draft has no kept figures; submitting it again keeps them anew
    summaries.keep_report(report)  # nor is it counted as submitted in the national view
    report_taken_back.send(sender=Report, report=report)  # its stored Form 2 is no longer served
    ReportStep.objects.create(report=report, action=action, actor=user, at=now, comment=comment)
    return report


@transaction.atomic
def return_report(*, user, period: ReportingPeriod, comment: str, at: datetime | None = None) -> Report:
    """The executive returns the submitted report to the planner with a comment, before any decision (§15)."""
    require(user, "monitoring.return_report", period)
    comment = clean_text(comment, _("Comment"), limit=limits.COMMENT, required=True)
    report = _take_back(_submitted_report(period), user, ReportStep.Action.RETURNED, comment, at)
    notify(people(period.plan.body_id, [Role.PLANNER]), "report_returned", actor=user,
           params=period_params(period, comment=comment),
           url=reverse("monitoring:report", args=[period.plan.year, period.quarter]))
    return report


@transaction.atomic
def recall_report(*, user, period: ReportingPeriod, comment: str = "", at: datetime | None = None) -> Report:
    """The planner takes the submitted report back to correct it, until the executive records a decision."""
    require(user, "monitoring.recall_report", period)
    comment = clean_text(comment, _("Comment"), limit=limits.COMMENT)
    report = _take_back(_submitted_report(period), user, ReportStep.Action.RECALLED, comment, at)
    notify(people(period.plan.body_id, [Role.EXECUTIVE]), "report_recalled", actor=user,
           params=period_params(period, comment=comment or "—"),
           url=reverse("monitoring:report", args=[period.plan.year, period.quarter]))
    return report


@transaction.atomic
def record_decision(*, user, period: ReportingPeriod, text_kk: str = "", text_ru: str = "",
                    responsible_unit_id: int | None = None, responsible_person_id: int | None = None,
                    due_on: date | None = None, event_ids=(),
                    requests_amendment: bool = False, at: datetime | None = None) -> Decision:
    """The executive's decision on the submitted report (§17), optionally on events, maybe asking to amend.
    Its words in Kazakh, Russian or both: both before it becomes the basis of an amendment (§18)."""
    require(user, "monitoring.record_decision", period)
    report = Report.objects.filter(period=period).first()
    if report is None or not report.is_submitted:
        raise ValidationError(_("Decisions are taken on a submitted report."))
    texts = _both(_("Decision"), text_kk, text_ru, limit=limits.REPORT_TEXT, required=True)
    body_id = period.plan.body_id
    unit = None
    if responsible_unit_id:
        unit = OrgUnit.objects.filter(pk=responsible_unit_id, body_id=body_id).first()
        if unit is None:
            raise ValidationError(_("Choose a unit of this state body."))
    person = None
    if responsible_person_id:
        if unit is None:
            raise ValidationError(_("Choose the responsible unit first: the responsible person is one of its people."))
        person = User.objects.filter(pk=responsible_person_id, is_active=True, memberships__body_id=body_id,
                                     memberships__unit=unit).first()
        if person is None:
            raise ValidationError(_("The responsible person must belong to the responsible unit."))
    events = plan_selectors.events_of_plan(period.plan_id, event_ids)
    if len(events) != len(set(event_ids or ())):
        raise ValidationError(_("Choose events of this plan."))
    now = now_or(at)
    if due_on is not None and due_on < local_date(now, period.plan):
        raise ValidationError(_("The due date of a decision cannot be in the past."))
    decision = Decision.objects.create(
        report=report, text_kk=texts["kk"], text_ru=texts["ru"], responsible_unit=unit, responsible_person=person,
        due_on=due_on, requests_amendment=requests_amendment, created_at=now, created_by=user,
    )
    decision.events.set(events)
    summaries.keep_decisions(period.plan)
    recipients = people(body_id, [Role.PLANNER])
    if person is not None:
        recipients.append(person)
    if unit is not None:
        recipients += people(body_id, [Role.UNIT_HEAD], [unit.id])
    notify(recipients, "decision_recorded", actor=user,
           params=period_params(period, text=decision.text, due=due_on.strftime("%d.%m.%Y") if due_on else "—"),
           url=reverse("monitoring:decisions", args=[period.plan.year]) + f"#decision-{decision.pk}")
    return decision


@transaction.atomic
def complete_decision(*, user, decision: Decision, note: str, at: datetime | None = None) -> Decision:
    """The responsible unit (or the planner) reports a decision carried out, saying how (§17 follow-up)."""
    decision = (Decision.objects.select_for_update(of=("self",)).select_related("report__period__plan")
                .get(pk=decision.pk))
    require(user, "monitoring.complete_decision", decision)
    if decision.is_done:
        raise ValidationError(_("This decision is already reported as carried out."))
    decision.done_note = clean_text(note, _("How it was carried out"), limit=limits.REPORT_TEXT, required=True)
    decision.done_on = local_date(now_or(at), decision.report.period.plan)
    decision.done_by = user
    decision._history_user = user  # type: ignore[attr-defined]  # read by django-simple-history (no stubs)
    decision.save(update_fields=["done_note", "done_on", "done_by"])
    summaries.keep_decisions(decision.report.period.plan)
    return decision
