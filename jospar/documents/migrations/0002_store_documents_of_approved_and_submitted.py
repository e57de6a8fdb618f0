"""Approval and submission now store their documents (jospar/documents/stored.py). Store them for the versions
approved and the reports submitted before this change, rendered by the code of the day (the closest to what was
approved that can still be made). Idempotent; reversing removes nothing (the files are what approval would have
stored).

It calls the current renderer, which reads the current models: so it runs after every migration of the apps it
reads (``__latest__``), whatever they add later."""
from django.db import migrations


def store_missing_documents(apps, schema_editor):
    from jospar.documents.stored import store_missing

    store_missing()


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0001_stored_documents"),
        ("orgs", "__latest__"),
        ("planning", "__latest__"),
        ("monitoring", "__latest__"),
    ]

    operations = [migrations.RunPython(store_missing_documents, migrations.RunPython.noop, elidable=True)]
