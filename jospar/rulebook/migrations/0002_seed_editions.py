"""The editions of the Rules from the seed in jospar.rules (Orders No. 7 of 2020, No. 45 of 2022, No. 28 of 2025)."""
from django.db import migrations

from jospar.rulebook.data import seed_missing


def seed(apps, schema_editor):
    seed_missing(apps.get_model("rulebook", "Edition"), apps.get_model("rulebook", "HistoricalEdition"),
                 schema_editor.connection.alias)


def unseed(apps, schema_editor):
    apps.get_model("rulebook", "Edition").objects.using(schema_editor.connection.alias).all().delete()
    apps.get_model("rulebook", "HistoricalEdition").objects.using(schema_editor.connection.alias).all().delete()


class Migration(migrations.Migration):
    dependencies = [("rulebook", "0001_editions")]
    operations = [migrations.RunPython(seed, unseed)]
