"""Monitoring's answers to what planning announces (planning knows nothing of monitoring).

Approving a version opens the plan's reporting periods, in the approval's transaction: the periods
exist from the day the plan does (the four quarters of its year are known then, §13), so the pages
that show them only read. Approval, and every other change of the plan's state, also keeps the national
view's figures of the plan (`summaries`). Connected in `MonitoringConfig.ready`.
"""
from django.dispatch import receiver

from jospar.planning.signals import plan_changed, version_approved

from . import summaries
from .services import open_periods


@receiver(version_approved, dispatch_uid="monitoring.open_periods_on_approval")
def open_periods_on_approval(sender, *, version, plan, **kwargs) -> None:
    open_periods(plan)


@receiver(version_approved, dispatch_uid="monitoring.keep_figures_on_approval")
def keep_figures_on_approval(sender, *, version, plan, **kwargs) -> None:
    summaries.keep_plan(plan)  # the version in force of every quarter may have changed


@receiver(plan_changed, dispatch_uid="monitoring.keep_plan_state")
def keep_plan_state(sender, *, plan, **kwargs) -> None:
    summaries.keep_state(plan)
