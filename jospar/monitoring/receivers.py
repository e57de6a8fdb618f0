"""Monitoring's answers to what planning announces (planning knows nothing of monitoring).

Approving a version opens the plan's reporting periods, in the approval's transaction: the periods
exist from the day the plan does (the four quarters of its year are known then, §13), so the pages
that show them only read. Connected in `MonitoringConfig.ready`.
"""
from django.dispatch import receiver

from jospar.planning.signals import version_approved

from .services import open_periods


@receiver(version_approved, dispatch_uid="monitoring.open_periods_on_approval")
def open_periods_on_approval(sender, *, version, plan, **kwargs) -> None:
    open_periods(plan)
