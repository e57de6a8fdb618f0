"""An executor repeats its revision's version (EventExecutor.version), so that a version's executors are found
through an index, (version, revision), instead of a join that reads every body's executors (issue 14).

The column is added empty, filled from each executor's revision in one UPDATE (the audit trail's rows too,
where their revision still exists), then made required. The frozen-version guards (planning/models/frozen.py)
live on the models' managers and save(); a migration's historical models have plain managers, so the fill
touches approved versions' executors without tripping them, and changes nothing they guard: an executor
keeps its revision, unit, lead and order, and its version is the one its revision already names.
"""
import django.db.models.deletion
from django.db import migrations, models


def fill(apps, schema_editor):
    Revision = apps.get_model("planning", "EventRevision")
    version_of = models.Subquery(Revision.objects.filter(pk=models.OuterRef("revision_id")).values("version_id")[:1])
    apps.get_model("planning", "EventExecutor").objects.update(version_id=version_of)
    apps.get_model("planning", "HistoricalEventExecutor").objects.update(version_id=version_of)
    if schema_editor.connection.vendor == "postgresql":  # check the new keys now: the ALTER below refuses a
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # table with deferred checks pending


class Migration(migrations.Migration):

    dependencies = [
        ("planning", "0011_texts_in_both_languages"),
    ]
    # documents 0002 renders the approved versions' Form 1 with the live code, which reads this column
    run_before = [
        ("documents", "0002_store_documents_of_approved_and_submitted"),
    ]

    operations = [
        migrations.AddField(
            model_name="eventexecutor",
            name="version",
            field=models.ForeignKey(db_index=False, editable=False, null=True,
                                    on_delete=django.db.models.deletion.CASCADE, related_name="+",
                                    to="planning.planversion"),
        ),
        migrations.AddField(
            model_name="historicaleventexecutor",
            name="version",
            field=models.ForeignKey(blank=True, db_constraint=False, editable=False, null=True,
                                    on_delete=django.db.models.deletion.DO_NOTHING, related_name="+",
                                    to="planning.planversion"),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="eventexecutor",
            name="version",
            field=models.ForeignKey(db_index=False, editable=False, on_delete=django.db.models.deletion.CASCADE,
                                    related_name="+", to="planning.planversion"),
        ),
        migrations.AddIndex(
            model_name="eventexecutor",
            index=models.Index(fields=["version", "revision"], name="planning_ev_version_c3d913_idx"),
        ),
    ]
