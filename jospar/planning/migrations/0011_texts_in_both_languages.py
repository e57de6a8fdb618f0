"""Free texts that reach Form 1 and Form 2 kept in both state languages (issue 13.2)."""

import django.db.models.functions.text
import django.db.models.lookups
from django.db import migrations, models
from django.db.models import Q

from jospar.rules.languages import by_language

# model → the texts moved from one field to `<field>_kk` / `<field>_ru`
MOVES = {'eventrevision': ['cancel_reason'], 'historicaleventrevision': ['cancel_reason']}


def to_both_languages(apps, schema_editor):
    """Each single-language text goes to the language it is written in (told by its letters; a text with
    no Cyrillic letter to Russian); the other language is left empty for its author to type."""
    for model_name, fields in MOVES.items():
        model = apps.get_model("planning", model_name)
        typed = Q()
        for field in fields:
            typed |= ~Q(**{field: ""})
        for row in model.objects.filter(typed).only("pk", *fields).iterator():
            changed = {}
            for field in fields:
                for lang, text in by_language(getattr(row, field) or "").items():
                    changed[f"{field}_{lang}"] = text
            model.objects.filter(pk=row.pk).update(**changed)


def to_one_language(apps, schema_editor):
    """Back to one field: the Russian text, else the Kazakh."""
    for model_name, fields in MOVES.items():
        model = apps.get_model("planning", model_name)
        for row in model.objects.iterator():
            model.objects.filter(pk=row.pk).update(
                **{field: getattr(row, f"{field}_ru") or getattr(row, f"{field}_kk") for field in fields})


class Migration(migrations.Migration):

    dependencies = [
        ('planning', '0010_planversion_basis_decision_moved'),
    ]

    operations = [
        migrations.AddField(
            model_name='eventrevision',
            name='cancel_reason_kk',
            field=models.TextField(blank=True, max_length=2000, verbose_name='reason for cancelling (Kazakh)'),
        ),
        migrations.AddField(
            model_name='eventrevision',
            name='cancel_reason_ru',
            field=models.TextField(blank=True, max_length=2000, verbose_name='reason for cancelling (Russian)'),
        ),
        migrations.AddField(
            model_name='historicaleventrevision',
            name='cancel_reason_kk',
            field=models.TextField(blank=True, max_length=2000, verbose_name='reason for cancelling (Kazakh)'),
        ),
        migrations.AddField(
            model_name='historicaleventrevision',
            name='cancel_reason_ru',
            field=models.TextField(blank=True, max_length=2000, verbose_name='reason for cancelling (Russian)'),
        ),
        migrations.RunPython(to_both_languages, to_one_language),
        migrations.RemoveConstraint(
            model_name='eventrevision',
            name='revision_cancel_reason_length',
        ),
        migrations.RemoveField(
            model_name='eventrevision',
            name='cancel_reason',
        ),
        migrations.RemoveField(
            model_name='historicaleventrevision',
            name='cancel_reason',
        ),
        migrations.AddConstraint(
            model_name='eventrevision',
            constraint=models.CheckConstraint(condition=django.db.models.lookups.LessThanOrEqual(django.db.models.functions.text.Length('cancel_reason_kk'), 2000), name='revision_cancel_reason_kk_length'),
        ),
        migrations.AddConstraint(
            model_name='eventrevision',
            constraint=models.CheckConstraint(condition=django.db.models.lookups.LessThanOrEqual(django.db.models.functions.text.Length('cancel_reason_ru'), 2000), name='revision_cancel_reason_ru_length'),
        ),
    ]
