"""The operational plan of a year, its versions and its events.

An `Event` is the identity of a planned action across versions (execution information follows
it); an `EventRevision` is what a given `PlanVersion` says about it. Approved versions are legal
documents: they and their revisions never change (`ApprovedVersionError`, guards in frozen.py);
amendments make a new version.
"""
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from jospar import rules
from jospar import text_limits as limits
from jospar.i18n import localized
from jospar.orgs.models import Office, OrgUnit, StateBody, office_label
from jospar.rulebook import editions as rulebook

from .content import EventContent, content_constraints
from .devplan import DevelopmentPlan
from .frozen import ApprovedVersionError, FrozenManager, guard_event, guard_plan, guard_row, guard_version


class OperationalPlan(models.Model):
    body = models.ForeignKey(
        StateBody, on_delete=models.PROTECT, related_name="operational_plans", verbose_name=_("state body")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    development_plan = models.ForeignKey(
        DevelopmentPlan, on_delete=models.PROTECT, related_name="operational_plans", verbose_name=_("development plan")
    )
    rule_edition = models.CharField(
        _("edition of the Rules"), max_length=32, help_text=_("Key of the rulebook entry governing this plan.")
    )
    approval_due_on = models.DateField(
        _("approval due"), null=True, blank=True,
        help_text=_("Fixed when the plan is opened: the signing of its development plan + 10 calendar days."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    history = HistoricalRecords()

    FROZEN_LOOKUP = "versions__status"
    objects = FrozenManager()

    class Meta:
        verbose_name = _("operational plan")
        verbose_name_plural = _("operational plans")
        ordering = ["body", "-year"]
        constraints = [models.UniqueConstraint(fields=["body", "year"], name="opplan_one_per_year")]

    def __str__(self):
        return f"{self.body} — {self.year}"

    def save(self, *args, **kwargs):
        if self.approval_due_on is None and self.development_plan_id and self.rule_edition:
            self.approval_due_on = rules.approval_due(self.development_plan.signed_on, self.edition)
        guard_plan(self, kwargs.get("update_fields"))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.versions.filter(status=PlanVersion.Status.APPROVED).exists():
            raise ApprovedVersionError()
        return super().delete(*args, **kwargs)

    @property
    def edition(self) -> "rules.Edition":
        return rulebook.edition(self.rule_edition)

    @property
    def approval_due(self):
        """Rules §6: signing of the development plan + 10 calendar days, as fixed when the plan was opened
        (a later amendment onto a new edition of the development plan does not move it)."""
        return self.approval_due_on or rules.approval_due(self.development_plan.signed_on, self.edition)


class PlanVersion(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        ON_APPROVAL = "on_approval", _("sent for approval")
        APPROVED = "approved", _("approved")

    class Basis(models.TextChoices):
        INITIAL = "initial", _("first approval of the plan")
        MONITORING = "monitoring", _("decision on the quarterly monitoring")
        DEVELOPMENT_PLAN = "development_plan", _("amendment of the development plan")

    plan = models.ForeignKey(OperationalPlan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField(_("version"))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.DRAFT)
    basis = models.CharField(_("basis"), max_length=20, choices=Basis.choices, default=Basis.INITIAL)
    development_plan = models.ForeignKey(
        DevelopmentPlan, on_delete=models.PROTECT, null=True, blank=True, related_name="plan_versions",
        verbose_name=_("edition of the development plan"),
        help_text=_("The edition whose directions, goals, indicators and tasks this version's events are tied to."),
    )
    # A version based on monitoring (§18) is named by its decision (monitoring.Decision.amendment points here:
    # planning knows nothing of monitoring).
    basis_document_number = models.CharField(_("document number"), max_length=limits.DOCUMENT_NUMBER, blank=True)
    basis_document_date = models.DateField(_("document date"), null=True, blank=True)
    basis_kk = models.TextField(_("basis (Kazakh)"), max_length=limits.BASIS, blank=True)
    basis_ru = models.TextField(_("basis (Russian)"), max_length=limits.BASIS, blank=True)
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("approved by"),
    )
    # §6: the first head or the chief of staff approves; the capacity they signed in, as it was that day.
    approved_as_kk = models.CharField(_("approver's position (Kazakh)"), max_length=300, blank=True)
    approved_as_ru = models.CharField(_("approver's position (Russian)"), max_length=300, blank=True)
    approver_office = models.CharField(_("approver's office (§6)"), max_length=16, choices=Office.choices,
                                       blank=True)
    approver_acting = models.BooleanField(_("approved by the person acting for the office holder"), default=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    history = HistoricalRecords()

    FROZEN_LOOKUP = "status"
    objects = FrozenManager()

    class Meta:
        verbose_name = _("plan version")
        verbose_name_plural = _("plan versions")
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="planversion_unique_number"),
            models.CheckConstraint(
                condition=~Q(status="approved") | Q(approved_on__isnull=False, approved_by__isnull=False),
                name="planversion_approval_recorded",
            ),
            models.UniqueConstraint(
                fields=["plan"], condition=~Q(status="approved"), name="planversion_one_open_per_plan",
                violation_error_message=_("Only one draft or amendment of a plan can be open at a time."),
            ),
            models.CheckConstraint(
                condition=Q(basis="initial", number=1) | (~Q(basis="initial") & Q(number__gt=1)),
                name="planversion_basis_fits_number",
            ),
            *limits.length_checks("planversion", basis_kk=limits.BASIS, basis_ru=limits.BASIS),
        ]

    def __str__(self):
        return f"{self.plan} v{self.number} ({self.get_status_display()})"

    def save(self, *args, **kwargs):
        guard_version(self)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.is_approved:
            raise ApprovedVersionError()
        return super().delete(*args, **kwargs)

    @property
    def basis_words(self) -> str:
        """The basis in words in the reader's language, else the other (pages; documents pick with `exact`)."""
        return localized(self, "basis")

    @property
    def approver_office_label(self) -> str:
        """«chief of staff» or «acting for the chief of staff», in the reader's language."""
        return office_label(self.approver_office, self.approver_acting)

    @property
    def is_approved(self) -> bool:
        return self.status == self.Status.APPROVED

    @property
    def development_plan_id_in_force(self) -> int:
        return self.development_plan_id or self.plan.development_plan_id

    @property
    def is_amendment(self) -> bool:
        return self.number > 1

    @property
    def in_force_from(self):
        """An approved version governs the plan from its approval date until the next one's."""
        return self.approved_on

    @property
    def approved_late(self) -> bool:
        return bool(self.approved_on and self.number == 1 and self.approved_on > self.plan.approval_due)


class Event(models.Model):
    """The identity of a planned action, stable across the plan's versions."""

    plan = models.ForeignKey(OperationalPlan, on_delete=models.CASCADE, related_name="events")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    FROZEN_LOOKUP = "revisions__version__status"
    objects = FrozenManager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self):
        return f"#{self.pk}"

    def save(self, *args, **kwargs):
        guard_event(self)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.revisions.filter(version__status=PlanVersion.Status.APPROVED).exists():
            raise ApprovedVersionError()
        return super().delete(*args, **kwargs)


class FrozenOnceApproved(models.Model):
    """Refuses to save or delete a row that belongs, or would belong, to an approved version (see frozen.py)."""

    objects = FrozenManager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        guard_row(self)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        guard_row(self)
        return super().delete(*args, **kwargs)


class EventRevision(FrozenOnceApproved, EventContent):
    """An event as one version of the plan states it: the content of one Form 1 row."""

    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="revisions")
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="revisions")
    position = models.PositiveIntegerField(_("order under its anchor"), default=1)
    is_cancelled = models.BooleanField(_("cancelled"), default=False)
    cancel_reason_kk = models.TextField(_("reason for cancelling (Kazakh)"), max_length=limits.REASON, blank=True)
    cancel_reason_ru = models.TextField(_("reason for cancelling (Russian)"), max_length=limits.REASON, blank=True)
    review_note = models.CharField(
        _("to review"), max_length=limits.REVIEW_NOTE, blank=True,
        help_text=_("Why the amendment marks this event for review (e.g. its anchor changed in the development plan)."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("event (as in a version)")
        verbose_name_plural = _("events (as in versions)")
        ordering = ["version", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["version", "event"], name="revision_one_per_version"),
            *content_constraints("revision"),
            *limits.length_checks("revision", cancel_reason_kk=limits.REASON, cancel_reason_ru=limits.REASON),
        ]
        indexes = [models.Index(fields=["version", "is_cancelled"])]

    FROZEN_LOOKUP = "version__status"

    def __str__(self):
        return super().__str__()

    def save(self, *args, **kwargs):
        # Moved to another version (the guards refused a move into or out of an approved one)? Known without a
        # query for a row read from the database (from_db); asked of the executors for one built by hand.
        loaded = getattr(self, "_loaded_version_id", None)
        moved = self.pk is not None and loaded != self.version_id
        super().save(*args, **kwargs)
        if moved:
            executors = EventExecutor._base_manager.filter(revision_id=self.pk)
            (executors if loaded is not None else executors.exclude(version_id=self.version_id)).update(
                version_id=self.version_id)
        self._loaded_version_id = self.version_id

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._loaded_version_id = instance.__dict__.get("version_id")
        return instance


class EventExecutor(FrozenOnceApproved):
    """A responsible executor of an event; the lead one answers for the execution entry.

    `version` repeats its revision's version so that a version's executors are found through an index of
    their own instead of a join that PostgreSQL answers by reading every body's executors (issue 14: a
    sequential scan of all executors on each Form 1, report, home and work-list page). It is never set by
    hand: it follows the revision on save(), in bulk_create() and bulk_update(), and in the queryset's update()
    (frozen.py), and a revision moved to another version takes its executors' along (EventRevision.save)."""

    revision = models.ForeignKey(EventRevision, on_delete=models.CASCADE, related_name="executors")
    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="+", editable=False,
                                db_index=False)  # the index (version, revision) below serves it
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+", verbose_name=_("unit"))
    is_lead = models.BooleanField(_("lead executor"), default=False)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("responsible executor")
        verbose_name_plural = _("responsible executors")
        ordering = ["revision", "-is_lead", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["revision", "unit"], name="executor_unique_unit"),
            models.UniqueConstraint(fields=["revision"], condition=Q(is_lead=True), name="executor_one_lead"),
        ]
        indexes = [models.Index(fields=["unit", "revision"]), models.Index(fields=["version", "revision"])]

    FROZEN_LOOKUP = "version__status"

    def __str__(self):
        return str(self.unit)

    def save(self, *args, **kwargs):
        self.version_id = self.revision.version_id
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "revision" in update_fields:
            kwargs["update_fields"] = {*update_fields, "version"}
        super().save(*args, **kwargs)
