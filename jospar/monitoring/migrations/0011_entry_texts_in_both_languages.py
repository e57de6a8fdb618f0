"""Actual execution and reasons for non-execution in both state languages (issue 13): the Kazakh and
Russian fields are added beside the old single-language ones; 0012 moves the texts, 0013 drops the old fields.
(Three migrations: PostgreSQL refuses to alter a table with pending trigger events in the same transaction.)
"""
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('monitoring', '0010_open_periods_of_approved_plans'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='executionentry',
            name='entry_reasons_when_not_executed',
        ),
        migrations.RemoveConstraint(
            model_name='executionentry',
            name='entry_actual_length',
        ),
        migrations.RemoveConstraint(
            model_name='executionentry',
            name='entry_reasons_length',
        ),
        migrations.AddField(
            model_name='executionentry',
            name='actual_kk',
            field=models.TextField(blank=True, max_length=10000, verbose_name='actual execution in Kazakh'),
        ),
        migrations.AddField(
            model_name='executionentry',
            name='actual_ru',
            field=models.TextField(blank=True, max_length=10000, verbose_name='actual execution in Russian'),
        ),
        migrations.AddField(
            model_name='executionentry',
            name='reasons_kk',
            field=models.TextField(blank=True, max_length=10000, verbose_name='reasons for non-execution in Kazakh'),
        ),
        migrations.AddField(
            model_name='executionentry',
            name='reasons_ru',
            field=models.TextField(blank=True, max_length=10000, verbose_name='reasons for non-execution in Russian'),
        ),
        migrations.AddField(
            model_name='historicalexecutionentry',
            name='actual_kk',
            field=models.TextField(blank=True, max_length=10000, verbose_name='actual execution in Kazakh'),
        ),
        migrations.AddField(
            model_name='historicalexecutionentry',
            name='actual_ru',
            field=models.TextField(blank=True, max_length=10000, verbose_name='actual execution in Russian'),
        ),
        migrations.AddField(
            model_name='historicalexecutionentry',
            name='reasons_kk',
            field=models.TextField(blank=True, max_length=10000, verbose_name='reasons for non-execution in Kazakh'),
        ),
        migrations.AddField(
            model_name='historicalexecutionentry',
            name='reasons_ru',
            field=models.TextField(blank=True, max_length=10000, verbose_name='reasons for non-execution in Russian'),
        ),
    ]
