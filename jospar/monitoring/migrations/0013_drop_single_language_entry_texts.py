"""The single-language texts of entries, moved to their language by 0012, are dropped; the length checks and
the rule «reasons when not executed or partially» (in at least one language) stand on the new fields."""
import django.db.models.functions.text
import django.db.models.lookups
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('monitoring', '0012_entry_texts_to_their_language'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='executionentry',
            name='actual',
        ),
        migrations.RemoveField(
            model_name='executionentry',
            name='reasons',
        ),
        migrations.RemoveField(
            model_name='historicalexecutionentry',
            name='actual',
        ),
        migrations.RemoveField(
            model_name='historicalexecutionentry',
            name='reasons',
        ),
        migrations.AddConstraint(
            model_name='executionentry',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('status__in', ['not_executed', 'partial']), _negated=True), models.Q(('reasons_kk', ''), _negated=True), models.Q(('reasons_ru', ''), _negated=True), _connector='OR'), name='entry_reasons_when_not_executed'),
        ),
        migrations.AddConstraint(
            model_name='executionentry',
            constraint=models.CheckConstraint(condition=django.db.models.lookups.LessThanOrEqual(django.db.models.functions.text.Length('actual_kk'), 10000), name='entry_actual_kk_length'),
        ),
        migrations.AddConstraint(
            model_name='executionentry',
            constraint=models.CheckConstraint(condition=django.db.models.lookups.LessThanOrEqual(django.db.models.functions.text.Length('actual_ru'), 10000), name='entry_actual_ru_length'),
        ),
        migrations.AddConstraint(
            model_name='executionentry',
            constraint=models.CheckConstraint(condition=django.db.models.lookups.LessThanOrEqual(django.db.models.functions.text.Length('reasons_kk'), 10000), name='entry_reasons_kk_length'),
        ),
        migrations.AddConstraint(
            model_name='executionentry',
            constraint=models.CheckConstraint(condition=django.db.models.lookups.LessThanOrEqual(django.db.models.functions.text.Length('reasons_ru'), 10000), name='entry_reasons_ru_length'),
        ),
    ]
