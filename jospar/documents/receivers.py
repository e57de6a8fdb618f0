"""The documents app's answers to what planning and monitoring announce (they know nothing of documents).

In the announcing action's transaction, so that approval and storing, or submission and storing, happen
together or not at all: approving a version stores its Form 1, submitting a report stores its Form 2, taking a
report back withdraws it (`stored`). Connected in `DocumentsConfig.ready`.
"""
from django.dispatch import receiver

from jospar.monitoring.signals import report_submitted, report_taken_back
from jospar.planning.signals import version_approved

from . import stored


@receiver(version_approved, dispatch_uid="documents.store_form1_on_approval")
def store_form1_on_approval(sender, *, version, plan, **kwargs) -> None:
    stored.store_form1(version)


@receiver(report_submitted, dispatch_uid="documents.store_form2_on_submission")
def store_form2_on_submission(sender, *, report, **kwargs) -> None:
    stored.store_form2(report)


@receiver(report_taken_back, dispatch_uid="documents.withdraw_form2")
def withdraw_form2(sender, *, report, **kwargs) -> None:
    stored.withdraw_form2(report)
