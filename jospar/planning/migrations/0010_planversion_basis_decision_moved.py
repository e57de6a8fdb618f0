"""`PlanVersion.basis_decision` is gone: the decision on the monitoring points at its amendment
(monitoring's 0008 copies the links first; it declares that order itself, so planning names no monitoring
migration)."""
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('planning', '0009_text_length_limits'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='historicalplanversion',
            name='basis_decision',
        ),
        migrations.RemoveField(
            model_name='planversion',
            name='basis_decision',
        ),
    ]
