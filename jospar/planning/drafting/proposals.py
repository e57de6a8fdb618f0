"""Units' proposals (rules §5): staff propose for their own unit, the head submits the unit's set,
the planner accepts (possibly edited), merges duplicates, or returns them with a comment."""
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from jospar import text_limits as limits
from jospar.notifications.services import notify
from jospar.orgs import selectors as people
from jospar.orgs.permissions import require
from jospar.planning.content import ConflictError, EventData
from jospar.planning.drafting.draft import create_revision
from jospar.planning.models import (
    EventExecutor,
    EventRevision,
    OperationalPlan,
    PlanVersion,
    Proposal,
    ProposalRound,
)
from jospar.planning.services import record

Status = Proposal.Status


def _round_open(plan: OperationalPlan) -> None:
    open_round = ProposalRound.objects.filter(plan=plan, closed_at__isnull=True).exists()
    draft = plan.versions.order_by("-number").values_list("status", flat=True).first() == PlanVersion.Status.DRAFT
    if not (open_round and draft):
        raise ValidationError(_("The proposal round for this plan is closed."))


def _url(plan) -> str:
    return reverse("planning:proposals", args=[plan.year])


def _save_co_executors(proposal: Proposal, data: EventData) -> None:
    proposal.co_executors.set([u for u in data.co_executors if u.pk != proposal.unit_id])


@transaction.atomic
def create_proposal(*, user, plan: OperationalPlan, unit, data: EventData) -> Proposal:
    require(user, "planning.propose", unit)
    _round_open(plan)
    proposal = Proposal(plan=plan, unit=unit, author=user)
    data.apply(proposal)
    proposal.full_clean(exclude=["event"])
    proposal.save()
    _save_co_executors(proposal, data)
    record(plan, user, "proposal_created", proposal=proposal, unit=unit, new=Status.DRAFT)
    return proposal


@transaction.atomic
def update_proposal(*, user, proposal: Proposal, data: EventData, lock_version: int) -> Proposal:
    current = Proposal.objects.select_for_update().get(pk=proposal.pk)
    require(user, "planning.edit_proposal", current)
    _round_open(current.plan)
    if current.lock_version != lock_version:
        raise ConflictError(current)
    data.apply(current)
    current.lock_version += 1
    current.full_clean(exclude=["event"])
    current.save()
    _save_co_executors(current, data)
    return current


@transaction.atomic
def delete_proposal(*, user, proposal: Proposal) -> None:
    current = Proposal.objects.select_for_update().get(pk=proposal.pk)
    require(user, "planning.edit_proposal", current)
    record(current.plan, user, "proposal_deleted", unit=current.unit, old=current.status, comment=current.name_ru)
    current.delete()


@transaction.atomic
def submit_unit_set(*, user, plan: OperationalPlan, unit) -> int:
    """The unit head submits every proposal of the unit still being prepared or returned."""
    require(user, "planning.submit_proposals", unit)
    _round_open(plan)
    pending = list(Proposal.objects.select_for_update().filter(plan=plan, unit=unit, status__in=Proposal.EDITABLE))
    if not pending:
        raise ValidationError(_("Your unit has no proposals to submit."))
    for proposal in pending:
        record(plan, user, "proposal_submitted", proposal=proposal, unit=unit, old=proposal.status,
               new=Status.SUBMITTED)
    Proposal.objects.filter(pk__in=[p.pk for p in pending]).update(status=Status.SUBMITTED, updated_at=timezone.now())
    notify(people.planners(plan.body_id), "set_submitted", actor=user, url=_url(plan),
           params={"unit": unit.name, "count": len(pending), "year": plan.year})
    return len(pending)


def _draft_of(plan) -> PlanVersion:
    version = plan.versions.order_by("-number").first()
    if version is None or version.status != PlanVersion.Status.DRAFT:
        raise ValidationError(_("Proposals can be taken only into a draft of the plan."))
    return version


def _reviewable(user, proposal: Proposal) -> Proposal:
    current = Proposal.objects.select_for_update().select_related("plan", "unit").get(pk=proposal.pk)
    require(user, "planning.review_proposals", current.plan)
    if current.status != Status.SUBMITTED:
        raise ValidationError(_("Only a submitted proposal can be reviewed."))
    return current


@transaction.atomic
def accept_proposal(*, user, proposal: Proposal, data: EventData | None = None) -> EventRevision:
    """The planner takes a proposal into the draft (edited if `data` is given); the proposing unit leads."""
    current = _reviewable(user, proposal)
    version = _draft_of(current.plan)
    if data is None:
        data = EventData.of(current, lead_unit=current.unit, co_executors=current.co_executors.all())
    revision = create_revision(version, data, author=current.author)
    current.status, current.event = Status.ACCEPTED, revision.event
    current.save()
    record(current.plan, user, "proposal_accepted", proposal=current, unit=current.unit, old=Status.SUBMITTED,
           new=Status.ACCEPTED)
    return revision


@transaction.atomic
def merge_proposals(*, user, proposals: list[Proposal], data: EventData | None = None) -> EventRevision:
    """Duplicates under one anchor become one event: the first proposal is accepted, the others merged
    into it; every proposing unit becomes an executor, the first one leading. Each merged proposal keeps
    its own text (the event page shows it), and the merge can be undone until the draft is sent."""
    if len(proposals) < 2:
        raise ValidationError(_("Choose at least two proposals to merge."))
    first = _reviewable(user, proposals[0])
    others = [_reviewable(user, p) for p in proposals[1:]]
    if any(p.plan_id != first.plan_id for p in others):
        raise ValidationError(_("Only proposals for the same plan can be merged."))
    if any(p.anchor_key != first.anchor_key for p in others):
        raise ValidationError(_("Only proposals under the same direction, indicator or task can be merged: the "
                                "event keeps one place in Form 1, and the other proposal's place would be lost. "
                                "Accept or return them one by one."))
    if data is None:
        co = [*first.co_executors.all(), *[p.unit for p in others], *[u for p in others for u in p.co_executors.all()]]
        data = EventData.of(first, lead_unit=first.unit, co_executors=list(dict.fromkeys(co)))
    revision = accept_proposal(user=user, proposal=first, data=data)
    for other in others:
        other.status, other.event = Status.MERGED, revision.event
        other.save()
        record(other.plan, user, "proposal_merged", proposal=other, unit=other.unit, old=Status.SUBMITTED,
               new=Status.MERGED, comment=first.name_ru)
    return revision


@transaction.atomic
def unmerge_proposal(*, user, proposal: Proposal) -> Proposal:
    """The planner takes a merged proposal back out of its event while the draft is not yet sent: it is
    submitted again (to accept, return or merge anew), and its unit stops being an executor of the event
    unless another proposal of the event brought it."""
    current = Proposal.objects.select_for_update().select_related("plan", "unit").get(pk=proposal.pk)
    require(user, "planning.review_proposals", current.plan)
    if current.status != Status.MERGED:
        raise ValidationError(_("Only a merged proposal can be taken back out of its event."))
    _round_open(current.plan)
    version = _draft_of(current.plan)
    event_id = current.event_id
    current.status, current.event = Status.SUBMITTED, None
    current.save()
    others = Proposal.objects.filter(event_id=event_id).prefetch_related("co_executors")
    still = {p.unit_id for p in others} | {u.pk for p in others for u in p.co_executors.all()}
    if current.unit_id not in still:
        EventExecutor.objects.filter(revision__version=version, revision__event_id=event_id, unit=current.unit,
                                     is_lead=False).delete()
    record(current.plan, user, "proposal_unmerged", proposal=current, unit=current.unit, old=Status.MERGED,
           new=Status.SUBMITTED)
    return current


def pending_proposals(plan: OperationalPlan):
    """Proposals still with their units or awaiting review, unit by unit."""
    return (Proposal.objects.filter(plan=plan, status__in=Proposal.PENDING).select_related("unit")
            .order_by("unit__kind", "unit__position", "created_at", "id"))


def leave_out_pending(*, user, plan: OperationalPlan, confirmed: set[int]) -> list[Proposal]:
    """Sending the draft closes the round: every proposal still pending ends «not included in the draft»,
    its unit is told. `confirmed` are the ids the planner saw and agreed to leave out; any other pending
    proposal (one submitted meanwhile) refuses the whole action, so nothing is left out unseen."""
    pending = list(pending_proposals(plan).select_for_update(of=("self",)))
    if {p.pk for p in pending} != set(confirmed):
        if not confirmed:
            raise ValidationError(ngettext(
                "%(n)s proposal is not reviewed or is back with its unit: review it, or confirm that it is left "
                "out of the draft.",
                "%(n)s proposals are not reviewed or are back with their units: review them, or confirm that they "
                "are left out of the draft.", len(pending)) % {"n": len(pending)})
        raise ValidationError(_("The proposals changed while you were looking at them: check the list and send "
                                "again."))
    by_unit: dict = {}
    for proposal in pending:
        record(plan, user, "proposal_not_included", proposal=proposal, unit=proposal.unit, old=proposal.status,
               new=Status.NOT_INCLUDED)
        by_unit.setdefault(proposal.unit_id, []).append(proposal)
    Proposal.objects.filter(pk__in=[p.pk for p in pending]).update(status=Status.NOT_INCLUDED,
                                                                    updated_at=timezone.now())
    for unit_id, items in by_unit.items():
        notify(people.unit_people(plan.body_id, [unit_id]), "proposals_not_included", actor=user, url=_url(plan),
               params={"year": plan.year, "count": len(items)})
    return pending


@transaction.atomic
def return_proposal(*, user, proposal: Proposal, comment: str) -> Proposal:
    current = _reviewable(user, proposal)
    if not comment.strip():
        raise ValidationError(_("Say why the proposal is returned."))
    limits.require_length(comment, limits.COMMENT, _("Comment"))
    current.status, current.comment = Status.RETURNED, comment
    current.save()
    record(current.plan, user, "proposal_returned", proposal=current, unit=current.unit, old=Status.SUBMITTED,
           new=Status.RETURNED, comment=comment)
    notify(people.unit_people(current.plan.body_id, [current.unit_id]), "proposal_returned", actor=user,
           url=_url(current.plan), params={"name": current.name, "comment": comment})
    return current
