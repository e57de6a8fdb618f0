"""§6 approval: the planner sends the draft, the first head or chief of staff approves it or returns it.

Each function is one user action: it checks the permission, the state, changes the data in one transaction,
records the state change (who, when, comment) and notifies the people who must act next.
"""
from collections.abc import Mapping
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from jospar import text_limits as limits
from jospar.clock import today_in
from jospar.notifications.services import notify
from jospar.orgs import selectors as people
from jospar.orgs.permissions import access_of, require
from jospar.planning.models import DevelopmentPlan, PlanVersion, ProposalRound
from jospar.planning.selectors import version_problems
from jospar.planning.services import plan_url, record, require_official
from jospar.planning.signals import plan_changed, version_approved

Status = PlanVersion.Status


def _lock(version: PlanVersion) -> PlanVersion:
    return PlanVersion.objects.select_for_update().select_related("plan__body", "plan__development_plan").get(
        pk=version.pk
    )


@transaction.atomic
def send_for_approval(*, user, version: PlanVersion, comment: str = "", leave_out=()) -> PlanVersion:
    """The planner sends a complete draft to the executive; the proposal round closes. Proposals still
    with their units or not reviewed must be left out knowingly: `leave_out` names the ones the planner
    saw; each ends «not included in the draft» and its unit is told."""
    from jospar.planning.drafting.proposals import leave_out_pending

    limits.require_length(comment, limits.COMMENT, _("Comment"))
    version = _lock(version)
    plan = version.plan
    require(user, "planning.send_for_approval", plan)
    if version.status != Status.DRAFT:
        raise ValidationError(_("Only a draft can be sent for approval."))
    problems = version_problems(version)
    if problems["count"] or problems["empty"]:
        raise ValidationError(_("The draft is incomplete: complete every event before sending it for approval."))
    leave_out_pending(user=user, plan=plan, confirmed={int(i) for i in leave_out})
    version.status = Status.ON_APPROVAL
    version.save()
    ProposalRound.objects.filter(plan=plan, closed_at__isnull=True).update(closed_at=timezone.now())
    record(plan, user, "sent_for_approval", version=version, old=Status.DRAFT, new=Status.ON_APPROVAL,
           comment=comment)
    plan_changed.send(sender=PlanVersion, plan=plan)
    kind = "sent_for_approval" if version.number == 1 else "amendment_sent_for_approval"  # §6 dates only v1
    notify(
        people.executives(plan.body_id), kind, actor=user, url=plan_url(plan),
        params={"year": plan.year, "version": version.number, "due": plan.approval_due.strftime("%d.%m.%Y")},
    )
    return version


def stamp_approval(version: PlanVersion, user, *, on: date | None = None) -> bool:
    """Set in memory what approval writes on the version (status, date, approver and their position and
    office) and on its plan (the edition an amendment moved it to); True when the plan moved. Saved by
    `approve_version`; the signatures app's prepare endpoint stamps a copy unsaved, to render the Form 1 the
    approval will store, byte for byte."""
    plan = version.plan
    version.status = Status.APPROVED
    version.approved_on = on or today_in(plan.body.time_zone)
    version.approved_by = user
    person = getattr(user, "person", None)
    version.approved_as_kk = person.position_kk if person else ""
    version.approved_as_ru = person.position_ru if person else ""
    access = access_of(user)
    version.approver_office, version.approver_acting = access.office, access.acting
    if version.development_plan_id and version.development_plan_id != plan.development_plan_id:
        plan.development_plan_id = version.development_plan_id  # an amendment moved the plan to a new edition
        return True
    return False


@transaction.atomic
def approve_version(*, version: PlanVersion, user, on: date | None = None, comment: str = "",
                    evidence: Mapping[str, str] | None = None) -> PlanVersion:
    """The executive approves the version sent to them; from then on its content is frozen (§6)."""
    limits.require_length(comment, limits.COMMENT, _("Comment"))
    version = _lock(version)
    plan = version.plan
    require_official(user, "planning.approve_plan", plan)
    if version.status != Status.ON_APPROVAL:
        raise ValidationError(_("Only a version sent for approval can be approved."))
    # The edition this version stands on freezes with it: lock its row so that an edit of the edition
    # (jospar.planning.devplan.services locks the same row, then checks it is open) cannot slip in alongside.
    DevelopmentPlan.objects.select_for_update().filter(
        pk=version.development_plan_id_in_force).first()
    moved = stamp_approval(version, user, on=on)
    approved_on = version.approved_on
    assert approved_on is not None  # stamped just above
    version.save()
    if moved:
        plan.save(update_fields=["development_plan"])
    record(plan, user, "approved", version=version, old=Status.ON_APPROVAL, new=Status.APPROVED, comment=comment)
    # Monitoring opens the periods, the documents app stores Form 1, the signatures app verifies `evidence`
    # (base64 CMS by field: cms_kk, cms_ru) over the stored PDFs and refuses the whole approval if it fails.
    version_approved.send(sender=PlanVersion, version=version, plan=plan, evidence=evidence)
    notify(
        [*people.planners(plan.body_id), *people.unit_heads(plan.body_id)], "plan_approved", actor=user,
        url=plan_url(plan),
        params={"year": plan.year, "version": version.number, "date": approved_on.strftime("%d.%m.%Y")},
    )
    return version


@transaction.atomic
def return_version(*, version: PlanVersion, user, comment: str) -> PlanVersion:
    """The executive returns the version to the planner with a comment (required)."""
    limits.require_length(comment, limits.COMMENT, _("Comment"))
    version = _lock(version)
    plan = version.plan
    require_official(user, "planning.approve_plan", plan)
    if version.status != Status.ON_APPROVAL:
        raise ValidationError(_("Only a version sent for approval can be returned."))
    if not comment.strip():
        raise ValidationError(_("Say why the plan is returned."))
    version.status = Status.DRAFT
    version.save()
    record(plan, user, "returned", version=version, old=Status.ON_APPROVAL, new=Status.DRAFT, comment=comment)
    plan_changed.send(sender=PlanVersion, plan=plan)
    notify(people.planners(plan.body_id), "plan_returned", actor=user, url=plan_url(plan),
           params={"year": plan.year, "comment": comment})
    return version
