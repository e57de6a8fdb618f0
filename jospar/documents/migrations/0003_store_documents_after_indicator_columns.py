"""Documents 0002 again, for an upgrade that ran it before the columns today's renderer reads (the indicators'
responsible unit and kind, the rulebook's thresholds): it skipped then, and stores the documents now. Idempotent."""
from django.db import migrations


def store_missing_documents(apps, schema_editor):
    approved = apps.get_model("planning", "PlanVersion").objects.filter(status="approved").exists()
    submitted = apps.get_model("monitoring", "Report").objects.filter(status="submitted").exists()
    if not (approved or submitted):
        return
    from jospar.documents.stored import store_missing

    store_missing()


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0002_store_documents_of_approved_and_submitted"),
        ("planning", "0013_indicator_responsible_unit_and_kind"),
        ("rulebook", "0003_indicator_thresholds"),
        ("monitoring", "0017_indicator_actuals"),
    ]

    operations = [migrations.RunPython(store_missing_documents, migrations.RunPython.noop, elidable=True)]
