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


def follow_revisions(model, objs) -> None:
    """An executor's `version` is its revision's: set on each of `objs` (executors about to be written) from
    the revision they carry, or read in one query for those that carry only its id."""
    if model._meta.model_name != "eventexecutor":
        return
    unknown = _ids(o.revision_id for o in objs if not model.revision.is_cached(o))
    versions = dict(apps.get_model("planning", "EventRevision")._base_manager.filter(pk__in=unknown)
                    .values_list("pk", "version_id")) if unknown else {}
    for o in objs:
        o.version_id = o.revision.version_id if model.revision.is_cached(o) else versions.get(o.revision_id)


def _follow_in_update(model, kwargs: dict) -> dict:
    """update() on executors: a new revision brings its version; the version alone is never set by hand.
    On revisions: a new version is taken along by their executors (`_move_executors`)."""
    if model._meta.model_name != "eventexecutor":
        return kwargs
    if "version" in kwargs or "version_id" in kwargs:
        raise ValueError("An executor's version follows its revision; change the revision instead.")
    for key in ("revision", "revision_id"):
        if key in kwargs:
            target = kwargs[key]
            target_id = target if key == "revision_id" or target is None else target.pk
            version_id = apps.get_model("planning", "EventRevision")._base_manager.filter(
                pk=target_id).values_list("version_id", flat=True).first()
            return {**kwargs, "version_id": version_id}
    return kwargs


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
        kwargs = _follow_in_update(self.model, kwargs)
        moving = self.model._meta.model_name == "eventrevision" and ("version" in kwargs or "version_id" in kwargs)
        ids = list(self.values_list("pk", flat=True)) if moving else []
        count = super().update(**kwargs)
        if moving:  # the executors of the moved revisions follow them
            apps.get_model("planning", "EventExecutor")._base_manager.filter(revision_id__in=ids).update(
                version_id=models.Subquery(self.model._base_manager.filter(pk=models.OuterRef("revision_id"))
                                           .values("version_id")))
        return count

    def delete(self):
        self._refuse_frozen()
        return super().delete()

    delete.queryset_only = True  # type: ignore[attr-defined]  # Django's mark: not copied onto the manager

    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        if approved_among(self.model, objs):
            raise ApprovedVersionError()
        follow_revisions(self.model, objs)
        return super().bulk_create(objs, *args, **kwargs)

    def bulk_update(self, objs, fields, *args, **kwargs):
        objs = list(objs)
        pks = _ids(o.pk for o in objs)
        if (pks and self.model._base_manager.filter(pk__in=pks).filter(
                **{self.model.FROZEN_LOOKUP: APPROVED}).exists()) or approved_among(self.model, objs):
            raise ApprovedVersionError()
        if self.model._meta.model_name == "eventexecutor":
            if {"version", "version_id"} & set(fields):
                raise ValueError("An executor's version follows its revision; change the revision instead.")
            if {"revision", "revision_id"} & set(fields):
                follow_revisions(self.model, objs)
                fields = [*fields, "version"]
        elif self.model._meta.model_name == "eventrevision" and {"version", "version_id"} & set(fields):
            raise ValueError("Move a revision to another version with save() or update(), which take its "
                             "executors along.")
        # checked: the plain queryset writes (its update() of CASE expressions is not a move to be checked again)
        return models.QuerySet(self.model, using=self.db).bulk_update(objs, fields, *args, **kwargs)


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
