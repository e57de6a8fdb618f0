"""Drafting the plan: the proposal round, units' proposals, and the record of every state change.

Rules §5: the plan is drafted from the proposals of the structural units and subordinate
organisations. A proposal keeps a link to the event it became, so each event shows who proposed it.
"""
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from jospar import text_limits as limits
from jospar.orgs.models import OrgUnit

from .content import EventContent, content_constraints
from .operational import Event, OperationalPlan, PlanVersion


class ProposalRound(models.Model):
    plan = models.OneToOneField(OperationalPlan, on_delete=models.CASCADE, related_name="proposal_round")
    deadline = models.DateField(_("proposals due"))
    opened_at = models.DateTimeField(_("opened at"), auto_now_add=True)
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("proposal round")
        verbose_name_plural = _("proposal rounds")

    def __str__(self):
        return f"{self.plan} → {self.deadline:%d.%m.%Y}"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class Proposal(EventContent):
    class Status(models.TextChoices):
        DRAFT = "draft", _("being prepared")
        SUBMITTED = "submitted", _("submitted by the unit head")
        RETURNED = "returned", _("returned to the unit")
        ACCEPTED = "accepted", _("accepted into the plan")
        MERGED = "merged", _("merged with another proposal")
        NOT_INCLUDED = "not_included", _("not included in the draft")

    EDITABLE = (Status.DRAFT, Status.RETURNED)
    # Still with the unit or awaiting the planner: what sending the draft for approval must settle (§5–§6).
    PENDING = (Status.DRAFT, Status.SUBMITTED, Status.RETURNED)

    plan = models.ForeignKey(OperationalPlan, on_delete=models.CASCADE, related_name="proposals")
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="proposals", verbose_name=_("unit"))
    co_executors = models.ManyToManyField(
        OrgUnit, blank=True, related_name="+", verbose_name=_("co-executors")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("author")
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.DRAFT)
    comment = models.TextField(_("planner's comment"), max_length=limits.COMMENT, blank=True)
    event = models.ForeignKey(
        Event, on_delete=models.SET_NULL, null=True, blank=True, related_name="proposals",
        verbose_name=_("event in the plan"),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    history = HistoricalRecords(m2m_fields=[co_executors])

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["plan", "unit", "created_at", "id"]
        constraints = [*content_constraints("proposal"),
                       *limits.length_checks("proposal", comment=limits.COMMENT)]
        indexes = [models.Index(fields=["plan", "status"]), models.Index(fields=["plan", "unit"])]

    def __str__(self):
        return super().__str__()

    @property
    def is_editable(self) -> bool:
        return self.status in self.EDITABLE


ACTIONS = {
    "round_opened": _("opened the proposal round"),
    "proposal_created": _("prepared a proposal"),
    "proposal_submitted": _("submitted a proposal"),
    "proposal_deleted": _("deleted a proposal"),
    "proposal_accepted": _("accepted a proposal into the draft"),
    "proposal_merged": _("merged a duplicate proposal"),
    "proposal_returned": _("returned a proposal to the unit"),
    "proposal_not_included": _("left a proposal out of the draft sent for approval"),
    "proposal_unmerged": _("undid the merge of a proposal"),
    "sent_for_approval": _("sent the plan for approval"),
    "approved": _("approved the plan"),
    "returned": _("returned the plan for rework"),
    "amendment_opened": _("opened an amendment"),
}


ROUND_STATES = {"open": _("open"), "closed": _("closed")}


class StateChange(models.Model):
    """Who moved what from which state to which, when, and why (rules: every transition is recorded)."""

    plan = models.ForeignKey(OperationalPlan, on_delete=models.CASCADE, related_name="state_changes")
    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, null=True, blank=True, related_name="changes")
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    action = models.CharField(_("action"), max_length=32)
    from_status = models.CharField(_("from"), max_length=16, blank=True)
    to_status = models.CharField(_("to"), max_length=16, blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(_("when"), default=timezone.now, editable=False)
    comment = models.TextField(_("comment"), max_length=limits.COMMENT, blank=True)

    class Meta:
        verbose_name = _("state change")
        verbose_name_plural = _("state changes")
        ordering = ["at", "id"]
        constraints = limits.length_checks("statechange", comment=limits.COMMENT)
        indexes = [models.Index(fields=["plan", "at"])]

    def __str__(self):
        return f"{self.action}: {self.from_status} → {self.to_status}"

    @property
    def action_label(self) -> str:
        return str(ACTIONS.get(self.action, self.action))

    def _state_label(self, value: str) -> str:
        """A version's or a proposal's state in the reader's language (never the stored code)."""
        if not value:
            return ""
        if self.proposal_id:
            labels = dict(Proposal.Status.choices)
        elif value in ROUND_STATES:
            labels = ROUND_STATES
        else:
            labels = dict(PlanVersion.Status.choices)
        return str(labels.get(value, value))

    @property
    def from_label(self) -> str:
        return self._state_label(self.from_status)

    @property
    def to_label(self) -> str:
        return self._state_label(self.to_status)
