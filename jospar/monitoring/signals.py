"""What monitoring tells the layers above it, without knowing them (monitoring imports no documents).

Both are sent by `services_report` inside the action's transaction, after the report is saved: a receiver's
writes commit or roll back with it. The documents app stores the submitted Form 2 on `report_submitted` and
stops serving it on `report_taken_back` (`jospar.documents.receivers`).
"""
from django.dispatch import Signal

report_submitted = Signal()  # kwargs: report (Report, submitted; report.period set), evidence (base64 CMS by field)
report_taken_back = Signal()  # kwargs: report (Report, back to draft: returned by the executive or recalled)
# Sent by `services.submit_unit_info` inside its transaction, after the submission is saved: the signatures app
# verifies the unit head's signature over `canonical.unit_info_bytes` and may refuse the submission.
unit_info_submitted = Signal()  # kwargs: submission (UnitSubmission), period, unit, evidence (base64 CMS by field)
