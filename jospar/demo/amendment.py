"""Version 2 of the demo plan: an amendment based on the executive's decision on the Q2 report,
which cancels one event, moves another's deadline and adds a third, approved two weeks later."""
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from jospar import rules
from jospar.monitoring.services_report import complete_decision
from jospar.notifications.models import Notification
from jospar.planning.amendments import services as amendments
from jospar.planning.approval import services as approval
from jospar.planning.content import EventData
from jospar.planning.drafting import draft
from jospar.planning.models import OperationalPlan, PlanVersion, StateChange

ALMATY = ZoneInfo("Asia/Almaty")


def load_amendment(loader, plan: OperationalPlan, planner, executive) -> PlanVersion | None:
    """Idempotent: nothing to do once the plan has a second version, or without such a decision."""
    from jospar.monitoring.selectors import decisions_requesting_amendment

    if plan.versions.filter(number__gt=1).exists():
        return None
    decision = decisions_requesting_amendment(plan).first()
    if decision is None:
        return None
    marked = {e.pk: decision.text[:300] for e in decision.events.all()}
    version = amendments.open_amendment(user=planner, plan=plan, basis=PlanVersion.Basis.MONITORING,
                                        decision=decision, review=marked)
    revisions = list(version.revisions.select_related("completion_form").order_by("position", "id"))
    marked_revisions = [r for r in revisions if r.event_id in marked] or revisions
    cancelled = marked_revisions[0]
    amendments.cancel_event(user=planner, revision=cancelled,
                            reason_kk="Функцияның жергілікті атқарушы органдарға берілуіне байланысты іс-шара "
                                      "өзектілігін жоғалтты (II тоқсандағы мониторинг қорытындысы бойынша шешім).",
                            reason_ru="Мероприятие утратило актуальность в связи с передачей функции в МИО "
                                      "(решение по итогам мониторинга за II квартал).")
    changed = marked_revisions[1] if len(marked_revisions) > 1 else revisions[1]
    lead = changed.executors.get(is_lead=True).unit
    data = EventData.of(changed, lead_unit=lead,
                        co_executors=[e.unit for e in changed.executors.filter(is_lead=False)])
    data.deadline = rules.Deadline(rules.DeadlineKind.QUARTER, quarter=4)
    draft.update_event(user=planner, revision=changed, data=data, lock_version=changed.lock_version)
    draft.add_event(user=planner, version=version, data=EventData(
        anchor_key=changed.anchor_key,
        name_kk="Орындалмаған іс-шараларды орындау жөніндегі шаралар кешенін әзірлеу және бекіту",
        name_ru="Разработка и утверждение комплекса мер по исполнению неисполненных мероприятий",
        name_en="Drafting and approving a set of measures to carry out the events not yet executed",
        deadline=rules.Deadline(rules.DeadlineKind.QUARTER, quarter=3), no_funding=True,
        completion_kk="Министрдің бұйрығы", completion_ru="Приказ министра", lead_unit=lead,
    ))
    approval.send_for_approval(user=planner, version=version, comment=decision.text[:200])
    decided = decision.created_at.astimezone(ALMATY).date()
    approved_on = decided + timedelta(days=14)
    approval.approve_version(version=version, user=executive, on=approved_on)
    moments = {"amendment_opened": decided + timedelta(days=3), "sent_for_approval": decided + timedelta(days=10),
               "approved": approved_on}
    for action, day in moments.items():
        StateChange.objects.filter(plan=plan, version=version, action=action).update(
            at=datetime.combine(day, time(11), tzinfo=ALMATY))
    Notification.objects.filter(recipient__memberships__body=plan.body_id, params__year=str(plan.year),
                                params__version="2").update(
        created_at=datetime.combine(approved_on, time(11), tzinfo=ALMATY))
    complete_decision(user=planner, decision=decision, at=datetime.combine(approved_on, time(12), tzinfo=ALMATY),
                      note=f"Изменения внесены: версия 2 операционного плана утверждена {approved_on:%d.%m.%Y}.")
    loader.log(f"operational plan {plan.year}: version 2 from the decision of {decided:%d.%m.%Y}, "
               f"approved {approved_on:%d.%m.%Y}")
    return version
