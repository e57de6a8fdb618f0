"""What planning tells the layers above it, without knowing them (planning imports no monitoring).

`version_approved` is sent by `services.approve_version` inside its transaction, after the version is
saved as approved (version 1 and every amendment alike): a receiver's writes commit or roll back with
the approval. Monitoring opens the plan's reporting periods on it (`jospar.monitoring.receivers`); the
documents app stores the version's Form 1 as approved (`jospar.documents.receivers`).
"""
from django.dispatch import Signal

# kwargs: version (PlanVersion, approved), plan (OperationalPlan), evidence (Mapping[str, str] | None: the
# approver's base64 CMS by field, cms_kk / cms_ru; the signatures app verifies them and may refuse the approval).
version_approved = Signal()
# The plan's state changed otherwise: opened (version 1 drafted), an amendment opened, a version sent for
# approval or returned. Sent inside the action's transaction, after the change is saved; monitoring keeps
# the national view's figures of the plan on it (`jospar.monitoring.receivers`).
plan_changed = Signal()  # kwargs: plan (OperationalPlan)
