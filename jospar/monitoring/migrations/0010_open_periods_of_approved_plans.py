"""Approval now opens a plan's reporting periods (jospar.monitoring.receivers); until then the pages opened
them on first view. Open the missing quarters of every plan approved before this change, so that pages
only read. Reversing removes nothing: the periods are the same rows approval would have made."""
from django.db import migrations

QUARTERS = (1, 2, 3, 4)


def open_missing_periods(apps, schema_editor):
    PlanVersion = apps.get_model("planning", "PlanVersion")
    ReportingPeriod = apps.get_model("monitoring", "ReportingPeriod")
    db = schema_editor.connection.alias
    plan_ids = set(PlanVersion.objects.using(db).filter(status="approved").values_list("plan_id", flat=True))
    have = set(ReportingPeriod.objects.using(db).values_list("plan_id", "quarter"))
    ReportingPeriod.objects.using(db).bulk_create(
        [ReportingPeriod(plan_id=plan_id, quarter=q) for plan_id in sorted(plan_ids) for q in QUARTERS
         if (plan_id, q) not in have],
        batch_size=500,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("monitoring", "0009_report_figures"),
        ("planning", "0009_text_length_limits"),
    ]

    operations = [migrations.RunPython(open_missing_periods, migrations.RunPython.noop, elidable=True)]
