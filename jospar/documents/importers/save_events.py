"""Actions of the documents app that change data: one function per user action, each transactional."""
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from jospar.documents.importers.plan_events import ImportedEvent
from jospar.orgs.permissions import require
from jospar.planning.models import Event, EventExecutor, EventRevision, PlanVersion

ANCHOR_FIELDS = ("macroindicator_id", "target_indicator_id", "regulation_task_id")


@transaction.atomic
def import_events(*, user, version: PlanVersion, events: list[ImportedEvent], source: str = "") -> int:
    """Add checked events to the draft of a plan, all of them or none; returns how many were added.

    Each event goes to the end of its anchor's list, its lead executor first. History records who
    imported them, when, and from which file.
    """
    version = PlanVersion.objects.select_for_update().select_related("plan").get(pk=version.pk)
    require(user, "planning.edit_draft", version.plan)
    if version.status != PlanVersion.Status.DRAFT:
        raise ValidationError(_("Version %(number)s of the plan is not a draft: events can be imported only into "
                                "the draft.") % {"number": version.number})
    if not events:
        return 0
    tops = {
        tuple(row[f] for f in ANCHOR_FIELDS): row["top"]
        for row in version.revisions.values(*ANCHOR_FIELDS).annotate(top=Max("position"))
    }
    identities = Event.objects.bulk_create(Event(plan=version.plan, created_by=user) for _ in events)
    reason = (_("Imported from %(file)s") % {"file": source})[:100] if source else _("Imported from Excel")
    revisions = []
    for identity, item in zip(identities, events, strict=True):
        key = tuple(item.anchor_id if f == item.anchor_field else None for f in ANCHOR_FIELDS)
        tops[key] = (tops.get(key) or 0) + 1
        revision = EventRevision(
            version=version, event=identity, position=tops[key], name_kk=item.name_kk, name_ru=item.name_ru,
            no_funding=item.no_funding, budget_codes=item.budget_codes, completion_form_id=item.completion_form_id,
            completion_kk=item.completion_kk, completion_ru=item.completion_ru, **{item.anchor_field: item.anchor_id},
        )
        revision.set_deadline(item.deadline)
        revisions.append(revision)
    revisions = bulk_create_with_history(revisions, EventRevision, default_user=user, default_change_reason=reason)
    executors = [
        EventExecutor(revision=revision, unit_id=unit_id, is_lead=(i == 0), position=i)
        for revision, item in zip(revisions, events, strict=True)
        for i, unit_id in enumerate(item.unit_ids)
    ]
    bulk_create_with_history(executors, EventExecutor, default_user=user, default_change_reason=reason)
    return len(revisions)
