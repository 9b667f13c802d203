# Money in whole cents (issue 27): SQLite stored these as floating point. Each column's values are
# multiplied by 100 exactly as it becomes an integer column (see AlterFieldToCents).

import cenconsole.core.fields
from cenconsole.core.migration_operations import AlterFieldToCents
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('bandwidth', '0011_quota_indexes'),
    ]

    operations = [
        AlterFieldToCents(
            model_name='order',
            name='amount',
            field=cenconsole.core.fields.MoneyField(verbose_name='amount (USD)'),
        ),
        AlterFieldToCents(
            model_name='order',
            name='unit_price',
            field=cenconsole.core.fields.MoneyField(max_digits=10, verbose_name='USD per Mbps per month'),
        ),
    ]
