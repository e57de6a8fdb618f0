"""Free texts that reach Form 1 and Form 2 kept in both state languages (issue 13.2)."""

import django.db.models.functions.text
import django.db.models.lookups
from django.conf import settings
from django.db import migrations, models
from django.db.models import Q

from jospar.rules.languages import by_language

# model → the texts moved from one field to `<field>_kk` / `<field>_ru`
MOVES = {'decision': ['text'], 'historicaldecision': ['text'], 'eventrecommendation': ['text'], 'historicaleventrecommendation': ['text'], 'report': ['general_recommendations', 'amendment_proposals'], 'historicalreport': ['general_recommendations', 'amendment_proposals']}


def to_both_languages(apps, schema_editor):
    """Each single-language text goes to the language it is written in (told by its letters; a text with
    no Cyrillic letter to Russian); the other language is left empty for its author to type."""
    for model_name, fields in MOVES.items():
        model = apps.get_model("monitoring", model_name)
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
        model = apps.get_model("monitoring", model_name)
        for row in model.objects.iterator():
            model.objects.filter(pk=row.pk).update(
                **{field: getattr(row, f"{field}_ru") or getattr(row, f"{field}_kk") for field in fields})


class Migration(migrations.Migration):

    dependencies = [
        ('monitoring', '0013_drop_single_language_entry_texts'),
        ('orgs', '0004_executive_office_and_acting'),
        ('planning', '0011_texts_in_both_languages'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='decision',
            name='text_kk',
            field=models.TextField(blank=True, max_length=10000, verbose_name='decision (Kazakh)'),
        ),
        migrations.AddField(
            model_name='decision',
            name='text_ru',
            field=models.TextField(blank=True, max_length=10000, verbose_name='decision (Russian)'),
        ),
        migrations.AddField(
            model_name='eventrecommendation',
            name='text_kk',
            field=models.TextField(blank=True, max_length=10000, verbose_name='recommendation (Kazakh)'),
        ),
        migrations.AddField(
            model_name='eventrecommendation',
            name='text_ru',
            field=models.TextField(blank=True, max_length=10000, verbose_name='recommendation (Russian)'),
        ),
        migrations.AddField(
            model_name='historicaldecision',
            name='text_kk',
            field=models.TextField(blank=True, max_length=10000, verbose_name='decision (Kazakh)'),
        ),
        migrations.AddField(
            model_name='historicaldecision',
            name='text_ru',
            field=models.TextField(blank=True, max_length=10000, verbose_name='decision (Russian)'),
        ),
        migrations.AddField(
            model_name='historicaleventrecommendation',
            name='text_kk',
            field=models.TextField(blank=True, max_length=10000, verbose_name='recommendation (Kazakh)'),
        ),
        migrations.AddField(
            model_name='historicaleventrecommendation',
            name='text_ru',
            field=models.TextField(blank=True, max_length=10000, verbose_name='recommendation (Russian)'),
        ),
        migrations.AddField(
            model_name='historicalreport',
            name='amendment_proposals_kk',
            field=models.TextField(blank=True, max_length=10000, verbose_name='proposals to amend the plan (Kazakh)'),
        ),
        migrations.AddField(
            model_name='historicalreport',
            name='amendment_proposals_ru',
            field=models.TextField(blank=True, max_length=10000, verbose_name='proposals to amend the plan (Russian)'),
        ),
        migrations.AddField(
            model_name='historicalreport',
            name='general_recommendations_kk',
            field=models.TextField(blank=True, max_length=10000, verbose_name='recommendations (Kazakh)'),
        ),
        migrations.AddField(
            model_name='historicalreport',
            name='general_recommendations_ru',
            field=models.TextField(blank=True, max_length=10000, verbose_name='recommendations (Russian)'),
        ),
        migrations.AddField(
            model_name='report',
            name='amendment_proposals_kk',
            field=models.TextField(blank=True, max_length=10000, verbose_name='proposals to amend the plan (Kazakh)'),
        ),
        migrations.AddField(
            model_name='report',
            name='amendment_proposals_ru',
            field=models.TextField(blank=True, max_length=10000, verbose_name='proposals to amend the plan (Russian)'),
        ),
        migrations.AddField(
            model_name='report',
            name='general_recommendations_kk',
            field=models.TextField(blank=True, max_length=10000, verbose_name='recommendations (Kazakh)'),
        ),
        migrations.AddField(
            model_name='report',
            name='general_recommendations_ru',
            field=models.TextField(blank=True, max_length=10000, verbose_name='recommendations (Russian)'),
        ),
        migrations.RunPython(to_both_languages, to_one_language),
        migrations.AlterField(  # blank first: reversed, the column comes back filled with "" before the data
            model_name='decision',
            name='text',
            field=models.TextField(blank=True, max_length=10000, verbose_name='decision'),
        ),
        migrations.AlterField(  # blank first: reversed, the column comes back filled with "" before the data
            model_name='historicaldecision',
            name='text',
            field=models.TextField(blank=True, max_length=10000, verbose_name='decision'),
        ),
        migrations.AlterField(  # blank first: reversed, the column comes back filled with "" before the data
            model_name='eventrecommendation',
            name='text',
            field=models.TextField(blank=True, max_length=10000, verbose_name='recommendation'),
        ),
        migrations.AlterField(  # blank first: reversed, the column comes back filled with "" before the data
            model_name='historicaleventrecommendation',
            name='text',
            field=models.TextField(blank=True, max_length=10000, verbose_name='recommendation'),
        ),
        migrations.RemoveConstraint(
            model_name='decision',
            name='decision_text_length',
        ),
        migrations.RemoveConstraint(
            model_name='eventrecommendation',
            name='recommendation_text_length',
        ),
        migrations.RemoveConstraint(
            model_name='report',
            name='report_general_recommendations_length',
        ),
        migrations.RemoveConstraint(
            model_name='report',
            name='report_amendment_proposals_length',
        ),
        migrations.RemoveField(
            model_name='decision',
            name='text',
        ),
        migrations.RemoveField(
            model_name='eventrecommendation',
            name='text',
        ),
        migrations.RemoveField(
            model_name='historicaldecision',
            name='text',
        ),
        migrations.RemoveField(
            model_name='historicaleventrecommendation',
            name='text',
        ),
        migrations.RemoveField(
            model_name='historicalreport',
            name='amendment_proposals',
        ),
        migrations.RemoveField(
            model_name='historicalreport',
            name='general_recommendations',
        ),
        migrations.RemoveField(
            model_name='report',
            name='amendment_proposals',
        ),
        migrations.RemoveField(
            model_name='report',
            name='general_recommendations',
        ),
        migrations.AddConstraint(
            model_name='decision',
            constraint=models.CheckConstraint(condition=django.db.models.lookups.LessThanOrEqual(django.db.models.functions.text.Length('text_kk'), 10000), name='decision_text_kk_length'),
        ),
        migrations.AddConstraint(
            model_name='decision',
            constraint=models.CheckConstraint(condition=django.db.models.lookups.LessThanOrEqual(django.db.models.functions.text.Length('text_ru'), 10000), name='decision_text_ru_length'),
        ),
        migrations.AddConstraint(
            model_name='eventrecommendation',
            constraint=models.CheckConstraint(condition=django.db.models.lookups.LessThanOrEqual(django.db.models.functions.text.Length('text_kk'), 10000), name='recommendation_text_kk_length'),
        ),
        migrations.AddConstraint(
            model_name='eventrecommendation',
            constraint=models.CheckConstraint(condition=django.db.models.lookups.LessThanOrEqual(django.db.models.functions.text.Length('text_ru'), 10000), name='recommendation_text_ru_length'),
        ),
        migrations.AddConstraint(
            model_name='report',
            constraint=models.CheckConstraint(condition=django.db.models.lookups.LessThanOrEqual(django.db.models.functions.text.Length('general_recommendations_kk'), 10000), name='report_general_recommendations_kk_length'),
        ),
        migrations.AddConstraint(
            model_name='report',
            constraint=models.CheckConstraint(condition=django.db.models.lookups.LessThanOrEqual(django.db.models.functions.text.Length('general_recommendations_ru'), 10000), name='report_general_recommendations_ru_length'),
        ),
        migrations.AddConstraint(
            model_name='report',
            constraint=models.CheckConstraint(condition=django.db.models.lookups.LessThanOrEqual(django.db.models.functions.text.Length('amendment_proposals_kk'), 10000), name='report_amendment_proposals_kk_length'),
        ),
        migrations.AddConstraint(
            model_name='report',
            constraint=models.CheckConstraint(condition=django.db.models.lookups.LessThanOrEqual(django.db.models.functions.text.Length('amendment_proposals_ru'), 10000), name='report_amendment_proposals_ru_length'),
        ),
    ]
