"""Approval and submission now store their documents (jospar/documents/stored.py). Store them for the versions
approved and the reports submitted before this change, rendered by the code of the day (the closest to what was
approved that can still be made). Idempotent; reversing removes nothing (the files are what approval would have
stored).

It calls the current renderer, which reads the current models and the rulebook: so it runs after the migrations
those models stand on today (named, not ``__latest__``: a later migration of those apps would otherwise become a
dependency of this one once it is applied, and Django refuses such a history). On a database with nothing approved
or submitted (a fresh one, or one migrated past later schema changes) it asks the historical models first and does
not call the renderer at all."""
from django.db import migrations


def code_reads_this_schema(schema_editor) -> bool:
    """Whether the columns later migrations add, which today's renderer reads, are there already."""
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        columns = {c.name for c in connection.introspection.get_table_description(cursor, "planning_macroindicator")}
        editions = {c.name for c in connection.introspection.get_table_description(cursor, "rulebook_edition")}
    return "responsible_unit_id" in columns and "indicator_achieved" in editions


def store_missing_documents(apps, schema_editor):
    approved = apps.get_model("planning", "PlanVersion").objects.filter(status="approved").exists()
    submitted = apps.get_model("monitoring", "Report").objects.filter(status="submitted").exists()
    if not (approved or submitted):
        return
    if not code_reads_this_schema(schema_editor):  # documents 0003 stores them once the columns are there
        return
    from jospar.documents.stored import store_missing

    store_missing()


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0001_stored_documents"),
        ("orgs", "0004_executive_office_and_acting"),
        ("planning", "0011_texts_in_both_languages"),
        ("monitoring", "0014_report_texts_in_both_languages"),
        ("rulebook", "0002_seed_editions"),
    ]

    operations = [migrations.RunPython(store_missing_documents, migrations.RunPython.noop, elidable=True)]
