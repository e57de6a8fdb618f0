"""The services keep the national view's figures (jospar/monitoring/summaries.py) from now on: compute them once
for the plans there already are, with the code of the day, so the national page is right right after the upgrade.
Idempotent (`summaries.rebuild`, the same as `manage.py rebuild_summaries`); reversing removes nothing the
schema migration before it does not.

It calls the current code, which reads the current models and the rulebook: so it runs after the migrations those
models stand on today (named, not ``__latest__``: a later migration of those apps would otherwise become a
dependency of this one once it is applied, and Django refuses such a history). On a database with no plan (a
fresh one) it asks the historical model first and does not call the code at all."""
from django.db import migrations


def code_reads_this_schema(schema_editor) -> bool:
    """Whether the columns later migrations add, which today's code reads, are there already (an upgrade from
    before them runs this migration first: monitoring 0017 then computes the figures instead)."""
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        columns = {c.name for c in connection.introspection.get_table_description(cursor, "planning_macroindicator")}
        editions = {c.name for c in connection.introspection.get_table_description(cursor, "rulebook_edition")}
    return "responsible_unit_id" in columns and "indicator_achieved" in editions


def rebuild_kept_summaries(apps, schema_editor):
    if not apps.get_model("planning", "OperationalPlan").objects.exists():
        return
    if not code_reads_this_schema(schema_editor):
        return
    from jospar.monitoring.summaries import rebuild

    rebuild()


class Migration(migrations.Migration):
    dependencies = [
        ("monitoring", "0015_kept_summaries"),
        ("orgs", "0005_body_kind_region_parent"),
        ("planning", "0012_executor_version"),  # the walk reads the executors by their version
        ("rulebook", "0002_seed_editions"),
    ]

    operations = [migrations.RunPython(rebuild_kept_summaries, migrations.RunPython.noop, elidable=True)]
