"""Editing the consolidated draft in place (the planner only, while the version is a draft)."""
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from jospar.orgs.permissions import require
from jospar.planning.content import ConflictError, EventData
from jospar.planning.models import Event, EventExecutor, EventRevision, PlanVersion, Proposal, ProposalRound


def check_draft(user, version: PlanVersion) -> None:
    require(user, "planning.edit_draft", version.plan)
    if version.status != PlanVersion.Status.DRAFT:
        raise ValidationError(_("Only a draft can be edited; an approved plan changes through an amendment."))


def in_force_before(version: PlanVersion) -> set[int]:
    base = version.plan.versions.filter(status=PlanVersion.Status.APPROVED, number__lt=version.number)
    base = base.order_by("-number").first()
    return set(base.revisions.values_list("event_id", flat=True)) if base else set()


def refuse_erasing_approved(version: PlanVersion, revision: EventRevision) -> None:
    """In an amendment, an event of the version in force can only be cancelled, never deleted."""
    if version.is_amendment and revision.event_id in in_force_before(version):
        raise ValidationError(_("This event is in the approved plan: cancel it with a reason instead of deleting."))


def set_executors(revision: EventRevision, lead, co_executors) -> None:
    """Lead first, then co-executors in the given order; replaces the previous list."""
    revision.executors.all().delete()
    units = [lead, *[u for u in co_executors if u and lead and u.pk != lead.pk]] if lead else list(co_executors)
    EventExecutor.objects.bulk_create(
        EventExecutor(revision=revision, unit=unit, is_lead=(i == 0 and lead is not None), position=i)
        for i, unit in enumerate(dict.fromkeys(units))
    )


def _next_position(version, anchor_key: str) -> int:
    probe = EventRevision()
    probe.set_anchor_key(anchor_key)
    top = version.revisions.filter(
        macroindicator_id=probe.macroindicator_id, target_indicator_id=probe.target_indicator_id,
        regulation_task_id=probe.regulation_task_id,
    ).aggregate(m=Max("position"))["m"]
    return (top or 0) + 1


def create_revision(version: PlanVersion, data: EventData, author=None) -> EventRevision:
    """A new event in a version (no permission check: callers are services that checked)."""
    revision = EventRevision(version=version, event=Event.objects.create(plan=version.plan, created_by=author))
    data.apply(revision)
    revision.position = _next_position(version, data.anchor_key)
    revision.full_clean(exclude=["event", "version"])
    revision.save()
    set_executors(revision, data.lead_unit, data.co_executors)
    return revision


@transaction.atomic
def add_event(*, user, version: PlanVersion, data: EventData) -> EventRevision:
    check_draft(user, version)
    return create_revision(version, data, author=user)


@transaction.atomic
def update_event(*, user, revision: EventRevision, data: EventData, lock_version: int) -> EventRevision:
    """Saves only if nobody saved the event since `lock_version` was read; else ConflictError."""
    current = EventRevision.objects.select_for_update().select_related("version__plan").get(pk=revision.pk)
    check_draft(user, current.version)
    if current.lock_version != lock_version:
        raise ConflictError(current)
    moved = current.anchor_key != data.anchor_key
    data.apply(current)
    if moved:
        current.position = _next_position(current.version, data.anchor_key)
    current.lock_version += 1
    current.full_clean(exclude=["event", "version"])
    current.save()
    set_executors(current, data.lead_unit, data.co_executors)
    return current


@transaction.atomic
def move_event(*, user, revision: EventRevision, offset: int) -> None:
    """Up (-1) or down (+1) among the events of the same anchor: swaps positions with the neighbour."""
    current = EventRevision.objects.select_for_update().select_related("version__plan").get(pk=revision.pk)
    check_draft(user, current.version)
    siblings = list(
        current.version.revisions.filter(
            macroindicator_id=current.macroindicator_id, target_indicator_id=current.target_indicator_id,
            regulation_task_id=current.regulation_task_id,
        ).order_by("position", "id")
    )
    index = next(i for i, s in enumerate(siblings) if s.pk == current.pk)
    target = index + offset
    if not 0 <= target < len(siblings):
        return
    siblings.insert(target, siblings.pop(index))
    for position, sibling in enumerate(siblings, start=1):
        if sibling.position != position:
            sibling.position = position
            sibling.save(update_fields=["position", "updated_at"])


@transaction.atomic
def delete_event(*, user, revision: EventRevision) -> None:
    current = EventRevision.objects.select_for_update().select_related("version__plan").get(pk=revision.pk)
    check_draft(user, current.version)
    refuse_erasing_approved(current.version, current)
    event = current.event
    current.delete()
    if not event.revisions.exists():
        # Its proposals await review again while the round is open; once the draft has been sent (the round
        # closed), nothing can review them: they end «not included in the draft» rather than hang.
        round_open = ProposalRound.objects.filter(plan_id=current.version.plan_id, closed_at__isnull=True).exists()
        event.proposals.update(event=None, status=Proposal.Status.SUBMITTED if round_open
                               else Proposal.Status.NOT_INCLUDED)
        event.delete()
