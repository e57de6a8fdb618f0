"""Decisions on the monitoring as the basis of an amendment (§17 → §18).

Planning's amendment page and `open_amendment` know no decision model (planning stands below monitoring):
they ask the `DecisionBasis` registered here at start-up (`MonitoringConfig.ready`). The link itself is
`Decision.amendment`: the decision points at the version it led to.
"""
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from jospar.planning.amendments import services as amendments
from jospar.planning.models import OperationalPlan, PlanVersion

from .models import Decision


class Decisions:
    """The `planning.amendments.services.DecisionBasis` of this deployment."""

    def choices(self, plan: OperationalPlan):
        """The plan's decisions that have not led to an amendment yet, those asking for one first, newest first."""
        return (Decision.objects.filter(report__period__plan=plan, amendment__isnull=True)
                .select_related("report__period__plan").order_by("-requests_amendment", "-created_at"))

    def label(self, decision: Decision) -> str:
        return f"{decision.report.period} — {decision.text[:120]}"

    def texts(self, decision: Decision) -> dict[str, str]:
        return {"kk": decision.text_kk, "ru": decision.text_ru}

    def review(self, decision: Decision) -> dict[int, str]:
        return {event.pk: decision.text[:300] for event in decision.events.all()}

    def link(self, decision: Decision, version: PlanVersion, user) -> None:
        current = (Decision.objects.select_for_update(of=("self",))
                   .filter(pk=decision.pk, report__period__plan_id=version.plan_id).first())
        if current is None:
            raise ValidationError(_("Choose a decision on this plan's monitoring."))
        if current.amendment_id is not None:
            raise ValidationError(_("This decision has already led to an amendment (version %(number)s).")
                                  % {"number": current.amendment.number})
        current.amendment = version
        current._history_user = user
        current.save(update_fields=["amendment"])
        decision.amendment = version


def register() -> None:
    amendments.register_decision_basis(Decisions())
