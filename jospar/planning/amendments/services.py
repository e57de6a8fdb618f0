"""Correcting an approved plan (rules §16–§18): an amendment is a new version, copied from the
version in force, edited (add, change, cancel — never erase), and approved like the first one.

Execution information follows events by their identity (`Event`), so an event keeps its history
across versions; a cancelled event stays in the plan, marked, with its reason.
"""
from datetime import date
from typing import Protocol

from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from jospar import text_limits as limits
from jospar.orgs.permissions import require
from jospar.planning.drafting.draft import check_draft
from jospar.planning.models import EventExecutor, EventRevision, OperationalPlan, PlanVersion
from jospar.planning.services import record
from jospar.planning.signals import plan_changed
from jospar.rules.languages import missing_languages

Basis = PlanVersion.Basis


class DecisionBasis(Protocol):
    """The decisions on the monitoring (§17) an amendment can be based on (§18), as the layer that records
    them offers them. Planning stands below monitoring and names none of its models: monitoring registers
    its implementation at start-up (`jospar.monitoring.amendments`, from `MonitoringConfig.ready`). A
    decision is opaque here; only these methods read or write it."""

    def choices(self, plan: OperationalPlan):
        """The plan's decisions an amendment can still be based on (a queryset), for the amendment page."""

    def label(self, decision) -> str:
        """How the amendment page's chooser names a decision."""

    def texts(self, decision) -> dict[str, str]:
        """The decision's words as {"kk": …, "ru": …} (the amendment's basis in words when none is typed)."""

    def review(self, decision) -> dict[int, str]:
        """Event id → why the amendment marks it for review: the events the decision names."""

    def link(self, decision, version: PlanVersion, user) -> None:
        """Record that the decision led to this amendment (inside `open_amendment`'s transaction); refuse
        (ValidationError) a decision on another plan, or one that has led to an amendment already."""


_decision_basis: DecisionBasis | None = None


def register_decision_basis(basis: DecisionBasis) -> None:
    global _decision_basis
    _decision_basis = basis


def decision_basis() -> DecisionBasis:
    if _decision_basis is None:
        raise ImproperlyConfigured("No app has registered the decisions an amendment is based on (jospar.monitoring).")
    return _decision_basis


def current_version(plan: OperationalPlan) -> PlanVersion | None:
    return plan.versions.filter(status=PlanVersion.Status.APPROVED).order_by("-number").first()


def open_version(plan: OperationalPlan) -> PlanVersion | None:
    return plan.versions.exclude(status=PlanVersion.Status.APPROVED).first()


@transaction.atomic
def open_amendment(*, user, plan: OperationalPlan, basis: str, decision=None, document_number: str = "",
                   document_date: date | None = None, basis_kk: str = "", basis_ru: str = "",
                   review: dict | None = None) -> PlanVersion:
    """The planner opens version n+1 as a copy of the version in force. `review` maps event ids to
    the reason they are marked for review (used when the development plan changes). `decision`: the
    decision on the monitoring the amendment is based on (see `DecisionBasis`), which then points at it.

    The basis in words is kept in Kazakh and in Russian: none, or both. A decision recorded in one language
    only can be the basis once the other is typed here (the basis defaults to the decision's words)."""
    require(user, "planning.amend_plan", plan)
    limits.require_length(document_number, limits.DOCUMENT_NUMBER, _("Number of the development plan's amendment"))
    texts = {"kk": basis_kk.strip(), "ru": basis_ru.strip()}
    if decision is not None and basis == Basis.MONITORING:
        texts = {lang: text or decision_basis().texts(decision)[lang] for lang, text in texts.items()}
    for lang, label in (("kk", _("Basis in words (Kazakh)")), ("ru", _("Basis in words (Russian)"))):
        limits.require_length(texts[lang], limits.BASIS, label)
    if missing_languages(texts):
        raise ValidationError(_("Give the basis in words in Kazakh and in Russian: the amendment's basis is "
                                "part of the plan in both state languages."))
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
        plan=plan, number=base.number + 1, basis=basis,
        development_plan_id=base.development_plan_id_in_force,
        basis_document_number=document_number, basis_document_date=document_date,
        basis_kk=texts["kk"], basis_ru=texts["ru"],
    )
    if basis == Basis.MONITORING:
        decision_basis().link(decision, version, user)
    copy_revisions(base, version, review or {})
    record(plan, user, "amendment_opened", version=version, new=PlanVersion.Status.DRAFT,
           comment=texts["ru"] or texts["kk"])
    plan_changed.send(sender=PlanVersion, plan=plan)
    return version


def copy_revisions(source: PlanVersion, target: PlanVersion, review: dict, remap: dict | None = None) -> None:
    """Every event of `source` into `target` (same identities), executors included: three queries.
    `remap` moves anchors onto another edition of the development plan ("t:5" → "t:91")."""
    originals = list(source.revisions.order_by("id"))
    executors: dict[int, list[EventExecutor]] = {}
    for ex in EventExecutor.objects.filter(version=source).order_by("id"):
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
def cancel_event(*, user, revision: EventRevision, reason_kk: str = "", reason_ru: str = "") -> EventRevision:
    """Cancelled, not erased: the event stays in the plan, marked, with the reason in Kazakh and in Russian.
    One language may come first (the amendment cannot be sent for approval until both are there,
    `version_problems`); cancelling a cancelled event again corrects its reason."""
    current = EventRevision.objects.select_for_update().select_related("version__plan").get(pk=revision.pk)
    check_draft(user, current.version)
    reasons = {"kk": reason_kk.strip(), "ru": reason_ru.strip()}
    if not any(reasons.values()):
        raise ValidationError(_("Say why the event is cancelled."))
    for lang, label in (("kk", _("Reason for cancelling (Kazakh)")), ("ru", _("Reason for cancelling (Russian)"))):
        limits.require_length(reasons[lang], limits.REASON, label)
    current.is_cancelled, current.cancel_reason_kk, current.cancel_reason_ru = True, reasons["kk"], reasons["ru"]
    current.lock_version += 1
    current.save()
    return current


@transaction.atomic
def restore_event(*, user, revision: EventRevision) -> EventRevision:
    current = EventRevision.objects.select_for_update().select_related("version__plan").get(pk=revision.pk)
    check_draft(user, current.version)
    current.is_cancelled, current.cancel_reason_kk, current.cancel_reason_ru = False, "", ""
    current.lock_version += 1
    current.save()
    return current
