"""Correcting an approved plan (rules §16–§18): an amendment is a new version, copied from the
version in force, edited (add, change, cancel — never erase), and approved like the first one.

Execution information follows events by their identity (`Event`), so an event keeps its history
across versions; a cancelled event stays in the plan, marked, with its reason.
"""
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from jospar import text_limits as limits
from jospar.orgs.permissions import require
from jospar.planning.drafting.draft import check_draft
from jospar.planning.models import EventExecutor, EventRevision, OperationalPlan, PlanVersion
from jospar.planning.services import record

Basis = PlanVersion.Basis


def current_version(plan: OperationalPlan) -> PlanVersion | None:
    return plan.versions.filter(status=PlanVersion.Status.APPROVED).order_by("-number").first()


def open_version(plan: OperationalPlan) -> PlanVersion | None:
    return plan.versions.exclude(status=PlanVersion.Status.APPROVED).first()


@transaction.atomic
def open_amendment(*, user, plan: OperationalPlan, basis: str, decision=None, document_number: str = "",
                   document_date: date | None = None, basis_text: str = "", review: dict | None = None) -> PlanVersion:
    """The planner opens version n+1 as a copy of the version in force. `review` maps event ids to
    the reason they are marked for review (used when the development plan changes)."""
    require(user, "planning.amend_plan", plan)
    limits.require_length(document_number, limits.DOCUMENT_NUMBER, _("Number of the development plan's amendment"))
    limits.require_length(basis_text, limits.BASIS, _("Basis in words"))
    plan = OperationalPlan.objects.select_for_update().get(pk=plan.pk)
    if open_version(plan):
        raise ValidationError(_("Only one draft or amendment of a plan can be open at a time."))
    base = current_version(plan)
    if base is None:
        raise ValidationError(_("Only an approved plan can be amended."))
    if basis == Basis.MONITORING and decision is None:
        raise ValidationError(_("Name the decision on the monitoring that this amendment is based on."))
    if basis == Basis.DEVELOPMENT_PLAN and not (document_number and document_date):
        raise ValidationError(_("Give the number and date of the development plan's amendment."))
    if basis not in (Basis.MONITORING, Basis.DEVELOPMENT_PLAN):
        raise ValidationError(_("Choose the basis of the amendment."))
    version = PlanVersion.objects.create(
        plan=plan, number=base.number + 1, basis=basis, basis_decision=decision,
        development_plan_id=base.development_plan_id or plan.development_plan_id,
        basis_document_number=document_number, basis_document_date=document_date,
        basis_ru=basis_text, basis_kk=basis_text,
    )
    copy_revisions(base, version, review or {})
    record(plan, user, "amendment_opened", version=version, new=PlanVersion.Status.DRAFT, comment=basis_text)
    return version


def copy_revisions(source: PlanVersion, target: PlanVersion, review: dict, remap: dict | None = None) -> None:
    """Every event of `source` into `target` (same identities), executors included: three queries.
    `remap` moves anchors onto another edition of the development plan ("t:5" → "t:91")."""
    originals = list(source.revisions.order_by("id"))
    executors: dict[int, list[EventExecutor]] = {}
    for ex in EventExecutor.objects.filter(revision__version=source).order_by("id"):
        executors.setdefault(ex.revision_id, []).append(ex)
    copies = []
    for rev in originals:
        old_id = rev.pk
        rev.pk = rev.id = None
        rev.version = target
        rev.lock_version = 1
        rev.review_note = review.get(rev.event_id, "")[:300]
        if remap and rev.anchor_key in remap:
            rev.set_anchor_key(remap[rev.anchor_key])
        rev._old_id = old_id
        copies.append(rev)
    created = EventRevision.objects.bulk_create(copies)
    EventExecutor.objects.bulk_create(
        EventExecutor(revision=new, unit_id=ex.unit_id, is_lead=ex.is_lead, position=ex.position)
        for old, new in zip(copies, created, strict=True)
        for ex in executors.get(old._old_id, [])
    )


@transaction.atomic
def cancel_event(*, user, revision: EventRevision, reason: str) -> EventRevision:
    """Cancelled, not erased: the event stays in the plan, marked, with the reason."""
    current = EventRevision.objects.select_for_update().select_related("version__plan").get(pk=revision.pk)
    check_draft(user, current.version)
    if not reason.strip():
        raise ValidationError(_("Say why the event is cancelled."))
    limits.require_length(reason.strip(), limits.REASON, _("Reason for cancelling"))
    current.is_cancelled, current.cancel_reason = True, reason.strip()
    current.lock_version += 1
    current.save()
    return current


@transaction.atomic
def restore_event(*, user, revision: EventRevision) -> EventRevision:
    current = EventRevision.objects.select_for_update().select_related("version__plan").get(pk=revision.pk)
    check_draft(user, current.version)
    current.is_cancelled, current.cancel_reason = False, ""
    current.lock_version += 1
    current.save()
    return current
