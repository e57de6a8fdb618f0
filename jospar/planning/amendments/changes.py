"""When the development plan gets a new edition (rules §18): which events of an operational plan
are affected, and the amendment that moves the plan onto the new edition with them marked.

Anchors of two editions are matched by their code (M1, T1.1.1, R3) when they have one, else by
their official number in the tree; an anchor is affected when it was removed, renamed (or its
goal was), or its planned value for the plan's year or its unit of measure changed.
"""
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext as _

from jospar import rules
from jospar.i18n import current_lang
from jospar.orgs.permissions import require
from jospar.planning.amendments.services import copy_revisions, current_version, open_version
from jospar.planning.models import (
    DevelopmentPlan,
    Goal,
    IndicatorValue,
    Macroindicator,
    OperationalPlan,
    PlanVersion,
    RegulationTask,
    TargetIndicator,
)
from jospar.planning.services import record
from jospar.planning.signals import plan_changed


@dataclass
class Anchor:
    key: str  # "m:<id>" | "t:<id>" | "r:<id>"
    match: str  # what identifies it across editions
    name: tuple  # (kk, ru)
    parent_name: tuple = ("", "")
    unit: tuple = ("", "")
    value: Decimal | None = None


def anchors_of(devplan_id: int, year: int) -> dict[str, Anchor]:
    """Every anchor of an edition keyed by its match key (five queries)."""
    values = {}
    for macro_id, ind_id, value in IndicatorValue.objects.filter(
        Q(macroindicator__direction__plan_id=devplan_id) | Q(target_indicator__goal__direction__plan_id=devplan_id),
        year=year,
    ).values_list("macroindicator_id", "target_indicator_id", "value"):
        values[("m", macro_id) if macro_id else ("t", ind_id)] = value
    found = {}
    for m in Macroindicator.objects.filter(direction__plan_id=devplan_id).select_related("direction"):
        match = m.code or f"M{m.direction.position}.{m.position}"
        found[match] = Anchor(f"m:{m.id}", match, (m.name_kk, m.name_ru), unit=(m.unit_kk, m.unit_ru),
                              value=values.get(("m", m.id)))
    goals = {g.id: g for g in Goal.objects.filter(direction__plan_id=devplan_id).select_related("direction")}
    for t in TargetIndicator.objects.filter(goal__direction__plan_id=devplan_id):
        goal = goals[t.goal_id]
        match = t.code or f"T{goal.direction.position}.{goal.position}.{t.position}"
        found[match] = Anchor(f"t:{t.id}", match, (t.name_kk, t.name_ru), (goal.name_kk, goal.name_ru),
                              (t.unit_kk, t.unit_ru), values.get(("t", t.id)))
    for r in RegulationTask.objects.filter(plan_id=devplan_id):
        match = r.code or f"R{r.position}"
        found[match] = Anchor(f"r:{r.id}", match, (r.name_kk, r.name_ru))
    return found


def what_changed(old: Anchor, new: Anchor | None) -> str:
    if new is None:
        return _("removed from the new edition of the development plan: choose another anchor or cancel")
    reasons = []
    if old.name != new.name:
        reasons.append(_("renamed in the new edition"))
    if old.parent_name != new.parent_name:
        reasons.append(_("its goal was renamed"))
    if old.unit != new.unit:
        reasons.append(_("unit of measure changed"))
    if old.value != new.value:
        lang = current_lang()
        old_value, new_value = (rules.with_unit(a.value, rules.pick(a.unit, lang), lang) or "—" for a in (old, new))
        reasons.append(_("planned value changed: %(old)s → %(new)s") % {"old": old_value, "new": new_value})
    return "; ".join(reasons)


def affected_events(plan: OperationalPlan, new_edition: DevelopmentPlan) -> tuple[dict, dict]:
    """({event_id: reason}, {old anchor key: new anchor key}) for the version in force."""
    base = current_version(plan)
    if base is None:
        raise ValidationError(_("Only an approved plan can be amended."))
    old_edition = base.development_plan_id_in_force
    before, after = anchors_of(old_edition, plan.year), anchors_of(new_edition.pk, plan.year)
    remap, reasons_by_key = {}, {}
    for match, anchor in before.items():
        counterpart = after.get(match)
        if counterpart:
            remap[anchor.key] = counterpart.key
        reason = what_changed(anchor, counterpart)
        if reason:
            reasons_by_key[anchor.key] = reason
    affected = {}
    for rev in base.revisions.filter(is_cancelled=False).values(
        "event_id", "macroindicator_id", "target_indicator_id", "regulation_task_id"
    ):
        key = (f"m:{rev['macroindicator_id']}" if rev["macroindicator_id"] else
               f"t:{rev['target_indicator_id']}" if rev["target_indicator_id"] else f"r:{rev['regulation_task_id']}")
        if key in reasons_by_key:
            affected[rev["event_id"]] = reasons_by_key[key]
    return affected, remap


def newer_editions(plan: OperationalPlan):
    """Editions of the development plan covering the plan's year signed after the one in force."""
    current = plan.development_plan
    return DevelopmentPlan.objects.filter(
        body_id=plan.body_id, year_from__lte=plan.year, year_to__gte=plan.year, signed_on__gt=current.signed_on
    ).exclude(pk=current.pk).order_by("-signed_on")


def _basis(edition: DevelopmentPlan, lang: str) -> str:
    """The amendment's basis in words, in ``lang``: «New edition of the development plan signed on …»."""
    with translation.override(lang):
        return _("New edition of the development plan signed on %(date)s") % {
            "date": edition.signed_on.strftime("%d.%m.%Y")}


@transaction.atomic
def amend_for_new_edition(*, user, plan: OperationalPlan, new_edition: DevelopmentPlan) -> PlanVersion:
    """Open the amendment that moves the plan onto the new edition, affected events marked for review."""
    require(user, "planning.amend_plan", plan)
    plan = OperationalPlan.objects.select_for_update().get(pk=plan.pk)
    if open_version(plan):
        raise ValidationError(_("Only one draft or amendment of a plan can be open at a time."))
    if not new_edition.covers(plan.year) or new_edition.body_id != plan.body_id:
        raise ValidationError(_("This edition of the development plan does not cover the plan's year."))
    affected, remap = affected_events(plan, new_edition)
    base = current_version(plan)
    assert base is not None  # a plan that takes amendments has an approved version
    version = PlanVersion.objects.create(
        plan=plan, number=base.number + 1, basis=PlanVersion.Basis.DEVELOPMENT_PLAN,
        development_plan=new_edition, basis_document_number=new_edition.document_number or f"#{new_edition.edition}",
        basis_document_date=new_edition.signed_on,
        **{f"basis_{lang}": _basis(new_edition, lang) for lang in ("kk", "ru")},
    )
    copy_revisions(base, version, affected, remap)
    record(plan, user, "amendment_opened", version=version, new=PlanVersion.Status.DRAFT,
           comment=_("%(n)s events to review") % {"n": len(affected)})
    plan_changed.send(sender=PlanVersion, plan=plan)
    return version
