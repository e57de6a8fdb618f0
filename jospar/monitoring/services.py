"""What units and the planner do with the information on execution (rules §11–§14).

One function per user action, each transactional: it checks the permission through `orgs.permissions`,
the state (submitted information is locked; only a return reopens it), records who and when, and
leaves the database unchanged when it refuses. ``at`` lets the demo record past actions; pages never
pass it, so dates come from the clock (and time-machine in tests).
"""
from collections.abc import Mapping
from datetime import datetime
from zoneinfo import ZoneInfo

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_update_with_history

from jospar import rules
from jospar import text_limits as limits
from jospar.i18n import current_lang
from jospar.notifications.services import notify
from jospar.orgs.models import OrgUnit, Role
from jospar.orgs.permissions import require
from jospar.planning import selectors as plan_selectors
from jospar.planning.models import OperationalPlan
from jospar.rules.languages import OFFICIAL, MissingText
from jospar.web.bilingual import LANGUAGE_NAMES

from . import selectors, summaries
from .attachments import MAX_FILES_PER_ENTRY, check_upload, clean_name
from .models import (
    Attachment,
    Contribution,
    EntryState,
    ExecutionEntry,
    Report,
    ReportingPeriod,
    ReportStatus,
    SubmissionStatus,
    UnitSubmission,
)
from .signals import unit_info_submitted
from .walk import IN_PROGRESS, EventInfo, Occurrences, items_in


def now_or(at: datetime | None) -> datetime:
    return at or timezone.now()


def local_date(at: datetime, plan: OperationalPlan):
    return at.astimezone(ZoneInfo(plan.body.time_zone)).date()


def clean_text(value, label: str, *, limit: int, required: bool = False) -> str:
    value = (value or "").replace("\r\n", "\n").strip()
    if required and not value:
        raise ValidationError(_("%(field)s is required.") % {"field": label})
    return limits.require_length(value, limit, label)


def people(body_id: int, roles, unit_ids=None):
    """Active users with one of ``roles`` in the body (in one of ``unit_ids`` when given), in a stable order."""
    match = {"memberships__body_id": body_id, "memberships__role__in": list(roles)}
    if unit_ids is not None:
        match["memberships__unit_id__in"] = list(unit_ids)
    return list(User.objects.filter(is_active=True, **match).select_related("person").distinct().order_by("id"))


def period_params(period: ReportingPeriod, **extra) -> dict:
    return {"year": period.plan.year, "quarter": period.roman, **extra}


# ---- periods ---------------------------------------------------------------------------------------

def open_periods(plan: OperationalPlan) -> list[ReportingPeriod]:
    """Open the plan's four quarters (§13: reported on quarterly): created once, concurrent callers are
    harmless. Approval opens them (`receivers.open_periods_on_approval`); pages only read them
    (`selectors.periods_of`)."""
    periods = list(plan.reporting_periods.order_by("quarter"))
    if len(periods) < 4:
        have = {p.quarter for p in periods}
        ReportingPeriod.objects.bulk_create(
            [ReportingPeriod(plan=plan, quarter=q) for q in (1, 2, 3, 4) if q not in have], ignore_conflicts=True
        )
        periods = list(plan.reporting_periods.order_by("quarter"))
    for p in periods:
        p.plan = plan
    return periods


# ---- what an event asks of a unit in a period -----------------------------------------------------

def event_item(period: ReportingPeriod, event_id: int, occurrence: int):
    """(lead unit id, all executor unit ids, the work item) of an event occurrence in the period, or
    ValidationError when the event has nothing to report there."""
    version = selectors.version_in_force(period.plan, period.end)
    revision = plan_selectors.event_revision(version, event_id)
    if revision is None:
        raise ValidationError(_("This event is not in the approved plan."))
    unit_ids = plan_selectors.executor_unit_ids(revision)
    deadline = revision.deadline
    info = EventInfo(event_id, revision.id, "", unit_ids, (), deadline,
                     (deadline.kind, deadline.date, deadline.month, deadline.quarter, deadline.day), "", "", ("", 0),
                     revision.is_cancelled)
    closed = set(
        ExecutionEntry.objects.filter(
            period__plan_id=period.plan_id, period__quarter__lt=period.quarter, event_id=event_id,
            state=EntryState.SUBMITTED, status="executed",
        ).values_list("event_id", "occurrence")
    )
    item = next((i for i in items_in(info, period.quarter, Occurrences(period.year), closed)
                 if i.occurrence == occurrence), None)
    if item is None:
        raise ValidationError(_("This event has nothing to report in this period."))
    return unit_ids[0], unit_ids, item


def _submission(period, unit_id, *, lock=False) -> UnitSubmission | None:
    qs = UnitSubmission.objects.filter(period=period, unit_id=unit_id)
    return (qs.select_for_update() if lock else qs).first()


# ---- entries ----------------------------------------------------------------------------------------

@transaction.atomic
def save_entry(*, user, period: ReportingPeriod, event_id: int, occurrence: int, status: str,
               actual_kk: str = "", actual_ru: str = "", reasons_kk: str = "", reasons_ru: str = "",
               at: datetime | None = None) -> ExecutionEntry:
    """The lead executor's unit records the execution of one occurrence (Form 2 columns 6–7), each text in
    Kazakh and Russian. One language is enough to save (the other can follow); the head submits the unit's
    information only when both are there (`selectors.entry_texts_missing`)."""
    lead_id, _units, item = event_item(period, event_id, occurrence)
    unit = OrgUnit.objects.get(pk=lead_id)
    require(user, "monitoring.edit_entry", unit)
    errors: dict[str, list[str]] = {}
    chosen: rules.ExecutionStatus | None
    try:
        chosen = rules.ExecutionStatus(status)
    except ValueError:
        errors["status"] = [_("Choose the status of execution.")]
        chosen = None
    typed = {"actual": {"kk": actual_kk, "ru": actual_ru}, "reasons": {"kk": reasons_kk, "ru": reasons_ru}}
    labels = {"actual": _("Actual execution"), "reasons": _("Reasons for non-execution")}
    texts: dict[str, str] = {}
    for name, by_lang in typed.items():  # every field's problem at once, each named by its field
        for lang, value in by_lang.items():
            try:
                texts[f"{name}_{lang}"] = clean_text(value, labels[name], limit=limits.EXECUTION_TEXT)
            except ValidationError as error:
                errors[f"{name}_{lang}"] = error.messages
    if chosen is not None:
        for name, required in (("actual", chosen != rules.ExecutionStatus.NOT_EXECUTED),
                               ("reasons", rules.reasons_required(chosen))):
            if required and not any(texts.get(f"{name}_{lang}") for lang in OFFICIAL):
                errors.setdefault(name, []).append(
                    _("%(field)s is required (in Kazakh or in Russian).") % {"field": labels[name]})
    if errors or chosen is None:  # (no status: errors says so)
        raise ValidationError(errors)
    if chosen == rules.ExecutionStatus.EXECUTED:
        texts["reasons_kk"] = texts["reasons_ru"] = ""
    entry = ExecutionEntry.objects.select_for_update().filter(
        period=period, event_id=event_id, occurrence=occurrence
    ).first()
    submission = _submission(period, lead_id)
    if entry is not None and entry.state == EntryState.SUBMITTED:
        raise ValidationError(_("This information has been submitted and is locked; the planner can return it."))
    if entry is None and submission is not None and submission.status == SubmissionStatus.SUBMITTED:
        raise ValidationError(_("Your unit's information has been submitted and is locked."))
    now = now_or(at)
    if entry is None:
        entry = ExecutionEntry(period=period, event_id=event_id, occurrence=occurrence, unit=unit)
    entry.due_on, entry.status = item.due, chosen.value
    for name, text in texts.items():
        setattr(entry, name, text)
    entry.updated_at, entry.updated_by = now, user
    entry.save()
    return entry


def _editable_entry(user, entry: ExecutionEntry) -> None:
    require(user, "monitoring.edit_entry", entry.unit)
    if entry.state == EntryState.SUBMITTED:
        raise ValidationError(_("This information has been submitted and is locked; the planner can return it."))


@transaction.atomic
def add_attachment(*, user, entry: ExecutionEntry, upload, at: datetime | None = None) -> Attachment:
    entry = ExecutionEntry.objects.select_for_update().select_related("unit").get(pk=entry.pk)
    _editable_entry(user, entry)
    kind = check_upload(upload)
    if entry.attachments.count() >= MAX_FILES_PER_ENTRY:
        raise ValidationError(_("At most %(n)s files can be attached to one entry.") % {"n": MAX_FILES_PER_ENTRY})
    attachment = Attachment(entry=entry, original_name=clean_name(upload.name), kind=kind, size=upload.size,
                            uploaded_by=user, uploaded_at=now_or(at))
    attachment.file.save("upload", upload, save=False)
    try:
        attachment.save()
    except Exception:
        attachment.file.delete(save=False)
        raise
    return attachment


@transaction.atomic
def delete_attachment(*, user, attachment: Attachment) -> None:
    entry = ExecutionEntry.objects.select_for_update().select_related("unit").get(pk=attachment.entry_id)
    _editable_entry(user, entry)
    stored = attachment.file.name
    attachment.delete()
    storage = attachment.file.storage
    transaction.on_commit(lambda: storage.delete(stored))


@transaction.atomic
def save_contribution(*, user, period: ReportingPeriod, event_id: int, occurrence: int, unit: OrgUnit, text: str,
                      at: datetime | None = None) -> Contribution | None:
    """A co-executor's part for the lead executor's entry; an empty text withdraws it."""
    lead_id, unit_ids, _item = event_item(period, event_id, occurrence)
    require(user, "monitoring.contribute", unit)
    if unit.id not in unit_ids[1:]:
        raise ValidationError(_("Your unit is not a co-executor of this event."))
    entry = ExecutionEntry.objects.filter(period=period, event_id=event_id, occurrence=occurrence).first()
    if entry is not None and entry.state == EntryState.SUBMITTED:
        raise ValidationError(_("This information has been submitted by the lead executor; it is locked."))
    text = clean_text(text, _("Contribution"), limit=limits.EXECUTION_TEXT)
    existing = Contribution.objects.select_for_update().filter(
        period=period, event_id=event_id, occurrence=occurrence, unit=unit
    ).first()
    if not text:
        if existing:
            existing.delete()
        return None
    contribution = existing or Contribution(period=period, event_id=event_id, occurrence=occurrence, unit=unit)
    contribution.text, contribution.updated_at, contribution.updated_by = text, now_or(at), user
    contribution.save()
    return contribution


# ---- submission and return -------------------------------------------------------------------------

class TextsMissing(ValidationError):
    """A submission refused while texts bound for Form 2 lack a state language: ``missing`` lists them
    (`rules.languages.MissingText`, each with a link to its field) for the page to show as links."""

    def __init__(self, missing: list[MissingText]):
        self.missing = missing
        super().__init__(_("Form 2 is made in Kazakh and in Russian: write these texts in both languages before "
                           "submitting: %(list)s.") % {"list": "; ".join(
                               f"{m.what} ({', '.join(str(LANGUAGE_NAMES[code]) for code in m.langs)})"
                               for m in missing)})

def unit_indicators_missing(period: ReportingPeriod, unit: OrgUnit, listing) -> list[str] | None:
    """The indicators the unit answers for still without a value in the period ([] when all have one); None
    when it answers for none."""
    from .indicators import unit_indicators

    found = unit_indicators(period, unit, current_lang(), version=listing.version)
    if not found:
        return None
    return [f"{u.label} — {u.name}" for u in found if u.actual is None and u.final is None]


@transaction.atomic
def submit_unit_info(*, user, period: ReportingPeriod, unit: OrgUnit, attest: bool,
                     at: datetime | None = None, evidence: Mapping[str, str] | None = None) -> UnitSubmission:
    """The unit head submits and answers for the unit's information (§13–§14); late is accepted and marked.
    ``evidence``: the head's base64 CMS over the canonical rendering (`canonical`), field ``cms``, verified by
    the signatures app on `unit_info_submitted` (an invalid one refuses the submission)."""
    require(user, "monitoring.submit_unit_info", unit)
    if not attest:
        raise ValidationError(_("Confirm that the information is accurate, complete and on time."))
    submission = _submission(period, unit.id, lock=True)
    if submission is not None and submission.status == SubmissionStatus.SUBMITTED:
        raise ValidationError(_("Your unit's information for this period has already been submitted."))
    listing = selectors.work_list(period, unit, current_lang())
    indicators_missing = unit_indicators_missing(period, unit, listing)
    if not listing.items and indicators_missing is None:
        raise ValidationError(_("Your unit has nothing to report in this period."))
    now = now_or(at)
    today = local_date(now, period.plan)
    if not rules.unit_info_submittable(period.rules_period, today,
                                       [w.entry.status if w.entry else None for w in listing.items]):
        raise ValidationError(
            _("The quarter ends on %(end)s: the information can be submitted from %(opens)s, or earlier once "
              "every event on the list is executed.") % {"end": period.end.strftime("%d.%m.%Y"),
                                                         "opens": rules.opens_on(period.rules_period)
                                                         .strftime("%d.%m.%Y")})
    problems = []
    for w in listing.items:
        if w.entry is None or (w.entry.status == rules.ExecutionStatus.IN_PROGRESS and w.item.kind != IN_PROGRESS
              and w.item.due < today):
            problems.append(str(w.info.number))
    if problems:
        raise ValidationError(
            _("Complete the information before submitting: events %(numbers)s have no status yet, or are marked "
              "in progress although their deadline has passed.") % {"numbers": ", ".join(sorted(set(problems),
                                                                                              key=int))}
        )
    if listing.texts_missing:
        raise TextsMissing(listing.texts_missing)
    if indicators_missing:
        raise ValidationError(_("Give the actual value of every indicator your unit answers for before submitting: "
                                "%(list)s.") % {"list": "; ".join(indicators_missing)})
    entries = [w.entry for w in listing.items if w.entry.state != EntryState.SUBMITTED]
    for entry in entries:
        entry.state, entry.submitted_at = EntryState.SUBMITTED, now
    bulk_update_with_history(entries, ExecutionEntry, ["state", "submitted_at"], default_user=user,
                             default_date=now)
    if submission is None:
        delay = rules.delay_days(period.info_due, today)
        submission = UnitSubmission(period=period, unit=unit, first_submitted_at=now, is_late=delay > 0,
                                    delay_days=delay)
    submission.status = SubmissionStatus.SUBMITTED
    submission.submitted_at, submission.submitted_on, submission.submitted_by = now, today, user
    try:
        with transaction.atomic():
            submission.save()
    except IntegrityError:
        raise ValidationError(_("Your unit's information for this period has already been submitted.")) from None
    summaries.keep_unit_info(period)  # the national view's figures
    unit_info_submitted.send(sender=UnitSubmission, submission=submission, period=period, unit=unit,
                             evidence=evidence)
    kind = "info_submitted_late" if submission.is_late else "info_submitted"
    notify(people(period.plan.body_id, [Role.PLANNER]), kind, actor=user,
           params=period_params(period, unit=unit.name, days=submission.delay_days,
                                due=period.info_due.strftime("%d.%m.%Y")),
           url=reverse("monitoring:unit", args=[period.plan.year, period.quarter, unit.id]))
    return submission


def _report_locks(period: ReportingPeriod) -> bool:
    """A submitted report of this or a later quarter relies on this information: no more returns."""
    return Report.objects.filter(
        period__plan_id=period.plan_id, period__quarter__gte=period.quarter, status=ReportStatus.SUBMITTED
    ).exists()


@transaction.atomic
def return_unit_info(*, user, period: ReportingPeriod, unit: OrgUnit, comment: str, entry_ids=None,
                     at: datetime | None = None) -> UnitSubmission:
    """The planner returns a unit's submitted information (all of it, or some entries) with a comment."""
    require(user, "monitoring.return_unit_info", period)
    comment = clean_text(comment, _("Comment"), limit=limits.COMMENT, required=True)
    submission = _submission(period, unit.id, lock=True)
    if submission is None:
        raise ValidationError(_("This unit has not submitted its information yet."))
    if _report_locks(period):
        raise ValidationError(_("The report relying on this information has been submitted; it cannot be returned."))
    submitted = ExecutionEntry.objects.select_for_update().filter(period=period, unit=unit, state=EntryState.SUBMITTED)
    if entry_ids is not None:
        submitted = submitted.filter(pk__in=list(entry_ids))
    entries = list(submitted)
    if not entries and (entry_ids is not None or submission.status != SubmissionStatus.SUBMITTED):
        raise ValidationError(_("There is no submitted information to return."))
    now = now_or(at)
    for entry in entries:
        entry.state, entry.return_comment, entry.returned_at, entry.returned_by = (
            EntryState.RETURNED, comment, now, user)
    bulk_update_with_history(entries, ExecutionEntry, ["state", "return_comment", "returned_at", "returned_by"],
                             default_user=user, default_date=now)
    submission.status = SubmissionStatus.RETURNED
    submission.return_comment, submission.returned_at, submission.returned_by = comment, now, user
    submission.save()
    summaries.keep_unit_info(period)
    notify(people(period.plan.body_id, [Role.UNIT_HEAD, Role.UNIT_STAFF], [unit.id]), "info_returned", actor=user,
           params=period_params(period, comment=comment, count=len(entries)),
           url=reverse("monitoring:unit", args=[period.plan.year, period.quarter, unit.id]))
    return submission
