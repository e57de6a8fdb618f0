"""The decision points at the amendment it led to (§17 → §18), instead of the version pointing at its decision.

Planning stands below monitoring: its models and migrations name nothing of monitoring's. This migration copies
every `PlanVersion.basis_decision` into `Decision.amendment` (added by 0007), both ways, and runs before
planning's 0010, which drops `basis_decision`. The order is declared here (`run_before`), by the app that knows
both. (The data moves in a migration of its own: PostgreSQL refuses to alter a table with pending constraint
checks in the same transaction.)

A decision leads to one amendment: had one decision been the basis of several versions, it keeps the first of
them (the amendment it caused). The decisions' history gets the link from the moment the amendment was opened.
"""
from django.db import migrations


def versions_to_decisions(apps, schema_editor):
    PlanVersion = apps.get_model("planning", "PlanVersion")
    Decision = apps.get_model("monitoring", "Decision")
    HistoricalDecision = apps.get_model("monitoring", "HistoricalDecision")
    HistoricalPlanVersion = apps.get_model("planning", "HistoricalPlanVersion")
    first: dict[int, int] = {}
    for version_id, decision_id in (PlanVersion.objects.filter(basis_decision_id__isnull=False)
                                    .order_by("-plan_id", "-number", "-id").values_list("id", "basis_decision_id")):
        first[decision_id] = version_id  # the last written wins: the earliest version
    for decision_id, version_id in first.items():
        Decision.objects.filter(pk=decision_id).update(amendment_id=version_id)
        opened = (HistoricalPlanVersion.objects.filter(id=version_id).order_by("history_date")
                  .values_list("history_date", flat=True).first())
        history = HistoricalDecision.objects.filter(id=decision_id)
        if opened is not None:
            history = history.filter(history_date__gte=opened)
        history.update(amendment_id=version_id)


def decisions_to_versions(apps, schema_editor):
    PlanVersion = apps.get_model("planning", "PlanVersion")
    Decision = apps.get_model("monitoring", "Decision")
    HistoricalPlanVersion = apps.get_model("planning", "HistoricalPlanVersion")
    for decision_id, version_id in (Decision.objects.filter(amendment_id__isnull=False)
                                    .values_list("id", "amendment_id")):
        PlanVersion.objects.filter(pk=version_id).update(basis_decision_id=decision_id)
        HistoricalPlanVersion.objects.filter(id=version_id).update(basis_decision_id=decision_id)



class Migration(migrations.Migration):

    dependencies = [
        ('monitoring', '0007_decision_amendment'),
    ]
    run_before = [
        ('planning', '0010_planversion_basis_decision_moved'),
    ]

    operations = [
        migrations.RunPython(versions_to_decisions, decisions_to_versions),
    ]
