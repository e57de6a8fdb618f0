"""The guards that keep an approved version of the plan exactly as it was approved, whatever the way in:
a model's save() and delete(), a queryset's update(), delete(), bulk_create() and bulk_update(), and the
cascades of a deleted plan, version or event (pre_delete). The services refuse first, with a message in
the user's language; these guards are the last line for everything else (the admin, a shell, a script).

What is frozen (each model says where it finds "approved", as `FROZEN_LOOKUP`):
- an approved `PlanVersion`: every field;
- an `EventRevision` of an approved version and its `EventExecutor`s: every field, and nothing is added
  to an approved version or moved into or out of it;
- an `Event` that an approved version states: its plan, and it is never deleted;
- an `OperationalPlan` with an approved version: its body, year, edition of the Rules and approval due
  date; its development plan only follows the edition of the version approved last.
"""
from django.apps import apps
from django.db import models
from django.db.models.signals import pre_delete
from django.dispatch import receiver

APPROVED = "approved"


class ApprovedVersionError(Exception):
    """Raised when something tries to change a version that has been approved."""

    def __init__(self, message="An approved version of the plan cannot be changed; amend it instead."):
        super().__init__(message)


def _versions():
    return apps.get_model("planning", "PlanVersion").objects.filter(status=APPROVED)


def _ids(values) -> set:
    return {v for v in values if v is not None}


def approved_among(model, objs) -> bool:
    """Whether any of `objs` (unsaved or changed rows) belongs to an approved version: one query."""
    if model._meta.model_name == "eventrevision":
        targets = _ids(o.version_id for o in objs)
        return bool(targets) and _versions().filter(pk__in=targets).exists()
    if model._meta.model_name == "eventexecutor":
        targets = _ids(o.revision_id for o in objs)
        return bool(targets) and _versions().filter(revisions__in=targets).exists()
    return False


class FrozenQuerySet(models.QuerySet):
    """Refuses the bulk paths that would touch a row of an approved version (one query each)."""

    def frozen(self):
        return self.filter(**{self.model.FROZEN_LOOKUP: APPROVED})

    def _refuse_frozen(self):
        if self.frozen().exists():
            raise ApprovedVersionError()

    def update(self, **kwargs):
        self._refuse_frozen()
        moved_to = self.model(**{k: v for k, v in kwargs.items() if k in ("version", "version_id", "revision",
                                                                            "revision_id")})
        if approved_among(self.model, [moved_to]):
            raise ApprovedVersionError()
        return super().update(**kwargs)

    def delete(self):
        self._refuse_frozen()
        return super().delete()

    delete.queryset_only = True  # type: ignore[attr-defined]  # Django's mark: not copied onto the manager

    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        if approved_among(self.model, objs):
            raise ApprovedVersionError()
        return super().bulk_create(objs, *args, **kwargs)

    def bulk_update(self, objs, fields, *args, **kwargs):
        objs = list(objs)
        pks = _ids(o.pk for o in objs)
        if (pks and self.model._base_manager.filter(pk__in=pks).filter(
                **{self.model.FROZEN_LOOKUP: APPROVED}).exists()) or approved_among(self.model, objs):
            raise ApprovedVersionError()
        return super().bulk_update(objs, fields, *args, **kwargs)


FrozenManager = models.Manager.from_queryset(FrozenQuerySet)


def _stored(instance, fields) -> dict | None:
    return type(instance)._base_manager.filter(pk=instance.pk).values(*fields).first()


def _changed(instance, fields) -> list[str]:
    stored = _stored(instance, fields)
    return [f for f in fields if stored is not None and stored[f] != getattr(instance, f)]


def guard_plan(plan, update_fields=None) -> None:
    """An operational plan with an approved version keeps what its Form 1 says about it."""
    if plan.pk is None:
        return
    editions = list(_versions().filter(plan_id=plan.pk).order_by("-number").values_list("development_plan_id",
                                                                                        flat=True))
    if not editions:
        return
    fields = ["body_id", "year", "development_plan_id", "rule_edition", "approval_due_on"]
    if update_fields is not None:
        fields = [f for f in fields if f.removesuffix("_id") in update_fields or f in update_fields]
    changed = _changed(plan, fields)
    # approve_version moves the plan onto the edition an approved amendment stands on; nothing else may.
    if changed == ["development_plan_id"] and editions[0] == plan.development_plan_id and None not in editions:
        return
    if changed:
        raise ApprovedVersionError()


def guard_version(version) -> None:
    """An approved version never changes (approving it, the change from "sent" to "approved", is allowed)."""
    if version.pk is None:
        return
    fields = [f.attname for f in version._meta.concrete_fields]
    stored = _stored(version, fields)
    if stored and stored["status"] == APPROVED and any(stored[f] != getattr(version, f) for f in fields):
        raise ApprovedVersionError()


def guard_event(event) -> None:
    """An event an approved version states stays in its plan."""
    if event.pk is not None and _changed(event, ["plan_id"]) and event.revisions.filter(
            version__status=APPROVED).exists():
        raise ApprovedVersionError()


def guard_row(instance) -> None:
    """A revision or an executor: neither its stored version nor the one it would belong to is approved."""
    # (a lookup on None would mean "IS NULL", so each side is asked only when it names a row)
    if type(instance)._meta.model_name == "eventrevision":
        ways = [("pk", instance.version_id), ("revisions__pk", instance.pk)]
    else:
        ways = [("revisions__pk", instance.revision_id), ("revisions__executors__pk", instance.pk)]
    where = models.Q(pk__in=[])
    for lookup, value in ways:
        if value is not None:
            where |= models.Q(**{lookup: value})
    if _versions().filter(where).exists():
        raise ApprovedVersionError()


# The model and queryset guards refuse before anything is collected. These two are the last line for a
# cascade that reaches a version or an event some other way (raised inside the deletion's transaction).
@receiver(pre_delete, sender="planning.PlanVersion")
def _keep_approved_version(sender, instance, **kwargs):
    if instance.status == APPROVED:
        raise ApprovedVersionError()


@receiver(pre_delete, sender="planning.Event")
def _keep_approved_event(sender, instance, **kwargs):
    if instance.revisions.filter(version__status=APPROVED).exists():
        raise ApprovedVersionError()
