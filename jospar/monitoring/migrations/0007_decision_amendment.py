"""The decision points at the amendment it led to (§17 → §18): `Decision.amendment` (0008 fills it from
`PlanVersion.basis_decision`, which planning's 0010 then drops)."""
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('monitoring', '0006_report_step_comment_length'),
        ('planning', '0009_text_length_limits'),
    ]

    operations = [
        migrations.AddField(
            model_name='decision',
            name='amendment',
            field=models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='basis_decision', to='planning.planversion', verbose_name='amendment'),
        ),
        migrations.AddField(
            model_name='historicaldecision',
            name='amendment',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='planning.planversion', verbose_name='amendment'),
        ),
    ]
